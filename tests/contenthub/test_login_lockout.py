"""The admin login locks out after five wrong passwords, per account and per address."""

from __future__ import annotations

import logging

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-goed-wachtwoord"
LOGIN = reverse("wagtailadmin_login")


@pytest.fixture(autouse=True)
def fresh_axes():
    """No test inherits another test's failed attempts."""
    reset()
    yield
    reset()


@pytest.fixture
def redacteur():
    return User.objects.create_user(
        username="redacteur", password=PASSWORD, is_staff=True, is_superuser=True
    )


def attempt(
    username: str, password: str, *, ip: str = "198.51.100.1"
) -> tuple[int, str, bool]:
    client = Client()
    response = client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip
    )
    return (
        response.status_code,
        response.content.decode(),
        "_auth_user_id" in client.session,
    )


def test_the_right_password_logs_in(redacteur):
    status, _, logged_in = attempt("redacteur", PASSWORD)
    assert status == 302
    assert logged_in


def test_four_failures_do_not_block_and_a_success_resets_the_count(redacteur):
    for _ in range(4):
        assert not attempt("redacteur", "fout")[2]
    assert attempt("redacteur", PASSWORD)[2]
    for _ in range(4):
        attempt("redacteur", "fout")
    assert attempt("redacteur", PASSWORD)[2]


def test_five_failures_lock_the_account_even_from_other_addresses(redacteur):
    for number in range(5):
        attempt("redacteur", "fout", ip=f"198.51.100.{number + 10}")
    status, html, logged_in = attempt("redacteur", PASSWORD, ip="203.0.113.99")
    assert status == 429
    assert not logged_in
    assert "Inloggen tijdelijk geblokkeerd" in html
    assert "5 keer achter elkaar een verkeerd wachtwoord" in html
    assert "15 minuten" in html


def test_five_failures_from_one_address_lock_that_address(redacteur):
    for number in range(5):
        attempt(f"gok{number}", "fout", ip="198.51.100.7")
    status, html, logged_in = attempt("redacteur", PASSWORD, ip="198.51.100.7")
    assert status == 429
    assert not logged_in
    assert "geblokkeerd" in html
    # Another address is not blocked: the account itself had no failures.
    assert attempt("redacteur", PASSWORD, ip="198.51.100.8")[2]


def test_a_lockout_is_in_the_audit_log_and_the_log_line_names_no_one(redacteur, caplog):
    with caplog.at_level(logging.WARNING):
        for _ in range(5):
            attempt("redacteur", "fout", ip="198.51.100.20")
    entry = ModelLogEntry.objects.get(action="contenthub.inloggen_geblokkeerd")
    assert entry.object_id == str(redacteur.pk)
    assert entry.data == {"pogingen": 5}
    assert AccessAttempt.objects.filter(username="redacteur").exists()
    assert "Inloggen geblokkeerd na te veel mislukte pogingen." in caplog.text
    assert "redacteur" not in caplog.text
    assert "198.51.100.20" not in caplog.text

"""The question log: retention, and the admin report for contentmanagers."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from chatbot.models import Vraaglog
from chatbot.normalise import normalised_key
from chatbot.retention import purge_old_questions

pytestmark = pytest.mark.django_db

REPORT = "/admin/chatbot/vragen/"


def log(vraag: str, *, fallback: bool = True, dagen_geleden: float = 0) -> Vraaglog:
    entry = Vraaglog.objects.create(
        vraag=vraag,
        genormaliseerd=normalised_key(vraag),
        score=0.1 if fallback else 0.9,
        fallback=fallback,
    )
    if dagen_geleden:
        Vraaglog.objects.filter(pk=entry.pk).update(
            created_at=timezone.now() - timedelta(days=dagen_geleden)
        )
    return entry


def test_entries_older_than_the_retention_period_are_purged():
    log("oud", dagen_geleden=91)
    log("net binnen de termijn", dagen_geleden=89)
    log("nieuw")
    assert purge_old_questions(dagen=90) == 1
    assert sorted(Vraaglog.objects.values_list("vraag", flat=True)) == [
        "net binnen de termijn",
        "nieuw",
    ]


def test_the_purge_command_uses_the_retention_setting(settings):
    settings.CHATBOT_BEWAARTERMIJN_DAGEN = 7
    log("oud", dagen_geleden=8)
    log("nieuw", dagen_geleden=1)
    out = StringIO()
    call_command("vraaglog_opschonen", stdout=out)
    assert "1 vragen verwijderd die ouder zijn dan 7 dagen" in out.getvalue()
    assert list(Vraaglog.objects.values_list("vraag", flat=True)) == ["nieuw"]

    call_command("vraaglog_opschonen", "--dagen", "0", stdout=StringIO())
    assert not Vraaglog.objects.exists()


def test_a_negative_retention_is_refused():
    with pytest.raises(ValueError, match="negatief"):
        purge_old_questions(dagen=-1)


@pytest.fixture
def user_in(db):
    def make(group_name: str | None) -> User:
        user = User.objects.create_user(username=f"u-{group_name}", password="x")
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        else:
            user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        return user

    return make


@pytest.mark.parametrize(
    "group", ["Contentmanagers", "Communicatieadviseurs", "Beheerders"]
)
def test_the_three_roles_see_the_report_of_questions_without_answer(
    client, user_in, group
):
    log("wanneer is de kermis")
    client.force_login(user_in(group))
    response = client.get(REPORT)
    assert response.status_code == 200
    assert "wanneer is de kermis" in response.content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Chatbotvragen zonder antwoord" in menu


def test_an_admin_user_without_a_role_does_not_see_the_report(client, user_in):
    log("wanneer is de kermis")
    client.force_login(user_in(None))
    response = client.get(REPORT)
    assert response.status_code != 200 or "kermis" not in response.content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Chatbotvragen zonder antwoord" not in menu


def test_the_report_groups_by_normalised_text_newest_first_and_leaves_out_answers(
    client, user_in
):
    log("Wanneer is de kermis?", dagen_geleden=3)
    log("wanneer is de KERMIS", dagen_geleden=2)
    log("kermis, wanneer is die", dagen_geleden=1)
    log("waar is het zwembad")
    log("mn paspoort is gejat", fallback=False)
    client.force_login(user_in("Contentmanagers"))

    response = client.get(REPORT)
    rows = list(response.context["object_list"])
    assert [(row["voorbeeld"], row["aantal"]) for row in rows] == [
        ("waar is het zwembad", 1),
        ("kermis, wanneer is die", 3),
    ]
    html = response.content.decode()
    assert "paspoort" not in html


def test_the_report_exports_to_a_spreadsheet(client, user_in):
    log("wanneer is de kermis")
    client.force_login(user_in("Beheerders"))
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Aantal keer" in content
    assert "wanneer is de kermis" in content

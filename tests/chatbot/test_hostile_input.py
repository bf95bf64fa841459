"""Hostile input to the chatbot endpoint: a structured Dutch JSON error, fast.

Each case gave a 500 (or Django's HTML 400) before: deep JSON, a lone
surrogate, a NUL (which PostgreSQL cannot store), a body over Django's
upload limit.
"""

from __future__ import annotations

import json
import time

import pytest
from django.test import override_settings

from chatbot.models import Vraaglog

pytestmark = pytest.mark.django_db

URL = "/api/chatbot/vraag"


def post(client, body: str | bytes, **extra):
    return client.post(URL, data=body, content_type="application/json", **extra)


def assert_dutch_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["code"] == code
    assert body["fout"]
    return body


@pytest.mark.parametrize("depth", [100, 4_000])
def test_deeply_nested_json(client, home, depth):
    body = '{"vraag": "paspoort", "x": ' + "[" * depth + "]" * depth + "}"
    start = time.process_time()
    response = post(client, body)
    assert time.process_time() - start < 1.0
    assert (
        "te diep genest" in assert_dutch_error(response, 400, "ongeldige-json")["fout"]
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("vraag", "paspoort \\ud800 kwijt"),
        ("vraag", "\\udfff"),
        ("vraag", "paspoort\\u0000kwijt"),
        ("gemeente", "localhost\\u0000"),
        ("gemeente", "\\ud800"),
        ("sessie", "abc\\u0000"),
    ],
)
def test_a_nul_or_a_lone_surrogate(client, home, field, value):
    fields = {"vraag": '"Wat kost een paspoort?"', field: f'"{value}"'}
    body = "{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}"
    before = Vraaglog.objects.count()
    response = post(client, body)
    message = assert_dutch_error(response, 400, "ongeldige-tekens")["fout"]
    assert f"'{field}'" in message
    assert Vraaglog.objects.count() == before


@override_settings(CHATBOT_MAX_BERICHT_BYTES=8192)
@pytest.mark.parametrize("size", [9_000, 3_000_000])
def test_a_body_over_the_limit_is_json_413(client, home, size):
    body = json.dumps({"vraag": "x" * size})
    response = post(client, body)
    assert "8192 bytes" in assert_dutch_error(response, 413, "bericht-te-groot")["fout"]

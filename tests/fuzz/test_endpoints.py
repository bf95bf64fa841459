"""Fuzzing the public endpoints: any input gets a structured JSON answer, fast.

Random Unicode (surrogates and NUL included), deep nesting, huge numbers and
long words go to ``/graphql/`` and ``/api/chatbot/vraag``. Whatever arrives,
the answer is JSON with a Dutch error or data, never a 500, within a time
bound. Examples are few and the deadline is set, so this stays fast in CI;
it runs on SQLite and on PostgreSQL (DATABASE_URL).
"""

from __future__ import annotations

import json
import time

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

SECONDS = 2.0
"""Per request, CPU seconds of this process (a shared machine does not count); most take milliseconds."""

FUZZ = settings(
    max_examples=40,
    deadline=None,  # the time bound is asserted per request, below
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

# Every code point, lone surrogates and NUL included.
any_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF))
nasty_text = st.one_of(
    any_text,
    st.sampled_from(["\ud800", "\udfff", "\x00", "pas\x00poort", "a\ud83db"]),
    st.integers(min_value=1_000, max_value=20_000).map(lambda n: "paspoort" * (n // 8)),
    st.integers(min_value=1, max_value=6_000).map(lambda n: "9" * n),
)
json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**50), max_value=10**50),
    st.floats(allow_nan=False),
    nasty_text,
)
json_value = st.recursive(
    json_scalar,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3)
    ),
    max_leaves=8,
)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


raw_json = st.one_of(
    st.integers(min_value=1, max_value=6_000).map(nested),
    st.integers(min_value=1, max_value=3_000).map(
        lambda d: '{"a":' * d + "1" + "}" * d
    ),
)


def encode(value) -> bytes:
    # ensure_ascii keeps lone surrogates as \ud800 escapes, as a client sends them.
    return json.dumps(value, ensure_ascii=True).encode()


def assert_structured(response, started: float, *, error_key: str) -> None:
    elapsed = time.process_time() - started
    assert elapsed < SECONDS, f"{elapsed:.2f}s"
    assert response.status_code < 500, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, dict)
    if response.status_code >= 400:
        assert body[error_key]


def post(client, url: str, body: bytes):
    cache.clear()  # rate limits and cached answers would hide the work
    started = (
        time.process_time()
    )  # CPU time of this process (the test client runs in it)
    response = client.post(url, data=body, content_type="application/json")
    return response, started


# --- GraphQL ------------------------------------------------------------------

query_text = st.one_of(
    nasty_text,
    nasty_text.map(lambda t: "{ kanalen { label } " + t + " }"),
    st.integers(min_value=1, max_value=6_000).map(
        lambda n: "{ producten(first: " + "9" * n + ") { totaal } }"
    ),
    nasty_text.map(lambda t: "{ producten(zoek: " + json.dumps(t) + ") { totaal } }"),
    st.integers(min_value=1, max_value=600).map(
        lambda d: "{ kanalen " + "{ label " * d + "}" * (d + 1)
    ),
)


@FUZZ
@given(query=query_text, variables=json_value)
def test_graphql_answers_any_query_with_json(client, home, query, variables):
    body = encode({"query": query, "variables": variables})
    response, started = post(client, "/graphql/", body)
    assert_structured(response, started, error_key="errors")
    if response.status_code >= 400:
        for error in response.json()["errors"]:
            assert error["extensions"]["code"]


@FUZZ
@given(body=st.one_of(raw_json, json_value.map(lambda v: encode(v).decode())))
def test_graphql_answers_any_body_with_json(client, home, body):
    response, started = post(client, "/graphql/", body.encode())
    assert_structured(response, started, error_key="errors")


# --- Chatbot ------------------------------------------------------------------


@FUZZ
@given(vraag=nasty_text, gemeente=st.one_of(st.none(), nasty_text), extra=json_value)
def test_the_chatbot_answers_any_question_with_json(
    client, home, vraag, gemeente, extra
):
    message = {"vraag": vraag, "extra": extra}
    if gemeente is not None:
        message["gemeente"] = gemeente
    response, started = post(client, "/api/chatbot/vraag", encode(message))
    assert_structured(response, started, error_key="fout")
    if response.status_code >= 400:
        assert response.json()["code"]


@FUZZ
@given(body=raw_json)
def test_the_chatbot_answers_any_nesting_with_json(client, home, body):
    response, started = post(client, "/api/chatbot/vraag", body.encode())
    assert_structured(response, started, error_key="fout")

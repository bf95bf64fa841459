"""taalcheck and wcagcheck: for communicatieadviseurs, beheerders and scoped tokens."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import APIToken

from api.models import APITokenScope, Scope

pytestmark = pytest.mark.django_db

TAALCHECK = """query($tekst: String!) {
  taalcheck(tekst: $tekst, niveau: B1) {
    geslaagd niveau gevraagdNiveau score
    bevindingen { regel ernst melding suggestie vindplaats { veld blok begin eind } }
  }
}"""
WCAGCHECK = """query($html: String!) {
  wcagcheck(html: $html) {
    geslaagd geslaagdeRegels
    bevindingen { regel ernst melding criteria wcagNiveau fragment vindplaats { cssPad regelnummer } }
  }
}"""
LANGE_ZIN = (
    "Indien de aanvrager, nadat de gemeente de aanvraag in behandeling heeft genomen "
    "en de benodigde documenten heeft ontvangen, alsnog besluit om de aanvraag in te "
    "trekken, dan dient hij dit schriftelijk en met opgave van redenen kenbaar te maken."
)


@pytest.fixture
def user_in(django_user_model):
    def make(group: str):
        user = django_user_model.objects.create_user(group.lower(), password="x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def token(user_in):
    def make(*, scopes=(Scope.KWALITEIT,)):
        instance, plaintext = APIToken.create_token(
            user=user_in("Contentmanagers"), name="website"
        )
        for scope in scopes:
            APITokenScope.objects.create(token=instance, scope=scope)
        return instance, plaintext

    return make


def _denied(response):
    payload = response.json()
    assert payload["data"] is not None
    assert next(iter(payload["data"].values())) is None
    [error] = payload["errors"]
    assert error["extensions"]["code"] == "GEEN_TOEGANG"
    return error


def test_anonymous_gets_no_access(graphql):
    error = _denied(graphql(TAALCHECK, {"tekst": "Een korte zin."}))
    assert "communicatieadviseur" in error["message"]
    _denied(graphql(WCAGCHECK, {"html": "<p>Hallo</p>"}))


def test_a_contentmanager_gets_no_access(client, graphql, user_in):
    client.force_login(user_in("Contentmanagers"))
    _denied(graphql(TAALCHECK, {"tekst": "Een korte zin."}))


@pytest.mark.parametrize("group", ["Communicatieadviseurs", "Beheerders"])
def test_the_roles_get_the_findings(client, graphql, user_in, group):
    client.force_login(user_in(group))
    response = graphql(TAALCHECK, {"tekst": LANGE_ZIN})
    payload = response.json()
    assert "errors" not in payload, payload
    rapport = payload["data"]["taalcheck"]
    assert rapport["geslaagd"] is False
    assert rapport["gevraagdNiveau"] == "B1"
    assert any(b["regel"] == "taal.lange-zin" for b in rapport["bevindingen"])
    assert {b["ernst"] for b in rapport["bevindingen"]} <= {
        "FOUT",
        "WAARSCHUWING",
        "TIP",
    }
    assert response["Cache-Control"] == "private, no-store"


def test_wcagcheck_reports_a_missing_alt_text(client, graphql, user_in):
    client.force_login(user_in("Communicatieadviseurs"))
    payload = graphql(WCAGCHECK, {"html": '<p><img src="kaart.png"></p>'}).json()
    assert "errors" not in payload, payload
    rapport = payload["data"]["wcagcheck"]
    assert rapport["geslaagd"] is False
    [bevinding] = [b for b in rapport["bevindingen"] if "1.1.1" in b["criteria"]]
    assert bevinding["ernst"] == "FOUT"
    assert bevinding["wcagNiveau"] == "A"
    assert rapport["geslaagdeRegels"]


def test_a_token_with_the_scope(graphql, token):
    _, plaintext = token()
    payload = graphql(
        WCAGCHECK,
        {"html": "<h2>Kop</h2><p>Tekst</p>"},
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    ).json()
    assert "errors" not in payload, payload
    assert payload["data"]["wcagcheck"]["geslaagd"] is True


def test_a_token_without_the_scope(graphql, token):
    _, plaintext = token(scopes=())
    error = _denied(
        graphql(
            TAALCHECK, {"tekst": "Hallo."}, HTTP_AUTHORIZATION=f"Bearer {plaintext}"
        )
    )
    assert "kwaliteit" in error["message"]


def test_a_revoked_token(graphql, token):
    instance, plaintext = token()
    instance.revoke()
    _denied(
        graphql(
            TAALCHECK, {"tekst": "Hallo."}, HTTP_AUTHORIZATION=f"Bearer {plaintext}"
        )
    )


def test_a_token_of_an_inactive_user(graphql, token):
    instance, plaintext = token()
    instance.user.is_active = False
    instance.user.save()
    _denied(
        graphql(
            TAALCHECK, {"tekst": "Hallo."}, HTTP_AUTHORIZATION=f"Bearer {plaintext}"
        )
    )


@pytest.mark.parametrize("header", ["Bearer onzin", "Bearer wagtail_" + "A" * 34])
def test_a_false_token(graphql, header):
    _denied(graphql(TAALCHECK, {"tekst": "Hallo."}, HTTP_AUTHORIZATION=header))


def test_a_token_beats_a_session(client, graphql, token, user_in):
    # A logged-in beheerder who sends a token without scope acts as that token.
    client.force_login(user_in("Beheerders"))
    _, plaintext = token(scopes=())
    _denied(
        graphql(
            TAALCHECK, {"tekst": "Hallo."}, HTTP_AUTHORIZATION=f"Bearer {plaintext}"
        )
    )


def test_input_the_checker_refuses(client, graphql, user_in, monkeypatch):
    import taalcheck

    def refuse(tekst, **kwargs):
        raise taalcheck.TaalcheckError("De tekst is te groot om te controleren.")

    monkeypatch.setattr(taalcheck, "check", refuse)
    client.force_login(user_in("Communicatieadviseurs"))
    payload = graphql(TAALCHECK, {"tekst": "Hallo."}).json()
    assert payload["errors"][0] == {
        "message": "De tekst is te groot om te controleren.",
        "extensions": {"code": "ONGELDIGE_INVOER"},
        "locations": [{"line": 2, "column": 3}],
        "path": ["taalcheck"],
    }

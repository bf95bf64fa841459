from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import APIToken

from api.models import APITokenScope

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("api_token_scopes", *args, stdout=out)
    return out.getvalue()


def test_grant_list_and_revoke_a_scope(admin_user):
    token, _ = APIToken.create_token(user=admin_user, name="chatbot")
    _run("grant", "--id", str(token.pk), "kwaliteit")
    _run("grant", "--id", str(token.pk), "kwaliteit")  # twice changes nothing
    assert list(APITokenScope.objects.values_list("scope", flat=True)) == ["kwaliteit"]
    assert f"{token.pk}\tchatbot" in _run("list")
    assert "kwaliteit" in _run("list")
    _run("revoke", "--id", str(token.pk), "kwaliteit")
    assert not APITokenScope.objects.exists()


def test_a_revoked_or_unknown_token(admin_user):
    token, _ = APIToken.create_token(user=admin_user, name="oud")
    token.revoke()
    with pytest.raises(CommandError, match="geen actief API-token"):
        _run("grant", "--id", str(token.pk), "kwaliteit")
    with pytest.raises(CommandError):
        _run("grant", "--id", "999", "alles")

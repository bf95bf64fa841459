"""One voice in the admin: formal "u" over Wagtail's je/jij, Ja/Nee, no Gravatar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from contenthub.admin_columns import ja_nee

PO = (
    Path(settings.BASE_DIR)
    / "contenthub"
    / "locale"
    / "nl"
    / "LC_MESSAGES"
    / "django.po"
)
MO = PO.with_suffix(".mo")
INFORMAL = re.compile(r"\b(je|jij|jouw|jou)\b", re.IGNORECASE)


def test_our_locale_files_contain_no_informal_dutch():
    msgstrs = [
        line
        for line in PO.read_text(encoding="utf-8").splitlines()
        if line.startswith("msgstr")
    ]
    assert len(msgstrs) > 100
    assert [line for line in msgstrs if INFORMAL.search(line)] == []


@pytest.mark.skipif(
    not MO.exists(), reason="scripts/setup compileert de .po met msgfmt"
)
@pytest.mark.parametrize(
    ("english", "formal"),
    [
        ("Awaiting your review", "In afwachting van uw beoordeling"),
        ("Sorry, you do not have permission to access this area.", "Sorry, u hebt geen toegang tot dit gedeelte."),
        ("You cannot change your own active status", "U kunt uw eigen actief status niet wijzigen"),
        ("Editor Guide", "Handleiding voor redacteuren"),
    ],
)  # fmt: skip
def test_wagtail_speaks_formally_to_the_editor(english, formal):
    translation.trans_real._translations = {}  # read the compiled catalogue afresh
    with translation.override("nl"):
        assert gettext(english) == formal


def test_no_external_avatar_service():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_a_yes_no_column_says_ja_or_nee():
    class Keuring:
        geslaagd = True

    column = ja_nee("geslaagd", "Geslaagd")
    assert column.label == "Geslaagd"
    assert column.get_value(Keuring()) == "Ja"
    Keuring.geslaagd = False
    assert column.get_value(Keuring()) == "Nee"

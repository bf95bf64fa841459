"""taal.aanspreekvorm: "u" or "je", not both."""

from __future__ import annotations

import pytest

from .helpers import findings_of, spans_of


def test_a_je_in_a_u_text_is_flagged():
    text = (
        "U vraagt een paspoort aan. Neem uw oude paspoort mee. Dan krijg je een nieuwe."
    )
    assert spans_of(text, "taal.aanspreekvorm") == ["je"]
    (finding,) = findings_of(text, "taal.aanspreekvorm")
    assert "gebruik overal 'u'" in finding.suggestion


def test_a_u_in_a_je_text_is_flagged():
    text = "Je vraagt een pas aan. Neem je oude pas mee. Dan krijgt u een nieuwe."
    assert spans_of(text, "taal.aanspreekvorm") == ["u"]


@pytest.mark.parametrize(
    "text",
    [
        "U vraagt een paspoort aan. Neem uw oude paspoort mee.",
        "Je vraagt een pas aan. Neem jouw oude pas mee.",
        "Wij sturen de brief naar het adres.",
    ],
)
def test_one_form_throughout_is_fine(text):
    assert findings_of(text, "taal.aanspreekvorm") == []

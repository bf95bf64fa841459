"""Personal data is removed from questions before they are stored."""

from __future__ import annotations

import pytest

from chatbot.privacy import scrub


@pytest.mark.parametrize(
    ("vraag", "weg", "vervangen_door"),
    [
        ("mail me op jan.jansen+test@example.nl aub", "jan.jansen", "[e-mailadres]"),
        ("bel me op 06-12345678", "12345678", "[telefoonnummer]"),
        ("bel 06 1234 5678 terug", "1234", "[telefoonnummer]"),
        ("mijn nummer is +31 6 12345678", "12345678", "[telefoonnummer]"),
        ("vast nummer 020-1234567", "1234567", "[telefoonnummer]"),
        ("0031 20 123 4567 is mijn nummer", "123 4567", "[telefoonnummer]"),
        ("mijn bsn is 123456782", "123456782", "[bsn]"),
        ("bsn 123.456.782 klopt niet", "123.456.782", "[bsn]"),
        ("ik woon op 1234 AB 12", "1234 AB", "[postcode]"),
        ("postcode 1234ab nr 5a", "1234ab", "[postcode]"),
        ("Dorpsstraat 12 heeft een gat in de weg", "Dorpsstraat 12", "[adres]"),
        ("rekening NL91 ABNA 0417 1643 00", "ABNA", "[rekeningnummer]"),
    ],
)
def test_personal_data_is_replaced_by_a_placeholder(vraag, weg, vervangen_door):
    schoon = scrub(vraag)
    assert weg not in schoon
    assert vervangen_door in schoon


@pytest.mark.parametrize(
    "vraag",
    [
        "wat kost een paspoort",
        "mijn kind is 12 jaar",
        "kan ik 2 containers krijgen",
        "bel ik 14 0999 voor een afspraak",
    ],
)
def test_questions_without_personal_data_stay_as_they_are(vraag):
    assert scrub(vraag) == vraag

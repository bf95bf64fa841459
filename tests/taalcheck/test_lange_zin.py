"""taal.lange-zin: over 20 words warns, over 25 is a fout, with where to split."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity

from .helpers import findings_of

LONG_35 = (
    "Als u een parkeervergunning voor bewoners wilt aanvragen, moet u ingeschreven "
    "staan op een adres in het vergunninggebied en mag u samen met uw partner niet "
    "meer dan twee auto's op uw naam hebben staan."
)
MEDIUM_24 = (
    "U kunt een afspraak maken via de website van de gemeente, maar u kunt ons ook "
    "bellen op werkdagen tussen 9 en 17 uur."
)


def test_a_sentence_of_35_words_is_a_fout_with_a_split_suggestion():
    (finding,) = findings_of(LONG_35, "taal.lange-zin")
    assert finding.severity is Severity.FOUT
    assert "35 woorden" in finding.message
    assert finding.suggestion.startswith("Splits hem na '…")
    assert (finding.location.start, finding.location.end) == (0, len(LONG_35))


def test_a_sentence_of_24_words_warns_and_suggests_splitting_at_maar():
    (finding,) = findings_of(MEDIUM_24, "taal.lange-zin")
    assert finding.severity is Severity.WAARSCHUWING
    assert "Splits hem na '…van de gemeente' (voor 'maar')" in finding.suggestion


def test_split_advice_describes_the_split_and_writes_no_new_sentence():
    (finding,) = findings_of(MEDIUM_24, "taal.lange-zin")
    assert "begin een nieuwe zin" not in finding.suggestion
    assert "u kunt ons" not in finding.suggestion.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Maak online een afspraak.",
        "U krijgt binnen 8 weken een besluit. Wij sturen u een brief.",
        # Exactly 20 words is still fine.
        "Woont u in een wijk met betaald parkeren? Dan kunt u online een "
        "parkeervergunning aanvragen voor uw eigen auto en die van bezoek.",
    ],
)
def test_short_sentences_are_fine(text):
    assert findings_of(text, "taal.lange-zin") == []


def test_the_limits_are_settings():
    from taalcheck import Settings

    settings = Settings(zin_waarschuwing=5, zin_fout=8)
    (finding,) = findings_of(
        "U krijgt binnen acht weken een besluit van ons.",
        "taal.lange-zin",
        settings=settings,
    )
    assert finding.severity is Severity.FOUT

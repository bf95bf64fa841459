"""The English text of a basistekst goes through the gate and reaches every
gemeente's English translation, as the Dutch text reaches the Dutch products.

Two gemeenten translate their paspoort (own English text, no English
basistekst yet); a third has only the Dutch product. The national team
publishes the English text of the basistekst: the English check judges it,
the doorwerking re-publishes both translations through the publication gate.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale

from contenthub.models import Basistekst, ProductPage
from publicatie.basistekst import BasistekstBlocked, check_basistekst
from publicatie.doorwerking import products_of
from publicatie.models import Doorwerking, DoorwerkingResultaat
from publicatie.records import Keuring
from renderers.models import ChannelRendering
from renderers.services import approved_rendering
from tests.factories import ENGLISH_BASISTEKST as ENGLISH

from .conftest import (
    BASISTEKST,
    NIEUW_KORT_ANTWOORD,
    make_basistekst,
    make_gemeente,
    publish,
    publish_new_version,
    state_of,
)

pytestmark = pytest.mark.django_db
Uitkomst = DoorwerkingResultaat.Uitkomst

NEW_KORT_ANTWOORD = "You apply for a passport at the town hall. Bring a photo."
OWN_KORT_ANTWOORD = "You apply for a passport at our town hall."
# One sentence of 40 words: a fout of the English check (over 35 words).
TOO_LONG = (
    "You apply for a passport at the desk of the municipality where you live "
    "and you bring your old passport and a new photo and your debit card and "
    "you sign the form and we take your fingerprints at the desk."
)


def english() -> Locale:
    return Locale.objects.get(language_code="en")


def translate(product: ProductPage) -> ProductPage:
    """A gemeente's English translation with its own text, published."""
    page = product.copy_for_translation(english(), copy_parents=True)
    page = ProductPage.objects.get(pk=page.pk)
    page.title = "Apply for a passport"
    page.kort_antwoord = OWN_KORT_ANTWOORD
    return publish(page)


def publish_english_text(basistekst: Basistekst, **changes) -> Basistekst:
    """The national team's "Vertalen", translation and publication."""
    copy = basistekst.copy_for_translation(english())
    for name, value in (ENGLISH | changes).items():
        setattr(copy, name, value)
    copy.save()
    publish_new_version(copy)
    return Basistekst.objects.get(pk=copy.pk)


@pytest.fixture
def world():
    basistekst = make_basistekst()
    a = make_gemeente("aadorp", "Aadorp")
    b = make_gemeente("beestad", "Beestad")
    c = make_gemeente("ceeburg", "Ceeburg")
    dutch = {
        naam: publish(gemeente.product(basistekst=basistekst, slug="paspoort"))
        for naam, gemeente in (("a", a), ("b", b), ("c", c))
    }
    translations = {naam: translate(dutch[naam]) for naam in ("a", "b")}
    assert all(page.basistekst_id is None for page in translations.values())
    return basistekst, dutch, translations


def live(page: ProductPage) -> ProductPage:
    return ProductPage.objects.get(pk=page.pk)


def test_the_first_english_version_reaches_every_english_translation(world):
    basistekst, dutch, translations = world
    dutch_before = {naam: state_of(page) for naam, page in dutch.items()}
    before = {naam: live(page).live_revision_id for naam, page in translations.items()}

    engels = publish_english_text(basistekst)

    run = Doorwerking.objects.get(basistekst=engels)
    assert run.status == Doorwerking.Status.KLAAR
    assert (run.totaal, run.bijgewerkt, run.geblokkeerd) == (2, 2, 0)
    for naam, page in translations.items():
        page = live(page)
        assert page.basistekst_id == engels.pk
        assert page.live_revision_id != before[naam]
        assert page.kort_antwoord == ENGLISH["kort_antwoord"]
        assert [s.value["titel"] for s in page.aanvragen] == [
            "Make an appointment",
            "Come to the town hall",
        ]
        # Through the gate: a passing verdict for the new live version,
        # judged by the English rules, and renderings of that version.
        verdict = Keuring.objects.filter(
            page_id=page.pk, revision_id=page.live_revision_id
        ).latest("pk")
        assert verdict.geslaagd
        rules = {f["rule"] for f in verdict.bevindingen.get("taal", [])}
        assert not {rule for rule in rules if rule.startswith("taal.")}, rules
        web = ChannelRendering.objects.get(page=page, channel="web", variant="")
        assert web.revision_id == page.live_revision_id
        assert ENGLISH["kort_antwoord"] in web.content
        assert '<html lang="en"' in web.content
    # The Dutch products keep their version and Dutch text; only the SDG
    # document, which carries the English version, is rendered again.
    for naam, page in dutch.items():
        now = state_of(page)
        for key in ("live_revision", "kort_antwoord", "wat_is_het"):
            assert now[key] == dutch_before[naam][key], (naam, key)
        changed = {
            r[0] for r in set(now["renderings"]) ^ set(dutch_before[naam]["renderings"])
        }
        assert changed <= {"sdg"}, (naam, changed)


def test_a_new_english_version_is_carried_through_again(world):
    basistekst, _dutch, translations = world
    engels = publish_english_text(basistekst)
    first = {naam: live(page).live_revision_id for naam, page in translations.items()}

    publish_new_version(engels, kort_antwoord=NEW_KORT_ANTWOORD)

    run = Doorwerking.objects.filter(basistekst=engels).latest("pk")
    assert (run.totaal, run.bijgewerkt) == (2, 2)
    assert (
        list(run.resultaten.values_list("velden", flat=True)) == [["kort_antwoord"]] * 2
    )
    for naam, page in translations.items():
        page = live(page)
        assert page.kort_antwoord == NEW_KORT_ANTWOORD
        assert page.live_revision_id != first[naam]


def test_the_english_text_is_judged_by_the_english_check(world):
    basistekst, _dutch, _translations = world
    copy = basistekst.copy_for_translation(english())
    for name, value in ENGLISH.items():
        setattr(copy, name, value)
    rules = {f.rule for f in check_basistekst(copy).findings["taal"]}
    assert rules, "the check found nothing to say about any text"
    assert all(rule.startswith("en.") for rule in rules), rules
    # The Dutch basistekst is still judged by the Dutch B1 rules.
    dutch_rules = {f.rule for f in check_basistekst(basistekst).findings["taal"]}
    assert not any(rule.startswith("en.") for rule in dutch_rules), dutch_rules


def test_an_english_text_the_english_check_refuses_changes_nothing(world):
    basistekst, _dutch, translations = world
    engels = publish_english_text(basistekst)
    live_revision = engels.live_revision_id
    runs = Doorwerking.objects.count()
    before = {naam: state_of(page) for naam, page in translations.items()}

    engels.kort_antwoord = TOO_LONG
    revision = engels.save_revision()
    with (
        pytest.raises(BasistekstBlocked) as blocked,
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        revision.publish()

    assert "en.lange-zin" in {f.rule for f in blocked.value.result.blocking}
    assert "is niet gepubliceerd" in str(blocked.value)
    engels = Basistekst.objects.get(pk=engels.pk)
    assert engels.live_revision_id == live_revision
    assert engels.kort_antwoord == ENGLISH["kort_antwoord"]
    assert Doorwerking.objects.count() == runs
    assert {naam: state_of(page) for naam, page in translations.items()} == before


def test_an_english_translation_the_gate_refuses_is_recorded_like_a_dutch_one(world):
    basistekst, _dutch, translations = world
    engels = publish_english_text(basistekst)
    before = state_of(translations["a"])
    # An amount that is not among the kosten of these gemeenten.
    publish_new_version(
        engels, kort_antwoord="You apply for a passport. It costs € 99,00."
    )

    run = Doorwerking.objects.filter(basistekst=engels).latest("pk")
    assert (run.totaal, run.geblokkeerd, run.bijgewerkt) == (2, 2, 0)
    result = run.resultaten.get(page=translations["a"])
    assert result.uitkomst == Uitkomst.GEBLOKKEERD
    assert "€ 99,00" in result.melding
    # Nothing live changed; the refused version waits as the latest draft.
    assert state_of(translations["a"]) == before
    page = live(translations["a"])
    assert page.latest_revision_id == result.revision_id != page.live_revision_id
    verdict = Keuring.objects.get(page_id=page.pk, revision_id=result.revision_id)
    assert not verdict.geslaagd
    assert verdict.pad == "doorwerking"


def test_a_dutch_version_leaves_the_english_translations_alone(world):
    basistekst, dutch, translations = world
    publish_english_text(basistekst)
    before = {naam: state_of(page) for naam, page in translations.items()}
    assert set(products_of(basistekst)) == set(dutch.values())

    publish_new_version(basistekst, kort_antwoord=NIEUW_KORT_ANTWOORD)

    run = Doorwerking.objects.filter(basistekst=basistekst).latest("pk")
    assert (run.totaal, run.bijgewerkt) == (3, 3)
    for page in dutch.values():
        assert live(page).kort_antwoord == NIEUW_KORT_ANTWOORD
    assert BASISTEKST["kort_antwoord"] != NIEUW_KORT_ANTWOORD
    for naam, page in translations.items():
        now = state_of(page)
        # The English text and its publication stay as they were ...
        for key in ("live_revision", "kort_antwoord", "wat_is_het"):
            assert now[key] == before[naam][key]
        # ... but its Dutch source changed, so its channels now say the
        # translation may be out of date (stored again, not republished).
        assert now["renderings"] != before[naam]["renderings"]
        web = approved_rendering(live(page), "web", "fragment")
        assert web is not None
        assert "This translation may be out of date" in web.content


def test_the_command_takes_the_dutch_basistekst_when_a_translation_has_its_title(
    world,
):
    basistekst, dutch, _translations = world
    draft = basistekst.copy_for_translation(english())
    draft.save()  # "Vertalen": the English draft still has the Dutch title
    assert draft.titel == basistekst.titel

    out = io.StringIO()
    call_command("doorwerken", basistekst.titel, stdout=out)

    run = Doorwerking.objects.latest("pk")
    assert run.basistekst_id == basistekst.pk
    assert run.totaal == len(dutch)
    assert f"'{basistekst.titel}': {len(dutch)} producten" in out.getvalue()

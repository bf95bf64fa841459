"""What the national editor reads after publishing a basistekst: how many
gemeenten took the new text and how many the gate held it back for."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from publicatie.doorwerking import gemeente_counts
from publicatie.messages import doorwerking_message
from publicatie.models import Doorwerking, DoorwerkingResultaat

from .conftest import (
    KOP_AANVULLING,
    NIEUW_WAT_IS_HET,
    make_basistekst,
    make_gemeente,
    national_editor,
    publish,
)

pytestmark = pytest.mark.django_db
Uitkomst = DoorwerkingResultaat.Uitkomst


def basistekst_form(basistekst, **changes):
    data = {
        "titel": basistekst.titel,
        "upl_naam": "",
        "upl_uri": "",
        "kort_antwoord": basistekst.kort_antwoord,
        "wat_is_het": rich_text(basistekst.wat_is_het),
        "voorwaarden": rich_text(basistekst.voorwaarden),
        "aanvragen": streamfield(
            [("stap", {"titel": "Maak een afspraak", "uitleg": rich_text("")})]
        ),
        "benodigdheden": streamfield([("item", "Een pasfoto")]),
        "bezwaar_en_beroep": rich_text(basistekst.bezwaar_en_beroep),
        "vragen": streamfield([]),
        "bron": "Rijksoverheid.nl",
        "action-publish": "action-publish",
    }
    return nested_form_data(data | changes)


def test_after_publishing_the_editor_reads_what_the_gemeenten_did(
    client, django_capture_on_commit_callbacks
):
    basistekst = make_basistekst()
    neemt_over = make_gemeente("testdorp", "Testdorp")
    houdt_tegen = make_gemeente("anderdorp", "Anderdorp")
    publish(neemt_over.product(slug="paspoort", basistekst=basistekst))
    # Its local heading hangs under a heading the new national text drops.
    publish(
        houdt_tegen.product(
            slug="paspoort", basistekst=basistekst, lokale_aanvulling=KOP_AANVULLING
        )
    )
    client.force_login(national_editor())
    url = reverse("wagtailsnippets_contenthub_basistekst:edit", args=(basistekst.pk,))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, basistekst_form(basistekst, wat_is_het=rich_text(NIEUW_WAT_IS_HET))
        )
    assert response.status_code == 302
    doorwerking = Doorwerking.objects.get(basistekst=basistekst, totaal=2)
    assert doorwerking.afgerond
    # What the editor reads on the next page.
    following = client.get(reverse("wagtailadmin_home"))
    shown = [(m.level_tag, str(m)) for m in get_messages(following.wsgi_request)]
    # Wagtail's own "bijgewerkt en gepubliceerd" is replaced, not added to.
    assert [level for level, _ in shown] == ["success"]
    detail_url = reverse("quality_doorwerking", args=(doorwerking.pk,))
    # The run goes after the publication (a background task): the message
    # links to its page, which tells how it ended.
    assert "De nieuwe tekst gaat nu naar 2 product(en)" in shown[0][1]
    assert detail_url in shown[0][1]
    detail = client.get(detail_url).content.decode()
    assert "1 van de 2 gemeenten namen de nieuwe tekst over" in detail
    assert "bij 1 hield de publicatiecontrole hem tegen" in detail
    assert "data-doorwerking-bezig" not in detail


def test_the_page_of_a_running_doorwerking_updates_itself(client):
    basistekst = make_basistekst()
    doorwerking = Doorwerking.objects.create(
        basistekst=basistekst, revision=basistekst.live_revision, totaal=3
    )
    client.force_login(national_editor())
    detail = client.get(reverse("quality_doorwerking", args=(doorwerking.pk,)))
    html = detail.content.decode()
    assert "data-doorwerking-bezig" in html
    assert "publicatie/doorwerking_voortgang.js" in html
    assert "gemeenten namen" not in html


def _run_with(basistekst, *uitkomsten_per_gemeente):
    doorwerking = Doorwerking.objects.create(
        basistekst=basistekst,
        revision=basistekst.live_revision,
        totaal=sum(len(u) for u in uitkomsten_per_gemeente),
        status=Doorwerking.Status.KLAAR,
    )
    for number, uitkomsten in enumerate(uitkomsten_per_gemeente):
        gemeente = make_gemeente(f"gemeente{number}", f"Gemeente{number}")
        for index, uitkomst in enumerate(uitkomsten):
            page = gemeente.product(slug=f"product-{index}", basistekst=basistekst)
            DoorwerkingResultaat.objects.create(
                doorwerking=doorwerking, page=page, titel=page.title, uitkomst=uitkomst
            )
    return doorwerking


def test_when_every_gemeente_refused_the_message_says_so():
    doorwerking = _run_with(
        make_basistekst(),
        [Uitkomst.GEBLOKKEERD],
        [Uitkomst.GEBLOKKEERD, Uitkomst.ONGEWIJZIGD],
        [Uitkomst.FOUT],
    )
    counts = gemeente_counts(doorwerking)
    assert counts == {"gemeenten": 3, "overgenomen": 0, "tegengehouden": 3}
    text = str(doorwerking_message(doorwerking, counts))
    assert "0 van de 3 gemeenten namen de nieuwe tekst over" in text
    assert "bij 3 hield de publicatiecontrole hem tegen" in text
    assert "gewijzigd en gepubliceerd" not in text


def test_a_gemeente_with_a_published_and_a_held_product_counts_in_both():
    doorwerking = _run_with(
        make_basistekst(),
        [Uitkomst.BIJGEWERKT, Uitkomst.GEBLOKKEERD],
        [Uitkomst.CONCEPT],
        [Uitkomst.ONGEWIJZIGD],
    )
    assert gemeente_counts(doorwerking) == {
        "gemeenten": 3,
        "overgenomen": 2,
        "tegengehouden": 1,
    }


def test_while_the_run_goes_on_the_message_links_to_its_progress():
    basistekst = make_basistekst()
    doorwerking = Doorwerking.objects.create(
        basistekst=basistekst, revision=basistekst.live_revision, totaal=17
    )
    text = str(doorwerking_message(doorwerking, None))
    assert "gaat nu naar 17 product(en)" in text
    assert reverse("quality_doorwerking", args=(doorwerking.pk,)) in text

"""The demo catalogue: complete, valid, idempotent."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from contenthub.demo.loader import load_demo
from contenthub.demo.source import read_catalogus
from contenthub.demo.voorbeeldbedragen import fee_table
from contenthub.models import ProductPage, ThemaPage

pytestmark = pytest.mark.django_db

UPL_CSV = Path(__file__).resolve().parents[3] / "shared" / "data" / "upl-2023-10.csv"

# The products the issue asks for, by their UPL name.
REQUIRED_UPL_NAMES = {
    "paspoort", "identiteitskaart", "rijbewijs", "verhuismelding", "aangifte vertrek buitenland",
    "brp-inschrijving", "brp-uittreksel", "burgerservicenummer (bsn)", "geboorteaangifte",
    "erkenning kind", "overlijdensaangifte", "huwelijk", "geregistreerd partnerschapaangifte",
    "naturalisatieverzoek", "verklaring omtrent gedrag (vog)", "akte van de burgerlijke stand",
    "parkeervergunning", "gehandicaptenparkeerkaart", "gehandicaptenparkeerplaats",
    "omgevingsvergunning", "omgevingsvergunning kap", "evenementenvergunning", "afvalcontainer",
    "afvalinzameling grofvuil", "afvalkalender", "afvalpas", "afvalinzamelstation",
    "huishoudelijk afvalinzameling", "hondenbelasting", "belastingkwijtschelding",
    "woz-beschikking", "onroerendezaakbelasting (ozb)", "afvalstoffenheffing", "bijstand",
    "bijzonderebijstandsuitkering", "schuldhulpverlening", "wmo-voorziening",
    "huishoudelijke hulp", "rolstoel en scootmobiel", "woningaanpassing", "regiotaxi",
    "leerlingenvervoer", "jeugdhulp", "melding openbare ruimte (algemeen)",
    "gevonden of verloren voorwerp", "standplaatsvergunning", "terrasvergunning", "stempas",
    "huisvestingsvergunning", "ongediertebestrijding",
}  # fmt: skip


def test_demo_loads_50_valid_live_products_and_a_second_run_changes_nothing():
    # One test, because loading runs every product through the publication gate.
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert out.getvalue().startswith("Demo geladen: ")
    products = ProductPage.objects.live().specific()
    assert products.count() >= 50
    assert set(products.values_list("upl_naam", flat=True)) >= REQUIRED_UPL_NAMES
    for product in products:
        product.full_clean()  # raises with the field and message when invalid
        assert product.contact is not None
        assert product.get_parent().specific_class is ThemaPage
    themes = set(ThemaPage.objects.live().values_list("title", flat=True))
    assert {
        "Paspoort en ID-kaart",
        "Verhuizen",
        "Afval",
        "Parkeren",
        "Werk en inkomen",
        "Bouwen en wonen",
    } <= themes

    if UPL_CSV.exists():  # the hub's own copy of the UPL against the shared source
        with UPL_CSV.open(encoding="utf-8") as handle:
            official = {
                row["UniformeProductnaam"]: row["URI"] for row in csv.DictReader(handle)
            }
        for naam, uri in products.values_list("upl_naam", "upl_uri"):
            assert official[naam] == uri

    pages, revisions = Page.objects.count(), Revision.objects.count()
    latest = dict(ProductPage.objects.values_list("slug", "latest_revision_id"))
    second = load_demo()
    assert not second.changed
    assert second.created == second.updated == []
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert dict(ProductPage.objects.values_list("slug", "latest_revision_id")) == latest


def test_the_demo_readme_lists_every_example_fee():
    readme = (
        Path(__file__).resolve().parents[2] / "contenthub" / "demo" / "README.md"
    ).read_text()
    assert fee_table(read_catalogus()) in readme

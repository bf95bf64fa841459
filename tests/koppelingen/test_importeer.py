"""``manage.py importeer``: an existing catalogue in, as drafts of one gemeente.

The samples in ``importdata/`` (see its SOURCES.md) are written from the
public schemas of each source.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from contenthub.models import ProductPage
from gemeenten.services import gemeente_toevoegen
from koppelingen.importeren import importeer
from koppelingen.importeren.rapport import (
    AANGEMAAKT,
    BIJGEWERKT,
    GEWEIGERD,
    ONGEWIJZIGD,
    OVERGESLAGEN,
)
from koppelingen.models import Importherkomst
from renderers.models import ChannelRendering
from tests.openapi import errors_of, openapi_validator

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "importdata"
SDG = DATA / "sdg-producten.json"
OPEN_PRODUCT = DATA / "open-product-producttypen.json"
SITEMAP = DATA / "website" / "sitemap.xml"
SCHEMAS = Path(__file__).resolve().parents[2] / "renderers/schemas"


@pytest.fixture
def gemeente(db):
    return gemeente_toevoegen(
        naam="Importstad",
        hostname="importstad.localhost",
        website="https://importstad.nl",
    ).site


@pytest.fixture
def andere_gemeente(db):
    return gemeente_toevoegen(
        naam="Buurdorp", hostname="buurdorp.localhost", website="https://buurdorp.nl"
    ).site


def producten(site):
    return ProductPage.objects.descendant_of(site.root_page).order_by("path")


def concept(page):
    return ProductPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def kopie(tmp_path, bron: Path, wijzig) -> Path:
    data = json.loads(bron.read_text())
    wijzig(data)
    doel = tmp_path / bron.name
    doel.write_text(json.dumps(data, ensure_ascii=False))
    return doel


# The samples follow the published schemas ---------------------------------


def test_the_samples_are_valid_against_the_sources_schemas():
    sdg = json.loads(
        (SCHEMAS / "sdg/sdg-invoervoorziening-components.json").read_text()
    )
    product = openapi_validator(sdg["components"]["schemas"], "Product")
    for item in json.loads(SDG.read_text())["results"]:
        assert errors_of(product, item) == []
    op = json.loads((SCHEMAS / "open-product/producttypen-components.json").read_text())
    lijst = openapi_validator(op["components"]["schemas"], "PaginatedProductTypeList")
    assert errors_of(lijst, json.loads(OPEN_PRODUCT.read_text())) == []


# Each source arrives as drafts ----------------------------------------------


def test_sdg_products_arrive_as_drafts_mapped_field_by_field(gemeente):
    rapport = importeer("sdg", [SDG], site=gemeente)

    assert [r.uitkomst for r in rapport.regels] == [AANGEMAAKT, AANGEMAAKT]
    paspoort, parkeren = producten(gemeente)
    assert not paspoort.live
    assert not parkeren.live
    assert not ChannelRendering.objects.filter(page__in=[paspoort, parkeren]).exists()
    p = concept(paspoort)
    assert p.title == "Paspoort aanvragen"
    assert (p.upl_naam, p.upl_uri) == (
        "paspoort",
        "http://standaarden.overheid.nl/owms/terms/paspoort",
    )
    assert p.kort_antwoord == (
        "Met een paspoort kunt u reizen en laten zien wie u bent. "
        "U vraagt het aan bij de gemeente waar u woont."
    )
    assert [s.value["titel"] for s in p.aanvragen] == [
        "Maak een afspraak.",
        "Kom naar het stadskantoor.",
        "Haal uw paspoort op.",
    ]
    assert [str(b.value) for b in p.benodigdheden] == [
        "Uw oude paspoort of ID-kaart",
        "Een pasfoto van minder dan 6 maanden oud",
    ]
    assert [(r.value["omschrijving"], r.value["bedrag"]) for r in p.kosten] == [
        ("Paspoort 18 jaar en ouder", Decimal("84.29")),
        ("Paspoort jonger dan 18 jaar", Decimal("61.27")),
    ]
    assert (p.termijn_dagen, p.termijn_eenheid) == (5, "werkdagen")
    assert (
        p.online_aanvragen_url == "https://www.voorbeeldstad.invalid/afspraak-paspoort"
    )
    assert p.kanaal_online
    assert "6 weken bezwaar" in p.bezwaar_en_beroep
    assert [
        (r.value["omschrijving"], r.value["bedrag"], r.value["per"])
        for r in concept(parkeren).kosten
    ] == [("Een parkeervergunning", Decimal("120.00"), "per_jaar")]
    herkomst = Importherkomst.objects.get(page=paspoort)
    assert herkomst.extern_id == "6f1d5a2e-8c1b-4a57-9a8e-2f0c3d4b5a61"
    assert "U betaalt met uw pinpas." in herkomst.notitie
    assert "Rijksoverheid over het paspoort" in herkomst.notitie


@time_machine.travel("2026-12-03 10:00 +01:00", tick=False)
def test_open_product_producttypen_arrive_as_drafts_with_next_years_prices(gemeente):
    rapport = importeer("open-product", [OPEN_PRODUCT], site=gemeente)

    assert [r.uitkomst for r in rapport.regels] == [AANGEMAAKT, AANGEMAAKT]
    idkaart, container = (concept(p) for p in producten(gemeente))
    assert not ProductPage.objects.get(pk=idkaart.pk).live
    assert idkaart.kort_antwoord.startswith("U vraagt een ID-kaart aan")
    assert idkaart.upl_naam == "identiteitskaart"
    rows = [
        (
            r.value["omschrijving"],
            r.value["bedrag"],
            r.value["geldig_vanaf"] and r.value["geldig_vanaf"].isoformat(),
            r.value["geldig_tot"] and r.value["geldig_tot"].isoformat(),
        )
        for r in idkaart.kosten
    ]
    assert rows == [
        ("ID-kaart 18 jaar en ouder", Decimal("77.85"), None, "2026-12-31"),
        ("ID-kaart jonger dan 18 jaar", Decimal("43.10"), None, "2026-12-31"),
        ("ID-kaart 18 jaar en ouder", Decimal("80.40"), "2027-01-01", None),
        ("ID-kaart jonger dan 18 jaar", Decimal("44.50"), "2027-01-01", None),
    ]
    assert (
        idkaart.online_aanvragen_url
        == "https://www.voorbeeldstad.invalid/afspraak-id-kaart"
    )
    assert sorted(t.name for t in idkaart.zoektermen.all()) == [
        "ID",
        "identiteitskaart",
    ]
    assert container.online_aanvragen_url.endswith("/container-aanvragen")
    notitie = Importherkomst.objects.get(page_id=container.pk).notitie
    assert "Tarief volgt na besluit van de raad." in notitie
    assert "Stadskantoor" in Importherkomst.objects.get(page_id=idkaart.pk).notitie


def test_website_pages_from_a_sitemap_are_split_by_their_headings(gemeente):
    rapport = importeer("html", [SITEMAP], site=gemeente)

    assert [r.uitkomst for r in rapport.regels] == [AANGEMAAKT, AANGEMAAKT]
    verhuizing, kaart = (concept(p) for p in producten(gemeente))
    assert verhuizing.title == "Verhuizing doorgeven"
    assert verhuizing.kort_antwoord == (
        "Gaat u verhuizen binnen Nederland? Geef uw verhuizing dan door aan uw "
        "nieuwe gemeente."
    )
    assert "Home \u203a Wonen" not in verhuizing.wat_is_het
    assert "Hoofdmenu" not in verhuizing.wat_is_het
    assert "Wonen</a>" not in verhuizing.wat_is_het
    assert [str(b.value) for b in verhuizing.benodigdheden] == [
        "Uw DigiD",
        "Het nieuwe adres en de datum van de verhuizing",
    ]
    assert [s.value["titel"] for s in verhuizing.aanvragen] == [
        "Log in met DigiD.",
        "U krijgt een bevestiging per e-mail.",
    ]
    assert verhuizing.kosten_gratis
    assert len(verhuizing.kosten) == 0
    assert (verhuizing.termijn_dagen, verhuizing.termijn_eenheid) == (5, "werkdagen")
    assert verhuizing.online_aanvragen_url == (
        "https://www.voorbeeldstad.invalid/formulieren/verhuizing"
    )
    herkomst = Importherkomst.objects.get(page_id=verhuizing.pk)
    assert (
        herkomst.extern_id == "https://www.voorbeeldstad.invalid/verhuizing-doorgeven"
    )
    assert "Sectie 'Contact': Bel 14 0123" in herkomst.notitie

    assert [(r.value["omschrijving"], r.value["bedrag"]) for r in kaart.kosten] == [
        ("Kaart voor bestuurders", Decimal("160.00")),
        ("Kaart voor passagiers", Decimal("160.00")),
    ]
    assert "niet verder lopen dan 100 meter" in kaart.voorwaarden
    assert "binnen 6 weken bezwaar" in kaart.bezwaar_en_beroep
    assert "Sectie 'Nieuws'" in Importherkomst.objects.get(page_id=kaart.pk).notitie


# The report ------------------------------------------------------------------


def test_the_report_says_per_item_what_happened_was_guessed_and_is_still_needed(
    gemeente,
):
    tekst = importeer("html", [SITEMAP], site=gemeente).tekst()

    assert "Import uit bestaande website (HTML) voor Importstad" in tekst
    assert "2 aangemaakt, 0 bijgewerkt, 0 overgeslagen, 0 geweigerd." in tekst
    assert (
        "Verhuizing doorgeven (https://www.voorbeeldstad.invalid/verhuizing-doorgeven): "
        "aangemaakt als concept" in tekst
    )
    assert "Sectie 'Wat kost het?' gelezen als 'kosten'." in tekst
    assert "Niet geplaatst (staat in de notitie bij het product):" in tekst
    # The gate's own validation, as advice: no contactpunt chosen yet.
    assert "Nog nodig voor publicatie:" in tekst
    assert "Contactpunt: Kies het contactpunt" in tekst


def test_the_report_carries_taalcheck_advice(gemeente, tmp_path):
    lang = (
        "Indien u voornemens bent om een aanvraag in te dienen met betrekking tot "
        "het verkrijgen van een vergunning teneinde in het kader van de "
        "desbetreffende regelgeving werkzaamheden te verrichten, dient u "
        "voorafgaand daaraan zorg te dragen voor het overleggen van alle "
        "noodzakelijke bescheiden aan de daartoe bevoegde instantie."
    )
    bron = kopie(
        tmp_path,
        SDG,
        lambda d: d["results"][0]["vertalingen"][0].update(
            specifiekeTekst=f"<p>{lang}</p>"
        ),
    )
    rapport = importeer("sdg", [bron], site=gemeente, proef=True)
    regel = rapport.regels[0]

    assert regel.uitkomst == AANGEMAAKT
    assert (
        "Kort antwoord, Wat is het: 'teneinde' is ambtelijke taal. Veel lezers "
        "kennen het niet of vinden het stijf." in regel.taaladvies
    )
    assert "  Taaladvies (B1):\n  - Kort antwoord: De taalcheck schat deze tekst" in (
        rapport.tekst()
    )


# Idempotent, and never over an editor's work ----------------------------------


def test_a_second_run_updates_the_same_drafts_and_never_duplicates(gemeente, tmp_path):
    importeer("sdg", [SDG], site=gemeente)
    ids = list(producten(gemeente).values_list("pk", flat=True))

    again = importeer("sdg", [SDG], site=gemeente)
    assert [r.uitkomst for r in again.regels] == [ONGEWIJZIGD, ONGEWIJZIGD]

    gewijzigd = kopie(
        tmp_path,
        SDG,
        lambda d: d["results"][0]["vertalingen"][0].update(
            productTitelDecentraal="Paspoort aanvragen of verlengen"
        ),
    )
    derde = importeer("sdg", [gewijzigd], site=gemeente)
    assert [r.uitkomst for r in derde.regels] == [BIJGEWERKT, ONGEWIJZIGD]
    assert list(producten(gemeente).values_list("pk", flat=True)) == ids
    assert concept(producten(gemeente)[0]).title == "Paspoort aanvragen of verlengen"
    assert Importherkomst.objects.count() == 2


def test_an_editors_change_is_never_overwritten(gemeente, tmp_path):
    importeer("sdg", [SDG], site=gemeente)
    page = producten(gemeente)[0]
    eigen = concept(page)
    eigen.kort_antwoord = "De tekst van de redacteur."
    eigen.save_revision(clean=False)

    gewijzigd = kopie(
        tmp_path,
        SDG,
        lambda d: d["results"][0]["vertalingen"][0].update(
            productTitelDecentraal="Nieuwe titel uit de bron"
        ),
    )
    regel = importeer("sdg", [gewijzigd], site=gemeente).regels[0]

    assert regel.uitkomst == OVERGESLAGEN
    assert "redacteur heeft het concept na de vorige import gewijzigd" in regel.reden
    assert concept(page).kort_antwoord == "De tekst van de redacteur."
    assert concept(page).title == "Paspoort aanvragen"


def test_an_existing_product_with_the_same_upl_is_left_alone(gemeente):
    from tests.factories import ProductPageFactory, ThemaPageFactory

    thema = ThemaPageFactory(parent=gemeente.root_page, slug="reizen")
    eigen = ProductPageFactory(parent=thema, slug="paspoort", upl_naam="paspoort")
    revisie = eigen.latest_revision_id

    regels = importeer("sdg", [SDG], site=gemeente).regels

    assert regels[0].uitkomst == OVERGESLAGEN
    assert "al een product met de UPL-naam 'paspoort'" in regels[0].reden
    assert regels[1].uitkomst == AANGEMAAKT
    assert ProductPage.objects.get(pk=eigen.pk).latest_revision_id == revisie


def test_an_existing_product_with_the_same_title_is_left_alone(gemeente):
    from tests.factories import ProductPageFactory, ThemaPageFactory

    thema = ThemaPageFactory(parent=gemeente.root_page, slug="wonen")
    eigen = ProductPageFactory(
        parent=thema, slug="verhuizen", title="Verhuizing doorgeven"
    )

    regels = importeer("html", [SITEMAP], site=gemeente).regels

    assert regels[0].uitkomst == OVERGESLAGEN
    assert "al een product 'Verhuizing doorgeven'" in regels[0].reden
    assert regels[0].page_id == eigen.pk
    assert regels[1].uitkomst == AANGEMAAKT


def test_proef_reports_but_stores_nothing(gemeente):
    voor = ProductPage.objects.count()
    rapport = importeer("sdg", [SDG], site=gemeente, proef=True)

    assert [r.uitkomst for r in rapport.regels] == [AANGEMAAKT, AANGEMAAKT]
    assert "(proef: er is niets opgeslagen)" in rapport.tekst()
    assert ProductPage.objects.count() == voor
    assert not Importherkomst.objects.exists()


# Hostile input ---------------------------------------------------------------


def test_a_javascript_link_refuses_the_item_and_changes_nothing(gemeente, tmp_path):
    bron = kopie(
        tmp_path,
        SDG,
        lambda d: d["results"][0]["vertalingen"][0].update(
            decentraleProcedureLink="javascript:alert(document.cookie)"
        ),
    )
    rapport = importeer("sdg", [bron], site=gemeente)

    geweigerd, goed = rapport.regels
    assert geweigerd.uitkomst == GEWEIGERD
    assert "begint niet met https:, http:, mailto: of tel:" in geweigerd.reden
    assert goed.uitkomst == AANGEMAAKT
    assert [p.title for p in producten(gemeente)] == ["Parkeervergunning voor bewoners"]
    assert "geweigerd, er is niets veranderd" in rapport.tekst()


def test_a_javascript_link_in_open_product_refuses_the_producttype(gemeente, tmp_path):
    bron = kopie(
        tmp_path,
        OPEN_PRODUCT,
        lambda d: d["results"][1]["links"][0].update(url="JaVa\tScRiPt:alert(1)"),
    )
    regels = importeer("open-product", [bron], site=gemeente).regels
    assert [r.uitkomst for r in regels] == [AANGEMAAKT, GEWEIGERD]


def test_script_in_rich_text_is_removed_and_reported(gemeente, tmp_path):
    bron = kopie(
        tmp_path,
        SDG,
        lambda d: d["results"][0]["vertalingen"][0].update(
            specifiekeTekst=(
                "<p>Met een paspoort reist u.</p><script>steel()</script>"
                '<p onclick="steel()">Klik <a href="javascript:steel()">hier</a>.</p>'
            )
        ),
    )
    regel = importeer("sdg", [bron], site=gemeente).regels[0]

    assert regel.uitkomst == AANGEMAAKT
    html = concept(producten(gemeente)[0]).wat_is_het
    assert "script" not in html
    assert "steel" not in html
    assert "onclick" not in html
    assert "Met een paspoort reist u." in html
    assert any("onveilige code" in punt for punt in regel.opgeschoond)


def test_script_and_unsafe_links_on_a_web_page_never_reach_a_field(gemeente, tmp_path):
    pagina = tmp_path / "pagina.html"
    pagina.write_text(
        "<html><body><main><h1>Hondenbelasting</h1>"
        "<p>U betaalt hondenbelasting per hond.</p><script>steel()</script>"
        '<h2>Wat kost het?</h2><p onmouseover="steel()">Per hond € 98,00</p>'
        '<h2>Aanvragen</h2><ol><li><a href="javascript:steel()">Online aanvragen</a></li></ol>'
        "</main></body></html>"
    )
    regel = importeer("html", [pagina], site=gemeente).regels[0]

    assert regel.uitkomst == AANGEMAAKT
    page = concept(producten(gemeente)[0])
    alles = json.dumps(
        [page.wat_is_het, page.aanvragen.raw_data, page.kosten.raw_data], default=str
    )
    assert "steel" not in alles
    assert "javascript" not in alles.lower()
    assert page.online_aanvragen_url == ""
    assert [r.value["bedrag"] for r in page.kosten] == [Decimal("98.00")]
    assert regel.opgeschoond


@pytest.mark.parametrize("bedrag", ["NaN", "-1.00", "1e12", "veel"])
def test_an_amount_that_is_no_fee_refuses_the_producttype(gemeente, tmp_path, bedrag):
    bron = kopie(
        tmp_path,
        OPEN_PRODUCT,
        lambda d: d["results"][0]["prijzen"][0]["prijsopties"][0].update(bedrag=bedrag),
    )
    regels = importeer("open-product", [bron], site=gemeente).regels
    assert [r.uitkomst for r in regels] == [GEWEIGERD, AANGEMAAKT]
    assert repr(bedrag) in regels[0].reden


def test_markup_in_a_plain_text_field_refuses_the_item(gemeente, tmp_path):
    bron = kopie(
        tmp_path,
        OPEN_PRODUCT,
        lambda d: d["results"][0].update(samenvatting="<b>Vet</b> antwoord"),
    )
    regels = importeer("open-product", [bron], site=gemeente).regels
    assert regels[0].uitkomst == GEWEIGERD
    assert "'samenvatting' is platte tekst, maar bevat HTML-code" in regels[0].reden


def test_an_oversized_file_is_refused_whole(gemeente, tmp_path):
    groot = tmp_path / "groot.json"
    groot.write_text(json.dumps({"results": [], "vulling": "x" * (6 * 1024 * 1024)}))
    rapport = importeer("sdg", [groot], site=gemeente)

    assert [r.uitkomst for r in rapport.regels] == [GEWEIGERD]
    assert "de import leest bestanden tot 5 MB" in rapport.regels[0].reden
    assert not producten(gemeente).exists()


def test_an_oversized_text_refuses_the_item(gemeente, tmp_path):
    bron = kopie(
        tmp_path,
        SDG,
        lambda d: d["results"][1]["vertalingen"][0].update(
            vereisten="<p>" + "lang " * 20_000 + "</p>"
        ),
    )
    regels = importeer("sdg", [bron], site=gemeente).regels
    assert [r.uitkomst for r in regels] == [AANGEMAAKT, GEWEIGERD]
    assert "de import neemt maximaal 50000 tekens aan" in regels[1].reden


def test_a_file_that_is_not_json_gets_a_dutch_error(gemeente, tmp_path):
    kapot = tmp_path / "kapot.json"
    kapot.write_text("{dit is geen json")
    regel = importeer("sdg", [kapot], site=gemeente).regels[0]
    assert regel.uitkomst == GEWEIGERD
    assert regel.reden == (
        "Het bestand kapot.json is geen geldige JSON (UTF-8). "
        "Controleer of het de export van de bron is."
    )


# Gemeenten apart ---------------------------------------------------------------


def test_another_gemeente_is_never_touched(gemeente, andere_gemeente):
    importeer("sdg", [SDG], site=andere_gemeente)
    buur = {p.pk: p.latest_revision_id for p in producten(andere_gemeente)}
    assert len(buur) == 2

    rapport = importeer("sdg", [SDG], site=gemeente)

    assert [r.uitkomst for r in rapport.regels] == [AANGEMAAKT, AANGEMAAKT]
    assert {p.pk: p.latest_revision_id for p in producten(andere_gemeente)} == buur
    eigen = set(producten(gemeente).values_list("pk", flat=True))
    assert eigen.isdisjoint(buur)
    assert Importherkomst.objects.filter(site=gemeente).count() == 2


def test_a_theme_of_another_gemeente_is_refused(gemeente, andere_gemeente):
    from koppelingen.importeren import Importfout
    from tests.factories import ThemaPageFactory

    vreemd = ThemaPageFactory(parent=andere_gemeente.root_page, slug="vreemd")
    with pytest.raises(Importfout, match="hoort niet bij deze gemeente"):
        importeer("sdg", [SDG], site=gemeente, thema=vreemd)
    assert not producten(gemeente).exists()


# The command -------------------------------------------------------------------


def test_the_command_prints_the_report(gemeente, capsys):
    call_command(
        "importeer", str(SDG), "--bron", "sdg", "--gemeente", gemeente.hostname
    )
    out = capsys.readouterr().out
    assert "Import uit SDG-invoervoorziening voor Importstad" in out
    assert (
        "Paspoort aanvragen (sdg-producten.json, product 1): aangemaakt als concept"
        in out
    )


def test_the_command_needs_an_existing_gemeente(gemeente):
    with pytest.raises(
        CommandError, match="Er is geen gemeente met de hostnaam 'nergens'"
    ):
        call_command("importeer", str(SDG), "--bron", "sdg", "--gemeente", "nergens")


def test_the_command_fails_after_the_report_when_an_item_was_refused(
    gemeente, tmp_path
):
    kapot = tmp_path / "kapot.json"
    kapot.write_text("[1]")
    with pytest.raises(CommandError, match="1 item\\(s\\) geweigerd"):
        call_command(
            "importeer", str(kapot), "--bron", "sdg", "--gemeente", gemeente.hostname
        )


def test_the_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        call_command("importeer", "--help")
    out = capsys.readouterr().out
    assert "Importeert producten uit een bestaande catalogus als concepten" in out
    assert "Alleen het verslag: er wordt niets opgeslagen." in out


def test_a_copy_of_the_samples_stays_in_place(tmp_path):
    # The web sample is read from files beside the sitemap.
    shutil.copytree(DATA / "website", tmp_path / "website")
    assert (tmp_path / "website" / "verhuizing-doorgeven.html").is_file()


def test_the_editor_sees_the_source_and_the_note_of_an_imported_draft(
    gemeente, admin_client
):
    importeer("html", [SITEMAP], site=gemeente)
    page = producten(gemeente)[0]

    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert "Geïmporteerd uit bestaande website (HTML)" in html
    assert "https://www.voorbeeldstad.invalid/verhuizing-doorgeven" in html
    assert "Sectie &#x27;Contact&#x27;: Bel 14 0123" in html


@pytest.mark.parametrize(
    ("bron", "pad"), [("sdg", SDG), ("open-product", OPEN_PRODUCT), ("html", SITEMAP)]
)
def test_every_source_is_idempotent(gemeente, bron, pad):
    importeer(bron, [pad], site=gemeente)
    voor = {p.pk: p.latest_revision_id for p in producten(gemeente)}

    again = importeer(bron, [pad], site=gemeente)

    assert [r.uitkomst for r in again.regels] == [ONGEWIJZIGD, ONGEWIJZIGD]
    assert {p.pk: p.latest_revision_id for p in producten(gemeente)} == voor


def test_a_published_product_is_never_changed_by_the_import(gemeente, tmp_path):
    importeer("sdg", [SDG], site=gemeente)
    page = producten(gemeente)[0]
    ProductPage.objects.filter(pk=page.pk).update(live=True)
    gewijzigd = kopie(
        tmp_path,
        SDG,
        lambda d: d["results"][0]["vertalingen"][0].update(
            productTitelDecentraal="Nieuwe titel uit de bron"
        ),
    )

    regel = importeer("sdg", [gewijzigd], site=gemeente).regels[0]

    assert regel.uitkomst == OVERGESLAGEN
    assert "de import verandert geen live product" in regel.reden
    assert (
        ProductPage.objects.get(pk=page.pk).latest_revision_id
        == page.latest_revision_id
    )


def test_a_product_another_source_brought_in_is_not_imported_twice(gemeente, tmp_path):
    importeer("sdg", [SDG], site=gemeente)
    eerst = set(producten(gemeente).values_list("pk", flat=True))
    doel = kopie(
        tmp_path,
        OPEN_PRODUCT,
        lambda d: d["results"][0].update(uniforme_product_naam="paspoort"),
    )

    regels = importeer("open-product", [doel], site=gemeente).regels

    assert regels[0].uitkomst == OVERGESLAGEN
    assert "al een product met de UPL-naam 'paspoort'" in regels[0].reden
    assert regels[1].uitkomst == AANGEMAAKT
    na = set(producten(gemeente).values_list("pk", flat=True))
    assert eerst < na
    assert len(na) == len(eerst) + 1


def test_the_command_writes_the_report_as_json(gemeente, capsys):
    call_command(
        "importeer",
        str(SDG),
        "--bron",
        "sdg",
        "--gemeente",
        gemeente.hostname,
        "--json",
    )
    rapport = json.loads(capsys.readouterr().out)
    assert rapport["bron"] == "SDG-invoervoorziening"
    assert [r["uitkomst"] for r in rapport["regels"]] == ["aangemaakt", "aangemaakt"]


def test_an_imported_draft_is_not_public(gemeente, client):
    importeer("sdg", [SDG], site=gemeente)
    page = producten(gemeente)[0]
    client.defaults["HTTP_HOST"] = gemeente.hostname

    assert client.get(f"/{page.get_parent().slug}/{page.slug}/").status_code == 404
    assert (
        client.get("/zoeken/", {"q": "paspoort"}).content.count(b"Paspoort aanvragen")
        == 0
    )

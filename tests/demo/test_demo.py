"""The demo: national basisteksten and three gemeenten; complete, valid, idempotent.

One module-scoped load of all three gemeenten (``demo_gemeenten``) serves
every test here: loading runs every product through the publication gate.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models import F
from wagtail.models import Page, Revision, Workflow, WorkflowPage

from contenthub.inheritance import (
    INHERITED_FIELDS,
    STREAM_FIELDS,
    overridden_fields,
)
from contenthub.models import (
    Basistekst,
    Contactpunt,
    GemeenteInstellingen,
    HomePage,
    Locatie,
    ProductPage,
    ThemaPage,
)
from demo.loader import DemoDataError, load_demo
from demo.source import (
    GEMEENTEN,
    own_fields,
    read_basistekst_vertalingen,
    read_basisteksten,
    read_catalogus,
    read_organisatie,
    resolve_product,
)
from demo.voorbeeldbedragen import (
    basistekst_table,
    fee_table,
    fee_tables,
    readme_catalogi,
)
from gemeenten.services import gemeente_groups
from publicatie.models import Keuring, QualityGateTask

pytestmark = pytest.mark.django_db

UPL_CSV = Path(__file__).resolve().parents[3] / "shared" / "data" / "upl-2023-10.csv"
README = Path(__file__).resolve().parents[2] / "demo" / "README.md"
AMOUNT = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})*(?:,\d{2})?)")

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


def source_products(key: str) -> dict[str, dict]:
    return {
        product["slug"]: product
        for producten in read_catalogus(key).values()
        for product in producten
    }


def products_of(site):
    return ProductPage.objects.live().descendant_of(site.root_page).specific()


def stored(instance, name: str):
    """A shared field exactly as the database holds it."""
    value = getattr(instance, name)
    return value.get_prep_value() if name in STREAM_FIELDS else value


def amounts(text: str) -> set[Decimal]:
    return {
        Decimal(match.replace(".", "").replace(",", "."))
        for match in AMOUNT.findall(text)
    }


def test_every_gemeente_has_its_products_live_and_through_the_gate(demo_gemeenten):
    for key, site in demo_gemeenten.items():
        products = products_of(site)
        assert sorted(products.values_list("slug", flat=True)) == sorted(
            source_products(key)
        ), key
        for product in products:
            product.full_clean()  # raises with the field and message when invalid
            assert product.contact.site_id == site.pk
            assert {locatie.site_id for locatie in product.locaties.all()} <= {site.pk}
            assert product.get_parent().specific_class is ThemaPage
        # Live means the gate passed: each live version has a passed keuring.
        keurde = Keuring.objects.filter(
            page__in=products, geslaagd=True, revision_id=F("page__live_revision_id")
        )
        assert keurde.values("page").distinct().count() == products.count(), key

    voorbeeldstad = products_of(demo_gemeenten["voorbeeldstad"])
    assert voorbeeldstad.count() == 50
    assert set(voorbeeldstad.values_list("upl_naam", flat=True)) >= REQUIRED_UPL_NAMES
    themes = set(
        ThemaPage.objects.live()
        .descendant_of(demo_gemeenten["voorbeeldstad"].root_page)
        .values_list("title", flat=True)
    )
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
        for naam, uri in ProductPage.objects.values_list("upl_naam", "upl_uri"):
            assert official[naam] == uri


def test_three_gemeenten_are_sites_with_their_own_settings_snippets_and_editors(
    demo_gemeenten,
):
    sites = list(demo_gemeenten.values())
    assert len({site.pk for site in sites}) == len({s.hostname for s in sites}) == 3
    for key, site in demo_gemeenten.items():
        organisatie = read_organisatie(key)
        gemeente = organisatie["gemeente"]
        assert site.site_name == gemeente["naam"]
        assert site.root_page.specific_class is HomePage
        instellingen = GemeenteInstellingen.for_site(site)
        assert instellingen.naam == gemeente["naam"]
        assert urlparse(instellingen.website).hostname.endswith(".example")
        assert instellingen.postadres
        # The Dutch ones (Voorbeeldstad also has English versions of some).
        dutch = {"site": site, "locale__language_code": "nl"}
        assert set(
            Contactpunt.objects.filter(**dutch).values_list("naam", flat=True)
        ) == {data["naam"] for data in organisatie["contactpunt"].values()}
        assert set(Locatie.objects.filter(**dutch).values_list("naam", flat=True)) == {
            data["naam"] for data in organisatie["locatie"].values()
        }
        assert [thema.slug for thema in ThemaPage.objects.child_of(site.root_page)] == [
            thema["slug"] for thema in organisatie["thema"]
        ]

        # Its own editors, who review its own workflow and no other gemeente's.
        groups = gemeente_groups(site)
        assert set(groups) == {"contentmanagers", "communicatieadviseurs", "beheerders"}
        workflow = WorkflowPage.objects.get(page=site.root_page).workflow
        reviewers = {
            group
            for task in QualityGateTask.objects.filter(
                workflow_tasks__workflow=workflow
            )
            for group in task.groups.all()
        }
        assert groups["communicatieadviseurs"] in reviewers
        others = {
            group
            for other in sites
            if other != site
            for group in gemeente_groups(other).values()
        }
        assert not reviewers & others


def test_national_products_share_the_basistekst_text_and_differ_in_local_facts(
    demo_gemeenten,
):
    bronnen = read_basisteksten()
    assert len(bronnen) >= 12
    sources = {key: source_products(key) for key in demo_gemeenten}
    for slug, bron in bronnen.items():
        tekst = Basistekst.objects.get(titel=bron["titel"])
        assert tekst.live
        assert not tekst.has_unpublished_changes
        pages = {
            key: products_of(site).get(basistekst=tekst)
            for key, site in demo_gemeenten.items()
        }
        # The shared texts: exactly the basistekst's, unless marked as own.
        for key, page in pages.items():
            for name in INHERITED_FIELDS:
                if name not in overridden_fields(page):
                    assert stored(page, name) == stored(tekst, name), (key, slug, name)
        # The local facts: each gemeente its own contact and locations.
        assert len({page.contact_id for page in pages.values()}) == 3, slug
        locaties = [set(page.locaties.all()) for page in pages.values()]
        assert not any(a & b for i, a in enumerate(locaties) for b in locaties[i + 1 :])
        # Links: one national link everywhere, or each gemeente its own.
        links = [
            page.online_aanvragen_url
            for page in pages.values()
            if page.online_aanvragen_url
        ]
        if any(".example" in link for link in links):
            assert len(set(links)) == len(links), slug
        # Fees: invented local fees differ per gemeente, national fees do not.
        kosten = [
            [regel.value["bedrag"] for regel in page.kosten] for page in pages.values()
        ]
        local = any(
            regel.get("bron") == "voorbeeld"
            for key in demo_gemeenten
            for regel in sources[key][pages[key].slug].get("kosten", [])
        )
        assert (len({tuple(k) for k in kosten}) > 1) is local, slug


def test_no_basistekst_contains_a_local_fact(demo_gemeenten):
    facts: set[str] = set()
    local_fees: set[Decimal] = set()
    for key, site in demo_gemeenten.items():
        instellingen = GemeenteInstellingen.for_site(site)
        facts |= {
            instellingen.naam,
            instellingen.naam.removeprefix("Gemeente "),
            site.hostname,
        }
        for contact in Contactpunt.objects.filter(site=site):
            facts |= {contact.telefoon, contact.email}
        for locatie in Locatie.objects.filter(site=site):
            facts |= {locatie.naam, locatie.plaats, locatie.straat, locatie.postcode}
        local_fees |= {
            Decimal(regel["bedrag"])
            for product in source_products(key).values()
            for regel in product.get("kosten", [])
            if regel.get("bron") == "voorbeeld"
        }
    facts.discard("")

    # The Dutch basisteksten and their translations (basisteksten.en.toml).
    teksten = Basistekst.objects.filter(live=True)
    assert teksten.count() == len(read_basisteksten()) + sum(
        len(vertaald) for vertaald in read_basistekst_vertalingen().values()
    )
    for tekst in teksten:
        text = " ".join(str(stored(tekst, name)) for name in INHERITED_FIELDS)
        found = {fact for fact in facts if re.search(rf"\b{re.escape(fact)}\b", text)}
        assert not found, (tekst.titel, found)
        assert ".example" not in text, tekst.titel
        assert not amounts(text) & local_fees, tekst.titel
        # Any amount is a national fee that every inheriting product charges.
        for page in ProductPage.objects.filter(basistekst=tekst):
            charged = {Decimal(regel.value["bedrag"]) for regel in page.kosten}
            for name in set(INHERITED_FIELDS) - set(overridden_fields(page)):
                named = amounts(str(stored(tekst, name)))
                assert named <= charged, (tekst.titel, page.pk, name)


def test_own_texts_are_marked_on_purpose_and_differ_from_the_national_text(
    demo_gemeenten,
):
    overrides = []
    for key, site in demo_gemeenten.items():
        sources = source_products(key)
        for page in products_of(site).filter(basistekst__isnull=False):
            assert overridden_fields(page) == own_fields(sources[page.slug])
            for name in overridden_fields(page):
                assert stored(page, name) != stored(page.basistekst, name)
                overrides.append((key, page.slug, name))
    # The demo shows overrides on purpose; the README explains each one.
    assert overrides
    readme = README.read_text(encoding="utf-8")
    for _key, slug, name in overrides:
        assert f"{slug} (eigen: {name})" in readme


def test_a_second_run_of_the_command_changes_nothing(demo_gemeenten):
    def counts():
        return [
            model.objects.count()
            for model in (
                Page,
                Revision,
                Basistekst,
                Contactpunt,
                Locatie,
                Group,
                Workflow,
            )
        ]

    before = counts()
    latest = dict(ProductPage.objects.values_list("pk", "latest_revision_id"))
    national = dict(Basistekst.objects.values_list("pk", "latest_revision_id"))

    def unchanged():
        assert counts() == before
        assert (
            dict(ProductPage.objects.values_list("pk", "latest_revision_id")) == latest
        )
        assert (
            dict(Basistekst.objects.values_list("pk", "latest_revision_id")) == national
        )

    # The start script's call: the database holds the demo, so it is left alone.
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "de demo is niet geladen" in out.getvalue()
    unchanged()

    # Loading it again on purpose compares everything and writes nothing.
    out = StringIO()
    call_command("load_demo", "--reset", "--noinput", stdout=out)
    assert out.getvalue().startswith("Demo geladen: 0 nieuw, 0 bijgewerkt, ")
    unchanged()


def test_a_reset_asks_first_and_changes_nothing_without_a_yes(
    demo_gemeenten, monkeypatch
):
    product = products_of(demo_gemeenten["voorbeeldstad"]).get(slug="paspoort")
    product.lokale_aanvulling = "<p>Op zaterdag is de balie ook open.</p>"
    product.save_revision().publish()
    live = ProductPage.objects.get(pk=product.pk).live_revision_id
    questions = []

    def answer(text):
        def ask(prompt):
            questions.append(prompt)
            return text

        return ask

    monkeypatch.setattr("builtins.input", answer("nee"))
    out = StringIO()
    call_command("load_demo", "--reset", stdout=out)
    assert "gaat verloren" in questions[-1]
    assert "niet teruggezet" in out.getvalue()
    assert ProductPage.objects.get(pk=product.pk).live_revision_id == live

    monkeypatch.setattr("builtins.input", answer("ja"))
    call_command("load_demo", "--reset", stdout=StringIO())
    product.refresh_from_db()
    assert product.live_revision_id != live
    assert "zaterdag" not in product.lokale_aanvulling


def test_a_changed_basistekst_reaches_its_product_in_every_gemeente(
    demo_gemeenten, monkeypatch
):
    from demo import loader

    original = loader.read_basisteksten
    nieuw = (
        "U vraagt een paspoort aan bij de balie van uw gemeente. Na 5 werkdagen "
        "is het klaar. Voor volwassenen kost het € 83,87."
    )

    def with_a_new_text():
        teksten = original()
        teksten["paspoort"]["kort_antwoord"] = nieuw
        return teksten

    monkeypatch.setattr(loader, "read_basisteksten", with_a_new_text)
    result = load_demo()

    assert result.created == []
    assert sorted(result.updated) == sorted(
        ["basistekst paspoort"] + [f"product {key}/paspoort" for key in GEMEENTEN]
    )
    for site in demo_gemeenten.values():
        assert products_of(site).get(slug="paspoort").kort_antwoord == nieuw


def test_an_unknown_gemeente_is_refused_in_dutch_before_anything_is_written():
    revisions = Revision.objects.count()
    with pytest.raises(DemoDataError) as caught:
        load_demo(gemeenten=["voorbeeldstad", "nergensdorp"])
    assert "Onbekende demogemeente 'nergensdorp'" in str(caught.value)
    assert Revision.objects.count() == revisions


def test_a_shared_field_needs_its_eigen_flag_and_the_flag_needs_the_field():
    basisteksten = read_basisteksten()
    product = {"slug": "paspoort", "basistekst": "paspoort", "doelgroep": "inwoners"}

    resolved, errors = resolve_product(product, basisteksten)
    assert errors == []
    assert resolved["aanvragen"] == basisteksten["paspoort"]["aanvragen"]
    assert resolved["title"] == basisteksten["paspoort"]["titel"]

    _, errors = resolve_product({**product, "aanvragen": []}, basisteksten)
    assert "zet eigen_aanvragen = true" in errors[0]
    _, errors = resolve_product({**product, "eigen_vragen": True}, basisteksten)
    assert errors == ["eigen_vragen staat aan, maar vragen ontbreekt."]
    _, errors = resolve_product({**product, "basistekst": "bestaat-niet"}, basisteksten)
    assert "bestaat niet" in errors[0]
    _, errors = resolve_product({"slug": "x", "eigen_vragen": True}, basisteksten)
    assert "alleen bij een product met een basistekst" in errors[0]


def test_the_demo_readme_lists_every_fee_and_basistekst_per_gemeente():
    readme = README.read_text(encoding="utf-8")
    basisteksten, catalogi = readme_catalogi()
    assert list(catalogi) == [
        read_organisatie(key)["gemeente"]["naam"] for key in GEMEENTEN
    ]
    assert fee_tables(catalogi) in readme
    assert basistekst_table(basisteksten, catalogi) in readme
    for catalogus in catalogi.values():  # every gemeente has fees in its table
        assert fee_table(catalogus).count("\n") > 2

"""The national-scale generator on a small catalogue (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.models import Page, Site

from contenthub import catalogue
from contenthub.inheritance import INHERITED_FIELDS, apply_basistekst
from contenthub.models import (
    Basistekst,
    Contactpunt,
    GemeenteInstellingen,
    HomePage,
    Locatie,
    ProductPage,
    ThemaPage,
)
from demo.generator import (
    GENERATOR_BRON,
    GeneratieFout,
    gemeente_spec,
    genereer_catalogus,
    product_templates,
    slots,
)
from renderers.models import ChannelRendering

PRODUCTEN = 12
BASISTEKSTEN = 10

pytestmark = pytest.mark.django_db


def generate(gemeenten: int, **options):
    options.setdefault("producten", PRODUCTEN)
    options.setdefault("basisteksten", BASISTEKSTEN)
    options.setdefault("controle", "alles")
    # Storing renderings judges every product with the gate (seconds each);
    # only the test about channels asks for it.
    options.setdefault("kanalen", ())
    return genereer_catalogus(gemeenten=gemeenten, **options)


def products_of(nummer: int):
    site = Site.objects.get(hostname=gemeente_spec(nummer).hostname)
    return ProductPage.objects.descendant_of(site.root_page)


def tree_problems() -> list:
    return [problem for problems in Page.find_problems() for problem in problems]


def test_names_and_hostnames_are_fixed_and_distinct():
    specs = [gemeente_spec(n) for n in range(1, 409)]
    assert len({spec.naam for spec in specs}) == 408
    assert len({spec.hostname for spec in specs}) == 408
    assert gemeente_spec(7) == gemeente_spec(7)
    assert all(spec.hostname.endswith(".example") for spec in specs)
    assert gemeente_spec(409).naam != gemeente_spec(1).naam


def test_generates_a_valid_live_tree():
    result = generate(2)

    assert result.nieuwe_gemeenten == [gemeente_spec(1).naam, gemeente_spec(2).naam]
    assert result.nieuwe_producten == 2 * PRODUCTEN
    assert result.gecontroleerd == 2 * PRODUCTEN  # every product passed full_clean
    assert tree_problems() == []
    assert ProductPage.objects.live().count() == 2 * PRODUCTEN
    for nummer in (1, 2):
        spec = gemeente_spec(nummer)
        site = Site.objects.get(hostname=spec.hostname)
        assert isinstance(site.root_page.specific, HomePage)
        assert GemeenteInstellingen.for_site(site).naam == f"Gemeente {spec.naam}"
        assert catalogue.live_products(site=site).count() == PRODUCTEN
        themas = ThemaPage.objects.child_of(site.root_page)
        assert themas.count() == site.root_page.numchild
        for thema in themas:
            assert thema.numchild == ProductPage.objects.child_of(thema).count()
        for page in products_of(nummer):
            assert page.url_path.startswith(f"/{spec.slug}/")
            assert page.get_site() == site
            assert page.contact.site_id == site.pk
            assert {loc.site_id for loc in page.locaties.all()} <= {site.pk}


def test_treebeard_keeps_working_after_bulk_insert():
    generate(1)
    home = Site.objects.get(hostname=gemeente_spec(1).hostname).root_page
    extra = home.add_child(instance=ThemaPage(title="Extra", slug="extra"))
    assert extra.path > max(
        child.path for child in home.get_children().exclude(pk=extra.pk)
    )
    assert tree_problems() == []


def test_products_inherit_published_basisteksten():
    generate(2)

    assert (
        Basistekst.objects.filter(live=True, bron=GENERATOR_BRON).count()
        == BASISTEKSTEN
    )
    templates = product_templates()
    first = slots(1, templates)[0]
    for nummer in (1, 2):
        products = list(products_of(nummer).select_related("basistekst"))
        inheriting = [page for page in products if page.basistekst_id]
        # Most inherit; products beyond the number of basisteksten cannot.
        assert len(inheriting) >= BASISTEKSTEN * 0.5
        assert all(page.basistekst.titel == page.title for page in inheriting), (
            "product i inherits basistekst i"
        )
        for page in inheriting:
            # The copies on the page are exactly the published national texts.
            assert apply_basistekst(page) == []
            assert (
                page.eigen_voorwaarden
                or page.voorwaarden == page.basistekst.voorwaarden
            )
        # Product 0 inherits in every gemeente: one basistekst reaches all.
        assert products_of(nummer).get(slug=first.slug).basistekst.titel == first.title
    national = Basistekst.objects.get(titel=first.title)
    assert "Voorbeeldstad" not in json.dumps(
        [str(getattr(national, name)) for name in INHERITED_FIELDS]
    )


def test_local_facts_belong_to_the_gemeente():
    generate(2)
    spec = gemeente_spec(2)
    for page in products_of(2):
        assert "Voorbeeldstad" not in page.title
        if page.online_aanvragen_url:
            assert spec.hostname in page.online_aanvragen_url
    assert Contactpunt.objects.filter(naam__contains="Voorbeeldstad").count() == 0
    assert set(Locatie.objects.values_list("site__hostname", flat=True)) == {
        gemeente_spec(1).hostname,
        spec.hostname,
    }


def test_stores_the_chosen_channels_only():
    generate(1, kanalen=["chatbot"])
    pages = list(products_of(1).values_list("pk", flat=True))
    stored = set(
        ChannelRendering.objects.filter(page_id__in=pages).values_list(
            "channel", "variant"
        )
    )
    assert stored == {("chatbot", ""), ("chatbot", "tekst")}
    assert ChannelRendering.objects.filter(page_id__in=pages).count() == 2 * len(pages)


def test_stored_renderings_carry_a_passing_verdict_of_exactly_their_inputs():
    from publicatie.models import Keuring
    from renderers.approval import current_fingerprint

    generate(1, producten=3, basisteksten=3, kanalen=["chatbot"])
    for page in products_of(1):
        rows = ChannelRendering.objects.filter(page=page)
        assert rows.count() == 2, page.title
        for row in rows:
            assert Keuring.objects.get(pk=row.verdict_id).geslaagd
            assert row.inputs_fingerprint == current_fingerprint(page)


def test_incremental_run_leaves_existing_gemeenten_alone():
    generate(2)
    before = sorted(
        ProductPage.objects.values_list("pk", "path", "last_published_at", "title")
    )
    basisteksten = Basistekst.objects.count()

    again = generate(2)
    assert again.nieuwe_gemeenten == []
    assert again.bestaande_gemeenten == 2
    assert (
        sorted(
            ProductPage.objects.values_list("pk", "path", "last_published_at", "title")
        )
        == before
    )

    grown = generate(3)
    assert grown.nieuwe_gemeenten == [gemeente_spec(3).naam]
    assert grown.bestaande_gemeenten == 2
    assert Basistekst.objects.count() == basisteksten
    after = sorted(
        ProductPage.objects.values_list("pk", "path", "last_published_at", "title")
    )
    assert [row for row in after if row[0] in {r[0] for r in before}] == before
    assert ProductPage.objects.live().count() == 3 * PRODUCTEN
    assert tree_problems() == []


def _choices_for_seed(seed: int) -> list[tuple]:
    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            generate(1, seed=seed, controle="geen")
            choices = sorted(
                (
                    page.slug,
                    page.basistekst_id is not None,
                    page.eigen_voorwaarden,
                    bool(page.lokale_aanvulling),
                )
                for page in products_of(1)
            )
            raise Rollback
    except Rollback:
        return choices


def test_same_seed_same_choices():
    assert _choices_for_seed(5) == _choices_for_seed(5)
    assert _choices_for_seed(5) != _choices_for_seed(6)


def test_a_generated_product_is_edited_and_published_normally():
    generate(1, producten=3, basisteksten=3)
    page = products_of(1).get(slug=slots(1, product_templates())[0].slug)
    assert page.live_revision is None

    page.lokale_aanvulling = "<p>Kom op dinsdag zonder afspraak.</p>"
    revision = page.save_revision()
    revision.publish()

    page.refresh_from_db()
    assert page.live_revision_id == revision.pk
    assert "zonder afspraak" in page.lokale_aanvulling
    channels = set(
        ChannelRendering.objects.filter(page=page, revision=revision).values_list(
            "channel", flat=True
        )
    )
    assert {"web", "app", "tweet", "brief", "chatbot"} <= channels
    assert tree_problems() == []


def test_refuses_a_basistekst_it_did_not_make():
    template = slots(1, product_templates())[0]
    Basistekst.objects.create(
        titel=template.title,
        kort_antwoord="Een eigen tekst.",
        wat_is_het="<p>Eigen.</p>",
        aanvragen=[{"type": "stap", "value": {"titel": "Vraag aan", "uitleg": ""}}],
    )
    with pytest.raises(GeneratieFout, match="niet door de generator"):
        generate(1)
    assert not Site.objects.filter(hostname=gemeente_spec(1).hostname).exists()


def test_command_reports_in_dutch(capsys):
    call_command(
        "genereer_catalogus",
        "--gemeenten=1",
        "--producten=2",
        "--basisteksten=2",
        "--kanalen=geen",
        "--zonder-zoekindex",
    )
    output = capsys.readouterr().out
    assert "1 gemeenten nieuw (2 producten)" in output
    assert not ChannelRendering.objects.exists()
    with pytest.raises(CommandError, match="Onbekend kanaal: fax"):
        call_command(
            "genereer_catalogus", "--gemeenten=1", "--producten=2", "--kanalen=fax"
        )

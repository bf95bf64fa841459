"""A large, fictional catalogue for measuring the hub at national scale.

``genereer_catalogus(gemeenten=N, producten=M)`` creates N fictional
gemeenten (each a Wagtail Site with a HomePage, the demo's themes,
GemeenteInstellingen, contactpunten and locaties) with M live products each,
and the national base texts (``Basistekst``) they inherit from. The texts
come from the demo catalogue (``demo``), which passes the
publication gate; a product is that text with the gemeente's own facts:
fees, links, contactpunt, locaties and sometimes a local addition or an
overridden field.

Speed: Wagtail's ``add_child`` and ``save_revision().publish()`` cost a
second or more per product (the gate and every channel, PDF included), far
too slow for 137,000 pages. Products are therefore written in bulk, the way
Django's fixture loader writes rows:

- the ``wagtailcore_page`` rows with ``bulk_create`` and tree paths computed
  here (treebeard's materialised path: ``path``, ``depth``, ``numchild``),
  plus ``url_path``, ``content_type``, ``draft_title``, ``live`` and the
  publication dates;
- the rows of the page type's own table (``contenthub_productpage``) with
  ``save_base(raw=True)``: Django saves only the model's local fields and
  Wagtail's signal handlers (search index, reference index) skip raw saves;
- child rows (zoektermen, locaties, gerelateerde producten) with
  ``bulk_create``.

What a generated product has and has not (see docs/schaal.md):

- it is live, valid (``full_clean`` passes; checked on a sample, or on every
  product with ``controle="alles"``), and in Wagtail's search index (unless
  ``zoekindex=False``);
- it has no revision: Wagtail shows the page itself as its latest version
  and the first edit makes revision 1. A real hub keeps at least one
  revision per product, so the database is smaller than a real one;
- with ``kanalen`` (default: the chatbot, which the chatbot's index needs)
  every product is judged by the publication gate, like a publication, and
  only those channels are stored, with the approval of exactly the
  product's inputs; nothing generated reaches a channel without a verdict.
  This is the slow phase ("weergaven"); ``kanalen=()`` skips it, and then no
  channel shows the generated products. Other channels, the PDF letter
  included, are rendered when the product is next published, for example by
  the doorwerking of its basistekst.

Every gemeente is written in one transaction: it is there completely or not
at all. A second run skips the gemeenten that exist (by hostname) and adds
the missing ones, so a catalogue grows from 10 to 100 to 342 gemeenten
without touching the first ten. Gemeente *i* gets the same name, hostname
and choices in every run with the same seed.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Site

from contenthub.catalogue import bump_catalogue_version
from contenthub.inheritance import INHERITED_FIELDS, national_value
from contenthub.models import (
    Basistekst,
    Contactpunt,
    GemeenteInstellingen,
    HomePage,
    Locatie,
    ProductPage,
    ThemaPage,
)
from contenthub.models.pages import GerelateerdProduct, ProductZoekterm
from contenthub.upl import upl_uri_for

from .source import read_catalogus, read_organisatie
from .teksten import paragraph

GENERATOR_BRON = "Gegenereerde testcatalogus (demo.generator)"
"""The ``bron`` of every generated basistekst: how the generator knows its own."""

HOSTNAME_SUFFIX = ".example"
"""Generated gemeenten live under the reserved ``.example`` domain."""

LOCAL_ONLY_SHARE = 0.1
"""Share of a gemeente's products that have no basistekst (its own text)."""
OVERRIDE_SHARE = 0.05
"""Share of inheriting products that override the national voorwaarden."""
AANVULLING_SHARE = 0.25
"""Share of inheriting products with a local addition under 'Wat is het'."""

SAMPLE_PER_GEMEENTE = 5
"""Products validated per gemeente with ``controle="steekproef"``."""

_NAME_ROOTS = (
    "Aa", "Berg", "Bloem", "Dal", "Eik", "Elzen", "Gaast", "Hazel", "Heide",
    "Hoog", "Kalk", "Klaver", "Kroon", "Laag", "Lin", "Meer", "Mol", "Noor",
    "Olde", "Peel", "Raven", "Ree", "Rozen", "Schoon", "Spar", "Steen", "Ter",
    "Uil", "Veld", "Vos", "Wester", "Wilg", "Zand", "Zwaan",
)  # fmt: skip
_NAME_ENDINGS = (
    "dorp", "broek", "dam", "veen", "wijk", "hoven", "horst", "loo", "stad",
    "zijl", "kerk", "burg",
)  # fmt: skip

_DEMO_NAME = re.compile(r"\b(?:de )?(?:[Gg]emeente )?Voorbeeldstad\b")
_DEMO_HOST = re.compile(r"\bvoorbeeldstad\.example\b")
_DEMO_POSTCODE = re.compile(r"\b9999 [A-Z]{2}\b")
NATIONAL_HOST = "overheid.example"

ProgressCallback = Callable[[str], None]


class GeneratieFout(Exception):
    """The generator cannot continue; nothing of the current gemeente was written."""


# --- What to generate ------------------------------------------------------


@dataclass(frozen=True)
class GemeenteSpec:
    """One fictional gemeente, fixed by its number."""

    nummer: int
    naam: str
    slug: str

    @property
    def hostname(self) -> str:
        return f"{self.slug}{HOSTNAME_SUFFIX}"

    @property
    def website(self) -> str:
        return f"https://www.{self.hostname}"


def gemeente_spec(nummer: int) -> GemeenteSpec:
    """Gemeente ``nummer`` (1-based): always the same name and hostname."""
    if nummer < 1:
        raise ValueError("Gemeenten worden vanaf 1 genummerd.")
    index = nummer - 1
    roots, endings = len(_NAME_ROOTS), len(_NAME_ENDINGS)
    root = _NAME_ROOTS[index % roots]
    # 35 and 12 are coprime: the first 408 numbers give 408 different names.
    ending = _NAME_ENDINGS[(index + index // roots) % endings]
    naam = root + ending
    rondes = index // (roots * endings)
    if rondes:
        naam = f"{naam} {rondes + 1}"
    return GemeenteSpec(nummer=nummer, naam=naam, slug=naam.lower().replace(" ", "-"))


@dataclass(frozen=True)
class ProductTemplate:
    thema: str
    data: dict[str, Any]


def product_templates() -> list[ProductTemplate]:
    """The demo products, in catalogue order: the texts every variant starts from."""
    return [
        ProductTemplate(thema=thema, data=data)
        for thema, producten in read_catalogus().items()
        for data in producten
    ]


@dataclass(frozen=True)
class Slot:
    """Product number ``index`` of every gemeente: which text, which variant."""

    index: int
    template: ProductTemplate
    variant: int

    @property
    def title(self) -> str:
        title = self.template.data["title"]
        return title if self.variant == 0 else f"{title} (variant {self.variant + 1})"

    @property
    def slug(self) -> str:
        slug = self.template.data["slug"]
        return slug if self.variant == 0 else f"{slug}-{self.variant + 1}"


def slots(count: int, templates: Sequence[ProductTemplate]) -> list[Slot]:
    n = len(templates)
    return [Slot(i, templates[i % n], i // n) for i in range(count)]


# --- Results ---------------------------------------------------------------


@dataclass
class Fasetijden:
    """Seconds spent per phase, summed over the gemeenten of one run."""

    paginas: float = 0.0
    relaties: float = 0.0
    weergaven: float = 0.0
    zoekindex: float = 0.0
    controle: float = 0.0

    def regel(self) -> str:
        return (
            f"pagina's {self.paginas:.1f} s, relaties {self.relaties:.1f} s, "
            f"weergaven {self.weergaven:.1f} s, zoekindex {self.zoekindex:.1f} s, "
            f"controle {self.controle:.1f} s"
        )


@dataclass
class GeneratieResultaat:
    nieuwe_gemeenten: list[str] = field(default_factory=list)
    bestaande_gemeenten: int = 0
    nieuwe_producten: int = 0
    nieuwe_basisteksten: int = 0
    gecontroleerd: int = 0
    seconden: float = 0.0
    fasen: Fasetijden = field(default_factory=Fasetijden)


# --- Text: national and local versions of the demo texts -------------------


def national_text(text: str) -> str:
    """A demo text without Voorbeeldstad: the national version."""
    text = _DEMO_HOST.sub(NATIONAL_HOST, text)
    return _DEMO_NAME.sub("uw gemeente", text)


def local_text(text: str, gemeente: GemeenteSpec) -> str:
    """A demo text as this gemeente writes it."""
    text = _DEMO_HOST.sub(gemeente.hostname, text)
    return _DEMO_NAME.sub(
        lambda match: match.group(0).replace("Voorbeeldstad", gemeente.naam), text
    )


def shared_texts(data: dict[str, Any], convert: Callable[[str], str]) -> dict[str, Any]:
    """The seven inheritable fields of a demo product, through ``convert``."""
    return {
        "kort_antwoord": convert(data["kort_antwoord"]),
        "wat_is_het": convert(data.get("wat_is_het", "")),
        "voorwaarden": convert(data.get("voorwaarden", "")),
        "bezwaar_en_beroep": convert(data.get("bezwaar_en_beroep", "")),
        "aanvragen": [
            {
                "type": "stap",
                "value": {
                    "titel": convert(stap["titel"]),
                    "uitleg": paragraph(convert(stap.get("uitleg", ""))),
                },
            }
            for stap in data["aanvragen"]
        ],
        "benodigdheden": [
            {"type": "item", "value": convert(item)}
            for item in data.get("benodigdheden", [])
        ],
        "vragen": [
            {
                "type": "vraag",
                "value": {
                    "vraag": convert(vraag["vraag"]),
                    "antwoord": convert(vraag["antwoord"]),
                },
            }
            for vraag in data.get("vragen", [])
        ],
    }


def _local_kosten(
    data: dict[str, Any], factor: Decimal, gemeente: GemeenteSpec
) -> list[dict[str, Any]]:
    # National fees are the same everywhere; the demo's invented ("voorbeeld")
    # fees differ per gemeente.
    regels = []
    for regel in data.get("kosten", []):
        bedrag = Decimal(regel["bedrag"])
        if "voorbeeld" in regel.get("bron", "").lower() and bedrag:
            bedrag = (bedrag * factor / Decimal("0.05")).quantize(
                Decimal(1), rounding=ROUND_HALF_UP
            ) * Decimal("0.05")
        regels.append(
            {
                "type": "regel",
                "value": {
                    "omschrijving": local_text(regel["omschrijving"], gemeente),
                    "bedrag": str(bedrag.quantize(Decimal("0.01"))),
                    "per": regel["per"],
                },
            }
        )
    return regels


# --- Tree writing -----------------------------------------------------------


def _next_step(parent: Page) -> int:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def bulk_add_children(parent: Page, children: Sequence[Page]) -> None:
    """Add ``children`` (unsaved, all of one page type) under ``parent``.

    Equivalent to ``parent.add_child(instance=child)`` for each child as far
    as the tree is concerned (paths, depth, numchild, url_path), without
    Wagtail's per-page signals, revisions or publication. The children keep
    the ``live`` and date fields they were given.
    """
    if not children:
        return
    model = type(children[0])
    if any(type(child) is not model for child in children):
        raise ValueError("bulk_add_children voegt één paginatype tegelijk toe.")
    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    step = _next_step(parent)
    page_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    rows = []
    for offset, child in enumerate(children):
        child.path = Page._get_path(parent.path, depth, step + offset)
        child.depth = depth
        child.numchild = 0
        child.url_path = f"{parent.url_path}{child.slug}/"
        child.content_type_id = content_type.pk
        child.locale_id = parent.locale_id
        child.draft_title = child.title
        rows.append(Page(**{name: getattr(child, name) for name in page_fields}))
    Page.objects.bulk_create(rows)
    if any(row.pk is None for row in rows):  # databases that return no ids
        ids = dict(
            Page.objects.filter(path__in=[row.path for row in rows]).values_list(
                "path", "pk"
            )
        )
        for row in rows:
            row.pk = ids[row.path]
    for child, row in zip(children, rows, strict=True):
        child.pk = child.id = row.pk
        # Like Django's fixture loader: only the page type's own table.
        child.save_base(raw=True, force_insert=True)
        child._state.adding = False
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(children))
    parent.numchild += len(children)


# --- Basisteksten -----------------------------------------------------------


def ensure_basisteksten(
    aantal: int, templates: Sequence[ProductTemplate]
) -> tuple[list[Basistekst], int]:
    """Basisteksten 0..aantal-1 (published); return them and how many are new."""
    wanted = slots(aantal, templates)
    existing = {
        tekst.titel: tekst
        for tekst in Basistekst.objects.filter(
            titel__in=[s.title for s in wanted], locale__language_code="nl"
        )
    }
    result: list[Basistekst] = []
    created = 0
    for slot in wanted:
        tekst = existing.get(slot.title)
        if tekst is not None and tekst.bron != GENERATOR_BRON:
            raise GeneratieFout(
                f"Er is al een basistekst '{slot.title}' die niet door de generator "
                "is gemaakt. Genereer de catalogus in een eigen, lege database."
            )
        if tekst is None:
            tekst = _create_basistekst(slot)
            created += 1
        result.append(tekst)
    return result, created


def _create_basistekst(slot: Slot) -> Basistekst:
    data = slot.template.data
    tekst = Basistekst(
        titel=slot.title,
        upl_naam=data["upl_naam"],
        upl_uri=upl_uri_for(data["upl_naam"]) or "",
        bron=GENERATOR_BRON,
        live=False,
        **shared_texts(data, national_text),
    )
    tekst.full_clean()
    tekst.save()
    # Published the normal way: a revision that becomes the live version.
    tekst.save_revision().publish()
    tekst.refresh_from_db()
    return tekst


# --- One gemeente -----------------------------------------------------------


@dataclass
class _Gemeente:
    spec: GemeenteSpec
    site: Site
    home: HomePage
    themas: dict[str, ThemaPage]
    contactpunten: dict[str, Contactpunt]
    locaties: dict[str, Locatie]


def _create_gemeente(spec: GemeenteSpec, organisatie: dict[str, Any], now) -> _Gemeente:
    root = Page.get_first_root_node()
    home = HomePage(
        title=f"Gemeente {spec.naam}",
        slug=spec.slug,
        intro=f"Alle producten en diensten van de gemeente {spec.naam}.",
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    bulk_add_children(root, [home])
    site = Site.objects.create(
        hostname=spec.hostname,
        port=80,
        root_page=home,
        site_name=f"Gemeente {spec.naam}",
        is_default_site=not Site.objects.filter(is_default_site=True).exists(),
    )
    GemeenteInstellingen.objects.create(
        site=site,
        naam=f"Gemeente {spec.naam}",
        website=spec.website,
        postadres=f"Postbus {100 + spec.nummer}\n{_postcode(spec.nummer, 'ZZ')} {spec.naam}",
    )
    themas = [
        ThemaPage(
            title=thema["title"],
            slug=thema["slug"],
            intro=local_text(thema.get("intro", ""), spec),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for thema in organisatie["thema"]
    ]
    bulk_add_children(home, themas)
    contactpunten = {
        key: _snippet(Contactpunt, data, site, spec)
        for key, data in organisatie["contactpunt"].items()
    }
    locaties = {
        key: _snippet(Locatie, data, site, spec)
        for key, data in organisatie["locatie"].items()
    }
    return _Gemeente(
        spec=spec,
        site=site,
        home=home,
        themas={thema.slug: thema for thema in themas},
        contactpunten=contactpunten,
        locaties=locaties,
    )


def _postcode(nummer: int, letters: str) -> str:
    return f"{1000 + (nummer * 37) % 9000} {letters}"


def _snippet(model: type, data: dict[str, Any], site: Site, spec: GemeenteSpec):
    values = {
        key: local_text(value, spec) if isinstance(value, str) else value
        for key, value in data.items()
        if key != "openingstijden"
    }
    if "postcode" in values:
        values["postcode"] = _DEMO_POSTCODE.sub(
            lambda m: _postcode(spec.nummer, m.group(0)[-2:]), values["postcode"]
        )
    values["openingstijden"] = [
        {"type": "dag", "value": {"alleen_op_afspraak": False, **regel}}
        for regel in data["openingstijden"]
    ]
    instance = model(site=site, **values)
    instance.full_clean()
    # Saved without the post_save signal's re-rendering: a new snippet has
    # no products yet (the receivers only act on changes).
    instance.save()
    return instance


def _build_product(
    slot: Slot,
    gemeente: _Gemeente,
    basistekst: Basistekst | None,
    rng: random.Random,
    factor: Decimal,
    now,
) -> ProductPage:
    data = slot.template.data
    spec = gemeente.spec
    page = ProductPage(
        title=slot.title,
        slug=slot.slug,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        basistekst=basistekst,
        upl_naam=data["upl_naam"],
        upl_uri=upl_uri_for(data["upl_naam"]) or "",
        doelgroep=data["doelgroep"],
        kosten_gratis=data.get("kosten_gratis", False),
        kosten=_local_kosten(data, factor, spec),
        termijn_omschrijving=local_text(data.get("termijn_omschrijving", ""), spec),
        termijn_dagen=data.get("termijn_dagen"),
        termijn_eenheid=data.get("termijn_eenheid", "werkdagen"),
        online_aanvragen_url=local_text(data.get("online_aanvragen_url", ""), spec),
        advies_kanaal=data.get("advies_kanaal", ""),
        contact=gemeente.contactpunten[data["contact"]],
        wat_als_geen_reactie=local_text(data.get("wat_als_geen_reactie", ""), spec),
    )
    kanalen = set(data.get("kanalen", []))
    for kanaal in ("online", "balie", "telefoon", "post"):
        setattr(page, f"kanaal_{kanaal}", kanaal in kanalen)
    if basistekst is None:
        texts = shared_texts(data, lambda text: local_text(text, spec))
    else:
        texts = {name: national_value(basistekst, name) for name in INHERITED_FIELDS}
        if data.get("voorwaarden") and rng.random() < OVERRIDE_SHARE:
            page.eigen_voorwaarden = True
            texts["voorwaarden"] = local_text(data["voorwaarden"], spec)
        if rng.random() < AANVULLING_SHARE:
            page.lokale_aanvulling = paragraph(
                f"Woont u in {spec.naam}? Dan kunt u hiervoor ook terecht bij "
                f"{gemeente.contactpunten[data['contact']].naam}. Maak eerst een afspraak."
            )
    for name, value in texts.items():
        setattr(page, name, value)
    return page


def _add_relations(
    gemeente: _Gemeente, pages: dict[str, tuple[Slot, ProductPage]], tags: dict
) -> None:
    through_locatie = ProductPage._meta.get_field("locaties").remote_field.through
    locatie_rows, zoekterm_rows, gerelateerd_rows = [], [], []
    for slot, page in pages.values():
        data = slot.template.data
        locatie_rows.extend(
            through_locatie(
                productpage_id=page.pk, locatie_id=gemeente.locaties[key].pk
            )
            for key in data.get("locaties", [])
        )
        zoekterm_rows.extend(
            ProductZoekterm(content_object_id=page.pk, tag_id=tags[name])
            for name in dict.fromkeys(n.lower() for n in data.get("zoektermen", []))
        )
        order = 0
        for related_slug in data.get("gerelateerd", []):
            # The same variant of the related text, else its first variant.
            target = pages.get(
                related_slug
                if slot.variant == 0
                else f"{related_slug}-{slot.variant + 1}"
            ) or pages.get(related_slug)
            if target is None:
                continue
            gerelateerd_rows.append(
                GerelateerdProduct(
                    page_id=page.pk, product_id=target[1].pk, sort_order=order
                )
            )
            order += 1
    through_locatie.objects.bulk_create(locatie_rows, batch_size=1000)
    ProductZoekterm.objects.bulk_create(zoekterm_rows, batch_size=1000)
    GerelateerdProduct.objects.bulk_create(gerelateerd_rows, batch_size=1000)


def ensure_tags(templates: Iterable[ProductTemplate]) -> dict[str, int]:
    """Every zoekterm of the templates as a taggit Tag; lower-case name → id."""
    names = dict.fromkeys(
        name for template in templates for name in template.data.get("zoektermen", [])
    )
    ids: dict[str, int] = {}
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
            name=name
        )
        ids[name.lower()] = tag.pk
    return ids


def store_channel_renderings(
    pages: Sequence[ProductPage], kanalen: Sequence[str]
) -> int:
    """Judge live ``pages`` with the publication gate and store ``kanalen`` of
    those that pass, each with the approval of exactly its inputs.

    The same approved path as a publication (``publicatie.holding.judge`` and
    ``renderers.services.store_renderings``), so nothing generated reaches a
    channel without a verdict. A product the gate refuses keeps no rendering
    (no channel shows it). Returns the number of renderings stored.
    """
    from publicatie.holding import judge
    from renderers.services import store_renderings

    if not kanalen or not pages:
        return 0
    wanted = set(kanalen)
    fresh = (
        ProductPage.objects.filter(pk__in=[page.pk for page in pages])
        .select_related("contact")
        .prefetch_related("zoektermen", "locaties", "gerelateerde_producten__product")
    )
    stored = 0
    for page in fresh:
        judgement = judge(page, path="code")
        if judgement.approval is None:
            continue
        renderings = [
            rendering
            for rendering in judgement.renderings or ()
            if rendering.channel in wanted and rendering.variant != "pdf"
        ]
        store_renderings(
            page,
            approval=judgement.approval,
            snapshot=judgement.snapshot,
            renderings=renderings,
        )
        stored += len(renderings)
    return stored


def _validate(pages: Sequence[ProductPage], spec: GemeenteSpec) -> None:
    problems = []
    for page in ProductPage.objects.filter(pk__in=[p.pk for p in pages]):
        try:
            page.full_clean()
        except ValidationError as error:
            problems.extend(
                f"{spec.naam}/{page.slug}: {veld}: {melding}"
                for veld, meldingen in error.message_dict.items()
                for melding in meldingen
            )
    if problems:
        raise GeneratieFout("Ongeldige gegenereerde producten:\n" + "\n".join(problems))


def _generate_gemeente(
    spec: GemeenteSpec,
    *,
    producten: int,
    organisatie: dict[str, Any],
    product_slots: Sequence[Slot],
    basisteksten: Sequence[Basistekst],
    tags: dict[str, int],
    seed: int,
    kanalen: Sequence[str],
    zoekindex: bool,
    controle: str,
    fasen: Fasetijden,
) -> int:
    rng = random.Random(f"{seed}:{spec.nummer}")  # noqa: S311 - test data
    now = timezone.now()
    began = time.perf_counter()
    gemeente = _create_gemeente(spec, organisatie, now)
    factor = Decimal(str(round(rng.uniform(0.8, 1.25), 2)))
    by_thema: dict[str, list[ProductPage]] = {}
    pages: dict[str, tuple[Slot, ProductPage]] = {}
    for slot in product_slots[:producten]:
        # Slot 0 always inherits, so one basistekst is used by every gemeente.
        local_only = slot.index > 0 and rng.random() < LOCAL_ONLY_SHARE
        basistekst = (
            basisteksten[slot.index]
            if slot.index < len(basisteksten) and not local_only
            else None
        )
        page = _build_product(slot, gemeente, basistekst, rng, factor, now)
        by_thema.setdefault(slot.template.thema, []).append(page)
        pages[slot.slug] = (slot, page)
    for thema_slug, children in by_thema.items():
        bulk_add_children(gemeente.themas[thema_slug], children)
    mid = time.perf_counter()
    fasen.paginas += mid - began
    _add_relations(gemeente, pages, tags)
    fasen.relaties += time.perf_counter() - mid

    product_pages = [page for _slot, page in pages.values()]
    mid = time.perf_counter()
    store_channel_renderings(product_pages, kanalen)
    fasen.weergaven += time.perf_counter() - mid

    if zoekindex:
        from wagtail.search.backends import get_search_backend

        mid = time.perf_counter()
        backend = get_search_backend()
        backend.add_bulk(HomePage, [gemeente.home])
        backend.add_bulk(ThemaPage, list(gemeente.themas.values()))
        for start in range(0, len(product_pages), 200):
            backend.add_bulk(
                ProductPage,
                list(
                    ProductPage.objects.filter(
                        pk__in=[p.pk for p in product_pages[start : start + 200]]
                    ).prefetch_related("zoektermen")
                ),
            )
        fasen.zoekindex += time.perf_counter() - mid

    mid = time.perf_counter()
    if controle == "alles":
        sample = product_pages
    elif controle == "steekproef":
        sample = rng.sample(product_pages, min(SAMPLE_PER_GEMEENTE, len(product_pages)))
    else:
        sample = []
    _validate(sample, spec)
    fasen.controle += time.perf_counter() - mid
    return len(sample)


CONTROLES = ("alles", "steekproef", "geen")


def refresh_planner_statistics() -> None:
    """ANALYZE after a bulk load, on PostgreSQL.

    Without statistics the planner guesses, and for the catalogue's
    "not behind a view restriction" condition it guessed a plan that scans
    every page once per product of the gemeente (0.4 s per API list request
    at 10 gemeenten, growing with the catalogue). Autovacuum analyses the
    tables eventually (if it is on); a benchmark or a fresh import should
    not wait for it.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def genereer_catalogus(
    *,
    gemeenten: int,
    producten: int,
    basisteksten: int | None = None,
    seed: int = 1,
    kanalen: Sequence[str] = ("chatbot",),
    zoekindex: bool = True,
    controle: str = "steekproef",
    progress: ProgressCallback | None = None,
) -> GeneratieResultaat:
    """Make sure gemeenten 1..``gemeenten`` exist, each with ``producten`` products.

    ``basisteksten`` (default: ``producten``) national texts are created
    first; product *i* of a gemeente inherits basistekst *i* unless it is
    one of the gemeente's own texts (about ``LOCAL_ONLY_SHARE``; product 0
    always inherits). Existing gemeenten are left as they are.
    """
    if gemeenten < 0 or producten < 1:
        raise GeneratieFout(
            "Geef minstens 1 product per gemeente en 0 of meer gemeenten."
        )
    if controle not in CONTROLES:
        raise GeneratieFout(f"Kies voor de controle uit: {', '.join(CONTROLES)}.")
    from renderers import renderer_registry

    unknown = [kanaal for kanaal in kanalen if kanaal not in renderer_registry]
    if unknown:
        raise GeneratieFout(
            f"Onbekend kanaal: {', '.join(unknown)}. Kies uit: "
            f"{', '.join(renderer.channel for renderer in renderer_registry)}."
        )
    note = progress or (lambda _message: None)
    started = time.perf_counter()
    result = GeneratieResultaat()
    templates = product_templates()
    if not templates:
        raise GeneratieFout(
            "De demo-catalogus is leeg: er is niets om van uit te gaan."
        )
    organisatie = read_organisatie()
    aantal_basisteksten = producten if basisteksten is None else basisteksten

    with transaction.atomic():
        teksten, result.nieuwe_basisteksten = ensure_basisteksten(
            aantal_basisteksten, templates
        )
        tags = ensure_tags(templates)
    if result.nieuwe_basisteksten:
        note(
            f"{result.nieuwe_basisteksten} basisteksten gepubliceerd "
            f"({time.perf_counter() - started:.1f} s)"
        )

    existing = set(
        Site.objects.filter(
            hostname__in=[gemeente_spec(n).hostname for n in range(1, gemeenten + 1)]
        ).values_list("hostname", flat=True)
    )
    product_slots = slots(producten, templates)
    for nummer in range(1, gemeenten + 1):
        spec = gemeente_spec(nummer)
        if spec.hostname in existing:
            result.bestaande_gemeenten += 1
            continue
        began = time.perf_counter()
        with transaction.atomic():
            result.gecontroleerd += _generate_gemeente(
                spec,
                producten=producten,
                organisatie=organisatie,
                product_slots=product_slots,
                basisteksten=teksten,
                tags=tags,
                seed=seed,
                kanalen=kanalen,
                zoekindex=zoekindex,
                controle=controle,
                fasen=result.fasen,
            )
        result.nieuwe_gemeenten.append(spec.naam)
        result.nieuwe_producten += producten
        note(
            f"gemeente {nummer}/{gemeenten} {spec.naam} ({spec.hostname}): "
            f"{producten} producten in {time.perf_counter() - began:.1f} s"
        )
    if result.nieuwe_gemeenten:
        bump_catalogue_version()
        refresh_planner_statistics()
    result.seconden = time.perf_counter() - started
    return result

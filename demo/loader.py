"""Load the demo: national basisteksten and three fictional gemeenten.

First the basisteksten (published through revisions), then each gemeente:
its site, settings, editor groups and workflow, contactpunten, locaties,
themes and products. Products with a basistekst inherit its shared texts.

Idempotent: a second run compares every object with its source and writes
nothing (no new revision, no save) when they are equal.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale, Page, Site, WorkflowPage

from contenthub.inheritance import INHERITED_FIELDS, apply_basistekst, override_flag
from contenthub.models import (
    Basistekst,
    Contactpunt,
    GemeenteInstellingen,
    HomePage,
    Locatie,
    ProductPage,
    ThemaPage,
)
from contenthub.talen import SOURCE_LANGUAGE
from contenthub.upl import upl_uri_for
from gemeenten.services import ensure_gemeente_groups, gemeente_groups
from publicatie.gate import PublicationBlocked
from publicatie.workflow import ensure_gemeente_workflow

from .source import (
    DemoDataError,
    read_basistekst_vertalingen,
    read_basisteksten,
    read_catalogus,
    read_organisatie,
    select_gemeenten,
)
from .teksten import apply_shared_texts
from .vertalingen import sync_translations

__all__ = ["DemoDataError", "LoadResult", "existing_content", "load_demo"]

HUB_WIDE_REVIEWERS = ("Communicatieadviseurs", "Beheerders")
"""Hub-wide groups (migration 0002) that may also approve in each demo gemeente."""


@dataclass
class LoadResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def existing_content() -> str:
    """What the database already holds (gemeenten, products, basisteksten),
    in words; empty when it holds none of them, the only state in which the
    demo loads without ``--reset``."""
    counts = [
        (HomePage.objects.count(), "gemeente", "gemeenten"),
        (ProductPage.objects.count(), "product", "producten"),
        (Basistekst.objects.count(), "basistekst", "basisteksten"),
    ]
    parts = [
        f"{count} {one if count == 1 else many}" for count, one, many in counts if count
    ]
    if len(parts) > 1:
        return f"{', '.join(parts[:-1])} en {parts[-1]}"
    return "".join(parts)


@transaction.atomic
def load_demo(
    *,
    gemeenten: Iterable[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> LoadResult:
    """Create or update the basisteksten and the demo gemeenten; return what changed.

    ``gemeenten`` names the gemeenten to load (see ``source.GEMEENTEN``);
    ``None`` loads all of them. The basisteksten are always loaded. Nothing
    is written when any product is invalid or blocked by the publication gate.
    """
    note = progress or (lambda _message: None)
    keys = select_gemeenten(gemeenten)
    result = LoadResult()
    bronnen = read_basisteksten()
    basisteksten = {
        slug: _sync_basistekst(data, result) for slug, data in bronnen.items()
    }
    _sync_translated_basisteksten(bronnen, basisteksten, result)
    problems: list[str] = []
    for key in keys:
        problems.extend(_load_gemeente(key, bronnen, basisteksten, result, note))
    if problems:
        # Roll back: a half-loaded catalogue is worse than none.
        raise DemoDataError(problems)
    return result


def _load_gemeente(
    key: str,
    bronnen: dict[str, dict[str, Any]],
    basisteksten: dict[str, Basistekst],
    result: LoadResult,
    note: Callable[[str], None],
) -> list[str]:
    organisatie = read_organisatie(key)
    home = _ensure_site(organisatie["gemeente"], result)
    site = home.get_site()
    _ensure_editors(site, organisatie["gemeente"]["naam"], result)
    contactpunten = {
        name: _sync_snippet(Contactpunt, data, result, site)
        for name, data in organisatie["contactpunt"].items()
    }
    locaties = {
        name: _sync_snippet(Locatie, data, result, site)
        for name, data in organisatie.get("locatie", {}).items()
    }
    catalogus = read_catalogus(key, bronnen)
    themas: dict[str, ThemaPage] = {}
    for thema in organisatie["thema"]:
        themas[thema["slug"]] = _sync_thema(home, thema, result)

    # First make sure every product exists, so related products can refer to
    # any other; then bring each one in line with its source.
    context = _Gemeente(key, contactpunten, locaties, basisteksten, {})
    for thema_slug, producten in catalogus.items():
        for data in producten:
            context.pages[data["slug"]] = _ensure_product(
                themas[thema_slug], data, context
            )
    problems: list[str] = []
    for producten in catalogus.values():
        for data in producten:
            label = f"{key}/{data['slug']}"
            note(label)
            try:
                _sync_product(context.pages[data["slug"]], data, context, result)
            except ValidationError as error:
                problems.extend(
                    f"{label}: {veld}: {melding}"
                    for veld, meldingen in error.message_dict.items()
                    for melding in meldingen
                )
            except PublicationBlocked as error:
                problems.append(f"{label}: {error.result.summary()}")
    if not problems:
        try:
            sync_translations(
                key,
                themas,
                context.pages,
                result,
                _product_state,
                snippets={
                    "contactpunt": context.contactpunten,
                    "locatie": context.locaties,
                },
            )
            # The gemeente's editors also work in its English tree.
            ensure_gemeente_groups(site)
        except ValidationError as error:
            problems.extend(f"{key}: vertaling: {m}" for m in error.messages)
        except PublicationBlocked as error:
            problems.append(
                f"{key}: vertaling {error.page.title}: {error.result.summary()}"
            )
    return problems


@dataclass
class _Gemeente:
    """What the products of one gemeente refer to."""

    key: str
    contactpunten: dict[str, Contactpunt]
    locaties: dict[str, Locatie]
    basisteksten: dict[str, Basistekst]
    pages: dict[str, ProductPage]


BASISTEKST_FIELDS = ("titel", "upl_naam", "upl_uri", "bron", *INHERITED_FIELDS)


def _sync_basistekst(
    data: dict[str, Any],
    result: LoadResult,
    *,
    original: Basistekst | None = None,
    locale: Locale | None = None,
) -> Basistekst:
    """Publish the basistekst through a revision when it differs from its source.

    With ``original`` and ``locale``: its translation (a Wagtail translation
    of the Dutch basistekst), which takes its UPL and source from it.
    """
    label = f"basistekst {data['slug']}"
    if original is None:
        tekst = Basistekst.objects.filter(
            titel=data["titel"], locale__language_code=SOURCE_LANGUAGE
        ).first()
        created = tekst is None
        if created:
            tekst = Basistekst(live=False)
    else:
        label = f"{label} ({locale.language_code})"
        tekst = original.get_translation_or_none(locale)
        created = tekst is None
        if created:
            # As "Vertalen" does: an unpublished copy in the other language.
            tekst = original.copy_for_translation(locale)
    if not created and tekst.live and tekst.has_unpublished_changes:
        # Compare with the newest draft, as for products.
        tekst = tekst.get_latest_revision_as_object()
    before = _normalise_fields(tekst, BASISTEKST_FIELDS)
    tekst.titel = data["titel"]
    if original is None:
        tekst.upl_naam = data.get("upl_naam", "")
        tekst.upl_uri = upl_uri_for(tekst.upl_naam) or ""
        tekst.bron = data.get("bron", "")
    else:
        tekst.upl_naam, tekst.upl_uri = original.upl_naam, original.upl_uri
        tekst.bron = original.bron
    apply_shared_texts(tekst, data)
    if tekst.live and _normalise_fields(tekst, BASISTEKST_FIELDS) == before:
        result.unchanged.append(label)
        return tekst
    try:
        tekst.full_clean()
    except ValidationError as error:
        raise DemoDataError(
            [
                f"{label}: {veld}: {melding}"
                for veld, meldingen in error.message_dict.items()
                for melding in meldingen
            ]
        ) from None
    if created:
        tekst.save()
    # Publishing sends ``published``: the doorwerking brings the new text to
    # every product that inherits it (publicatie/doorwerking.py).
    tekst.save_revision().publish()
    (result.created if created else result.updated).append(label)
    # ``publish`` saves a copy made from the revision: read the live row.
    return Basistekst.objects.get(pk=tekst.pk)


def _sync_translated_basisteksten(
    bronnen: dict[str, dict[str, Any]],
    basisteksten: dict[str, Basistekst],
    result: LoadResult,
) -> None:
    """The basisteksten's translations (``basisteksten.<taal>.toml``), published
    before the gemeenten's translations that inherit them."""
    for taal, teksten in read_basistekst_vertalingen(bronnen).items():
        locale = Locale.objects.get(language_code=taal)
        for slug, data in teksten.items():
            _sync_basistekst(data, result, original=basisteksten[slug], locale=locale)


def _ensure_site(gemeente: dict[str, Any], result: LoadResult) -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).filter(slug=_slugify_site(gemeente)).first()
    if home is None:
        home = HomePage(
            title=gemeente["home_title"],
            slug=_slugify_site(gemeente),
            intro=gemeente["home_intro"],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        result.created.append(f"homepagina {home.title}")
    elif (home.title, home.intro) != (gemeente["home_title"], gemeente["home_intro"]):
        home.title, home.intro = gemeente["home_title"], gemeente["home_intro"]
        home.save_revision().publish()
        result.updated.append(f"homepagina {home.title}")

    site = Site.objects.filter(hostname=gemeente["hostname"], port=80).first()
    if site is None:
        site = Site.objects.create(
            hostname=gemeente["hostname"],
            port=80,
            root_page=home,
            site_name=gemeente["naam"],
            is_default_site=not Site.objects.filter(is_default_site=True).exists(),
        )
        result.created.append(f"site {site.hostname}")
    elif site.root_page_id != home.pk or site.site_name != gemeente["naam"]:
        previous_root = site.root_page
        site.root_page, site.site_name = home, gemeente["naam"]
        site.save()
        result.updated.append(f"site {site.hostname}")
        _remove_wagtail_welcome_page(previous_root)

    instellingen = GemeenteInstellingen.for_site(site)
    wanted = {
        "naam": gemeente["naam"],
        "website": gemeente["website"],
        "postadres": gemeente.get("postadres", ""),
        "telefoon": gemeente.get("telefoon", ""),
        "email": gemeente.get("email", ""),
        "huiskleur": gemeente.get("huiskleur", ""),
    }
    if any(getattr(instellingen, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(instellingen, key, value)
        instellingen.save()
        result.updated.append(f"instellingen {gemeente['naam']}")
    return home


def _ensure_editors(site: Site, naam: str, result: LoadResult) -> None:
    """The gemeente's own editor groups and publication workflow.

    The groups and workflow come from ``gemeenten/services.py``; the demo
    adds the hub-wide reviewer groups to the workflow's tasks, so the demo
    accounts of those roles can approve in every demo gemeente.
    """
    from publicatie.models import QualityGateTask

    had_groups = bool(gemeente_groups(site))
    had_workflow = WorkflowPage.objects.filter(page_id=site.root_page_id).exists()
    ensure_gemeente_groups(site)
    workflow = ensure_gemeente_workflow(site)
    if not had_groups:
        result.created.append(f"groepen {naam}")
    if not had_workflow:
        result.created.append(f"workflow {naam}")
    reviewers = list(Group.objects.filter(name__in=HUB_WIDE_REVIEWERS))
    for task in QualityGateTask.objects.filter(workflow_tasks__workflow=workflow):
        missing = [group for group in reviewers if not task.groups.contains(group)]
        if missing:
            task.groups.add(*missing)
            result.updated.append(f"taak {task.name}")


def _slugify_site(gemeente: dict[str, Any]) -> str:
    return gemeente["naam"].lower().removeprefix("gemeente ").replace(" ", "-")


def _remove_wagtail_welcome_page(page: Page) -> None:
    # The "Welcome to your new Wagtail site!" page of a fresh install.
    if (
        page.specific_class is Page
        and page.depth == 2
        and not page.get_children().exists()
        and not Site.objects.filter(root_page=page).exists()
    ):
        page.delete()


def _sync_snippet(
    model: type, data: dict[str, Any], result: LoadResult, site: Site
) -> Any:
    values = {key: value for key, value in data.items() if key != "openingstijden"}
    values["site"] = site
    values["openingstijden"] = [
        {"type": "dag", "value": {"alleen_op_afspraak": False, **regel}}
        for regel in data["openingstijden"]
    ]
    # The Dutch one: an English version may have the same name.
    instance = model.objects.filter(
        site=site, naam=data["naam"], locale__language_code=SOURCE_LANGUAGE
    ).first()
    label = f"{model._meta.verbose_name} {data['naam']} ({site.hostname})"
    if instance is None:
        instance = model(**values)
        instance.full_clean()
        instance.save()
        result.created.append(label)
        return instance
    before = _normalise_fields(instance, values)
    for key, value in values.items():
        setattr(instance, key, value)
    if _normalise_fields(instance, values) != before:
        instance.full_clean()
        instance.save()
        result.updated.append(label)
    else:
        result.unchanged.append(label)
    return instance


def _sync_thema(home: HomePage, data: dict[str, Any], result: LoadResult) -> ThemaPage:
    label = f"thema {home.slug}/{data['slug']}"
    thema = ThemaPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if thema is None:
        thema = ThemaPage(title=data["title"], slug=data["slug"], intro=data["intro"])
        home.add_child(instance=thema)
        thema.save_revision().publish()
        result.created.append(label)
    elif (thema.title, thema.intro) != (data["title"], data["intro"]):
        thema.title, thema.intro = data["title"], data["intro"]
        thema.save_revision().publish()
        result.updated.append(label)
    else:
        result.unchanged.append(label)
    return thema


def _ensure_product(
    thema: ThemaPage, data: dict[str, Any], context: _Gemeente
) -> ProductPage:
    page = ProductPage.objects.filter(slug=data["slug"]).descendant_of(thema).first()
    if page is not None:
        return page
    page = ProductPage(slug=data["slug"], live=False)
    _apply(page, data, context)
    thema.add_child(instance=page)
    return page


def _sync_product(
    page: ProductPage,
    data: dict[str, Any],
    context: _Gemeente,
    result: LoadResult,
) -> None:
    label = f"product {context.key}/{data['slug']}"
    page = (
        page.get_latest_revision_as_object()
        if page.has_unpublished_changes and page.live
        else page
    )
    before = _product_state(page)
    _apply(page, data, context)
    page.locaties.set([context.locaties[key] for key in data.get("locaties", [])])
    page.zoektermen.set(data.get("zoektermen", []), clear=True)
    page.gerelateerde_producten.set(
        [
            # modelcluster leaves sort_order empty, and rows that tie on it
            # come back in any order (on PostgreSQL, it changes with the
            # table's history): the editor's order is the source's order.
            ProductPage.gerelateerde_producten.rel.related_model(
                product=context.pages[slug], sort_order=index
            )
            for index, slug in enumerate(data.get("gerelateerd", []))
        ]
    )
    if page.live and _product_state(page) == before:
        result.unchanged.append(label)
        return
    created = not page.live
    page.full_clean()
    page.save_revision().publish()
    (result.created if created else result.updated).append(label)


def _apply(page: ProductPage, data: dict[str, Any], context: _Gemeente) -> None:
    page.title = data["title"]
    page.upl_naam = data["upl_naam"]
    page.upl_uri = upl_uri_for(data["upl_naam"]) or ""
    page.doelgroep = data["doelgroep"]
    page.basistekst = context.basisteksten.get(data.get("basistekst", ""))
    for name in INHERITED_FIELDS:
        setattr(page, override_flag(name), bool(data.get(override_flag(name), False)))
    apply_shared_texts(page, data)
    page.lokale_aanvulling = data.get("lokale_aanvulling", "")
    page.wat_als_geen_reactie = data.get("wat_als_geen_reactie", "")
    page.kosten_gratis = data.get("kosten_gratis", False)
    page.kosten = [
        {
            "type": "regel",
            "value": {
                "omschrijving": regel["omschrijving"],
                "bedrag": regel["bedrag"],
                "per": regel["per"],
            },
        }
        for regel in data.get("kosten", [])
    ]
    page.termijn_omschrijving = data.get("termijn_omschrijving", "")
    page.termijn_dagen = data.get("termijn_dagen")
    page.termijn_eenheid = data.get("termijn_eenheid", "werkdagen")
    page.online_aanvragen_url = data.get("online_aanvragen_url", "")
    kanalen = set(data.get("kanalen", []))
    for kanaal in ("online", "balie", "telefoon", "post"):
        setattr(page, f"kanaal_{kanaal}", kanaal in kanalen)
    page.advies_kanaal = data.get("advies_kanaal", "")
    page.contact = context.contactpunten[data["contact"]]
    if page.basistekst is not None:
        # Exactly what saving the page would copy from the basistekst.
        apply_basistekst(page, page.basistekst)


PRODUCT_FIELDS = (
    "title",
    "upl_naam",
    "upl_uri",
    "doelgroep",
    "basistekst_id",
    *(override_flag(name) for name in INHERITED_FIELDS),
    *INHERITED_FIELDS,
    "lokale_aanvulling",
    "kosten_gratis",
    "kosten",
    "termijn_omschrijving",
    "termijn_dagen",
    "termijn_eenheid",
    "online_aanvragen_url",
    "kanaal_online",
    "kanaal_balie",
    "kanaal_telefoon",
    "kanaal_post",
    "advies_kanaal",
    "contact_id",
    "wat_als_geen_reactie",
)


def _product_state(page: ProductPage) -> str:
    state = {name: _plain(getattr(page, name)) for name in PRODUCT_FIELDS}
    state["locaties"] = sorted(locatie.pk for locatie in page.locaties.all())
    state["zoektermen"] = sorted(tag.name for tag in page.zoektermen.all())
    state["gerelateerd"] = [
        item.product_id for item in page.gerelateerde_producten.all()
    ]
    return json.dumps(state, sort_keys=True, default=str)


def _normalise_fields(instance: Any, values: Iterable[str]) -> str:
    return json.dumps(
        {key: _plain(getattr(instance, key)) for key in values},
        sort_keys=True,
        default=str,
    )


def _plain(value: Any) -> Any:
    """A comparable form of a field value: StreamField block ids are left out."""
    if hasattr(value, "stream_block"):
        # Iterating converts raw source data and stored data alike to native
        # values, so "08:30" and "08:30:00" compare equal.
        return [
            {
                "type": child.block_type,
                "value": _without_ids(child.block.get_prep_value(child.value)),
            }
            for child in value
        ]
    if hasattr(value, "source"):  # RichText
        return value.source
    return value


def _without_ids(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _without_ids(item) for key, item in data.items() if key != "id"}
    if isinstance(data, list | tuple):
        return [_without_ids(item) for item in data]
    return data

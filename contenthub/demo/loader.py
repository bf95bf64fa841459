"""Load the demo catalogue of the fictional Gemeente Voorbeeldstad.

Idempotent: a second run compares every object with its source and writes
nothing (no new revision, no save) when they are equal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page, Site

from ..models import (
    Contactpunt,
    GemeenteInstellingen,
    HomePage,
    Locatie,
    ProductPage,
    ThemaPage,
)
from ..quality.gate import PublicationBlocked
from ..upl import upl_uri_for
from .source import read_catalogus, read_organisatie


class DemoDataError(Exception):
    """The demo source has invalid products; nothing was loaded."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("Ongeldige demo-inhoud:\n" + "\n".join(problems))


@dataclass
class LoadResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


@transaction.atomic
def load_demo(*, progress: Callable[[str], None] | None = None) -> LoadResult:
    """Create or update the demo gemeente; return what changed."""
    note = progress or (lambda _message: None)
    result = LoadResult()
    organisatie = read_organisatie()
    home = _ensure_site(organisatie["gemeente"], result)
    contactpunten = {
        key: _sync_snippet(Contactpunt, data, result)
        for key, data in organisatie["contactpunt"].items()
    }
    locaties = {
        key: _sync_snippet(Locatie, data, result)
        for key, data in organisatie["locatie"].items()
    }
    catalogus = read_catalogus()

    _ensure_workflow(home, result)
    themas: dict[str, ThemaPage] = {}
    for thema in organisatie["thema"]:
        themas[thema["slug"]] = _sync_thema(home, thema, result)

    # First make sure every product exists, so related products can refer to
    # any other; then bring each one in line with its source.
    pages: dict[str, ProductPage] = {}
    for thema_slug, producten in catalogus.items():
        for data in producten:
            pages[data["slug"]] = _ensure_product(
                themas[thema_slug], data, contactpunten, locaties
            )
    problems: list[str] = []
    for producten in catalogus.values():
        for data in producten:
            note(data["slug"])
            try:
                _sync_product(
                    pages[data["slug"]], data, contactpunten, locaties, pages, result
                )
            except ValidationError as error:
                problems.extend(
                    f"{data['slug']}: {veld}: {melding}"
                    for veld, meldingen in error.message_dict.items()
                    for melding in meldingen
                )
            except PublicationBlocked as error:
                problems.append(f"{data['slug']}: {error.result.summary()}")
    if problems:
        # Roll back: a half-loaded catalogue is worse than none.
        raise DemoDataError(problems)
    return result


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
    }
    if any(getattr(instellingen, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(instellingen, key, value)
        instellingen.save()
        result.updated.append(f"instellingen {gemeente['naam']}")
    return home


WORKFLOW_NAME = "Publiceren met taal- en toegankelijkheidscontrole"


def _ensure_workflow(home: HomePage, result: LoadResult) -> None:
    """The demo gemeente's workflow: the gate task, then a communicatieadviseur approves."""
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow, WorkflowPage, WorkflowTask

    from ..quality.models import QualityGateTask

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        task = QualityGateTask.objects.create(name="Taal- en toegankelijkheidscontrole")
        task.groups.set(
            Group.objects.filter(name__in=["Communicatieadviseurs", "Beheerders"])
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        result.created.append(f"workflow {WORKFLOW_NAME}")
    if not WorkflowPage.objects.filter(page=home, workflow=workflow).exists():
        WorkflowPage.objects.update_or_create(
            page=home, defaults={"workflow": workflow}
        )
        result.created.append(f"workflow op {home.title}")


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


def _sync_snippet(model: type, data: dict[str, Any], result: LoadResult) -> Any:
    values = {key: value for key, value in data.items() if key != "openingstijden"}
    values["openingstijden"] = [
        {"type": "dag", "value": {"alleen_op_afspraak": False, **regel}}
        for regel in data["openingstijden"]
    ]
    instance = model.objects.filter(naam=data["naam"]).first()
    label = f"{model._meta.verbose_name} {data['naam']}"
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
    thema = ThemaPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if thema is None:
        thema = ThemaPage(title=data["title"], slug=data["slug"], intro=data["intro"])
        home.add_child(instance=thema)
        thema.save_revision().publish()
        result.created.append(f"thema {data['slug']}")
    elif (thema.title, thema.intro) != (data["title"], data["intro"]):
        thema.title, thema.intro = data["title"], data["intro"]
        thema.save_revision().publish()
        result.updated.append(f"thema {data['slug']}")
    else:
        result.unchanged.append(f"thema {data['slug']}")
    return thema


def _ensure_product(
    thema: ThemaPage,
    data: dict[str, Any],
    contactpunten: dict[str, Contactpunt],
    locaties: dict[str, Locatie],
) -> ProductPage:
    page = ProductPage.objects.filter(slug=data["slug"]).descendant_of(thema).first()
    if page is not None:
        return page
    page = ProductPage(slug=data["slug"], live=False)
    _apply(page, data, contactpunten)
    thema.add_child(instance=page)
    return page


def _sync_product(
    page: ProductPage,
    data: dict[str, Any],
    contactpunten: dict[str, Contactpunt],
    locaties: dict[str, Locatie],
    pages: dict[str, ProductPage],
    result: LoadResult,
) -> None:
    page = (
        page.get_latest_revision_as_object()
        if page.has_unpublished_changes and page.live
        else page
    )
    before = _product_state(page)
    _apply(page, data, contactpunten)
    page.locaties.set([locaties[key] for key in data.get("locaties", [])])
    page.zoektermen.set(data.get("zoektermen", []), clear=True)
    page.gerelateerde_producten.set(
        [
            ProductPage.gerelateerde_producten.rel.related_model(product=pages[slug])
            for slug in data.get("gerelateerd", [])
        ]
    )
    if page.live and _product_state(page) == before:
        result.unchanged.append(f"product {data['slug']}")
        return
    created = not page.live
    page.full_clean()
    page.save_revision().publish()
    (result.created if created else result.updated).append(f"product {data['slug']}")


def _apply(
    page: ProductPage, data: dict[str, Any], contactpunten: dict[str, Contactpunt]
) -> None:
    page.title = data["title"]
    page.upl_naam = data["upl_naam"]
    page.upl_uri = upl_uri_for(data["upl_naam"]) or ""
    page.doelgroep = data["doelgroep"]
    page.kort_antwoord = data["kort_antwoord"]
    for name in (
        "wat_is_het",
        "voorwaarden",
        "bezwaar_en_beroep",
        "wat_als_geen_reactie",
    ):
        setattr(page, name, data.get(name, ""))
    page.aanvragen = [
        {
            "type": "stap",
            "value": {
                "titel": stap["titel"],
                "uitleg": _paragraph(stap.get("uitleg", "")),
            },
        }
        for stap in data["aanvragen"]
    ]
    page.benodigdheden = [
        {"type": "item", "value": item} for item in data.get("benodigdheden", [])
    ]
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
    page.contact = contactpunten[data["contact"]]
    page.vragen = [
        {"type": "vraag", "value": vraag} for vraag in data.get("vragen", [])
    ]


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


PRODUCT_FIELDS = (
    "title",
    "upl_naam",
    "upl_uri",
    "doelgroep",
    "kort_antwoord",
    "wat_is_het",
    "voorwaarden",
    "aanvragen",
    "benodigdheden",
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
    "vragen",
    "bezwaar_en_beroep",
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


def _normalise_fields(instance: Any, values: dict[str, Any]) -> str:
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

"""Load a gemeente's demo translations: Wagtail translations of its products.

A theme in the translation file gets a translated theme page (the home page
becomes an alias of the Dutch one); each product a translation of its Dutch
page, with the English texts of the file; a product whose Dutch page links
to a basistekst with an English text inherits that text's shared fields
(``basisteksten.en.toml``). Everything else (amounts, termijn in days, links,
contact, locaties, zoektermen) is the Dutch product's, as
``copy_for_translation`` copied it. Published through the gate like every
product; unchanged translations are not written again.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Locale

from contenthub.inheritance import link_translated_basistekst
from contenthub.models import ProductPage, ThemaPage

from .source import read_vertalingen
from .teksten import apply_shared_texts


def sync_translations(
    key: str,
    themas: dict[str, ThemaPage],
    pages: dict[str, ProductPage],
    result: Any,
    state: Any,
) -> None:
    """Create or update the translations of gemeente ``key``.

    ``state(page)`` is the loader's comparable form of a product; a
    translation that would not change is left alone.
    """
    for taal, data in read_vertalingen(key).items():
        locale = Locale.objects.get(language_code=taal)
        for thema in data.get("thema", []):
            _sync_thema(themas[thema["slug"]], thema, locale, result, key)
        for product in data.get("product", []):
            _sync_product(pages[product["slug"]], product, locale, result, key, state)


def _sync_thema(
    thema: ThemaPage, data: dict[str, Any], locale: Locale, result: Any, key: str
) -> None:
    label = f"thema {key}/{locale.language_code}/{data['slug']}"
    page = thema.get_translation_or_none(locale)
    if page is None:
        page = thema.copy_for_translation(locale, copy_parents=True)
    page = page.specific
    if page.live and page.title == data["title"] and not page.has_unpublished_changes:
        result.unchanged.append(label)
        return
    created = not page.live
    page.title = data["title"]
    page.draft_title = data["title"]
    page.save_revision().publish()
    (result.created if created else result.updated).append(label)


def _sync_product(
    source: ProductPage,
    data: dict[str, Any],
    locale: Locale,
    result: Any,
    key: str,
    state: Any,
) -> None:
    label = f"vertaling {key}/{locale.language_code}/{data['slug']}"
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale)
    page = ProductPage.objects.get(pk=page.pk)
    if page.live and page.has_unpublished_changes:
        page = page.get_latest_revision_as_object()
    before = state(page)
    apply_translation(page, data, source)
    if page.live and state(page) == before:
        result.unchanged.append(label)
        return
    created = not page.live
    page.full_clean()
    page.save_revision().publish()
    (result.created if created else result.updated).append(label)


def apply_translation(
    page: ProductPage, data: dict[str, Any], source: ProductPage
) -> None:
    """The translated texts of ``data`` on ``page``; a field the file leaves
    out is empty (never the Dutch text)."""

    page.title = data["title"]
    page.draft_title = data["title"]
    # The translated basistekst of the Dutch source's basistekst, as saving
    # links it; ``data`` carries its shared texts (source.read_vertalingen).
    link_translated_basistekst(page)
    apply_shared_texts(page, data)
    for name in ("lokale_aanvulling", "wat_als_geen_reactie", "termijn_omschrijving"):
        setattr(page, name, data.get(name, ""))
    omschrijvingen = data.get("kosten", [])
    kosten = []
    for index, child in enumerate(source.kosten):
        value = dict(child.block.get_prep_value(child.value))
        value.pop("id", None)
        if index < len(omschrijvingen):
            value["omschrijving"] = omschrijvingen[index]
        kosten.append({"type": child.block_type, "value": value})
    page.kosten = kosten

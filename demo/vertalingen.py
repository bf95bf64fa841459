"""Load a gemeente's demo translations: Wagtail translations of its products.

A theme in the translation file gets a translated theme page (the home page
becomes an alias of the Dutch one); each product a translation of its Dutch
page, with the English texts of the file; a product whose Dutch page links
to a basistekst with an English text inherits that text's shared fields
(``basisteksten.en.toml``). Everything else (amounts, termijn in days, links,
contact, locaties, zoektermen) is the Dutch product's, as
``copy_for_translation`` copied it. Published through the gate like every
product; unchanged translations are not written again.

``[contactpunt.<key>]`` and ``[locatie.<key>]`` tables (the keys of
``organisatie.toml``) give a contactpunt's or locatie's English name and
toelichting: Wagtail translations of the snippet, which the English
products show instead of the Dutch one. Made before the products, so a
first load judges each English product once.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from wagtail.models import Locale

from contenthub.inheritance import link_translated_basistekst
from contenthub.models import ProductPage, ThemaPage

from .source import read_vertalingen
from .teksten import apply_shared_texts

SNIPPET_FIELDS = {"contactpunt": ("naam",), "locatie": ("naam", "toelichting")}
"""What a snippet's translation gives; the rest (address, phone, hours) is the
Dutch one's."""
_FOLLOWED = (
    "telefoon",
    "email",
    "contactformulier_url",
    "afspraak_url",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
)


def sync_translations(
    key: str,
    themas: dict[str, ThemaPage],
    pages: dict[str, ProductPage],
    result: Any,
    state: Any,
    *,
    snippets: dict[str, dict[str, Any]] | None = None,
) -> None:
    """Create or update the translations of gemeente ``key``.

    ``state(page)`` is the loader's comparable form of a product; a
    translation that would not change is left alone. ``snippets``: per kind
    (``contactpunt``, ``locatie``), the gemeente's Dutch snippets by key.
    """
    for taal, data in read_vertalingen(key).items():
        locale = Locale.objects.get(language_code=taal)
        for kind, fields in SNIPPET_FIELDS.items():
            for name, values in data.get(kind, {}).items():
                source = (snippets or {}).get(kind, {}).get(name)
                if source is None:
                    raise ValidationError(
                        f"vertalingen/{taal}.toml: [{kind}.{name}] bestaat niet in "
                        "organisatie.toml."
                    )
                _sync_snippet(source, values, fields, locale, result)
        for thema in data.get("thema", []):
            _sync_thema(themas[thema["slug"]], thema, locale, result, key)
        for product in data.get("product", []):
            _sync_product(pages[product["slug"]], product, locale, result, key, state)


def _sync_snippet(
    source: Any,
    values: dict[str, Any],
    fields: tuple[str, ...],
    locale: Locale,
    result: Any,
) -> None:
    """The English version of a contactpunt or locatie: its own name and
    toelichting, the Dutch one's address, links, phone and hours."""
    label = f"{source._meta.verbose_name} {locale.language_code}/{values.get('naam')}"
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise ValidationError(
            f"{label}: onbekende velden {', '.join(unknown)}; een vertaling geeft "
            f"alleen {', '.join(fields)}."
        )
    wanted = {name: values.get(name, getattr(source, name)) for name in fields}
    wanted |= {
        name: getattr(source, name) for name in _FOLLOWED if hasattr(source, name)
    }
    version = source.get_translation_or_none(locale)
    created = version is None
    if created:
        version = source.copy_for_translation(locale)
    elif _hours(version) == _hours(source) and all(
        getattr(version, name) == value for name, value in wanted.items()
    ):
        result.unchanged.append(label)
        return
    for name, value in wanted.items():
        setattr(version, name, value)
    version.openingstijden = [
        {"type": kind, "value": value} for kind, value in _hours(source)
    ]
    version.full_clean()
    version.save()
    (result.created if created else result.updated).append(label)


def _hours(snippet: Any) -> list[tuple[str, Any]]:
    """The opening hours as the database holds them, without the blocks' own
    ids (read through the blocks: a value just assigned is raw, "08:30")."""
    return [
        (child.block_type, child.block.get_prep_value(child.value))
        for child in snippet.openingstijden
    ]


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

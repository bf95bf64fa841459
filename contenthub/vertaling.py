"""Translations of a product, and whether one is out of date.

An English product is a Wagtail translation of its Dutch source (same
``translation_key``, locale ``en``). When the translation's text is written
(first published, or published with a changed text), the hub records a
digest of the Dutch source's live text (``vertaald_van``). When that Dutch
text changes afterwards, the two digests differ: the translation is
*verouderd* (out of date). The editor shows it on the translation, the API
as ``vertalingVerouderd``; publishing the translation with an updated text
clears it. Republishing it unchanged does not: only a translator's change
counts as having caught up.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from .talen import SOURCE_LANGUAGE, page_language

TRANSLATED_FIELDS = (
    "title",
    "kort_antwoord",
    "wat_is_het",
    "lokale_aanvulling",
    "voorwaarden",
    "aanvragen",
    "benodigdheden",
    "termijn_omschrijving",
    "vragen",
    "bezwaar_en_beroep",
    "wat_als_geen_reactie",
    "kosten",
)
"""What a translator translates: the texts, and the fee rows (their
descriptions; a changed amount also makes the translation out of date)."""


def _model(page: Any) -> Any:
    """The page's own model (ProductPage): read through the instance, so this
    module, which the editor panels import, imports no model module."""
    return type(page)


def text_digest(page: Any) -> str:
    """A digest of the translatable text of ``page`` as it is in memory."""
    values = []
    for name in TRANSLATED_FIELDS:
        value = getattr(page, name, "")
        if hasattr(value, "get_prep_value"):  # a StreamField's value
            value = [
                {"type": child["type"], "value": child["value"]}
                for child in value.get_prep_value()
            ]
        values.append(value if isinstance(value, list | dict) else str(value or ""))
    data = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def dutch_source(page: Any) -> Any:
    """The Dutch source of a translation (``None`` for a Dutch page or none)."""
    if page_language(page) == SOURCE_LANGUAGE or not page.translation_key:
        return None
    return (
        _model(page)
        .objects.filter(
            translation_key=page.translation_key,
            locale__language_code=SOURCE_LANGUAGE,
        )
        .first()
    )


def live_translations(page: Any) -> list[Any]:
    """The live translations of a Dutch product (one query)."""
    if page_language(page) != SOURCE_LANGUAGE or not page.translation_key:
        return []
    return list(
        _model(page)
        .objects.filter(translation_key=page.translation_key, live=True)
        .exclude(locale_id=page.locale_id)
        .order_by("pk")
    )


def record_translation(page: Any) -> None:
    """Before a translation is written live: when its text changed since the
    last record (or was never recorded), it now follows the Dutch source's
    current live text."""
    if page_language(page) == SOURCE_LANGUAGE or not page.live:
        return
    # The stored record counts, not what a revision's object carries of it.
    stored = (
        _model(page)
        .objects.filter(pk=page.pk)
        .values_list("vertaald_van", "vertaling_tekst")
        .first()
        if page.pk
        else None
    )
    if stored is not None:
        page.vertaald_van, page.vertaling_tekst = stored
    own = text_digest(page)
    if page.vertaald_van and own == page.vertaling_tekst:
        return
    source = dutch_source(page)
    if source is None:
        return
    page.vertaald_van = text_digest(source)
    page.vertaling_tekst = own


def shows_outdated(page: Any, source: Any) -> bool:
    """Whether the channels of translation ``page``, as it is now (a live row,
    or a revision about to be published), say the translation is out of date.

    As :func:`record_translation` will have it: a translation whose text
    differs from its recorded text is written with a new record, so it
    follows ``source`` and is not out of date; an unchanged one is out of
    date when ``source``'s text changed since the record."""
    if not page.vertaald_van or text_digest(page) != page.vertaling_tekst:
        return False
    return page.vertaald_van != text_digest(source)


@dataclass(frozen=True, slots=True)
class Vertaalstatus:
    taal: str
    bron_id: int | None
    """The Dutch source page (``None`` for a Dutch page)."""
    verouderd: bool
    """The Dutch text changed after this translation was made."""

    @property
    def melding(self) -> str:
        if not self.verouderd:
            return ""
        return (
            "De Nederlandse tekst is gewijzigd nadat deze vertaling is gemaakt. "
            "Werk de vertaling bij en publiceer haar opnieuw."
        )


def translation_status(page: Any, *, source: Any = None) -> Vertaalstatus:
    """Whether ``page`` (a translation) is out of date with its Dutch source."""
    taal = page_language(page)
    if taal == SOURCE_LANGUAGE:
        return Vertaalstatus(taal=taal, bron_id=None, verouderd=False)
    source = source if source is not None else dutch_source(page)
    if source is None:
        return Vertaalstatus(taal=taal, bron_id=None, verouderd=False)
    verouderd = bool(page.vertaald_van) and page.vertaald_van != text_digest(source)
    return Vertaalstatus(taal=taal, bron_id=source.pk, verouderd=verouderd)


def outdated_translation_ids(pages: list[Any]) -> set[int]:
    """Of ``pages`` (translations), the ids whose Dutch source changed since:
    one query for any number."""
    translations = [p for p in pages if page_language(p) != SOURCE_LANGUAGE]
    if not translations:
        return set()
    sources = {
        source.translation_key: source
        for source in _model(translations[0]).objects.filter(
            translation_key__in={p.translation_key for p in translations},
            locale__language_code=SOURCE_LANGUAGE,
        )
    }
    return {
        page.pk
        for page in translations
        if page.translation_key in sources
        and translation_status(page, source=sources[page.translation_key]).verouderd
    }

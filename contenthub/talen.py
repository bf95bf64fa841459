"""The hub's languages: Dutch is the source, English a translation.

Translations are Wagtail's own (``WAGTAIL_I18N_ENABLED``): an English product
is a page in the ``en`` locale with the same ``translation_key`` as its Dutch
source, in the English tree of the same gemeente (``/en/…``).
"""

from __future__ import annotations

from typing import Any

SOURCE_LANGUAGE = "nl"
LANGUAGES: tuple[str, ...] = ("nl", "en")
"""Every language the hub publishes in; the first is the source."""
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "Engels"}


_codes: dict[int, str] = {}
"""Locale id -> language code; emptied whenever a Locale is saved or deleted
(``forget_locales``, connected in ``contenthub.signal_handlers``)."""


def forget_locales(*args: Any, **kwargs: Any) -> None:
    _codes.clear()


def locale_code(locale_id: int) -> str:
    """The language of a Locale id (one query per process for the few locales)."""
    if locale_id not in _codes:
        from wagtail.models import Locale

        _codes.clear()
        _codes.update(Locale.objects.values_list("pk", "language_code"))
    return _codes.get(locale_id, SOURCE_LANGUAGE).split("-")[0].lower()


def page_language(page: Any) -> str:
    """The language of ``page`` (``nl`` when it has no locale yet)."""
    locale_id = getattr(page, "locale_id", None)
    if not locale_id:
        return SOURCE_LANGUAGE
    return locale_code(locale_id)


def is_translation(page: Any) -> bool:
    return page_language(page) != SOURCE_LANGUAGE

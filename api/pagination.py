"""Cursor pagination: opaque cursors, a maximum page size, clear errors."""

from __future__ import annotations

import base64
import binascii

from django.conf import settings

from .errors import ApiError, Code

_PREFIX = "producten:"
_MAX_OFFSET = 10_000_000


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
        if not text.startswith(_PREFIX):
            raise ValueError(text)
        offset = int(text.removeprefix(_PREFIX))
    except (ValueError, UnicodeError, binascii.Error):
        raise ApiError(
            "De cursor is ongeldig. Gebruik een endCursor uit een eerder antwoord.",
            code=Code.ONGELDIGE_CURSOR,
        ) from None
    if not 0 <= offset < _MAX_OFFSET:
        raise ApiError("De cursor is ongeldig.", code=Code.ONGELDIGE_CURSOR)
    return offset


def page_window(*, first: int | None, after: str | None) -> tuple[int, int]:
    """(offset, limit) for the arguments ``first`` and ``after``."""
    maximum = settings.CONTENTHUB_API_MAX_PAGE_SIZE
    limit = settings.CONTENTHUB_API_DEFAULT_PAGE_SIZE if first is None else first
    if limit < 1:
        raise ApiError("first moet minstens 1 zijn.", code=Code.ONGELDIGE_ARGUMENTEN)
    if limit > maximum:
        raise ApiError(
            f"Een pagina heeft maximaal {maximum} producten; vraag de rest op "
            "met de cursor (after).",
            code=Code.PAGINA_TE_GROOT,
        )
    offset = decode_cursor(after) + 1 if after else 0
    return offset, limit

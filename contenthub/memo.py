"""Look-ups that one write of a page asks many times, answered once within it.

A publication validates the page, judges it and builds its snapshot more than
once; each asks for the page's Site and the gemeente's settings. Within one
write (:func:`one_write`) those rows cannot change, so the first answer is
kept until the write ends. Outside a write nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict | None] = ContextVar("contenthub_write_memo", default=None)


@contextmanager
def one_write() -> Iterator[None]:
    """Keep answers of :func:`remembered` until the outermost write ends."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, asked once per write (every time outside one)."""
    memo = _memo.get()
    if memo is None:
        return make()
    if key not in memo:
        memo[key] = make()
    return memo[key]

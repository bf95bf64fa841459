"""Which publication path is publishing, and who: told to the gate for the
stored verdict (``publication_path``), read by the gate and its holding code."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_path: ContextVar[str] = ContextVar("publication_path", default="code")
_user: ContextVar[Any] = ContextVar("publication_user", default=None)


def current_path() -> str:
    return _path.get()


def current_user() -> Any:
    return _user.get()


@contextmanager
def publication_path(name: str, *, user: Any = None):
    """Tell the gate which path is publishing, for the stored verdict."""
    path_token, user_token = _path.set(name), _user.set(user)
    try:
        yield
    finally:
        _path.reset(path_token)
        _user.reset(user_token)

"""The chatbot: a citizen's Dutch question in, the right product's stored
chatbot rendering out, or an honest handover to a person.

``answer`` and ``Answer`` load lazily, so this package imports before Django
is set up (``apps.py`` needs that).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .answers import Answer, answer

__all__ = ["Answer", "answer"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import answers

        return getattr(answers, name)
    raise AttributeError(f"module 'chatbot' has no attribute {name!r}")

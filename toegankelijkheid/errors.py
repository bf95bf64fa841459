"""The one error the checker raises: input it cannot check."""

from __future__ import annotations


class ToegankelijkheidError(ValueError):
    """The HTML cannot be checked (wrong type, too large, too deeply nested).

    The message is Dutch and says what to do, so it can be shown as it is.
    """

"""The one exception of the taalcheck, with a Dutch message for the user."""


class TaalcheckError(ValueError):
    """The input cannot be checked: too large, not text, or an unknown level."""

"""Signals of the gemeenten layer, for the layers above it."""

from django.dispatch import Signal

gemeente_ingericht = Signal()
"""Sent with ``site`` when a gemeente was created or repaired by
``gemeente_toevoegen``, after its groups exist (inside its transaction)."""

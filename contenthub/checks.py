"""System checks of the content layer."""

from __future__ import annotations

from typing import Any

from django.core import checks

from .extensions import MISSING_GUARD, extensions


@checks.register(checks.Tags.compatibility)
def publication_gate_installed(app_configs: Any = None, **kwargs: Any) -> list:
    """Every model that goes live needs a live guard (the publication gate)."""
    return [
        checks.Error(
            MISSING_GUARD.format(model=label),
            hint="De publicatiecontrole zit in de app 'publicatie'.",
            id="contenthub.E001",
        )
        for label in sorted(extensions.guarded_models)
        if not extensions.has_live_guard(label)
    ]

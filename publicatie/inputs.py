"""The fingerprint of what a verdict read besides the judged version.

The gate stores it with every verdict and the editor's Controle tab compares
it (``publicatie.editor``); it sits below both so neither imports the other.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os

from django.conf import settings

from .context import GateContext


def verdict_inputs(context: GateContext) -> str:
    """A stable hash of what a verdict on ``context.page`` read besides the
    revision's own content and the exceptions."""
    from renderers.approval import inputs_fingerprint

    from .checks import _GATE_BROWSER_ON
    from .registry import gate_registry

    data = {
        # With ``bron``: the stored values beside the text that the snapshot
        # makes safe, which the "omgeving" check judges as they are.
        "snapshot": inputs_fingerprint(context.snapshot),
        "taal": dataclasses.asdict(context.taal_settings),
        "niveau": getattr(settings, "CONTENTHUB_TAALNIVEAU", "B1"),
        "controles": gate_registry.names(),
        "browser": os.environ.get("CONTENTHUB_WCAG_BROWSER", "").strip().lower()
        in _GATE_BROWSER_ON,
    }
    encoded = json.dumps(data, sort_keys=True, default=sorted, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()

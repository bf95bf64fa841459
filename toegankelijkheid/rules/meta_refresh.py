"""2.2.1: no automatic refresh or delayed redirect (``<meta http-equiv="refresh">``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register

_DELAY = re.compile(r"^\s*(\d+(?:\.[\d.]*)?)(?=$|[\s;,])")
"""The delay of a refresh browsers act on: digits (and dots), then the end, a space, ``;``
or ``,`` (HTML, "shared declarative refresh steps"); ``0: url`` is ignored by browsers."""
TWENTY_HOURS = 20 * 60 * 60
"""WCAG 2.2.1 allows time limits longer than 20 hours."""


@register
class MetaRefresh(BaseRule):
    id = "wcag.meta-refresh"
    title = "Pagina ververst of stuurt door na een wachttijd"
    criteria = ("2.2.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for meta in document.tags("meta"):
            if meta.get("http-equiv", "").strip().lower() != "refresh":
                continue
            match = _DELAY.match(meta.get("content", ""))
            if not match:
                continue
            # Browsers act on the first valid refresh only; later ones never run.
            delay = float(match.group(1))
            if 0 < delay <= TWENTY_HOURS:
                yield self.finding(
                    document,
                    meta,
                    f"De pagina ververst of stuurt door na {match.group(1)} seconden. Wie langzaam "
                    "leest of een schermlezer gebruikt, raakt de inhoud dan kwijt.",
                    "Haal de automatische verversing weg. Stuur bij een verhuisde pagina direct "
                    "door (op de server, of met wachttijd 0).",
                )
            return

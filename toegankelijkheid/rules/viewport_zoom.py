"""1.4.4: the viewport does not stop people from zooming."""

from __future__ import annotations

import re
from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register

_PAIR = re.compile(r"([\w-]+)\s*=\s*([^,;\s]+)")


def zoom_problem(content: str) -> str:
    """Why a viewport ``content`` blocks zooming, in Dutch; "" when it does not."""
    values = {
        key.lower(): value.strip("'\"").lower() for key, value in _PAIR.findall(content)
    }
    scalable = values.get("user-scalable")
    if scalable in ("no", "0"):
        return f"user-scalable={scalable} zet inzoomen uit"
    maximum = values.get("maximum-scale")
    if maximum is not None:
        # css-device-adapt: the keywords yes and no stand for 1 and 0.1
        keyword = {"yes": 1.0, "no": 0.1}.get(maximum)
        try:
            scale = keyword if keyword is not None else float(maximum)
        except ValueError:
            return ""
        if 0 < scale < 2:
            return f"maximum-scale={maximum} staat minder dan 200% vergroting toe"
    return ""


@register
class ViewportZoom(BaseRule):
    id = "wcag.viewport-zoom"
    title = "Viewport blokkeert zoomen"
    criteria = ("1.4.4",)
    level = "AA"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for meta in document.tags("meta"):
            if meta.get("name", "").strip().lower() != "viewport":
                continue
            problem = zoom_problem(meta.get("content", ""))
            if problem:
                yield self.finding(
                    document,
                    meta,
                    f"De viewport-instelling blokkeert zoomen: {problem}. Slechtziende "
                    "bezoekers kunnen de tekst dan niet vergroten.",
                    'Gebruik <meta name="viewport" content="width=device-width, initial-scale=1"> '
                    "zonder user-scalable en maximum-scale.",
                )

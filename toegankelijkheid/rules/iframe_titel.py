"""4.1.2: an iframe (embedded video, map, form) has a title that says what it is."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register


@register
class IframeTitel(BaseRule):
    id = "wcag.iframe-titel"
    title = "Iframe zonder titel"
    criteria = ("4.1.2",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for frame in document.tags("iframe", "frame"):
            if document.is_hidden_from_at(frame) or document.is_presentational(frame):
                continue
            if frame.get("tabindex", "").strip().startswith("-"):
                continue  # out of the tab order: no one lands on it (W3C ACT rule cae760)
            if document.accessible_name(frame):
                continue
            yield self.finding(
                document,
                frame,
                "Dit ingesloten venster (iframe) heeft geen titel. Een schermlezer zegt dan "
                "alleen “frame”, zonder wat erin staat.",
                'Geef de iframe een title die de inhoud noemt, bijvoorbeeld title="Video: zo '
                'vraagt u een paspoort aan" of title="Kaart met de locatie van het stadskantoor".',
            )

"""1.2.2 and 1.2.3: a video without captions and without a transcript."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, Element
from ..registry import BaseRule, register
from ._common import has_transcript_nearby


def has_captions(video: Element) -> bool:
    return any(
        track.get("kind", "").strip().lower() == "captions" and track.get("src")
        for track in video.iterdescendants("track")
    )


@register
class VideoZonderOndertiteling(BaseRule):
    id = "wcag.video-zonder-ondertiteling"
    title = "Video zonder ondertiteling of transcript"
    criteria = ("1.2.2", "1.2.3")
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for video in document.tags("video"):
            if document.is_hidden(video) or has_captions(video):
                continue
            if has_transcript_nearby(document, video):
                continue
            yield self.finding(
                document,
                video,
                "Deze video heeft geen ondertiteling voor doven en slechthorenden en er staat geen "
                "link naar een uitgeschreven tekst bij.",
                'Voeg ondertiteling toe (<track kind="captions" src="….vtt" srclang="nl">) en zet '
                "een link naar de uitgeschreven tekst (transcript) direct onder de video.",
            )

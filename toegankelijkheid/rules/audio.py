"""1.2.1: audio (a podcast, a recording) without a transcript."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register
from ._common import has_transcript_nearby


@register
class AudioZonderTranscript(BaseRule):
    id = "wcag.audio-zonder-transcript"
    title = "Audio zonder uitgeschreven tekst"
    criteria = ("1.2.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for audio in document.tags("audio"):
            if document.is_hidden(audio) or has_transcript_nearby(document, audio):
                continue
            yield self.finding(
                document,
                audio,
                "Bij deze geluidsopname staat geen uitgeschreven tekst (transcript). Doven en "
                "slechthorenden kunnen de inhoud dan niet volgen.",
                "Zet direct bij de opname een link naar de uitgeschreven tekst, of de tekst zelf "
                "(bijvoorbeeld in een uitklapblok “Uitgeschreven tekst”).",
            )

"""3.1.1: the page says which language it is in (``<html lang="nl">``)."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register
from ._taal import language_problem, primary_language


@register
class TaalPagina(BaseRule):
    id = "wcag.taal-pagina"
    title = "Taal van de pagina ontbreekt of is ongeldig"
    criteria = ("3.1.1",)
    level = "A"
    severity = Severity.FOUT
    page_only = True
    document_rule = True

    def check(self, document: Document) -> Iterator[Finding]:
        html = document.root
        value = html.get("lang")
        if value is None:
            # xml:lang alone does not count in an HTML document: browsers and screen
            # readers read lang (HTML, "The lang and xml:lang attributes"; ACT b5c3f8).
            only_xml = html.get("xml:lang") is not None
            yield self.finding(
                document,
                html,
                "De pagina zegt niet in welke taal ze is geschreven (lang ontbreekt op <html>"
                + ("; xml:lang alleen telt in HTML niet" if only_xml else "")
                + "). Een schermlezer spreekt de tekst dan mogelijk in de verkeerde taal uit.",
                'Zet de taal op het html-element: <html lang="nl">.',
            )
            return
        problem = language_problem(value)
        if problem:
            yield self.finding(
                document,
                html,
                f'De taal van de pagina {problem} (lang="{value}").',
                'Gebruik een geldige taalcode, voor Nederlands <html lang="nl">.',
            )
            return
        xml_lang = html.get("xml:lang")
        if (
            xml_lang is not None
            and html.get("lang") is not None
            and xml_lang.strip()
            and primary_language(xml_lang) != primary_language(value)
        ):
            yield self.finding(
                document,
                html,
                f'lang="{value}" en xml:lang="{xml_lang}" noemen een andere taal. '
                "Hulpsoftware weet dan niet welke taal geldt.",
                "Geef lang en xml:lang dezelfde taal, of haal xml:lang weg.",
            )

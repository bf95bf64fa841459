"""1.3.1: lists built the way assistive technology reads them.

A ``<ul>``/``<ol>``/``<menu>`` holds only ``<li>`` (and ``<script>``/``<template>``); an
``<li>`` stands in such a list; a ``<dl>`` holds only ``<dt>``/``<dd>`` groups, directly
or wrapped in one ``<div>`` each; ``<dt>``/``<dd>`` stand in a ``<dl>``. That is the
HTML content model; where it is broken, screen readers announce a wrong number of
items or no list at all (WCAG technique H48 shows the right markup). Elements with an
explicit ARIA role are left to the ARIA rules (``wcag.aria-context``), and a list
marked as presentation takes its items with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, Element
from ..registry import BaseRule, register

LISTS = frozenset(("ul", "ol", "menu"))
_SCRIPTING = frozenset(("script", "template"))
_TERMS = frozenset(("dt", "dd"))
_DL_CHILDREN = _TERMS | frozenset(("div",)) | _SCRIPTING


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def _loose_text(element: Element) -> bool:
    """Text that is not whitespace directly inside ``element`` (not in a child)."""
    return not _blank(element.text) or not all(_blank(child.tail) for child in element)


def _children(document: Document, element: Element) -> Iterator[Element]:
    for child in element:
        if isinstance(child.tag, str) and not document.is_hidden_from_at(child):
            yield child


@register
class Lijststructuur(BaseRule):
    id = "wcag.lijststructuur"
    title = "Lijst of lijstonderdeel buiten de lijststructuur"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        yield from self._lists(document)
        yield from self._items(document)
        yield from self._description_lists(document)
        yield from self._terms(document)

    def _lists(self, document: Document) -> Iterator[Finding]:
        for element in document.tags(*LISTS):
            if document.is_hidden_from_at(element):
                continue
            if document.computed_role(element) != "list":
                continue  # presentation, menu, tablist, …: not a list for AT
            problem = self._list_problem(document, element)
            if problem:
                yield self.finding(
                    document,
                    element,
                    f"Deze lijst ({element.tag}) bevat {problem}. Een schermlezer telt de "
                    "onderdelen dan verkeerd of slaat ze over.",
                    f"Zet alle inhoud van de <{element.tag}> in <li>-elementen.",
                )

    @staticmethod
    def _list_problem(document: Document, element: Element) -> str:
        text_problem = "tekst buiten een <li>"
        if not _blank(element.text):
            return text_problem
        for child in element:
            if not _blank(child.tail):
                return text_problem
            tag = child.tag
            if not isinstance(tag, str) or tag in _SCRIPTING:
                continue
            if tag == "li" and "role" not in child.attrib:
                continue  # the common case first: no role, no hidden check needed
            if document.is_hidden_from_at(child):
                continue
            role = document.computed_role(child) if "role" in child.attrib else ""
            if role == "listitem":
                continue
            if tag == "li":
                return f'een <li> met role="{child.get("role", "").strip()}"'
            return f"een <{tag}> die geen lijstonderdeel is"
        return ""

    def _items(self, document: Document) -> Iterator[Finding]:
        for item in document.tags("li"):
            parent = item.getparent()
            if parent is None or parent.tag in LISTS:
                continue  # the list itself is judged above (also when it is presentation)
            if "role" in item.attrib or document.is_hidden_from_at(item):
                continue
            if isinstance(parent.tag, str) and document.computed_role(parent) == "list":
                continue
            yield self.finding(
                document,
                item,
                "Dit lijstonderdeel (<li>) staat niet in een lijst (<ul> of <ol>). Een "
                "schermlezer meldt dan geen opsomming.",
                "Zet de <li>-elementen in een <ul> (opsomming) of <ol> (genummerde stappen).",
            )

    def _description_lists(self, document: Document) -> Iterator[Finding]:
        for element in document.tags("dl"):
            if "role" in element.attrib or document.is_hidden_from_at(element):
                continue
            problem = self._dl_problem(document, element)
            if problem:
                yield self.finding(
                    document,
                    element,
                    f"Deze beschrijvingslijst (dl) bevat {problem}. Hulpsoftware koppelt "
                    "begrip en uitleg dan niet goed.",
                    "Zet in een <dl> alleen <dt> (begrip) en <dd> (uitleg), eventueel per "
                    "paar in één <div>.",
                )

    @staticmethod
    def _dl_problem(document: Document, element: Element) -> str:
        if _loose_text(element):
            return "tekst buiten een <dt> of <dd>"
        for child in _children(document, element):
            if child.tag not in _DL_CHILDREN:
                return f"een <{child.tag}>"
            if child.tag != "div":
                continue
            if "role" in child.attrib or _loose_text(child):
                return "een <div> die geen groep van <dt> en <dd> is"
            for grandchild in _children(document, child):
                if grandchild.tag not in _TERMS and grandchild.tag not in _SCRIPTING:
                    return f"een <{grandchild.tag}> in een groep van <dt> en <dd>"
        return ""

    def _terms(self, document: Document) -> Iterator[Finding]:
        for term in document.tags(*_TERMS):
            if "role" in term.attrib or document.is_hidden_from_at(term):
                continue
            parent = term.getparent()
            if parent is not None and parent.tag == "div":
                parent = parent.getparent()
            if parent is not None and parent.tag == "dl":
                continue
            yield self.finding(
                document,
                term,
                f"Dit <{term.tag}> staat niet in een beschrijvingslijst (<dl>).",
                "Zet begrip (<dt>) en uitleg (<dd>) samen in een <dl>.",
            )

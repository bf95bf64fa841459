"""Samenwerkende Catalogi 4.0: the product as one ``scproduct`` for overheid.nl.

Overheid.nl finds a gemeente's products through one XML feed of SC entries
(``koppelingen`` serves it as ``/samenwerkende-catalogi.xml``, assembled from
the entries stored at publication). Each entry must be valid against the SC
4.0 schema with its OWMS 4.0 parts (``schemas/samenwerkende-catalogi/``,
source in its SOURCES.md); the gate validates every entry, so an invalid one
never reaches the feed. A product without a UPL name is left out of the feed,
with a warning: overheid.nl cannot place it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from lxml import etree

from contenthub.findings import Finding, Location, Severity
from contenthub.structured import ProductSnapshot
from contenthub.vocabulary import Doelgroep

from ..base import Rendering
from ..overheid import owms_gemeente_uri, owms_label, product_key, upl_entry
from ..registry import register
from ..talen import is_translation

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas" / "samenwerkende-catalogi"
SC_XSD = SCHEMA_DIR / "standaarden.overheid.nl" / "sc" / "4.0" / "xsd" / "sc.xsd"
MEDIA_TYPE = "application/xml; charset=utf-8"

PRODUCT_NS = "http://standaarden.overheid.nl/product/terms/"
DCTERMS_NS = "http://purl.org/dc/terms/"
OVERHEID_NS = "http://standaarden.overheid.nl/owms/terms/"
NSMAP = {None: PRODUCT_NS, "dcterms": DCTERMS_NS, "overheid": OVERHEID_NS}

AUDIENCES = {
    Doelgroep.INWONERS: ("particulier",),
    Doelgroep.ONDERNEMERS: ("ondernemer",),
    Doelgroep.BEIDE: ("particulier", "ondernemer"),
}
"""Our doelgroep in the SC's own values (the SC 4.0 doelgroep list)."""


@cache
def sc_schema() -> etree.XMLSchema:
    """The SC 4.0 schema, parsed once per process (it includes the OWMS 4.0 parts)."""
    return etree.XMLSchema(etree.parse(str(SC_XSD)))


@register
class SamenwerkendeCatalogiRenderer:
    channel = "samenwerkende_catalogi"
    label = "Samenwerkende Catalogi (overheid.nl)"
    variants = ("",)

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        if is_translation(product):
            # The national catalogue takes the Dutch product only.
            return Rendering(self.channel, MEDIA_TYPE, "", variant)
        if not product.upl_uri:
            # Not in the feed; ``check`` tells the editor why.
            return Rendering(self.channel, MEDIA_TYPE, "", variant)
        element = sc_product(product, today=context.get("today"))
        content = etree.tostring(element, encoding="unicode")
        return Rendering(self.channel, MEDIA_TYPE, content, variant)

    def check(self, product: ProductSnapshot, rendering: Rendering) -> list[Finding]:
        """Dutch findings on the entry as overheid.nl would receive it."""
        if is_translation(product):
            return []
        if not rendering.content:
            return [
                Finding(
                    rule="kanaal.sc-geen-upl",
                    severity=Severity.WAARSCHUWING,
                    message=(
                        "Dit product komt niet in de Samenwerkende Catalogi: het heeft "
                        "geen UPL-naam. Overheid.nl kan het dan niet vinden."
                    ),
                    suggestion="Kies op het tabblad Vindbaarheid de UPL-naam van dit product.",
                    location=Location(field="upl_naam"),
                )
            ]
        return [
            Finding(
                rule="kanaal.sc-ongeldig",
                severity=Severity.FOUT,
                message=(
                    "Het product past niet in de Samenwerkende Catalogi 4.0: "
                    f"{error.message}"
                ),
                suggestion=(
                    "Controleer de titel, het korte antwoord, de UPL-naam en de link "
                    "naar online aanvragen. Blijft dit zo, meld het dan aan de beheerder."
                ),
                location=Location(field=""),
                excerpt=f"regel {error.line}",
            )
            for error in validation_errors(rendering.text)
        ]


def validation_errors(entry: str) -> list[Any]:
    """The schema errors of one stored entry, as a feed of one product."""
    schema = sc_schema()
    schema.validate(etree.fromstring(assemble_feed([entry])))
    return list(schema.error_log)


def sc_product(product: ProductSnapshot, *, today: date | None = None) -> Any:
    def sub(parent: Any, ns: str, tag: str, text: str = "", **attrs: str) -> Any:
        element = etree.SubElement(parent, f"{{{ns}}}{tag}", attrib=attrs)
        if text:
            element.text = text
        return element

    gemeente = owms_label(product.gemeente)
    gemeente_uri = owms_gemeente_uri(product.gemeente)
    modified = (
        product.gepubliceerd_op.date() if product.gepubliceerd_op else today
    ) or date.today()
    root = etree.Element(
        f"{{{PRODUCT_NS}}}scproduct", nsmap=NSMAP, attrib={"owms-version": "4.0"}
    )
    meta = sub(root, PRODUCT_NS, "meta")
    kern = sub(meta, PRODUCT_NS, "owmskern")
    sub(kern, DCTERMS_NS, "identifier", product.url)
    sub(kern, DCTERMS_NS, "title", product.title)
    sub(kern, DCTERMS_NS, "language", "nl")
    sub(
        kern,
        DCTERMS_NS,
        "type",
        "productbeschrijving",
        scheme="overheid:Informatietype",
    )
    gemeente_attrs = {"scheme": "overheid:Gemeente", "resourceIdentifier": gemeente_uri}
    sub(kern, DCTERMS_NS, "creator", gemeente, **gemeente_attrs)
    sub(kern, DCTERMS_NS, "modified", modified.isoformat())
    sub(kern, DCTERMS_NS, "spatial", gemeente, **gemeente_attrs)
    sub(kern, OVERHEID_NS, "authority", gemeente, **gemeente_attrs)

    mantel = sub(meta, PRODUCT_NS, "owmsmantel")
    for audience in AUDIENCES.get(product.doelgroep, ("particulier",)):
        sub(mantel, DCTERMS_NS, "audience", audience, scheme="overheid:Doelgroep")
    if product.thema:
        sub(mantel, DCTERMS_NS, "subject", product.thema)
    sub(mantel, DCTERMS_NS, "abstract", product.kort_antwoord)

    scmeta = sub(meta, PRODUCT_NS, "scmeta")
    sub(scmeta, PRODUCT_NS, "productID", str(product_key(product)))
    entry = upl_entry(product)
    if product.online_aanvragen_url:
        online = "digid" if entry and entry.digid else "ja"
    else:
        online = "nee"
    sub(scmeta, PRODUCT_NS, "onlineAanvragen", online)
    if product.online_aanvragen_url:
        sub(
            scmeta,
            PRODUCT_NS,
            "aanvraagURL",
            "Online aanvragen",
            resourceIdentifier=product.online_aanvragen_url,
        )
    if product.contact and product.contact.contactformulier_url:
        sub(
            scmeta,
            PRODUCT_NS,
            "contactpunt",
            product.contact.naam,
            resourceIdentifier=product.contact.contactformulier_url,
        )
    sub(
        scmeta,
        PRODUCT_NS,
        "uniformeProductnaam",
        entry.naam if entry else product.upl_naam,
        scheme="overheid:UniformeProductnaam",
        resourceIdentifier=product.upl_uri,
    )

    body = sub(root, PRODUCT_NS, "body")
    # The same HTML as the web fragment, as text: the schema's productHTML
    # accepts XHTML elements only with an XHTML schema, which SC does not ship.
    sub(
        body,
        PRODUCT_NS,
        "productHTML",
        render_to_string("renderers/web_fragment.html", {"p": product}).strip(),
    )
    return root


def assemble_feed(entries: Iterable[str]) -> bytes:
    """The feed of a gemeente: its stored entries under one ``scproducten``."""
    root = etree.Element(f"{{{PRODUCT_NS}}}scproducten", nsmap=NSMAP)
    for entry in entries:
        root.append(etree.fromstring(entry))
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)

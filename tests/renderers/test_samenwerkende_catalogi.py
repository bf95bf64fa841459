"""SC channel: one valid scproduct per product with a UPL name; a clear finding otherwise."""

from __future__ import annotations

import pytest
from lxml import etree

import renderers
from contenthub.findings import Severity
from renderers.base import Rendering
from renderers.channels.samenwerkende_catalogi import (
    PRODUCT_NS,
    SamenwerkendeCatalogiRenderer,
    assemble_feed,
    sc_schema,
)
from renderers.crosscheck import check_channels
from renderers.services import render_all

pytestmark = pytest.mark.django_db

NS = {"sc": PRODUCT_NS}


def test_a_product_with_a_upl_name_gives_a_valid_entry(product, snapshot_of):
    product.upl_naam = "paspoort"
    product.upl_uri = "http://standaarden.overheid.nl/owms/terms/paspoort"
    snapshot = snapshot_of(product)
    rendering = renderers.render(snapshot, "samenwerkende_catalogi")
    feed = etree.fromstring(assemble_feed([rendering.text]))
    assert sc_schema().validate(feed), sc_schema().error_log
    assert SamenwerkendeCatalogiRenderer().check(snapshot, rendering) == []


def test_a_product_without_upl_name_is_left_out_with_a_warning(product, snapshot_of):
    product.upl_naam = ""
    product.upl_uri = ""
    snapshot = snapshot_of(product)
    rendering = renderers.render(snapshot, "samenwerkende_catalogi")
    assert rendering.content == ""
    [finding] = SamenwerkendeCatalogiRenderer().check(snapshot, rendering)
    assert finding.severity is Severity.WAARSCHUWING
    assert "UPL-naam" in finding.message
    assert finding.location.field == "upl_naam"


def test_an_invalid_entry_is_a_blocking_dutch_finding(product, snapshot_of):
    snapshot = snapshot_of(product)
    broken = Rendering(
        "samenwerkende_catalogi",
        "application/xml",
        f'<scproduct xmlns="{PRODUCT_NS}" owms-version="4.0"><meta/></scproduct>',
    )
    findings = SamenwerkendeCatalogiRenderer().check(snapshot, broken)
    assert findings
    assert all(f.severity is Severity.FOUT for f in findings)
    assert findings[0].message.startswith("Het product past niet in de Samenwerkende")


def test_the_gate_check_covers_the_sc_entry(product, snapshot_of):
    product.upl_naam = "paspoort"
    product.upl_uri = "http://standaarden.overheid.nl/owms/terms/paspoort"
    snapshot = snapshot_of(product)
    renderings = render_all(snapshot)
    assert any(r.channel == "samenwerkende_catalogi" for r in renderings)
    assert [f for f in check_channels(snapshot, renderings) if f.blocks] == []
    # The consistency check reads the XML: an amount that is not the product's fails.
    sc = next(r for r in renderings if r.channel == "samenwerkende_catalogi")
    tampered = Rendering(
        sc.channel,
        sc.media_type,
        sc.text.replace(
            "</dcterms:abstract>", " Het kost € 999,99.</dcterms:abstract>"
        ),
    )
    rules = {f.rule for f in check_channels(snapshot, [tampered])}
    assert "kanaal.onbekend-bedrag" in rules


def test_the_gemeente_is_named_as_in_the_owms_list(product, snapshot_of):
    product.upl_naam = "paspoort"
    product.upl_uri = "http://standaarden.overheid.nl/owms/terms/paspoort"
    entry = etree.fromstring(
        renderers.render(snapshot_of(product), "samenwerkende_catalogi").data
    )
    creator = entry.find(".//{http://purl.org/dc/terms/}creator")
    assert creator.get("resourceIdentifier") == (
        "http://standaarden.overheid.nl/owms/terms/Testdorp_(gemeente)"
    )

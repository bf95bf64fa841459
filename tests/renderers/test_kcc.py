"""KCC channel: kennisartikelen and VAC's valid against the community objecttypes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

import renderers
from contenthub.findings import Severity
from renderers.channels.kcc import KccRenderer
from tests.openapi import FORMAT_CHECKER, errors_of

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2] / "renderers" / "schemas" / "kcc"
KENNISARTIKEL = Draft7Validator(
    json.loads((SCHEMAS / "kennisartikel-schema.json").read_text()),
    format_checker=FORMAT_CHECKER,
)
VAC = Draft7Validator(
    json.loads((SCHEMAS / "vac-schema.json").read_text()),
    format_checker=FORMAT_CHECKER,
)


def kennisartikel_of(product) -> dict:
    return json.loads(renderers.render(product, "kcc").text)


def test_every_demo_product_is_a_valid_kennisartikel(demo_products):
    with_upl = [p for p in demo_products if p.upl_uri]
    assert len(with_upl) == len(demo_products)
    for product in with_upl:
        assert errors_of(KENNISARTIKEL, kennisartikel_of(product)) == [], product.slug


def test_every_vraag_is_a_valid_vac(demo_products):
    count = 0
    for product in demo_products:
        vacs = json.loads(renderers.render(product, "kcc", variant="vac").text)
        assert [v["data"]["vraag"] for v in vacs] == [v.vraag for v in product.vragen]
        for vac in vacs:
            assert errors_of(VAC, vac["data"]) == [], product.slug
            count += 1
    assert count >= len(demo_products)


def test_vac_identities_are_stable_and_distinct(demo_products):
    first = [
        v["uuid"]
        for p in demo_products
        for v in json.loads(renderers.render(p, "kcc", variant="vac").text)
    ]
    again = [
        v["uuid"]
        for p in demo_products
        for v in json.loads(renderers.render(p, "kcc", variant="vac").text)
    ]
    assert first == again
    assert len(set(first)) == len(first)


@pytest.mark.parametrize(
    ("path", "broken"),
    [
        (("doelgroep",), "iedereen"),
        (("upnUri",), "geen link"),
        (("vertalingen", 0, "taal"), "fy"),
        (("verantwoordelijkeOrganisatie", "owmsEndDate"), None),
        (("locaties",), []),
    ],
)
def test_breaking_one_kennisartikel_field_fails_validation(demo_products, path, broken):
    document = kennisartikel_of(demo_products[0])
    target = document
    for key in path[:-1]:
        target = target[key]
    if broken is None:
        del target[path[-1]]
    else:
        target[path[-1]] = broken
    assert errors_of(KENNISARTIKEL, document) != []


def test_breaking_one_vac_field_fails_validation(demo_products):
    product = next(p for p in demo_products if p.vragen)
    vac = json.loads(renderers.render(product, "kcc", variant="vac").text)[0]["data"]
    vac["status"] = "gepubliceerd"
    assert errors_of(VAC, vac) != []


def test_the_agents_note_is_never_in_the_stored_rendering(make_product, snapshot_of):
    page = make_product(kcc_notitie="Verwijs bij spoed door naar de wijkagent.")
    snapshot = snapshot_of(page)
    assert snapshot.kcc_notitie == "Verwijs bij spoed door naar de wijkagent."
    for variant in ("", "vac"):
        assert (
            "wijkagent" not in renderers.render(snapshot, "kcc", variant=variant).text
        )


def test_a_product_without_upl_name_gets_a_warning(product, snapshot_of):
    product.upl_naam = ""
    product.upl_uri = ""
    snapshot = snapshot_of(product)
    rendering = renderers.render(snapshot, "kcc")
    [finding] = KccRenderer().check(snapshot, rendering)
    assert finding.severity is Severity.WAARSCHUWING
    assert "kennisbank" in finding.message

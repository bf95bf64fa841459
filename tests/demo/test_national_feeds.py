"""Every demo gemeente (not only Voorbeeldstad) delivers all four national feeds,
each valid against the official schema shipped in ``renderers/schemas/``:

- SDG: the stored payload, as the invoervoorziening receives it;
- Samenwerkende Catalogi: ``/samenwerkende-catalogi.xml`` against the SC 4.0 XSD;
- the KCC's Objects API: every kennisartikel and VAC against its objecttype;
- Open Product: ``/api/open-product/v1/producttypen`` against its OpenAPI schemas.

Per feed, one parametrised test breaks exactly one field of a real demo
document (wrong type, missing required, bad enum, bad format) and shows that
the same validation then fails on that field: the validation is real.

One module-scoped load of the three gemeenten (``demo_gemeenten``) serves
every test here; the load costs about a minute.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings
from jsonschema import Draft7Validator
from lxml import etree

from contenthub.catalogue import live_products
from demo.source import GEMEENTEN
from koppelingen.selectors import stored_renderings
from renderers.channels.samenwerkende_catalogi import (
    DCTERMS_NS,
    PRODUCT_NS,
    sc_schema,
)
from renderers.overheid import is_sdg_product
from tests.openapi import FORMAT_CHECKER, openapi_validator

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2] / "renderers" / "schemas"
DELETE = object()
"""Put in place of a value: remove that (required) field instead."""


def _components(path: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / path).read_text())["components"]["schemas"]


SDG_COMPONENTS = _components("sdg/sdg-invoervoorziening-components.json")
SDG_REQUEST = openapi_validator(SDG_COMPONENTS, "Product", request=True)
CATALOGUS = "https://sdg.example/api/v1/catalogi/7d2b1c8e-0000-4000-8000-000000000001"

OPEN_PRODUCT = _components("open-product/producttypen-components.json")
PRODUCTTYPE = openapi_validator(OPEN_PRODUCT, "ProductType")
PRODUCTTYPE_LIST = openapi_validator(OPEN_PRODUCT, "PaginatedProductTypeList")
PRODUCTTYPEN_URL = "/api/open-product/v1/producttypen"

KCC = {
    kind: Draft7Validator(
        json.loads((SCHEMAS / "kcc" / f"{kind}-schema.json").read_text()),
        format_checker=FORMAT_CHECKER,
    )
    for kind in ("kennisartikel", "vac")
}
OBJECTS_URL = "/api/objects/v2/objects"
KISS_TOKEN = "kiss-token-demo"
OBJECTTYPE = {
    "kennisartikel": "https://objecttypen.example/api/v2/objecttypes/0001",
    "vac": "https://objecttypen.example/api/v2/objecttypes/0002",
}

SC_NS = {"sc": PRODUCT_NS, "dcterms": DCTERMS_NS}


# Helpers -----------------------------------------------------------------------------


def client_for(site) -> Client:
    return Client(HTTP_HOST=site.hostname)


def schema_errors(validator, document: Any) -> list[tuple[tuple, str]]:
    return [
        (tuple(error.absolute_path), error.message)
        for error in validator.iter_errors(document)
    ]


def break_one_field(document: Any, path: tuple, value: Any) -> Any:
    """A deep copy of ``document`` with the field at ``path`` set to ``value``
    (or removed, for ``DELETE``)."""
    broken = copy.deepcopy(document)
    parent = broken
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return broken


def assert_fails_on(validator, document: Any, path: tuple, value: Any) -> None:
    """Valid as served; invalid after breaking ``path``, and the schema names it."""
    assert schema_errors(validator, document) == []
    errors = schema_errors(validator, break_one_field(document, path, value))
    assert errors, f"{path} = {value!r} is accepted"
    if value is DELETE:
        # A missing property is reported on the object that should hold it.
        named = [e for e in errors if e[0] == path[:-1] and repr(path[-1]) in e[1]]
    else:
        named = [e for e in errors if e[0][: len(path)] == path]
    assert named, errors


def sdg_payloads(site) -> list[dict[str, Any]]:
    # As the command sends them (koppelingen/sdg.py adds the catalogus).
    return [
        json.loads(row.content) | {"catalogus": CATALOGUS}
        for row in stored_renderings(site=site, channel="sdg")
    ]


def sc_feed(site) -> etree._Element:
    response = client_for(site).get("/samenwerkende-catalogi.xml")
    assert response.status_code == 200, response.content[:200]
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


@pytest.fixture
def kiss():
    """The Objects API switched on, as KISS calls it."""
    with override_settings(
        KCC_OBJECTS_API_TOKEN=KISS_TOKEN,
        KCC_OBJECTTYPE_KENNISARTIKEL=OBJECTTYPE["kennisartikel"],
        KCC_OBJECTTYPE_VAC=OBJECTTYPE["vac"],
    ):

        def objects(site, kind: str) -> list[dict[str, Any]]:
            client = client_for(site)
            auth = {"HTTP_AUTHORIZATION": f"Token {KISS_TOKEN}"}
            response = client.get(
                OBJECTS_URL, {"type": OBJECTTYPE[kind], "pageSize": 100}, **auth
            )
            results = []
            while True:
                assert response.status_code == 200, response.content[:200]
                body = response.json()
                results += body["results"]
                if not body["next"]:
                    return results
                response = client.get(body["next"], **auth)

        yield objects


def producttypen(site) -> dict[str, Any]:
    response = client_for(site).get(PRODUCTTYPEN_URL, {"page_size": 500})
    assert response.status_code == 200, response.content[:200]
    return response.json()


# Valid for every demo gemeente ---------------------------------------------------------


def test_the_demo_has_three_gemeenten_on_their_own_host(demo_gemeenten):
    assert set(demo_gemeenten) == set(GEMEENTEN)
    assert len({site.hostname for site in demo_gemeenten.values()}) == 3


@pytest.mark.parametrize("key", GEMEENTEN)
def test_the_sdg_payloads_are_valid(demo_gemeenten, key):
    site = demo_gemeenten[key]
    expected = {p.pk for p in live_products(site=site) if is_sdg_product(p)}
    stored = stored_renderings(site=site, channel="sdg")
    assert expected
    assert {row.page.pk for row in stored} == expected
    for body in sdg_payloads(site):
        assert schema_errors(SDG_REQUEST, body) == [], body["upnUri"]
        assert body["organisatie"]["owmsPrefLabel"]


@pytest.mark.parametrize("key", GEMEENTEN)
def test_the_sc_feed_is_valid(demo_gemeenten, key):
    site = demo_gemeenten[key]
    feed = sc_feed(site)
    schema = sc_schema()
    assert schema.validate(feed), schema.error_log
    ids = set(feed.xpath("//sc:productID/text()", namespaces=SC_NS))
    with_upl = {str(p.pk) for p in live_products(site=site) if p.upl_uri}
    assert with_upl
    assert ids == with_upl
    # Every entry names this gemeente as its creator, never another.
    assert (
        len(set(feed.xpath("//dcterms:creator/@resourceIdentifier", namespaces=SC_NS)))
        == 1
    )


@pytest.mark.parametrize("key", GEMEENTEN)
def test_the_kcc_kennisartikelen_and_vacs_are_valid(demo_gemeenten, kiss, key):
    site = demo_gemeenten[key]
    kennis = kiss(site, "kennisartikel")
    vacs = kiss(site, "vac")
    assert len(kennis) == live_products(site=site).count()
    assert len(vacs) >= len(kennis)
    for kind, objects in (("kennisartikel", kennis), ("vac", vacs)):
        assert {o["type"] for o in objects} == {OBJECTTYPE[kind]}
        for obj in objects:
            data = obj["record"]["data"]
            assert schema_errors(KCC[kind], data) == [], (kind, obj["uuid"])
    own = {o["record"]["data"]["url"].split("/")[2] for o in kennis}
    assert len(own) == 1  # one gemeente's website, never another's


@pytest.mark.parametrize("key", GEMEENTEN)
def test_the_open_product_producttypen_are_valid(demo_gemeenten, key):
    site = demo_gemeenten[key]
    body = producttypen(site)
    assert schema_errors(PRODUCTTYPE_LIST, body) == []
    assert body["count"] == live_products(site=site).count()
    assert {p["naam"] for p in body["results"]} == {
        page.title for page in live_products(site=site)
    }
    client = client_for(site)
    for entry in body["results"]:
        detail = client.get(f"{PRODUCTTYPEN_URL}/{entry['uuid']}")
        assert detail.status_code == 200
        assert schema_errors(PRODUCTTYPE, detail.json()) == []


def test_each_gemeente_sees_only_its_own_products(demo_gemeenten):
    seen = {}
    for key, site in demo_gemeenten.items():
        seen[key] = {p["uuid"] for p in producttypen(site)["results"]}
    keys = list(seen)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert seen[a].isdisjoint(seen[b]), (a, b)


# One broken field fails the validation -------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(("productAanwezig",), "ja", id="wrong-type"),
        pytest.param(("upnUri",), DELETE, id="missing-required"),
        pytest.param(("vertalingen", 0, "taal"), "fr", id="bad-enum"),
        pytest.param(("upnUri",), "paspoort", id="bad-format-uri"),
        pytest.param(
            ("vertalingen", 0, "productTitelDecentraal"), "x" * 51, id="too-long"
        ),
    ],
)
def test_one_broken_field_fails_the_sdg_schema(demo_gemeenten, path, value):
    for site in demo_gemeenten.values():
        assert_fails_on(SDG_REQUEST, sdg_payloads(site)[0], path, value)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(("productAanwezig",), "ja", id="wrong-type"),
        pytest.param(("beschikbareTalen",), DELETE, id="missing-required"),
        pytest.param(("doelgroep",), "iedereen", id="bad-enum"),
        pytest.param(("vertalingen", 0, "taal"), "fr", id="bad-nested-enum"),
        pytest.param(("uuid",), "geen-uuid", id="bad-format-uuid"),
        pytest.param(
            ("vertalingen", 0, "datumWijziging"), "gisteren", id="bad-format-date-time"
        ),
    ],
)
def test_one_broken_field_fails_the_kennisartikel_schema(
    demo_gemeenten, kiss, path, value
):
    for site in demo_gemeenten.values():
        data = kiss(site, "kennisartikel")[0]["record"]["data"]
        assert_fails_on(KCC["kennisartikel"], data, path, value)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(("trefwoorden",), "paspoort", id="wrong-type"),
        pytest.param(("antwoord",), DELETE, id="missing-required"),
        pytest.param(("status",), "gepubliceerd", id="bad-enum"),
        pytest.param(("doelgroep",), "iedereen", id="bad-enum-doelgroep"),
        pytest.param(
            ("gerelateerdeProducten", 0, "product"), "paspoort", id="bad-format-uri"
        ),
    ],
)
def test_one_broken_field_fails_the_vac_schema(demo_gemeenten, kiss, path, value):
    for site in demo_gemeenten.values():
        vac = next(
            o["record"]["data"]
            for o in kiss(site, "vac")
            if o["record"]["data"].get("gerelateerdeProducten")
        )
        assert_fails_on(KCC["vac"], vac, path, value)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(("gepubliceerd",), "ja", id="wrong-type"),
        pytest.param(("naam",), DELETE, id="missing-required"),
        pytest.param(("code",), "paspoort aanvragen", id="bad-pattern"),
        pytest.param(("uuid",), "geen-uuid", id="bad-format-uuid"),
        pytest.param(("aanmaak_datum",), "3 december 2026", id="bad-format-date-time"),
        pytest.param(
            ("prijzen", 0, "prijsopties", 0, "bedrag"), "83,87", id="bad-decimal"
        ),
    ],
)
def test_one_broken_field_fails_the_open_product_schema(demo_gemeenten, path, value):
    for site in demo_gemeenten.values():
        document = next(p for p in producttypen(site)["results"] if p["prijzen"])
        assert_fails_on(PRODUCTTYPE, document, path, value)


@pytest.mark.parametrize(
    ("xpath", "attribute", "value", "element"),
    [
        pytest.param(
            "//dcterms:modified", None, "gisteren", "modified", id="wrong-type-date"
        ),
        pytest.param("//dcterms:title", None, DELETE, "title", id="missing-required"),
        pytest.param(
            "//sc:onlineAanvragen", None, "misschien", "onlineAanvragen", id="bad-enum"
        ),
        pytest.param(
            "//dcterms:audience", "scheme", "doelgroep", "audience", id="bad-scheme"
        ),
        pytest.param(
            "//dcterms:language", None, "Nederlands!", "language", id="bad-format"
        ),
    ],
)
def test_one_broken_field_fails_the_sc_schema(
    demo_gemeenten, xpath, attribute, value, element
):
    schema = sc_schema()
    for site in demo_gemeenten.values():
        feed = sc_feed(site)
        assert schema.validate(feed)
        target = feed.xpath(xpath, namespaces=SC_NS)[0]
        if value is DELETE:
            target.getparent().remove(target)
        elif attribute:
            target.set(attribute, value)
        else:
            target.text = value
        assert not schema.validate(feed)
        messages = [entry.message for entry in schema.error_log]
        assert any(element in message for message in messages), messages

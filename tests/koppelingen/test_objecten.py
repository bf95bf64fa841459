"""The Objects API for KISS: list and detail like Objects API v2, from stored renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import override_settings
from jsonschema import Draft7Validator

from contenthub.catalogue import live_products
from renderers.models import ChannelRendering
from tests.openapi import FORMAT_CHECKER, errors_of

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2] / "renderers" / "schemas" / "kcc"
VALIDATORS = {
    kind: Draft7Validator(
        json.loads((SCHEMAS / f"{kind}-schema.json").read_text()),
        format_checker=FORMAT_CHECKER,
    )
    for kind in ("kennisartikel", "vac")
}
TOKEN = "kiss-token"
KENNIS_TYPE = "https://objecttypen.voorbeeldstad.example/api/v2/objecttypes/0001"
VAC_TYPE = "https://objecttypen.voorbeeldstad.example/api/v2/objecttypes/0002"
URL = "/api/objects/v2/objects"


@pytest.fixture
def kiss(demo_client):
    with override_settings(
        KCC_OBJECTS_API_TOKEN=TOKEN,
        KCC_OBJECTTYPE_KENNISARTIKEL=KENNIS_TYPE,
        KCC_OBJECTTYPE_VAC=VAC_TYPE,
    ):
        demo_client.defaults["HTTP_AUTHORIZATION"] = f"Token {TOKEN}"
        yield demo_client


def all_pages(client, **params) -> list[dict]:
    results, url = [], URL
    response = client.get(url, {"pageSize": 40, **params})
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        results += body["results"]
        if not body["next"]:
            return results
        response = client.get(body["next"])


def test_every_object_is_valid_against_its_objecttype(kiss, demo_site):
    kennis = all_pages(kiss, type=KENNIS_TYPE)
    vacs = all_pages(kiss, type=VAC_TYPE)
    assert len(kennis) == live_products(site=demo_site).count()
    assert len(vacs) >= len(kennis)
    for kind, objects in (("kennisartikel", kennis), ("vac", vacs)):
        for obj in objects:
            assert set(obj) == {"url", "uuid", "type", "record"}
            assert obj["record"]["index"] == 1
            assert errors_of(VALIDATORS[kind], obj["record"]["data"]) == []
    assert {o["type"] for o in kennis} == {KENNIS_TYPE}
    assert {o["type"] for o in vacs} == {VAC_TYPE}


def test_pagination_counts_and_links(kiss):
    body = kiss.get(URL, {"type": VAC_TYPE, "pageSize": 5}).json()
    assert len(body["results"]) == 5
    assert body["count"] > 5
    assert body["previous"] is None
    second = kiss.get(body["next"]).json()
    assert second["previous"]
    assert {o["uuid"] for o in second["results"]}.isdisjoint(
        o["uuid"] for o in body["results"]
    )
    assert kiss.get(URL, {"page": 999}).status_code == 404
    assert kiss.get(URL, {"pageSize": "nul"}).status_code == 400


def test_detail_returns_the_same_object(kiss):
    first = kiss.get(URL, {"type": KENNIS_TYPE}).json()["results"][0]
    detail = kiss.get(f"{URL}/{first['uuid']}")
    assert detail.status_code == 200
    assert detail.json() == first
    assert kiss.get(f"{URL}/00000000-0000-4000-8000-000000000000").status_code == 404


def test_data_attrs_filters_as_kiss_uses_them(kiss):
    all_vacs = all_pages(kiss, type=VAC_TYPE)
    vraag = all_vacs[0]["record"]["data"]["vraag"]
    exact = all_pages(kiss, type=VAC_TYPE, data_attrs=f"vraag__exact__{vraag}")
    assert [o["record"]["data"]["vraag"] for o in exact] == [vraag]
    actief = all_pages(kiss, type=VAC_TYPE, data_attrs="status__exact__actief")
    assert len(actief) == len(all_vacs)
    word = vraag.split()[1]
    contains = all_pages(kiss, type=VAC_TYPE, data_attr=f"vraag__icontains__{word}")
    assert all(word.lower() in o["record"]["data"]["vraag"].lower() for o in contains)
    nested = all_pages(
        kiss, type=KENNIS_TYPE, data_attrs="vertalingen__0__taal__exact__nl"
    )
    assert len(nested) == len(all_pages(kiss, type=KENNIS_TYPE))
    bad = kiss.get(URL, {"data_attrs": "vraag__lijkt__op"})
    assert bad.status_code == 400
    assert "Ongeldig filter" in bad.json()["detail"]


def test_the_agents_note_reaches_kiss_only(kiss, demo_site):
    page = live_products(site=demo_site).first()
    page.kcc_notitie = "Bij spoed: doorverbinden met team Burgerzaken."
    page.save_revision().publish()
    kennis = all_pages(kiss, type=KENNIS_TYPE)
    memo = {
        o["record"]["data"]["vertalingen"][0]["deskMemo"]
        for o in kennis
        if o["record"]["data"]["url"].endswith(f"/{page.slug}/")
    }
    assert memo == {"Bij spoed: doorverbinden met team Burgerzaken."}
    stored = ChannelRendering.objects.filter(page=page)
    assert all("doorverbinden" not in row.content for row in stored)


def test_without_a_token_nothing_is_shown(demo_client):
    with override_settings(KCC_OBJECTS_API_TOKEN=TOKEN):
        assert demo_client.get(URL).status_code == 401
        wrong = demo_client.get(URL, HTTP_AUTHORIZATION="Token fout")
        assert wrong.status_code == 401
    with override_settings(KCC_OBJECTS_API_TOKEN=""):
        off = demo_client.get(URL, HTTP_AUTHORIZATION="Token ")
        assert off.status_code == 403
        assert "staat uit" in off.json()["detail"]


def test_an_unknown_type_lists_nothing(kiss):
    body = kiss.get(URL, {"type": "https://elders.example/objecttypes/9"}).json()
    assert body["count"] == 0

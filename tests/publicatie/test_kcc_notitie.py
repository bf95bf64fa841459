"""The KCC's deskMemo (``ProductPage.kcc_notitie``) passes the gate like every text.

It is not in the stored kcc rendering (citizens never see it); the Objects API
adds it when serving. It is an input of the gate's approval, judged as plain
text of a bounded length, and served only while the stored rendering's
approval is of the live page as it is now.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from contenthub.models import ProductPage
from contenthub.models.pages import KCC_NOTITIE_MAX
from publicatie.gate import PublicationBlocked

pytestmark = pytest.mark.django_db

TOKEN = "kiss-token"
KENNIS_TYPE = "https://objecttypen.voorbeeldstad.example/api/v2/objecttypes/0001"


@pytest.fixture
def kiss(client):
    with override_settings(
        KCC_OBJECTS_API_TOKEN=TOKEN, KCC_OBJECTTYPE_KENNISARTIKEL=KENNIS_TYPE
    ):
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {TOKEN}"
        yield client


def desk_memos(kiss) -> list[str]:
    response = kiss.get("/api/objects/v2/objects", {"type": KENNIS_TYPE})
    assert response.status_code == 200, response.content
    return [
        result["record"]["data"]["vertalingen"][0]["deskMemo"]
        for result in response.json()["results"]
    ]


def test_an_approved_note_reaches_the_kcc(kiss, live_product):
    live_product.kcc_notitie = "Verwijs bij spoed naar de balie in het stadhuis."
    live_product.save()
    assert desk_memos(kiss) == ["Verwijs bij spoed naar de balie in het stadhuis."]


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ('Bel <a href="javascript:alert(1)">hier</a>', "platte tekst"),
        ("a" * (KCC_NOTITIE_MAX + 1), "te lang"),
    ],
    ids=["markup", "te-lang"],
)
def test_a_note_the_gate_refuses_changes_nothing(kiss, live_product, note, message):
    before = desk_memos(kiss)
    live_product.kcc_notitie = note
    # The model refuses it (as the admin form does) ...
    with pytest.raises(ValidationError) as invalid:
        live_product.save()
    assert message in invalid.value.message_dict["kcc_notitie"][0]
    # ... and a write that skips validation meets the gate.
    with pytest.raises(PublicationBlocked) as refused:
        live_product.save(clean=False)
    kcc = [
        f for f in refused.value.result.blocking if f.location.field == "kcc_notitie"
    ]
    assert kcc
    assert message in kcc[0].message
    assert ProductPage.objects.get(pk=live_product.pk).kcc_notitie != note
    assert desk_memos(kiss) == before


def test_a_note_written_around_the_gate_is_never_served(kiss, live_product):
    assert len(desk_memos(kiss)) == 1
    ProductPage.objects.filter(pk=live_product.pk).update(
        kcc_notitie="Een notitie die de publicatiecontrole nooit zag."
    )
    # The stored rendering's approval no longer matches: nothing is served.
    assert desk_memos(kiss) == []

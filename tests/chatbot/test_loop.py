"""The loop: "Heeft dit antwoord u geholpen?", and the editors' page that fixes what went wrong."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User

from chatbot import answer
from chatbot.models import Vraaglog
from contenthub.models import ProductPage

pytestmark = pytest.mark.django_db

VRAAG = "/api/chatbot/vraag"
TERUG = "/api/chatbot/terugkoppeling"
PAGINA = "/admin/chatbot/verbeteren/"


def post(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("redacteur", "r@example.invalid", "geheim")
    client.force_login(user)
    return client


def test_every_answer_asks_whether_it_helped_and_stores_only_yes_or_no(
    client, demo_site
):
    body = post(client, VRAAG, {"vraag": "wat kost een paspoort"}).json()
    vraag = body["terugkoppeling"]
    assert vraag["vraag"] == "Heeft dit antwoord u geholpen?"
    assert vraag["opties"] == ["Ja", "Nee"]

    response = post(client, TERUG, {"kenmerk": vraag["kenmerk"], "geholpen": False})
    assert response.status_code == 200
    assert "Dank u wel" in response.json()["bedankt"]
    entry = Vraaglog.objects.get(token=vraag["kenmerk"])
    assert entry.geholpen is False
    assert entry.vraag == "wat kost een paspoort"


def test_the_stored_rendering_carries_the_question_too(demo_site):
    from renderers.models import ChannelRendering

    page = ProductPage.objects.get(slug="paspoort", locale__language_code="nl")
    content = json.loads(
        ChannelRendering.objects.get(page=page, channel="chatbot", variant="").content
    )
    assert content["terugkoppeling"]["vraag"] == "Heeft dit antwoord u geholpen?"


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        ({"kenmerk": "abc"}, 400, "geholpen-ontbreekt"),
        ({"geholpen": True}, 400, "kenmerk-ontbreekt"),
        ({"kenmerk": "onbekend", "geholpen": True}, 404, "onbekend-kenmerk"),
        ([1, 2], 400, "ongeldige-json"),
    ],
)
def test_bad_feedback_gets_a_dutch_error_and_changes_nothing(
    client, demo_site, data, status, code
):
    before = list(Vraaglog.objects.values_list("geholpen", flat=True))
    response = post(client, TERUG, data)
    assert response.status_code == status
    assert response.json()["code"] == code
    assert list(Vraaglog.objects.values_list("geholpen", flat=True)) == before


def test_the_editors_page_groups_what_went_wrong_per_product(client, editor, demo_site):
    post(
        client,
        VRAAG,
        {"vraag": "waar kan ik een levensbewijs voor mijn pensioen krijgen"},
    )
    helped = post(client, VRAAG, {"vraag": "wat kost een paspoort"}).json()
    post(
        client,
        TERUG,
        {"kenmerk": helped["terugkoppeling"]["kenmerk"], "geholpen": False},
    )

    page = editor.get(PAGINA)
    assert page.status_code == 200
    html = page.content.decode()
    assert "wat kost een paspoort" in html
    assert "Nee, hielp niet (1x)" in html
    assert "Paspoort aanvragen" in html


def test_the_editors_page_is_for_editors_only(client, demo_site):
    user = User.objects.create_user("burger", "b@example.invalid", "geheim")
    client.force_login(user)
    assert client.get(PAGINA).status_code in (302, 403)


def test_linking_a_question_makes_it_a_zoekterm_and_the_next_question_uses_it(
    client, editor, demo_site
):
    vraag = "ik heb een bewijs van leven nodig voor mijn pensioen"
    before = answer(vraag, site=demo_site)
    akte = ProductPage.objects.get(slug="akte-burgerlijke-stand")
    assert before.ranked[:1] != ("akte-burgerlijke-stand",) or before.fallback
    entry = Vraaglog.objects.filter(vraag=vraag).latest("pk")

    response = editor.post(
        f"{PAGINA}koppelen/",
        {
            "genormaliseerd": entry.genormaliseerd,
            "site": demo_site.pk,
            "product": akte.pk,
        },
    )
    assert response.status_code == 302
    akte.refresh_from_db()
    assert vraag in [t.name for t in akte.zoektermen.all()]
    assert akte.live
    assert not akte.has_unpublished_changes
    entry.refresh_from_db()
    assert entry.status == Vraaglog.Status.GEKOPPELD

    after = answer(vraag, site=demo_site)
    assert after.ranked[0] == "akte-burgerlijke-stand"
    assert not after.fallback
    assert entry.genormaliseerd not in editor.get(PAGINA).content.decode()


def test_marking_a_question_not_the_gemeentes_makes_the_chatbot_hand_it_over(
    client, editor, demo_site
):
    vraag = "waar kan ik een fiets huren in het centrum"
    first = answer(vraag, site=demo_site)
    entry = Vraaglog.objects.filter(vraag=vraag).latest("pk")
    Vraaglog.objects.filter(pk=entry.pk).update(geholpen=False)

    response = editor.post(
        f"{PAGINA}niet-van-de-gemeente/",
        {"genormaliseerd": entry.genormaliseerd, "site": demo_site.pk},
    )
    assert response.status_code == 302
    after = answer(vraag, site=demo_site)
    assert after.fallback
    assert after.body["product"] is None
    assert first.vraag == after.vraag

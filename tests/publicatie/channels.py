"""What a citizen sees of a product, in every channel, for the tests of issue 14."""

from __future__ import annotations

import json
from typing import Any

from django.core.cache import cache
from django.test import Client

PRODUCT_QUERY = """
query ($slug: String!) {
  product(slug: $slug) {
    titel
    kortAntwoord
    app: weergave(kanaal: APP) { inhoud }
    brief: weergave(kanaal: BRIEF) { inhoud }
  }
}
"""


def api_product(slug: str) -> dict[str, Any] | None:
    cache.clear()
    response = Client().post(
        "/graphql/",
        data=json.dumps({"query": PRODUCT_QUERY, "variables": {"slug": slug}}),
        content_type="application/json",
    )
    payload = response.json()
    assert "errors" not in payload, payload
    return payload["data"]["product"]


def website(path: str) -> tuple[int, str]:
    response = Client().get(path)
    return (
        response.status_code,
        response.content.decode() if response.status_code == 200 else "",
    )


def chatbot(vraag: str) -> dict[str, Any]:
    from chatbot.index import clear_indexes

    cache.clear()
    clear_indexes()
    response = Client().post(
        "/api/chatbot/vraag",
        data=json.dumps({"vraag": vraag}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()


def stored(page_id: int) -> list[tuple]:
    from renderers.models import ChannelRendering

    return sorted(
        ChannelRendering.objects.filter(page_id=page_id).values_list(
            "channel", "variant", "etag", "verdict_id", "inputs_fingerprint"
        )
    )


def everything(page, *, vraag: str | None = None) -> dict[str, Any]:
    """Every channel, the API, the website and the chatbot, for one product."""
    page.refresh_from_db()
    path = page.get_url()
    return {
        "renderings": stored(page.pk),
        "api": api_product(page.slug),
        "website": website(path),
        "chatbot": _chatbot_answer(vraag or page.title),
    }


def _chatbot_answer(vraag: str) -> tuple:
    body = chatbot(vraag)
    return (
        body.get("fallback"),
        body.get("bericht"),
        (body.get("product") or {}).get("slug"),
    )


def assert_every_live_rendering_is_approved_for_its_inputs() -> None:
    """The invariant: each live product's renderings carry a passing verdict of
    exactly its current inputs."""
    from contenthub.catalogue import live_products
    from publicatie.holding import stored_approval_holds
    from publicatie.models import Keuring
    from renderers.approval import current_fingerprint
    from renderers.models import ChannelRendering

    for page in live_products():
        fingerprint = current_fingerprint(page)
        assert stored_approval_holds(page, fingerprint), page.title
        verdicts = set(
            ChannelRendering.objects.filter(page=page).values_list(
                "verdict_id", flat=True
            )
        )
        assert Keuring.objects.filter(pk__in=verdicts, geslaagd=True).count() == len(
            verdicts
        ), page.title

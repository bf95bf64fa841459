from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fresh_chatbot_state():
    """Every test starts without built indexes, sessions or rate-limit counts."""
    from django.core.cache import cache

    from chatbot.index import clear_indexes

    cache.clear()
    clear_indexes()
    yield
    cache.clear()
    clear_indexes()


@pytest.fixture
def publish():
    def publish(page):
        revision = page.save_revision()
        revision.publish()
        page.refresh_from_db()
        return page

    return publish


@pytest.fixture
def make_live_product(make_product, publish):
    """A product published the normal way, so its renderings are stored."""

    def make(*, zoektermen=(), **fields):
        page = make_product(live=False, **fields)
        for zoekterm in zoektermen:
            page.zoektermen.add(zoekterm)
        return publish(page)

    return make


@pytest.fixture
def steady_clock(monkeypatch):
    """The rate limit's clock stands still in the middle of a minute, so a
    test's requests never straddle a window boundary (on a slow machine they
    did, and the second request got a fresh window)."""
    import types

    from chatbot import ratelimit

    monkeypatch.setattr(
        ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_030.0)
    )

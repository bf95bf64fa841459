"""Editors preview every channel; scripts render from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import RequestFactory

import renderers
from contenthub.structured import product_snapshot
from renderers.preview import PREVIEW_MODES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("mode", "expected"), [
    ("", b"<h1 class=\"utrecht-heading-1\">"),
    ("app", b"&quot;versie&quot;: &quot;1.1&quot;"),
    ("tweet", b"van 280 tekens"),
    ("tweet-draad", b"(1/"),
    ("brief", b"Beste inwoner,"),
    ("brief-pdf", b"%PDF"),
    ("chatbot", b"snelle_antwoorden"),
    ("sdg", b'<table class="feed">'),
    ("samenwerkende-catalogi", b'<table class="feed">'),
])  # fmt: skip
def test_every_preview_mode_shows_the_draft(product, mode, expected):
    product.kort_antwoord = "Dit is de nieuwe tekst van het concept."
    response = product.serve_preview(RequestFactory().get("/"), mode)
    response.render() if hasattr(response, "render") else None
    assert response.status_code == 200
    assert expected in response.content
    if mode not in {"brief-pdf"}:
        assert b"Dit is de nieuwe tekst van het concept." in response.content


def test_there_is_one_preview_mode_per_channel():
    assert {channel for _, _, channel, _ in PREVIEW_MODES} == {
        "web",
        "app",
        "tweet",
        "brief",
        "chatbot",
        "sdg",
        "samenwerkende_catalogi",
    }


def test_render_command_prints_a_channel(product, capsys):
    call_command("render", product.slug, "--channel", "tweet")
    assert product.url.split("/")[-2] in capsys.readouterr().out


def test_render_command_refuses_an_unknown_product():
    with pytest.raises(
        CommandError, match="Er is geen product met de slug 'bestaat-niet'"
    ):
        call_command("render", "bestaat-niet", "--channel", "web")


def test_render_all_writes_every_channel_of_every_live_product(product, tmp_path: Path):
    call_command(
        "render",
        "--all",
        "--output",
        str(tmp_path),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    files = sorted(path.name for path in (tmp_path / product.slug).iterdir())
    assert files == [
        "app.json", "brief-pdf.pdf", "brief.txt", "chatbot-tekst.txt", "chatbot.json",
        "kcc-vac.json", "kcc.json", "open_product.json", "samenwerkende_catalogi.xml",
        "sdg.json", "tweet-thread.json", "tweet.txt", "web-fragment.html", "web.html",
    ]  # fmt: skip


@pytest.mark.parametrize(("mode", "shown"), [
    ("app", b'aria-label="Telefoonscherm van de app"'),
    ("chatbot", b'class="gesprek__knop"'),
    ("tweet", b'class="bericht__teller"'),
    ("tweet-draad", b'class="bericht__teller"'),
    ("brief", b'class="brief"'),
    ("sdg", b'<table class="feed">'),
    ("samenwerkende-catalogi", b'<table class="feed">'),
])  # fmt: skip
def test_a_preview_shows_the_channel_as_its_reader_sees_it(product, mode, shown):
    html = _preview(product, mode)
    assert shown in html
    # The raw form is one click away, and the page runs no inline script.
    assert b'<details class="voorbeeld__bron">' in html
    assert b"<script" not in html


def test_the_app_preview_lists_only_a_sections_own_items(product):
    html = _preview(product, "app").decode()
    assert "<li>Een pasfoto</li>" in html
    assert "(&#x27;id&#x27;," not in html
    assert "('id'," not in html


def test_the_chatbot_preview_has_a_button_per_quick_reply(product):
    html = _preview(product, "chatbot")
    replies = json.loads(renderers.render(product_snapshot(product), "chatbot").text)
    labels = [reply["label"] for reply in replies["snelle_antwoorden"]]
    assert html.count(b'class="gesprek__knop"') == len(labels) > 0


def _preview(product, mode: str) -> bytes:
    response = product.serve_preview(RequestFactory().get("/"), mode)
    response.render()
    return response.content

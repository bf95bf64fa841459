"""Editors preview every channel; scripts render from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from renderers.preview import PREVIEW_MODES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("mode", "expected"), [
    ("", b"<h1 class=\"utrecht-heading-1\">"),
    ("app", b"&quot;versie&quot;: &quot;1.0&quot;"),
    ("tweet", b"van 280 tekens"),
    ("tweet-draad", b"(1/"),
    ("brief", b"Beste inwoner,"),
    ("brief-pdf", b"%PDF"),
    ("chatbot", b"snelle_antwoorden"),
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
        "tweet-thread.json", "tweet.txt", "web-fragment.html", "web.html",
    ]  # fmt: skip

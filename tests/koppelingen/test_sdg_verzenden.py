"""``sdg_verzenden``: every live SDG product reaches a local invoervoorziening that
validates each request with the same schema."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from contenthub.catalogue import live_products
from renderers.overheid import is_sdg_product
from tests.openapi import errors_of, openapi_validator

pytestmark = pytest.mark.django_db

SPEC = json.loads(
    (
        Path(__file__).resolve().parents[2]
        / "renderers/schemas/sdg/sdg-invoervoorziening-components.json"
    ).read_text()
)
REQUEST = openapi_validator(SPEC["components"]["schemas"], "Product", request=True)
TOKEN = "test-token-voorbeeldstad"
CATALOGUS = "http://127.0.0.1/api/v1/catalogi/7d2b1c8e-0000-4000-8000-000000000001"


class Invoervoorziening:
    """A local stand-in: checks the token, validates the body, remembers what came in."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.refused: list[list[str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                if self.path != "/api/v1/producten":
                    return self._reply(404, {"detail": "Niet gevonden."})
                if self.headers.get("Authorization") != f"Token {TOKEN}":
                    return self._reply(401, {"detail": "Ongeldige token."})
                length = int(self.headers["Content-Length"])
                body = json.loads(self.rfile.read(length))
                errors = errors_of(REQUEST, body)
                if errors:
                    outer.refused.append(errors)
                    return self._reply(400, {"fouten": errors})
                outer.received.append(body)
                return self._reply(201, body)

            def _reply(self, status: int, data: dict) -> None:
                payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Invoervoorziening:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def invoervoorziening():
    with Invoervoorziening() as server:
        yield server


def send(server, token: str = TOKEN, **options):
    with override_settings(
        SDG_API_URL=server.url, SDG_API_TOKEN=token, SDG_CATALOGUS_URL=CATALOGUS
    ):
        call_command("sdg_verzenden", **options)


def test_every_live_sdg_product_is_sent_and_valid(demo_site, invoervoorziening):
    send(invoervoorziening, gemeente=demo_site.hostname)
    expected = {
        page.upl_uri
        for page in live_products(site=demo_site)
        if is_sdg_product(page)  # reads only upl_uri, which a page has too
    }
    assert len(expected) >= 10
    assert invoervoorziening.refused == []
    assert {body["upnUri"] for body in invoervoorziening.received} == expected
    assert all(b["catalogus"] == CATALOGUS for b in invoervoorziening.received)


def test_a_refused_request_fails_the_command_with_a_dutch_reason(
    demo_site, invoervoorziening
):
    with pytest.raises(CommandError, match="niet verzonden"):
        send(invoervoorziening, token="verkeerd", gemeente=demo_site.hostname)
    assert invoervoorziening.received == []


def test_without_configuration_nothing_is_sent(demo_site):
    with (
        override_settings(SDG_API_URL="", SDG_API_TOKEN="", SDG_CATALOGUS_URL=""),
        pytest.raises(CommandError, match="SDG_API_URL, SDG_API_TOKEN"),
    ):
        call_command("sdg_verzenden")


def test_an_unknown_gemeente_is_refused(demo_site, invoervoorziening):
    with pytest.raises(CommandError, match="geen gemeente"):
        send(invoervoorziening, gemeente="onbekend.example")

"""Send the stored SDG renderings of a gemeente to the SDG invoervoorziening."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from wagtail.models import Site

from .selectors import stored_renderings

logger = logging.getLogger(__name__)
CHANNEL = "sdg"
PRODUCTEN_PATH = "/api/v1/producten"


class SdgConfigurationError(Exception):
    """The SDG connection is not configured; the message says what is missing."""


@dataclass
class SendResult:
    sent: list[str] = field(default_factory=list)
    """The UPL names the invoervoorziening accepted."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(UPL name, Dutch reason) for every product it refused or could not get."""


def send_sdg_products(
    *, site: Site, api_url: str, token: str, catalogus: str, timeout: float = 30
) -> SendResult:
    """POST every live SDG product of ``site`` (its stored rendering) to ``api_url``."""
    missing = [
        name
        for name, value in (
            ("SDG_API_URL", api_url),
            ("SDG_API_TOKEN", token),
            ("SDG_CATALOGUS_URL", catalogus),
        )
        if not value
    ]
    if missing:
        raise SdgConfigurationError(
            "De koppeling met de SDG-invoervoorziening is niet ingesteld: "
            + ", ".join(missing)
            + " ontbreekt."
        )
    result = SendResult()
    endpoint = api_url.rstrip("/") + PRODUCTEN_PATH
    for stored in stored_renderings(site=site, channel=CHANNEL):
        document = json.loads(stored.content) | {"catalogus": catalogus}
        label = document["upnLabel"]
        request = urllib.request.Request(  # noqa: S310 (the URL is the beheerder's setting)
            endpoint,
            data=json.dumps(document, ensure_ascii=False).encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Authorization": f"Token {token}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout):  # noqa: S310
                result.sent.append(label)
        except urllib.error.HTTPError as error:
            reason = f"de invoervoorziening antwoordde met HTTP {error.code}"
            result.failed.append((label, reason))
        except (urllib.error.URLError, TimeoutError) as error:
            reason = f"de invoervoorziening is niet bereikbaar ({error})"
            result.failed.append((label, reason))
    logger.info("SDG: %d verzonden, %d mislukt", len(result.sent), len(result.failed))
    return result

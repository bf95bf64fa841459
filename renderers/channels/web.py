"""Web: an accessible HTML page, and a fragment to embed in a gemeente website.

Class names follow the NL Design System (white-label Utrecht component
library), so a gemeente's own theme styles it; without the CSS it is plain,
semantic HTML.
"""

from __future__ import annotations

import json
from typing import Any

from django.template.loader import render_to_string

from contenthub.structured import ProductSnapshot

from ..base import Rendering
from ..komend import komende_teksten
from ..labels import for_product
from ..nlds import stylesheet_urls
from ..registry import register


@register
class WebRenderer:
    channel = "web"
    label = "Webpagina"
    variants = ("", "fragment")
    # The fragment is embedded in the product's own page: it needs no link to itself.
    carries = {"fragment": frozenset({"kort_antwoord", "bedragen", "termijn"})}

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        fragment = render_to_string(
            "renderers/web_fragment.html",
            {
                "p": product,
                "t": for_product(product),
                "komend": komende_teksten(product),
            },
        )
        if variant == "fragment":
            return Rendering(
                self.channel, "text/html; charset=utf-8", fragment, variant
            )
        page = render_to_string(
            "renderers/web_page.html",
            {
                "p": product,
                "fragment": fragment,
                "json_ld": json_ld(product),
                "stylesheets": context.get("stylesheets", stylesheet_urls()),
            },
        )
        return Rendering(self.channel, "text/html; charset=utf-8", page, variant)


def json_ld(product: ProductSnapshot) -> str:
    """schema.org GovernmentService, safe to place inside a <script> element."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": product.title,
        "description": product.kort_antwoord,
        "url": product.url,
        "serviceType": product.upl_naam or product.title,
        "audience": {"@type": "Audience", "audienceType": product.doelgroep},
        "provider": {"@type": "GovernmentOrganization", "name": product.gemeente.naam},
    }
    if product.upl_uri:
        data["identifier"] = product.upl_uri
    if product.kosten_gratis:
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
    elif product.kosten:
        data["offers"] = [
            {
                "@type": "Offer",
                "name": regel.omschrijving,
                "price": f"{regel.bedrag:.2f}",
                "priceCurrency": "EUR",
            }
            for regel in product.kosten
        ]
    channel: dict[str, Any] = {
        "@type": "ServiceChannel",
        "name": product.advies_label or "Contact",
    }
    if product.online_aanvragen_url:
        channel["serviceUrl"] = product.online_aanvragen_url
    if product.contact and product.contact.telefoon:
        channel["servicePhone"] = {
            "@type": "ContactPoint",
            "telephone": product.contact.telefoon,
        }
    if product.locaties:
        adres = product.locaties[0]
        channel["serviceLocation"] = {
            "@type": "Place",
            "name": adres.naam,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": f"{adres.straat} {adres.huisnummer}",
                "postalCode": adres.postcode,
                "addressLocality": adres.plaats,
                "addressCountry": "NL",
            },
        }
    data["availableChannel"] = channel
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # "</script>" or "<!--" in a title must not end the script element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""App: a versioned JSON document, valid against ``schemas/app-product.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from contenthub.structured import Adres, Contact, ProductSnapshot

from ..base import Rendering
from ..komend import komende_teksten
from ..labels import labels_for
from ..registry import register

SCHEMA_VERSION = "1.1"
APP_LINK = "contenthub://product/{slug}"


@register
class AppRenderer:
    channel = "app"
    label = "App (JSON)"
    variants = ("",)

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        document = app_document(product)
        content = json.dumps(document, ensure_ascii=False, indent=2)
        return Rendering(self.channel, "application/json", content, variant)


def app_document(product: ProductSnapshot) -> dict[str, Any]:
    return {
        "versie": SCHEMA_VERSION,
        "product": {
            "id": product.id,
            "slug": product.slug,
            "titel": product.title,
            "upl_naam": product.upl_naam,
            "upl_uri": product.upl_uri,
            "doelgroep": product.doelgroep,
            "thema": product.thema,
        },
        # Only on a translation (optional in the schema): a Dutch document
        # stays as it was, without them.
        **(
            {
                "taal": product.taal,
                "vertaling_verouderd": product.verouderd,
                "vertaling_melding": _outdated_notice(product),
            }
            if product.taal != "nl"
            else {}
        ),
        "kort_antwoord": product.kort_antwoord,
        "secties": _sections(product),
        "kanalen": {
            "beschikbaar": list(product.kanalen),
            "advies": product.advies_kanaal,
        },
        "links": {
            "web": product.url,
            "app": APP_LINK.format(slug=product.slug),
            "online_aanvragen": product.online_aanvragen_url or None,
            **({"nl": product.bron_url or None} if product.taal != "nl" else {}),
        },
        "revisie": product.revision_id,
        "gepubliceerd_op": product.gepubliceerd_op.isoformat()
        if product.gepubliceerd_op
        else None,
    }


def _sections(p: ProductSnapshot) -> list[dict[str, Any]]:
    # Same order as the web page.
    t = labels_for(p.taal)
    sections: list[dict[str, Any]] = [
        {
            "id": "wat-is-het",
            "titel": t["wat_is_het"],
            "html": p.wat_is_het + p.lokale_aanvulling,
        }
    ]
    if p.voorwaarden:
        sections.append(
            {"id": "voorwaarden", "titel": t["voorwaarden"], "html": p.voorwaarden}
        )
    sections.append(
        {
            "id": "aanvragen",
            "titel": t["aanvragen"],
            "stappen": [
                {"nummer": nummer, "titel": stap.titel, "html": stap.uitleg_html}
                for nummer, stap in enumerate(p.stappen, start=1)
            ],
        }
    )
    if p.benodigdheden:
        sections.append(
            {
                "id": "benodigdheden",
                "titel": t["benodigdheden"],
                "items": list(p.benodigdheden),
            }
        )
    komend = komende_teksten(p)
    sections.append(
        {
            "id": "kosten",
            "titel": t["kosten"],
            "gratis": p.kosten_gratis,
            "regels": [
                {
                    "omschrijving": regel.omschrijving,
                    "bedrag_centen": regel.centen,
                    "bedrag_tekst": regel.bedrag_tekst,
                    "per": regel.per,
                    "per_tekst": regel.per_label,
                }
                for regel in p.kosten
            ],
            **({"tekst": " ".join(f"{t}." for t in komend)} if komend else {}),
        }
    )
    if p.termijn:
        sections.append(
            {
                "id": "termijn",
                "titel": t["termijn"],
                "tekst": p.termijn.omschrijving,
                "dagen": p.termijn.dagen,
                "eenheid": p.termijn.eenheid,
            }
        )
    if p.vragen:
        sections.append(
            {
                "id": "vragen",
                "titel": t["vragen"],
                "vragen": [
                    {"vraag": v.vraag, "antwoord": v.antwoord} for v in p.vragen
                ],
            }
        )
    if p.bezwaar_en_beroep:
        sections.append(
            {"id": "bezwaar", "titel": t["bezwaar"], "html": p.bezwaar_en_beroep}
        )
    if p.wat_als_geen_reactie:
        sections.append(
            {
                "id": "geen-reactie",
                "titel": t["geen_reactie"],
                "html": p.wat_als_geen_reactie,
            }
        )
    if p.contact or p.locaties:
        sections.append(
            {
                "id": "contact",
                "titel": t["contact"],
                "contact": _contact(p.contact, p.taal) if p.contact else None,
                "locaties": [_adres(adres, p.taal) for adres in p.locaties],
            }
        )
    if p.gerelateerd:
        sections.append(
            {
                "id": "gerelateerd",
                "titel": t["zie_ook"],
                "links": [
                    {"titel": link.titel, "url": link.url} for link in p.gerelateerd
                ],
            }
        )
    return sections


def _outdated_notice(product: ProductSnapshot) -> str:
    """The notice a translation's app screen shows when it is out of date."""
    if not (product.verouderd and product.bron_url):
        return ""
    return f"{labels_for(product.taal)['verouderd']} {product.bron_url}"


def _tijden(regels, taal: str = "nl") -> list[dict[str, Any]]:
    # The day is a stable code (Dutch); a translation also gets the line in
    # its own language ("Monday 09:00 to 17:00").
    return [
        {
            "dag": regel.dag,
            "van": regel.van.strftime("%H:%M"),
            "tot": regel.tot.strftime("%H:%M"),
            "alleen_op_afspraak": regel.alleen_op_afspraak,
            **({"tekst": regel.tekst} if taal != "nl" else {}),
        }
        for regel in regels
    ]


def _own_language(taal: str, snippet_taal: str) -> dict[str, str]:
    """A translation that shows a Dutch contactpunt or locatie says so."""
    return {"taal": snippet_taal} if taal != "nl" else {}


def _contact(c: Contact, taal: str = "nl") -> dict[str, Any]:
    return {
        "naam": c.naam,
        "telefoon": c.telefoon,
        "email": c.email,
        "contactformulier_url": c.contactformulier_url,
        "afspraak_url": c.afspraak_url,
        "openingstijden": _tijden(c.openingstijden, taal),
        **_own_language(taal, c.taal),
    }


def _adres(a: Adres, taal: str = "nl") -> dict[str, Any]:
    return {
        "naam": a.naam,
        "adres": a.regel,
        "postcode": a.postcode,
        "plaats": a.plaats,
        "toelichting": a.toelichting,
        "openingstijden": _tijden(a.openingstijden, taal),
        **_own_language(taal, a.taal),
    }

"""Chatbot: the kort antwoord, quick replies to the other sections, the advised
way to arrange it, and a handover to a person. Neutral JSON and plain text."""

from __future__ import annotations

import json
from typing import Any

from contenthub.structured import ProductSnapshot

from ..base import Rendering
from ..labels import label, labels_for
from ..registry import register

MAX_QUICK_REPLIES = 4


@register
class ChatbotRenderer:
    channel = "chatbot"
    label = "Chatbot"
    variants = ("", "tekst")

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        message = chatbot_message(product)
        if variant == "tekst":
            return Rendering(
                self.channel, "text/plain; charset=utf-8", as_text(message), variant
            )
        content = json.dumps(message, ensure_ascii=False, indent=2)
        return Rendering(self.channel, "application/json", content, variant)


def quick_replies(p: ProductSnapshot) -> list[dict[str, str]]:
    t = labels_for(p.taal)
    replies: list[dict[str, str]] = []
    if p.kosten_gratis:
        replies.append(
            {"label": t["kosten"], "sectie": "kosten", "antwoord": t["gratis"]}
        )
    elif p.kosten:
        regels = " ".join(
            f"{r.omschrijving}: {r.bedrag_tekst} {r.per_label}." for r in p.kosten
        )
        replies.append({"label": t["kosten"], "sectie": "kosten", "antwoord": regels})
    # A list stays a list: one item per line, in the JSON and in the text.
    if p.benodigdheden:
        items = "\n".join(f"- {item}" for item in p.benodigdheden)
        replies.append(
            {
                "label": t["wat_neem_ik_mee"],
                "sectie": "benodigdheden",
                "antwoord": f"{t['u_heeft_nodig']}\n{items}",
            }
        )
    if p.stappen:
        stappen = "\n".join(
            f"{n}. {stap.titel}." for n, stap in enumerate(p.stappen, 1)
        )
        termijn = f"\n{p.termijn.omschrijving}" if p.termijn else ""
        replies.append(
            {
                "label": t["hoe_vraag_ik"],
                "sectie": "aanvragen",
                "antwoord": stappen + termijn,
            }
        )
    if p.contact:
        delen = [t["neem_contact_op"].format(naam=p.contact.naam)]
        if p.contact.telefoon:
            delen.append(t["bel"].format(telefoon=p.contact.telefoon))
        if p.contact.email:
            delen.append(t["mail"].format(email=p.contact.email))
        replies.append(
            {"label": "Contact", "sectie": "contact", "antwoord": " ".join(delen)}
        )
    return replies[:MAX_QUICK_REPLIES]


def advice(p: ProductSnapshot) -> dict[str, str]:
    """The advised channel as an action: online waar het kan, persoonlijk waar het moet."""
    contact = p.contact
    t = labels_for(p.taal)
    if p.advies_kanaal == "online" and p.online_aanvragen_url:
        return {
            "kanaal": "online",
            "label": t["regel_online"],
            "url": p.online_aanvragen_url,
        }
    if p.advies_kanaal == "balie" and contact and contact.afspraak_url:
        return {
            "kanaal": "balie",
            "label": t["maak_afspraak"],
            "url": contact.afspraak_url,
        }
    if p.advies_kanaal == "telefoon" and contact and contact.telefoon:
        return {
            "kanaal": "telefoon",
            "label": t["bel_knop"].format(telefoon=contact.telefoon),
            "url": f"tel:{''.join(c for c in contact.telefoon if c.isdigit() or c == '+')}",
        }
    if p.advies_kanaal == "post" and contact and contact.contactformulier_url:
        return {
            "kanaal": "post",
            "label": t["stuur_bericht"],
            "url": contact.contactformulier_url,
        }
    return {
        "kanaal": p.advies_kanaal,
        "label": t["alles_over"].format(title=p.title),
        "url": p.url,
    }


def handover(p: ProductSnapshot) -> dict[str, str]:
    contact = p.contact
    return {
        "label": label(p.taal, "medewerker"),
        "telefoon": contact.telefoon if contact else "",
        "afspraak_url": contact.afspraak_url if contact else "",
        "contactformulier_url": contact.contactformulier_url if contact else "",
    }


def chatbot_message(p: ProductSnapshot) -> dict[str, Any]:
    t = labels_for(p.taal)
    return {
        "product": {"slug": p.slug, "titel": p.title, "upl_naam": p.upl_naam},
        "bericht": p.kort_antwoord,
        "snelle_antwoorden": quick_replies(p),
        "taal": p.taal,
        # Only on a translation whose Dutch source changed since: the notice
        # and the link to the Dutch page (a Dutch message is as it was).
        **(
            {"melding": {"tekst": t["verouderd"], "url": p.bron_url, "hreflang": "nl"}}
            if p.verouderd and p.bron_url
            else {}
        ),
        "link": {"label": t["alles_over"].format(title=p.title), "url": p.url},
        "advies": advice(p),
        "overdracht": handover(p),
        # The loop: the citizen says whether this answer helped (the chatbot
        # endpoint adds the kenmerk to send with it).
        "terugkoppeling": {
            "vraag": t["geholpen"],
            "opties": [t["ja"], t["nee"]],
        },
    }


def as_text(message: dict[str, Any]) -> str:
    lines = [message["bericht"], ""]
    if message.get("melding"):
        melding = message["melding"]
        lines = [f"{melding['tekst']} {melding['url']}", "", *lines]
    for reply in message["snelle_antwoorden"]:
        # A list starts on its own line, under its label.
        separator = "\n" if "\n" in reply["antwoord"] else " "
        lines.append(f"{reply['label']}:{separator}{reply['antwoord']}")
    lines += ["", f"{message['advies']['label']}: {message['advies']['url']}"]
    lines.append(f"{message['link']['label']}: {message['link']['url']}")
    if message["overdracht"]["telefoon"]:
        lines.append(
            label(
                message.get("taal", "nl"),
                "liever_mens",
                telefoon=message["overdracht"]["telefoon"],
            )
        )
    if message.get("terugkoppeling"):
        vraag = message["terugkoppeling"]
        lines += ["", f"{vraag['vraag']} {' / '.join(vraag['opties'])}"]
    return "\n".join(lines) + "\n"

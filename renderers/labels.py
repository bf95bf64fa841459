"""The words every channel adds around a product's own text, per language.

A product's texts come from the editor (Dutch, or the English translation);
headings, table headers, button texts and connecting phrases come from here,
by the snapshot's ``taal``. Dutch is the source and the default; a language
without an entry falls back to Dutch per key, so a missing label is never an
empty heading.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

_NL: dict[str, str] = {
    "wat_is_het": "Wat is het?",
    "voorwaarden": "Voorwaarden",
    "aanvragen": "Hoe vraagt u het aan?",
    "online_regelen": "{title}: online regelen",
    "benodigdheden": "Wat heeft u nodig?",
    "kosten": "Kosten",
    "gratis": "Dit is gratis.",
    "kosten_van": "Kosten van {title}",
    "omschrijving": "Omschrijving",
    "bedrag": "Bedrag",
    "per": "Per",
    "termijn": "Hoe lang duurt het?",
    "termijn_is": "De termijn is {kort}.",
    "vragen": "Veelgestelde vragen",
    "bezwaar": "Bezwaar en beroep",
    "geen_reactie": "Wat als de gemeente niet op tijd reageert?",
    "contact": "Contact en openingstijden",
    "telefoon": "Telefoon",
    "email": "E-mail",
    "contactformulier_van": "Contactformulier van {naam}",
    "afspraak_bij": "Afspraak maken bij {naam}",
    "bereikbaar_op": "Bereikbaar op:",
    "open_op": "Open op:",
    "zie_ook": "Zie ook",
    "kosten_kort": "Kosten: {tekst}.",
    "stappen_kort": "Zo regelt u het: {tekst}",
    "alles_over": "Alles over {title}",
    "meer_informatie": "Meer informatie",
    "wat_moet_u_doen": "Wat moet u doen?",
    "online_kunt_u": "U kunt dit online regelen: {url}",
    "vragen_kort": "Heeft u vragen?",
    "neem_contact_op": "Neem contact op met {naam}.",
    "groet": "Met vriendelijke groet,",
    "aanhef_naam": "Beste {naam},",
    "aanhef": "Beste inwoner,",
    "datum": "Datum",
    "kenmerk": "Kenmerk",
    "onderwerp": "Onderwerp",
    "wat_neem_ik_mee": "Wat neem ik mee",
    "u_heeft_nodig": "U heeft nodig:",
    "hoe_vraag_ik": "Hoe vraag ik het aan",
    "bel": "Bel {telefoon}.",
    "mail": "Mail naar {email}.",
    "regel_online": "Regel het online",
    "maak_afspraak": "Maak een afspraak",
    "bel_knop": "Bel {telefoon}",
    "stuur_bericht": "Stuur ons een bericht",
    "medewerker": "Praat met een medewerker",
    "geholpen": "Heeft dit antwoord u geholpen?",
    "ja": "Ja",
    "nee": "Nee",
    "liever_mens": "Liever een mens? Bel {telefoon}.",
    "vanaf": "Vanaf {datum}: {omschrijving}, {bedrag} {per}",
    "website_gemeente": "{title} op de website van de gemeente",
    "overslaan": "Naar de inhoud",
    "verouderd": "Deze vertaling is mogelijk verouderd. De Nederlandse pagina is leidend:",
    "verouderd_kort": "Vertaling mogelijk verouderd.",
    "nederlandse_pagina": "Nederlandse pagina",
}

_EN: dict[str, str] = {
    "wat_is_het": "What is it?",
    "voorwaarden": "Conditions",
    "aanvragen": "How do you apply?",
    "online_regelen": "{title}: apply online",
    "benodigdheden": "What do you need?",
    "kosten": "Costs",
    "gratis": "This is free.",
    "kosten_van": "Costs of {title}",
    "omschrijving": "Description",
    "bedrag": "Amount",
    "per": "Per",
    "termijn": "How long does it take?",
    "termijn_is": "It takes {kort}.",
    "vragen": "Frequently asked questions",
    "bezwaar": "Objection and appeal",
    "geen_reactie": "What if the municipality does not respond in time?",
    "contact": "Contact and opening hours",
    "telefoon": "Phone",
    "email": "Email",
    "contactformulier_van": "Contact form of {naam}",
    "afspraak_bij": "Make an appointment with {naam}",
    "bereikbaar_op": "Available on:",
    "open_op": "Open on:",
    "zie_ook": "See also",
    "kosten_kort": "Costs: {tekst}.",
    "stappen_kort": "How to do it: {tekst}",
    "alles_over": "All about {title}",
    "meer_informatie": "More information",
    "wat_moet_u_doen": "What do you need to do?",
    "online_kunt_u": "You can do this online: {url}",
    "vragen_kort": "Any questions?",
    "neem_contact_op": "Please contact {naam}.",
    "groet": "Kind regards,",
    "aanhef_naam": "Dear {naam},",
    "aanhef": "Dear resident,",
    "datum": "Date",
    "kenmerk": "Reference",
    "onderwerp": "Subject",
    "wat_neem_ik_mee": "What do I bring",
    "u_heeft_nodig": "You need:",
    "hoe_vraag_ik": "How do I apply",
    "bel": "Call {telefoon}.",
    "mail": "Email {email}.",
    "regel_online": "Do it online",
    "maak_afspraak": "Make an appointment",
    "bel_knop": "Call {telefoon}",
    "stuur_bericht": "Send us a message",
    "medewerker": "Talk to a person",
    "geholpen": "Did this answer help you?",
    "ja": "Yes",
    "nee": "No",
    "liever_mens": "Rather talk to a person? Call {telefoon}.",
    "vanaf": "From {datum}: {omschrijving}, {bedrag} {per}",
    "website_gemeente": "{title} on the municipality's website",
    "overslaan": "Skip to content",
    "verouderd": (
        "This translation may be out of date. The Dutch page has the latest "
        "information:"
    ),
    "verouderd_kort": "Translation may be out of date.",
    "nederlandse_pagina": "the Dutch page",
}

LABELS: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType(
    {"nl": MappingProxyType(_NL), "en": MappingProxyType(_EN)}
)


def labels_for(taal: str) -> dict[str, str]:
    """Every label in ``taal``, Dutch where it has none."""
    return {**_NL, **LABELS.get(taal, {})}


def label(taal: str, key: str, **values: Any) -> str:
    """One label in ``taal``, with ``values`` filled in."""
    text = LABELS.get(taal, _NL).get(key) or _NL[key]
    return text.format(**values) if values else text


def for_product(product: Any) -> dict[str, str]:
    """Every label in the product's language, with its title, contact and
    termijn filled in where a label names them (for the templates)."""
    taal = getattr(product, "taal", "nl")
    values = {
        "title": product.title,
        "naam": product.contact.naam if product.contact else "",
        "kort": product.termijn.kort if product.termijn else "",
        "telefoon": product.contact.telefoon if product.contact else "",
        "email": product.contact.email if product.contact else "",
        "url": product.online_aanvragen_url,
    }
    return {
        key: text.format(**values) if "{" in text else text
        for key, text in labels_for(taal).items()
        if key not in ("kosten_kort", "stappen_kort", "vanaf", "aanhef_naam")
    }

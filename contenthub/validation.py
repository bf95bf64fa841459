"""Validation of a product, with Dutch messages for editors.

One function, :func:`product_errors`, holds every rule that goes beyond a
single field. ``ProductPage.clean`` raises its result, so the editor, the demo
loader and every import see the same messages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

from .kosten import kosten_of
from .richtext import disallowed_markup
from .text import count_sentences, has_markup
from .upl import upl_naam_for, upl_uri_for
from .vocabulary import (
    KORT_ANTWOORD_MAX,
    KORT_ANTWOORD_MAX_SENTENCES,
    RICHTEXT_FEATURES,
)

if TYPE_CHECKING:
    from .models import ProductPage

# The texts a product can inherit from a basistekst, and the local ones.
SHARED_RICHTEXT_FIELDS = ("wat_is_het", "voorwaarden", "bezwaar_en_beroep")
LOCAL_RICHTEXT_FIELDS = ("wat_als_geen_reactie", "lokale_aanvulling")
RICHTEXT_FIELDS = SHARED_RICHTEXT_FIELDS + LOCAL_RICHTEXT_FIELDS
SHARED_STREAM_FIELDS = ("aanvragen", "benodigdheden", "vragen")
STREAM_FIELDS = (*SHARED_STREAM_FIELDS, "kosten")


SAFE_URL_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
URL_SCHEME_MESSAGE = (
    "Deze link begint niet met https:, http:, mailto: of tel:. "
    "Vul een gewoon webadres in, bijvoorbeeld https://www.gemeente.nl/."
)
MARKUP_MESSAGE = "Dit is platte tekst: haal de HTML-code weg."


def url_scheme_allowed(url: str) -> bool:
    """Whether a link may reach a channel: only https, http, mailto and tel."""
    # Browsers ignore control characters and spaces in a scheme
    # ("java\tscript:"): judge the link as a browser reads it.
    cleaned = "".join(ch for ch in (url or "") if ch.isprintable() and not ch.isspace())
    if not cleaned:
        return True
    scheme = urlsplit(cleaned).scheme.lower()
    if not scheme:
        return not cleaned.startswith("//") and ":" not in cleaned.split("/")[0]
    return scheme in SAFE_URL_SCHEMES


def validate_url_scheme(value: str) -> None:
    """Model-level validator of every URL field of the hub."""
    if not url_scheme_allowed(value):
        raise ValidationError(URL_SCHEME_MESSAGE, code="url_scheme")


def validate_plain_text(value: str) -> None:
    """Model-level validator of a plain-text field: no HTML."""
    if has_markup(value):
        raise ValidationError(MARKUP_MESSAGE, code="markup")


def plain_text_errors(
    instance: object, field_names: tuple[str, ...]
) -> dict[str, list[str]]:
    """Markup in the plain-text fields of a snippet or the settings."""
    return {
        name: [MARKUP_MESSAGE]
        for name in field_names
        if has_markup(getattr(instance, name, "") or "")
    }


def product_errors(page: ProductPage) -> dict[str, list[str]]:
    """Every rule violated by ``page``, per field, in Dutch. Empty when valid."""
    errors: dict[str, list[str]] = defaultdict(list)
    _check_plain_texts(page, errors)
    _check_kort_antwoord(page, errors)
    _check_richtext(page, RICHTEXT_FIELDS, errors)
    _check_streams(page, STREAM_FIELDS, errors)
    _check_kosten(page, errors)
    _check_termijn(page, errors)
    _check_kanalen(page, errors)
    _check_upl(page, errors)
    return dict(errors)


def shared_text_errors(tekst: object) -> dict[str, list[str]]:
    """The rules for the texts a basistekst shares with its products."""
    errors: dict[str, list[str]] = defaultdict(list)
    _check_stream_plain_texts(tekst, errors)
    _check_kort_antwoord(tekst, errors)
    _check_richtext(tekst, SHARED_RICHTEXT_FIELDS, errors)
    _check_streams(tekst, SHARED_STREAM_FIELDS, errors)
    _check_upl(tekst, errors)
    return dict(errors)


def gemeente_errors(page: ProductPage, site_id: int | None) -> dict[str, list[str]]:
    """Snippets of another gemeente: a product may only use its own gemeente's."""
    if site_id is None:
        return {}
    errors: dict[str, list[str]] = defaultdict(list)
    contact = page.contact if page.contact_id else None
    if contact is not None and contact.site_id not in (None, site_id):
        errors["contact"].append(
            f"Het contactpunt '{contact}' hoort bij een andere gemeente. "
            "Kies een contactpunt van uw eigen gemeente."
        )
    for locatie in page.locaties.all():
        if locatie.site_id not in (None, site_id):
            errors["locaties"].append(
                f"De locatie '{locatie}' hoort bij een andere gemeente. "
                "Kies alleen locaties van uw eigen gemeente."
            )
    return dict(errors)


def _check_plain_texts(page: ProductPage, errors: dict[str, list[str]]) -> None:
    """Plain-text fields carry no markup: every channel but the web shows them raw."""
    for name in ("title", "termijn_omschrijving", "upl_naam"):
        if has_markup(getattr(page, name, "") or ""):
            errors[name].append(MARKUP_MESSAGE)
    _check_stream_plain_texts(page, errors)
    for child in getattr(page, "kosten", ()):
        if has_markup(str(child.value.get("omschrijving") or "")):
            errors["kosten"].append(
                "De omschrijving van een kostenregel is platte tekst: haal de HTML-code weg."
            )


def _check_stream_plain_texts(page: object, errors: dict[str, list[str]]) -> None:
    for child in getattr(page, "aanvragen", ()):
        if has_markup(str(child.value.get("titel") or "")):
            errors["aanvragen"].append(
                "De titel van een stap is platte tekst: haal de HTML-code weg."
            )
    for child in getattr(page, "benodigdheden", ()):
        if has_markup(str(child.value or "")):
            errors["benodigdheden"].append(
                "Wat iemand nodig heeft is platte tekst: haal de HTML-code weg."
            )
    for child in getattr(page, "vragen", ()):
        if has_markup(str(child.value.get("vraag") or "")) or has_markup(
            str(child.value.get("antwoord") or "")
        ):
            errors["vragen"].append(
                "Een vraag en haar antwoord zijn platte tekst: haal de HTML-code weg."
            )


def finite_amount(value: object) -> bool:
    """An amount every channel can write: a finite number."""
    try:
        return Decimal(str(value)).is_finite()
    except (InvalidOperation, ValueError, TypeError):
        return False


def _check_kort_antwoord(page: object, errors: dict[str, list[str]]) -> None:
    tekst = (page.kort_antwoord or "").strip()
    if not tekst:
        errors["kort_antwoord"].append(
            "Vul het korte antwoord in: het antwoord in één tot drie zinnen."
        )
        return
    if len(tekst) > KORT_ANTWOORD_MAX:
        errors["kort_antwoord"].append(
            f"Het korte antwoord is {len(tekst)} tekens lang. Het mag maximaal "
            f"{KORT_ANTWOORD_MAX} tekens zijn, zodat het in elk kanaal past."
        )
    zinnen = count_sentences(tekst)
    if zinnen > KORT_ANTWOORD_MAX_SENTENCES:
        errors["kort_antwoord"].append(
            f"Het korte antwoord heeft {zinnen} zinnen. Gebruik er maximaal "
            f"{KORT_ANTWOORD_MAX_SENTENCES}; de rest hoort in 'Wat is het'."
        )
    if has_markup(tekst) or ("<" in tekst and ">" in tekst):
        errors["kort_antwoord"].append(
            "Het korte antwoord is platte tekst: haal de HTML-code weg."
        )


def _check_richtext(
    page: object, names: tuple[str, ...], errors: dict[str, list[str]]
) -> None:
    for name in names:
        for problem in disallowed_markup(
            getattr(page, name) or "", features=RICHTEXT_FEATURES
        ):
            errors[name].append(problem)
    if not _has_text(page.wat_is_het):
        errors["wat_is_het"].append("Vul in wat het product is.")


def stream_errors(
    instance: object, field_names: tuple[str, ...]
) -> dict[str, list[str]]:
    """Block validation of StreamFields, for writes that bypass the editor.

    The editor cleans blocks in its form; loaders, imports and scripts do not,
    so models run the same validation from ``clean``.
    """
    errors: dict[str, list[str]] = {}
    for name in field_names:
        block = instance._meta.get_field(name).stream_block  # type: ignore[attr-defined]
        try:
            block.clean(getattr(instance, name))
        except ValidationError as error:
            errors[name] = block_error_messages(error)
    return errors


def _check_streams(
    page: object, names: tuple[str, ...], errors: dict[str, list[str]]
) -> None:
    for name, messages in stream_errors(page, names).items():
        errors[name].extend(messages)
    if len(page.aanvragen) == 0:
        errors["aanvragen"].append(
            "Beschrijf in minstens één stap hoe iemand het product aanvraagt."
        )


def _check_kosten(page: ProductPage, errors: dict[str, list[str]]) -> None:
    regels = len(page.kosten)
    for child in page.kosten:
        bedrag = child.value.get("bedrag")
        if bedrag is not None and not finite_amount(bedrag):
            errors["kosten"].append(
                f"Het bedrag bij '{child.value.get('omschrijving') or 'een kostenregel'}' "
                "is geen getal. Vul een bedrag in euro in, bijvoorbeeld 84,29."
            )
    _check_kosten_overlap(page, errors)
    if page.kosten_gratis and regels:
        errors["kosten"].append(
            "Het product staat op 'gratis', maar er zijn ook kosten ingevuld. Kies één van beide."
        )
    if not page.kosten_gratis and not regels:
        errors["kosten"].append(
            "Vul de kosten in, of kies 'gratis' als het product niets kost."
        )
    elif not page.kosten_gratis and not _a_row_holds_today(page):
        errors["kosten"].append(
            "Vandaag geldt geen van de kostenregels, dus geen kanaal kan een bedrag "
            "noemen. Vul de kosten in die nu gelden, of kies 'gratis' als het "
            "product niets meer kost."
        )


def _a_row_holds_today(page: ProductPage) -> bool:
    return bool(kosten_of(page))


def _check_kosten_overlap(page: ProductPage, errors: dict[str, list[str]]) -> None:
    """Two rows for the same omschrijving may not hold on the same day, and a
    row may not end before it starts."""
    import datetime as dt

    periods: dict[str, list[tuple[dt.date, dt.date, str]]] = {}
    for child in page.kosten:
        value = child.value
        omschrijving = (value.get("omschrijving") or "").strip()
        vanaf = value.get("geldig_vanaf") or dt.date.min
        tot = value.get("geldig_tot") or dt.date.max
        if tot < vanaf:
            errors["kosten"].append(
                f"Bij '{omschrijving or 'een kostenregel'}' ligt 'geldig tot en met' "
                "vóór 'geldig vanaf'. Kies een einddatum op of na de begindatum."
            )
            continue
        for other_vanaf, other_tot, _ in periods.get(omschrijving.casefold(), []):
            if vanaf <= other_tot and other_vanaf <= tot:
                errors["kosten"].append(
                    f"Er zijn twee kostenregels '{omschrijving}' die op dezelfde dag "
                    "gelden. Geef de oude regel een 'geldig tot en met' vóór de "
                    "'geldig vanaf' van de nieuwe."
                )
                break
        periods.setdefault(omschrijving.casefold(), []).append(
            (vanaf, tot, omschrijving)
        )


def _check_termijn(page: ProductPage, errors: dict[str, list[str]]) -> None:
    omschrijving = (page.termijn_omschrijving or "").strip()
    dagen = page.termijn_dagen
    if omschrijving and dagen is None:
        errors["termijn_dagen"].append(
            "Vul bij de termijn ook het maximum aantal dagen in."
        )
    if dagen is not None and not omschrijving:
        errors["termijn_omschrijving"].append("Beschrijf de termijn ook in woorden.")
    if dagen is not None and dagen < 1:
        errors["termijn_dagen"].append("De termijn moet minstens 1 dag zijn.")


def _check_kanalen(page: ProductPage, errors: dict[str, list[str]]) -> None:
    kanalen = page.kanalen
    if not kanalen:
        errors["kanaal_online"].append(
            "Kies minstens één kanaal waarlangs inwoners het product regelen."
        )
        return
    if page.advies_kanaal and page.advies_kanaal not in kanalen:
        errors["advies_kanaal"].append(
            "Het geadviseerde kanaal staat niet aan bij de kanalen van dit product."
        )
    if "online" in kanalen and not page.online_aanvragen_url:
        errors["online_aanvragen_url"].append(
            "Online staat aan als kanaal: vul de link naar de online aanvraag in."
        )
    if page.online_aanvragen_url and "online" not in kanalen:
        errors["kanaal_online"].append(
            "Er is een link voor online aanvragen, maar online staat niet aan als kanaal."
        )


def _check_upl(page: object, errors: dict[str, list[str]]) -> None:
    naam = (page.upl_naam or "").strip()
    uri = (page.upl_uri or "").strip()
    if naam:
        verwacht = upl_uri_for(naam)
        if verwacht is None:
            errors["upl_naam"].append(
                f"'{naam}' staat niet in de Uniforme Productnamenlijst (UPL). "
                "Kies een naam uit de lijst; let op hoofdletters en spaties."
            )
        elif uri and uri != verwacht:
            errors["upl_uri"].append(
                f"Deze URI hoort niet bij de UPL-naam '{naam}'. De juiste URI is {verwacht}."
            )
    elif uri:
        if upl_naam_for(uri) is None:
            errors["upl_uri"].append(
                "Deze URI staat niet in de Uniforme Productnamenlijst (UPL)."
            )
        else:
            errors["upl_naam"].append("Vul ook de UPL-naam in die bij deze URI hoort.")


def _has_text(html: str | None) -> bool:
    return bool(re.sub(r"<[^>]+>", "", html or "").strip())


def block_error_messages(error: ValidationError) -> list[str]:
    """The messages of a (nested) block validation error, without duplicates."""
    messages: list[str] = []
    stack: list[object] = [error]
    while stack:
        item = stack.pop()
        if isinstance(item, ValidationError):
            if hasattr(item, "block_errors"):
                children = item.block_errors
                stack.extend(
                    children.values() if isinstance(children, dict) else children
                )
                non_block = getattr(item, "non_block_errors", None)
                if non_block:
                    stack.extend(non_block)
                continue
            messages.extend(item.messages)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif item is not None:
            messages.append(str(item))
    return list(dict.fromkeys(messages))

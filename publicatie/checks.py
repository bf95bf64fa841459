"""The gate checks. Each is one registered function of a ``GateContext``.

Order matters only for display: model validation first, then language,
accessibility and the channels.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from contenthub.findings import Finding, Location, Severity
from contenthub.validation import RICHTEXT_FIELDS

from .context import GateContext
from .registry import register

if TYPE_CHECKING:
    from taalcheck.config import Settings

WEB_PAGE_FIELD = "weergave:web"


@register("validatie", label="Verplichte velden en regels")
def check_model_validation(context: GateContext) -> Iterable[Finding]:
    try:
        context.page.full_clean()
    except ValidationError as error:
        return [
            Finding(
                rule="model.validatie",
                severity=Severity.FOUT,
                message=message,
                suggestion="Pas dit veld aan in de editor.",
                location=Location(field=field if field != "__all__" else ""),
            )
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    # A save right after this (``ProductPage.save``) need not validate again.
    context.page._full_clean_passed = True
    return []


@register("taal", label="Taalniveau B1")
def check_language(context: GateContext) -> Iterable[Finding]:
    """The Dutch source at the organisation's B1 level; a translation with the
    plain-language check of its own language (``taalcheck.talen``)."""
    from contenthub.talen import page_language
    from taalcheck.product import page_as_product, product_texts
    from taalcheck.talen import checker_for

    language = page_language(context.page)
    options = {}
    if language == "nl":
        options = {
            "niveau": getattr(settings, "CONTENTHUB_TAALNIVEAU", "B1"),
            "settings": context.taal_settings,
        }
    judge = checker_for(language, **options)
    findings: list[Finding] = []
    for field, text in product_texts(page_as_product(context.page)):
        findings.extend(finding.in_field(field) for finding in judge(text))
    return findings


@register("toegankelijkheid", label="Toegankelijkheid (WCAG)")
def check_accessibility(context: GateContext) -> Iterable[Finding]:
    from toegankelijkheid import check_html

    findings: list[Finding] = []
    for field in RICHTEXT_FIELDS:
        html = expand_db_html(getattr(context.page, field) or "")
        if html.strip():
            findings.extend(
                f.in_field(field) for f in check_html(html, fragment=True).findings
            )
    # The page shows the fields again: report there only what the fields do not
    # explain already (problems of the page itself, or of the channel).
    in_fields = {_same_problem(f) for f in findings}
    web = next(r for r in context.renderings if r.channel == "web" and r.variant == "")
    findings.extend(
        f.in_field(WEB_PAGE_FIELD)
        for f in check_html(web.text, fragment=False).findings
        if _same_problem(f) not in in_fields
    )
    findings.extend(_browser_findings(web.text))
    return findings


_GATE_BROWSER_ON = frozenset(["1", "true", "yes", "ja", "on", "aan"])


def _browser_findings(html: str) -> list[Finding]:
    """axe-core in headless Chromium on the web page, behind ``CONTENTHUB_WCAG_BROWSER``.

    In the gate it runs only when asked for (``1``, ``true``, ``aan``): it costs a
    Chromium start of seconds per page, which a demo load or a doorwerking over
    many products should not pay unasked. Off or not installed: nothing (the
    static rules above still judge the page). A browser that fails blocks, so a
    broken step is never a silent pass.
    """
    from toegankelijkheid.browser import SETTING, AxeError, check_page_in_browser

    if os.environ.get(SETTING, "").strip().lower() not in _GATE_BROWSER_ON:
        return []
    try:
        result = check_page_in_browser(
            with_local_stylesheets(html), environ={SETTING: "1"}
        )
    except AxeError:
        return [
            Finding(
                rule="axe.browser",
                severity=Severity.FOUT,
                message=(
                    "De toegankelijkheidscontrole in de browser kon niet worden "
                    "uitgevoerd, dus deze pagina is niet volledig gecontroleerd."
                ),
                suggestion=(
                    "Probeert u het later opnieuw of vraagt u de beheerder de "
                    "browsercontrole na te kijken."
                ),
                location=Location(field=WEB_PAGE_FIELD),
            )
        ]
    if not result.ran:
        # Asked for but not possible here: say so in the verdict (a tip, it does not
        # block; the static rules judged the page), never a silent pass.
        return [
            Finding(
                rule="axe.overgeslagen",
                severity=Severity.TIP,
                message=(
                    "De toegankelijkheidscontrole in de browser is overgeslagen: Chromium "
                    f"is niet geïnstalleerd ({result.skipped})."
                ),
                suggestion="Installeer de browsercontrole met scripts/browser-deps.",
                location=Location(field=WEB_PAGE_FIELD),
            )
        ]
    return [f.in_field(WEB_PAGE_FIELD) for f in result.findings]


_STYLESHEET = re.compile(
    r"<link\b(?=[^>]*\brel=[\"']?stylesheet)[^>]*\bhref=[\"']([^\"']+)[\"'][^>]*>",
    re.IGNORECASE,
)
_STYLE_END = re.compile(r"</(style)", re.IGNORECASE)


def with_local_stylesheets(html: str) -> str:
    """``html`` with its own static stylesheets written in as ``<style>`` blocks.

    The browser step gets the page as text, without a server behind it, so a
    ``<link href="/static/…">`` would load nothing and axe would judge an unstyled
    page (link sizes, contrast, reflow). Stylesheets from elsewhere stay links.
    """

    def inline(match: re.Match[str]) -> str:
        href = unescape(match.group(1)).split("?", 1)[0].split("#", 1)[0]
        if not href.startswith(settings.STATIC_URL):
            return match.group(0)
        path = finders.find(href[len(settings.STATIC_URL) :])
        if not path:
            return match.group(0)
        css = Path(path).read_text(encoding="utf-8", errors="replace")
        return "<style>" + _STYLE_END.sub(r"<\\/\1", css) + "</style>"

    return _STYLESHEET.sub(inline, html)


def _same_problem(finding: Finding) -> tuple[str, str]:
    # The web channel adds classes to the field's elements; the text stays.
    return finding.rule, " ".join(strip_tags(finding.excerpt).split())


@register("basistekst", label="Landelijke tekst past bij deze gemeente")
def check_inherited_amounts(context: GateContext) -> Iterable[Finding]:
    """An amount in an inherited national text must be one this gemeente charges.

    A national text may name a national fee (the same everywhere); when it
    names an amount that is not among this gemeente's kosten, inwoners
    would read a price that does not apply here.
    """
    from contenthub.formatting import EURO_AMOUNT, euro_cents
    from contenthub.inheritance import inherited_fields
    from taalcheck.product import page_as_product, product_texts

    inherited = set(inherited_fields(context.page))
    if not inherited:
        return []
    own = {regel.centen for regel in context.snapshot.kosten}
    findings: list[Finding] = []
    for field, text in product_texts(page_as_product(context.page)):
        if field not in inherited:
            continue
        for amount in dict.fromkeys(EURO_AMOUNT.findall(unescape(strip_tags(text)))):
            if euro_cents(amount) in own:
                continue
            findings.append(
                Finding(
                    rule="basistekst.bedrag",
                    severity=Severity.FOUT,
                    message=(
                        f"De landelijke tekst noemt {amount}, maar dat bedrag staat "
                        "niet bij de kosten van deze gemeente."
                    ),
                    suggestion=(
                        "Geldt dit bedrag ook hier? Zet het dan bij de kosten. Zo niet, "
                        "vink bij dit veld 'eigen tekst' aan en noem het bedrag van uw "
                        "gemeente, of vraag de landelijke redactie het bedrag weg te laten."
                    ),
                    location=Location(field=field),
                    excerpt=amount,
                )
            )
    return findings


@register("kanalen", label="Hetzelfde antwoord in elk kanaal")
def check_channels(context: GateContext) -> Iterable[Finding]:
    from renderers.crosscheck import check_channels

    return [
        *check_channels(context.snapshot, context.renderings),
        *_across_languages(context),
    ]


def _across_languages(context: GateContext) -> list[Finding]:
    """The same amounts, termijn and link in every language: a translation
    must match its live Dutch source (a fout); a Dutch product whose live
    translation no longer matches it hears so (a waarschuwing: the Dutch text
    is never held back by its translation). A gemeente without English pages
    pays no query for this."""
    from contenthub.structured import gemeente_has_english, product_snapshot
    from contenthub.talen import is_translation
    from contenthub.vertaling import dutch_source, live_translations
    from renderers.crosscheck import check_translation

    page = context.page
    if is_translation(page):
        source = dutch_source(page)
        if source is None or not source.live:
            return []
        # Without its English: asking for that now would remember, for the rest of
        # this write, the translation as it was before this publication.
        return check_translation(
            context.snapshot, product_snapshot(source, with_english=False)
        )
    if not (page.pk and gemeente_has_english(page)):
        return []
    findings: list[Finding] = []
    for translation in live_translations(page):
        if check_translation(product_snapshot(translation), context.snapshot):
            findings.append(
                Finding(
                    rule="vertaling.loopt-achter",
                    severity=Severity.WAARSCHUWING,
                    message="De vertaling van dit product heeft andere kosten, een "
                    "andere termijn of een andere link dan deze versie.",
                    suggestion="Werk na het publiceren de vertaling bij, zodat elke "
                    "taal dezelfde feiten noemt.",
                    location=Location(),
                )
            )
    return findings


# What a channel carries besides the page's own fields ---------------------------

SAFE_URL_SCHEMES = ("https", "http", "mailto", "tel")


@register("omgeving", label="Contact, locaties, gemeente en gerelateerde producten")
def check_surroundings(context: GateContext) -> Iterable[Finding]:
    """The snippets, the gemeente's settings and the related products a channel shows.

    Judged with the product, because they stand in every channel beside its
    own text: a contactpunt's name in the letter, a locatie's toelichting in
    the chatbot, the gemeente's website in the canonical link.
    """
    # The stored values, not the snapshot: the snapshot already leaves out
    # what no channel may carry, and the editor must hear about it.
    from contenthub.models import GemeenteInstellingen
    from contenthub.structured import snippets_in_language
    from contenthub.talen import SOURCE_LANGUAGE, locale_code, page_language

    page = context.page
    findings: list[Finding] = []
    texts: list[tuple[str, str, str]] = []
    # A translation shows the English version of a contactpunt or locatie
    # where there is one: judged by the rules of its own language.
    translated: list[tuple[str, str, str]] = []
    taal = page_language(page)
    contact, locaties = snippets_in_language(page, taal)

    def texts_of(snippet: object) -> list[tuple[str, str, str]]:
        if taal != SOURCE_LANGUAGE and locale_code(snippet.locale_id) == taal:
            return translated
        return texts

    urls: list[tuple[str, str, str]] = [
        (
            "online_aanvragen_url",
            "De link naar online aanvragen",
            page.online_aanvragen_url,
        )
    ]
    if contact is not None:
        texts_of(contact).append(
            ("contact", f"De naam van het contactpunt '{contact.naam}'", contact.naam)
        )
        urls += [
            (
                "contact",
                "De link naar het contactformulier",
                contact.contactformulier_url,
            ),
            ("contact", "De link om een afspraak te maken", contact.afspraak_url),
        ]
    for locatie in locaties:
        texts_of(locatie).extend(
            [
                ("locaties", f"De naam van de locatie '{locatie.naam}'", locatie.naam),
                (
                    "locaties",
                    f"De toelichting bij '{locatie.naam}'",
                    locatie.toelichting,
                ),
            ]
        )
    site_id = page._gemeente_site_id()
    instellingen = (
        GemeenteInstellingen.objects.filter(site_id=site_id).first()
        if site_id
        else None
    )
    if instellingen is not None:
        texts += [
            ("instellingen", "De naam van de gemeente", instellingen.naam),
            ("instellingen", "Het postadres van de gemeente", instellingen.postadres),
        ]
        urls.append(
            ("instellingen", "De website van de gemeente", instellingen.website)
        )
    findings += _text_findings(texts, _dutch_text_check(context.taal_settings))
    if translated:
        # A translation's own versions, judged by the rules of their language.
        from taalcheck.talen import checker_for

        findings += _text_findings(translated, checker_for(taal))
    findings += _url_findings(urls)
    findings += _related_findings(context.page)
    return findings


def _text_findings(
    texts: list[tuple[str, str, str]], judge: Callable[[str], Iterable[Finding]]
) -> list[Finding]:
    """The findings of ``judge`` (a language's text check) on each plain text
    of the product's surroundings, named after where the text stands."""
    from contenthub.text import has_markup

    findings: list[Finding] = []
    for field, what, text in texts:
        if not text.strip():
            continue
        if has_markup(text):
            findings.append(
                Finding(
                    rule="omgeving.opmaak",
                    severity=Severity.FOUT,
                    message=f"{what} bevat HTML-code; dit is platte tekst.",
                    suggestion="Haal de code weg in de snippet of de instellingen.",
                    location=Location(field=field),
                    excerpt=text[:80],
                )
            )
            continue
        for finding in judge(text):
            findings.append(
                Finding(
                    rule=finding.rule,
                    severity=finding.severity,
                    message=f"{what}: {finding.message}",
                    suggestion=finding.suggestion,
                    location=Location(field=field),
                    excerpt=finding.excerpt,
                )
            )
    return findings


def _dutch_text_check(taal_settings: Settings) -> Callable[[str], Iterable[Finding]]:
    """The B1 check's own findings on a short Dutch text (a name, an address):
    without the overall level finding, which says nothing about a name."""
    import taalcheck

    niveau = getattr(settings, "CONTENTHUB_TAALNIVEAU", "B1")
    return lambda text: (
        taalcheck.check(text, niveau=niveau, settings=taal_settings).findings
    )


def _url_findings(urls: list[tuple[str, str, str]]) -> list[Finding]:
    from contenthub.validation import url_scheme_allowed

    return [
        Finding(
            rule="omgeving.link",
            severity=Severity.FOUT,
            message=f"{what} begint niet met https:, http:, mailto: of tel:.",
            suggestion="Vul een gewoon webadres in, bijvoorbeeld https://www.gemeente.nl/.",
            location=Location(field=field),
            excerpt=url[:80],
        )
        for field, what, url in urls
        if url and not url_scheme_allowed(url)
    ]


def _related_findings(page) -> list[Finding]:
    """Related products: shown only when live and public; never of another gemeente."""
    from contenthub.catalogue import live_products

    items = [item for item in page.gerelateerde_producten.all() if item.product_id]
    if not items:
        return []
    own_site = page._gemeente_site_id()
    live = set(
        live_products()
        .filter(pk__in=[item.product_id for item in items])
        .values_list("pk", flat=True)
    )
    findings: list[Finding] = []
    for item in items:
        product = item.product
        other = product.get_site()
        if own_site is not None and other is not None and other.pk != own_site:
            findings.append(
                Finding(
                    rule="omgeving.gerelateerd-andere-gemeente",
                    severity=Severity.FOUT,
                    message=(
                        f"Het gerelateerde product '{product.title}' hoort bij een "
                        "andere gemeente; de link zou inwoners naar de verkeerde "
                        "gemeente sturen."
                    ),
                    suggestion="Kies een product van uw eigen gemeente.",
                    location=Location(field="gerelateerde_producten"),
                    excerpt=product.title,
                )
            )
        elif product.pk not in live:
            findings.append(
                Finding(
                    rule="omgeving.gerelateerd-niet-gepubliceerd",
                    severity=Severity.WAARSCHUWING,
                    message=(
                        f"Het gerelateerde product '{product.title}' is niet "
                        "gepubliceerd of niet openbaar; het staat in geen kanaal."
                    ),
                    suggestion="Publiceer het, of haal het weg bij de gerelateerde producten.",
                    location=Location(field="gerelateerde_producten"),
                    excerpt=product.title,
                )
            )
    return findings

"""The gate checks. Each is one registered function of a ``GateContext``.

Order matters only for display: model validation first, then language,
accessibility and the channels.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from contenthub.findings import Finding, Location, Severity
from contenthub.validation import RICHTEXT_FIELDS

from .context import GateContext
from .registry import register

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
    return []


@register("taal", label="Taalniveau B1")
def check_language(context: GateContext) -> Iterable[Finding]:
    import taalcheck
    from taalcheck.models import get_settings
    from taalcheck.product import page_as_product, product_texts

    niveau = getattr(settings, "CONTENTHUB_TAALNIVEAU", "B1")
    taal_settings = get_settings()
    findings: list[Finding] = []
    for field, text in product_texts(page_as_product(context.page)):
        report = taalcheck.check(text, niveau=niveau, settings=taal_settings)
        findings.extend(finding.in_field(field) for finding in report.findings)
        if not report.passes and not report.fouten:
            findings.append(
                Finding(
                    rule="taal.niveau",
                    severity=Severity.FOUT,
                    message=f"Deze tekst is op niveau {report.niveau}; het doel is {niveau}.",
                    suggestion="Maak de zinnen korter en kies gewone woorden; de tips hieronder helpen.",
                    location=Location(field=field),
                )
            )
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
    return findings


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
    from renderers.crosscheck import check_consistency

    return check_consistency(context.snapshot, context.renderings)

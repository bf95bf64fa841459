"""1.3.5: an ``autocomplete`` value that is not a valid autofill detail token list.

The tokens are those of the WHATWG HTML standard, §4.10.18.7 "Autofill"
(https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill):
an optional ``section-*`` token, optionally ``shipping`` or ``billing``, for contact
fields optionally ``home``/``work``/``mobile``/``fax``/``pager``, then one field name,
optionally followed by ``webauthn``; or just ``on`` or ``off``.
"""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register

FIELD_NAMES = frozenset(
    [
        *("name", "honorific-prefix", "given-name", "additional-name", "family-name"),
        *("honorific-suffix", "nickname", "username", "new-password"),
        *("current-password", "one-time-code", "organization-title", "organization"),
        *("street-address", "address-line1", "address-line2", "address-line3"),
        *("address-level4", "address-level3", "address-level2", "address-level1"),
        *("country", "country-name", "postal-code", "cc-name", "cc-given-name"),
        *("cc-additional-name", "cc-family-name", "cc-number", "cc-exp"),
        *("cc-exp-month", "cc-exp-year", "cc-csc", "cc-type", "transaction-currency"),
        *("transaction-amount", "language", "bday", "bday-day", "bday-month"),
        *("bday-year", "sex", "url", "photo"),
    ]
)
CONTACT_FIELD_NAMES = frozenset(
    [
        *("tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local"),
        *("tel-local-prefix", "tel-local-suffix", "tel-extension", "email", "impp"),
    ]
)
CONTACT_KINDS = frozenset(["home", "work", "mobile", "fax", "pager"])
_NOT_APPLICABLE_TYPES = frozenset(["hidden", "button", "submit", "reset", "image"])


def autocomplete_problem(value: str) -> str:
    """Why ``value`` is not a valid autofill token list, in Dutch; "" when it is."""
    tokens = value.lower().split()
    if tokens in (["on"], ["off"]):
        return ""
    if tokens and tokens[-1] == "webauthn":
        tokens = tokens[:-1]
    if not tokens:
        return "bevat geen veldnaam"
    *before, field = tokens
    if field not in FIELD_NAMES and field not in CONTACT_FIELD_NAMES:
        return f"“{field}” is geen veldnaam uit de HTML-standaard"
    if before and before[-1] in CONTACT_KINDS:
        if field not in CONTACT_FIELD_NAMES:
            return f"“{before[-1]}” past alleen bij telefoon, e-mail of impp"
        before = before[:-1]
    if before and before[-1] in ("shipping", "billing"):
        before = before[:-1]
    if before and before[0].startswith("section-"):
        before = before[1:]
    if before:
        return f"“{' '.join(before)}” staat op een plek waar het niet mag"
    return ""


@register
class Autocomplete(BaseRule):
    id = "wcag.autocomplete-ongeldig"
    title = "Ongeldige autocomplete-waarde"
    criteria = ("1.3.5",)
    level = "AA"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.tags("input", "select", "textarea"):
            value = element.get("autocomplete")
            if value is None or not value.strip():
                continue
            if element.tag == "input" and (
                element.get("type", "").strip().lower() in _NOT_APPLICABLE_TYPES
            ):
                continue
            if (
                element.get("disabled") is not None
                or element.get("aria-disabled", "").strip().lower() == "true"
                or document.is_hidden_from_at(element)
            ):
                continue
            problem = autocomplete_problem(value)
            if problem:
                yield self.finding(
                    document,
                    element,
                    f'autocomplete="{value.strip()}" {problem}: de browser kan het veld dan '
                    "niet automatisch invullen en hulpsoftware weet niet wat erin hoort.",
                    "Gebruik een waarde uit de HTML-standaard, bijvoorbeeld "
                    'autocomplete="email", "postal-code" of "tel".',
                )

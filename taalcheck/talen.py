"""Which plain-language check judges a text: one entry per language.

The publication gate asks :func:`checker_for` with the language of the page
(``nl`` for the Dutch source, ``en`` for an English translation) and gets a
function of one text that returns findings. Dutch is the B1 check
(``taalcheck.check`` with the organisation's level and settings), English the
plain-English rules of ``taalcheck.engels``. A language without an entry is
refused loudly: a translation must never go out unjudged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contenthub.findings import Finding, Location, Severity

TextChecker = Callable[[str], list[Finding]]
CheckerFactory = Callable[..., TextChecker]

_FACTORIES: dict[str, CheckerFactory] = {}


def register_language(code: str) -> Callable[[CheckerFactory], CheckerFactory]:
    """Register the factory of the text check for language ``code``."""

    def decorator(factory: CheckerFactory) -> CheckerFactory:
        if code in _FACTORIES:
            raise ValueError(f"Er is al een taalcontrole voor '{code}'.")
        _FACTORIES[code] = factory
        return factory

    return decorator


def languages() -> list[str]:
    return list(_FACTORIES)


def checker_for(code: str, **options: Any) -> TextChecker:
    """The text check for ``code``; ``options`` go to its factory (Dutch: niveau, settings)."""
    try:
        factory = _FACTORIES[code]
    except KeyError:
        raise LookupError(
            f"Er is geen taalcontrole voor de taal '{code}'; kies uit: "
            + ", ".join(languages())
            + "."
        ) from None
    return factory(**options)


@register_language("nl")
def dutch(*, niveau: str = "B1", settings: Any = None, **_: Any) -> TextChecker:
    from .config import DEFAULT_SETTINGS
    from .core import check

    def judge(text: str) -> list[Finding]:
        report = check(text, niveau=niveau, settings=settings or DEFAULT_SETTINGS)
        findings = list(report.findings)
        if not report.passes and not report.fouten:
            findings.append(
                Finding(
                    rule="taal.niveau",
                    severity=Severity.FOUT,
                    message=f"Deze tekst is op niveau {report.niveau}; het doel is {niveau}.",
                    suggestion="Maak de zinnen korter en kies gewone woorden; de tips hieronder helpen.",
                    location=Location(),
                )
            )
        return findings

    return judge


@register_language("en")
def english(**_: Any) -> TextChecker:
    from .engels import check_english

    def judge(text: str) -> list[Finding]:
        return list(check_english(text).findings)

    return judge

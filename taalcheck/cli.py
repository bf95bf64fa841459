"""``taalcheck``: check text files or standard input, without Django.

    taalcheck brief.txt pagina.html
    echo "Indien u vragen heeft, belt u ons." | taalcheck
    taalcheck --json --niveau B2 -

Uses the default settings and glossary (``taalcheck.config``); inside the hub,
``manage.py taalcheck`` uses the beheerder's settings and also checks
products (``--product``, ``--all``). Exit status: 0 when every text passes,
1 when one does not, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .config import DEFAULT_SETTINGS, NIVEAUS
from .core import check
from .errors import TaalcheckError
from .report import KEY_LANGUAGES, Report, json_keys

BAD_INPUT = 2
NOT_PASSED = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="taalcheck",
        description="Controleer Nederlandse tekst op taalniveau B1 (of een ander niveau).",
    )
    parser.add_argument(
        "bestanden",
        nargs="*",
        default=["-"],
        help="Tekst- of HTML-bestanden; '-' (of niets) leest van standaardinvoer.",
    )
    parser.add_argument("--json", action="store_true", help="Uitvoer als JSON.")
    parser.add_argument(
        "--json-sleutels",
        default="nl",
        choices=KEY_LANGUAGES,
        help="Taal van de JSON-sleutels: nl (standaard) of en (de Engelse namen van eerder).",
    )
    parser.add_argument(
        "--niveau", default="B1", choices=NIVEAUS, help="Gevraagd taalniveau."
    )
    args = parser.parse_args(argv)
    passed = True
    results = []
    for name in args.bestanden:
        try:
            text = _read(name)
            report = check(text, niveau=args.niveau, settings=DEFAULT_SETTINGS)
        except TaalcheckError as error:
            _say(f"taalcheck: {name}: {error}", sys.stderr)
            return BAD_INPUT
        passed = passed and report.passes
        results.append((name, report))
    if args.json:
        data = [
            {"bestand": name, **json_keys(report.to_dict(), args.json_sleutels)}
            for name, report in results
        ]
        _say(
            json.dumps(data if len(data) > 1 else data[0], ensure_ascii=False, indent=2)
        )
    else:
        for name, report in results:
            _print_report(name, report, several=len(results) > 1)
    return 0 if passed else NOT_PASSED


def _say(line: str, stream: object = None) -> None:
    (stream or sys.stdout).write(line + "\n")  # type: ignore[attr-defined]


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TaalcheckError(f"Het bestand '{name}' bestaat niet.") from None
    except IsADirectoryError:
        raise TaalcheckError(f"'{name}' is een map, geen bestand.") from None
    except UnicodeDecodeError:
        raise TaalcheckError(f"Het bestand '{name}' is geen tekst in UTF-8.") from None
    except OSError as error:
        raise TaalcheckError(
            f"Het bestand '{name}' is niet te lezen: {error.strerror}."
        ) from None


def _print_report(name: str, report: Report, *, several: bool) -> None:
    if several:
        _say(f"== {name}")
    verdict = "gehaald" if report.passes else "NIET gehaald"
    _say(f"Taalniveau {report.gevraagd_niveau}: {verdict}. {report.samenvatting}")
    for finding in report.findings:
        location = finding.location
        where = "hele tekst" if location.block is None else f"blok {location.block + 1}"
        _say(
            f"  {finding.severity.value.upper():<12} {finding.rule} ({where}): {finding.message}"
        )
        if finding.suggestion:
            _say(f"               → {finding.suggestion}")


if __name__ == "__main__":
    sys.exit(main())

"""``manage.py taalcheck``: check a text file, stdin, one product or the catalogue.

Exit status: 0 when everything passes, 1 when something does not, 2 on bad
input (missing file, unknown product, text too large, no input given).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from contenthub.findings import Finding
from taalcheck import DEFAULT_SETTINGS, NIVEAUS, Report, Settings, TaalcheckError, check
from taalcheck.product import page_as_product, product_texts
from taalcheck.report import KEY_LANGUAGES, json_keys

BAD_INPUT = 2
NOT_PASSED = 1


class Command(BaseCommand):
    help = (
        "Controleer een tekst op taalniveau B1: een bestand, '-' voor standaardinvoer, "
        "één product (--product) of de hele catalogus (--all); van een product "
        "telt de laatste versie, ook als die nog niet gepubliceerd is."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "bestand",
            nargs="?",
            help="Tekst- of HTML-bestand; '-' leest van standaardinvoer.",
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
        parser.add_argument("--product", metavar="SLUG", help="Controleer één product.")
        parser.add_argument(
            "--all", action="store_true", help="Controleer alle producten."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sources = [
            options["bestand"] is not None,
            bool(options["product"]),
            options["all"],
        ]
        if sum(sources) != 1:
            raise CommandError(
                "Geef precies één invoer: een bestand, '-' voor standaardinvoer, "
                "--product SLUG of --all.",
                returncode=BAD_INPUT,
            )
        settings = self._settings()
        niveau = options["niveau"]
        try:
            if options["product"]:
                passed = self._products(
                    self._pages(options["product"]),
                    niveau,
                    settings,
                    options,
                    table=False,
                )
            elif options["all"]:
                passed = self._products(
                    self._pages(None), niveau, settings, options, table=True
                )
            else:
                text = self._read(options["bestand"], options.get("stdin"))
                report = check(text, niveau=niveau, settings=settings)
                if options["json"]:
                    self.stdout.write(
                        json.dumps(
                            json_keys(report.to_dict(), options["json_sleutels"]),
                            ensure_ascii=False,
                            indent=2,
                        )
                    )
                else:
                    self._write_report(report)
                passed = report.passes
        except TaalcheckError as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from None
        if not passed:
            sys.exit(NOT_PASSED)

    # -- input ---------------------------------------------------------------

    def _settings(self) -> Settings:
        from taalcheck.models import get_settings

        try:
            return get_settings()
        except DatabaseError:
            self.stderr.write(
                "Let op: de instellingen van de taalcheck zijn niet te lezen "
                "(is de database gemigreerd?). De standaardinstellingen gelden."
            )
            return DEFAULT_SETTINGS

    def _read(self, name: str, stdin: Any) -> str:
        if name == "-":
            return (stdin or sys.stdin).read()
        path = Path(name)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(
                f"Het bestand '{name}' bestaat niet.", returncode=BAD_INPUT
            ) from None
        except IsADirectoryError:
            raise CommandError(
                f"'{name}' is een map, geen bestand.", returncode=BAD_INPUT
            ) from None
        except UnicodeDecodeError:
            raise CommandError(
                f"Het bestand '{name}' is geen tekst in UTF-8.", returncode=BAD_INPUT
            ) from None
        except OSError as error:
            raise CommandError(
                f"Het bestand '{name}' is niet te lezen: {error.strerror}.",
                returncode=BAD_INPUT,
            ) from None

    def _pages(self, slug: str | None) -> list[Any]:
        # By app label, not by import: the checker imports nothing of the
        # hub but contenthub.findings (issue 13).
        from django.apps import apps

        ProductPage = apps.get_model("contenthub", "ProductPage")

        # The Dutch products: this is the B1 check. An English translation is
        # judged by the gate with the plain-English check (taalcheck.talen).
        pages = ProductPage.objects.filter(locale__language_code="nl").order_by("path")
        if slug is not None:
            pages = pages.filter(slug=slug)
            if not pages.exists():
                raise CommandError(
                    f"Er is geen product met de slug '{slug}'.", returncode=BAD_INPUT
                )
        # The latest revision: the text an editor is about to publish.
        return [page.get_latest_revision_as_object() for page in pages.specific()]

    # -- products --------------------------------------------------------------

    def _products(
        self,
        pages: list[Any],
        niveau: str,
        settings: Settings,
        options: dict[str, Any],
        *,
        table: bool,
    ) -> bool:
        results = []
        iterator: Any = pages
        if table and not options["json"]:
            from tqdm import tqdm

            iterator = tqdm(
                pages, desc="Taalcheck", unit="product", file=self.stderr._out
            )
        for page in iterator:
            reports = [
                (field, check(text, niveau=niveau, settings=settings))
                for field, text in product_texts(page_as_product(page))
            ]
            results.append((page, reports))
        passed = all(
            report.passes for _page, reports in results for _f, report in reports
        )
        if options["json"]:
            data = {
                "passes": passed,
                "niveau": niveau,
                "producten": [
                    {
                        "slug": page.slug,
                        "titel": page.title,
                        "passes": all(report.passes for _f, report in reports),
                        "velden": {
                            field: report.to_dict() for field, report in reports
                        },
                    }
                    for page, reports in results
                ],
            }
            data = json_keys(data, options["json_sleutels"])
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        elif table:
            self._write_table(results, niveau)
        else:
            for page, reports in results:
                self.stdout.write(
                    self.style.MIGRATE_HEADING(f"{page.title} ({page.slug})")
                )
                for field, report in reports:
                    self.stdout.write(self.style.MIGRATE_LABEL(f"\n[{field}]"))
                    self._write_report(report)
        return passed

    def _write_table(
        self, results: list[tuple[Any, list[tuple[str, Report]]]], niveau: str
    ) -> None:
        rows = []
        for page, reports in results:
            worst = max((report.score for _f, report in reports), default=0.0)
            level = max(
                (report.niveau for _f, report in reports),
                key=NIVEAUS.index,
                default="A2",
            )
            rows.append(
                (
                    page.slug,
                    level,
                    f"{worst:.1f}",
                    str(sum(report.fouten for _f, report in reports)),
                    str(sum(report.waarschuwingen for _f, report in reports)),
                    "ja" if all(report.passes for _f, report in reports) else "NEE",
                )
            )
        header = (
            "product",
            "niveau",
            "score",
            "fouten",
            "waarschuwingen",
            f"haalt {niveau}",
        )
        widths = [
            max(len(row[i]) for row in [header, *rows]) for i in range(len(header))
        ]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        self.stdout.write(line.format(*header))
        self.stdout.write("  ".join("-" * w for w in widths))
        for row in rows:
            self.stdout.write(line.format(*row))
        failed = sum(1 for row in rows if row[-1] == "NEE")
        self.stdout.write(
            f"\n{len(rows)} producten, {len(rows) - failed} halen taalniveau {niveau}, "
            f"{failed} niet."
        )

    # -- one report ------------------------------------------------------------

    def _write_report(self, report: Report) -> None:
        verdict = "gehaald" if report.passes else "NIET gehaald"
        style = self.style.SUCCESS if report.passes else self.style.ERROR
        self.stdout.write(
            style(
                f"Taalniveau {report.gevraagd_niveau}: {verdict}. {report.samenvatting}"
            )
        )
        m = report.metrics
        self.stdout.write(
            f"{m.words} woorden, {m.sentences} zinnen, gemiddeld "
            f"{m.average_sentence_length:.1f} woorden per zin (langste {m.longest_sentence}), "
            f"Flesch-Douma {m.flesch_douma:.1f}, lange woorden {m.long_word_share:.0%}, "
            f"weinig gebruikte woorden {m.rare_word_share:.0%}, "
            f"lijdende vorm in {m.passive_sentences} zin(nen)."
        )
        for finding in report.findings:
            self.stdout.write(_format_finding(finding, report))


def _format_finding(finding: Finding, report: Report) -> str:
    location = finding.location
    where = "hele tekst"
    if location.block is not None:
        where = f"blok {location.block + 1}"
        if location.start is not None and location.end is not None:
            fragment = report.blocks[location.block][location.start : location.end]
            if len(fragment) > 60:
                fragment = fragment[:59] + "…"
            where += f", teken {location.start}-{location.end}: '{fragment}'"
    return (
        f"  {finding.severity.value.upper():<12} {finding.rule} ({where})\n"
        f"               {finding.message}\n"
        f"               → {finding.suggestion}"
    )

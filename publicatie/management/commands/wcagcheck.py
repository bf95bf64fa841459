"""``python manage.py wcagcheck [FILE|-] [--json] [--page] [--all]``.

Exit status: 0 when clean, 1 when there are findings, 2 on bad input (a file
that cannot be read, HTML that is too large or too deeply nested, no web
rendering available for ``--all``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from toegankelijkheid import (
    DEFAULT_MAX_BYTES,
    Report,
    ToegankelijkheidError,
    check_html,
)
from toegankelijkheid.criteria import CRITERIA, sort_key
from toegankelijkheid.report_keys import KEY_LANGUAGES, json_keys

EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Controleer HTML op WCAG 2.2 AA. Geef een bestand of '-' (standaardinvoer), of --all "
        "voor de webweergave van elk gepubliceerd product. Exitcode 0: geen bevindingen, "
        "1: bevindingen, 2: onbruikbare invoer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", nargs="?", help="HTML-bestand, of '-' voor standaardinvoer."
        )
        parser.add_argument("--json", action="store_true", help="Uitvoer als JSON.")
        parser.add_argument(
            "--json-sleutels",
            default="nl",
            choices=KEY_LANGUAGES,
            help="Taal van de JSON-sleutels: nl (standaard) of en (de Engelse namen van eerder).",
        )
        parser.add_argument(
            "--page",
            action="store_true",
            help="Controleer als hele pagina (taal, titel, main, viewport, …) in plaats van als fragment.",
        )
        parser.add_argument(
            "--browser",
            action="store_true",
            help=(
                "Controleer daarna ook in headless Chromium met axe-core (contrast, "
                "verborgen inhoud, …); zonder Chromium wordt dat overgeslagen en gemeld."
            ),
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="Controleer de webweergave van elk gepubliceerd product.",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=getattr(settings, "TOEGANKELIJKHEID_MAX_BYTES", DEFAULT_MAX_BYTES),
            help="Grootste invoer in bytes (standaard 10 MB).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"] == bool(options["file"]):
            raise CommandError(
                "Geef een bestand (of '-') óf --all.", returncode=EXIT_BAD_INPUT
            )
        if options["all"]:
            self._check_all(options)
            return
        data = self._read(options["file"], options["max_bytes"])
        try:
            report = check_html(
                data, fragment=not options["page"], max_bytes=options["max_bytes"]
            )
        except ToegankelijkheidError as error:
            raise CommandError(str(error), returncode=EXIT_BAD_INPUT) from None
        browser = None
        if options["browser"]:
            from toegankelijkheid.browser import AxeError, check_page_in_browser

            try:
                browser = check_page_in_browser(data.decode("utf-8", "replace"))
            except AxeError as error:
                raise CommandError(str(error), returncode=EXIT_BAD_INPUT) from None
        if options["json"]:
            output = {"bron": options["file"], **report.to_dict()}
            if browser is not None:
                output["browser"] = browser.to_dict()
            output = json_keys(output, options["json_sleutels"])
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        else:
            self._write_report(report)
            self._write_summary([report], only_findings=True)
            if browser is not None:
                self._write_browser(browser)
        if report.findings or (browser is not None and browser.findings):
            sys.exit(EXIT_FINDINGS)

    def _write_browser(self, browser: Any) -> None:
        if not browser.ran:
            self.stdout.write(browser.skipped)
            return
        self.stdout.write(
            f"Browsercontrole (axe-core {browser.axe_version} in Chromium): "
            f"{len(browser.findings)} bevinding(en)."
        )
        for finding in browser.findings:
            self.stdout.write(
                f"  {finding.rule} [{', '.join(finding.criteria)}] "
                f"{finding.location.css_path}: {finding.message}"
            )

    # -- input -------------------------------------------------------------

    def _read(self, name: str, max_bytes: int) -> bytes:
        try:
            if name == "-":
                return sys.stdin.buffer.read(max_bytes + 1)
            with Path(name).open("rb") as handle:
                return handle.read(max_bytes + 1)
        except OSError as error:
            raise CommandError(
                f"Kan {name} niet lezen: {error.strerror or error}.",
                returncode=EXIT_BAD_INPUT,
            ) from None

    # -- --all -------------------------------------------------------------

    def _check_all(self, options: dict[str, Any]) -> None:
        render = _web_renderer()
        from contenthub.models import ProductPage

        products = list(ProductPage.objects.live().specific().order_by("path"))
        reports: list[tuple[Any, Report | None, str]] = []
        for product in tqdm(
            products,
            desc="WCAG-controle",
            unit="product",
            file=sys.stderr,
            disable=None,
        ):
            try:
                html = render(product)
                reports.append(
                    (
                        product,
                        check_html(
                            html, fragment=False, max_bytes=options["max_bytes"]
                        ),
                        "",
                    )
                )
            except ToegankelijkheidError as error:
                reports.append((product, None, str(error)))
            except Exception as error:  # noqa: BLE001  (one broken product must not stop the rest)
                reports.append((product, None, f"weergave mislukt: {error!r}"))
        checked = [report for _, report, _ in reports if report is not None]
        if options["json"]:
            output = {
                "products": [
                    {
                        "id": product.pk,
                        "title": product.title,
                        "url": product.url_path,
                        "error": error,
                        **(report.to_dict() if report else {}),
                    }
                    for product, report, error in reports
                ],
                "summary": _summary_rows(checked),
            }
            output = json_keys(output, options["json_sleutels"])
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        else:
            for product, report, error in reports:
                if error:
                    self.stderr.write(f"{product.title}: {error}")
                elif report and report.findings:
                    self.stdout.write(
                        self.style.MIGRATE_HEADING(
                            f"{product.title} ({product.url_path})"
                        )
                    )
                    self._write_report(report)
            self.stdout.write(f"{len(products)} producten gecontroleerd.")
            self._write_summary(checked)
        if any(error for _, _, error in reports):
            sys.exit(EXIT_BAD_INPUT)
        if any(report.findings for report in checked):
            sys.exit(EXIT_FINDINGS)

    # -- output ------------------------------------------------------------

    def _write_report(self, report: Report) -> None:
        for finding in report.findings:
            where = (
                f"regel {finding.location.line}" if finding.location.line else "regel ?"
            )
            style = self.style.ERROR if finding.blocks else self.style.WARNING
            self.stdout.write(
                style(
                    f"{where}  {finding.severity.value}  {', '.join(finding.criteria)} ({finding.level})  {finding.rule}"
                )
            )
            self.stdout.write(f"  {finding.location.css_path}")
            self.stdout.write(f"  {finding.message}")
            self.stdout.write(f"  Oplossing: {finding.suggestion}")
            self.stdout.write(f"  {finding.excerpt}")

    def _write_summary(
        self, reports: list[Report], *, only_findings: bool = False
    ) -> None:
        rows = [
            row
            for row in _summary_rows(reports)
            if not only_findings or row["fout"] or row["waarschuwing"]
        ]
        if rows:
            self.stdout.write("Per succescriterium:")
        for row in rows:
            self.stdout.write(
                f"  {row['criterion']:<6} {row['name']} ({row['level']}): "
                f"{row['fout']} fout, {row['waarschuwing']} waarschuwing"
            )
        total = sum(len(report.findings) for report in reports)
        blocking = sum(
            1 for report in reports for finding in report.findings if finding.blocks
        )
        if total:
            self.stdout.write(f"{total} bevindingen, waarvan {blocking} fout.")
        else:
            self.stdout.write(self.style.SUCCESS("Geen bevindingen."))


def _summary_rows(reports: list[Report]) -> list[dict[str, Any]]:
    """Findings per success criterion over all reports (every checked criterion is listed)."""
    counts: dict[str, Counter[str]] = {}
    for report in reports:
        for number in [n for p in report.passes for n in p.criteria] + [
            n for f in report.findings for n in f.criteria
        ]:
            counts.setdefault(number, Counter())
        for finding in report.findings:
            for number in finding.criteria:
                counts[number][finding.severity.value] += 1
    return [
        {
            "criterion": number,
            "name": CRITERIA[number].name,
            "level": CRITERIA[number].level,
            "fout": counts[number]["fout"],
            "waarschuwing": counts[number]["waarschuwing"],
        }
        for number in sorted(counts, key=sort_key)
    ]


def _web_renderer():
    """``page -> full HTML`` from the renderers app, or exit 2 when it has no web channel."""
    try:
        import renderers
    except ImportError:
        renderers = None
    if (
        renderers is None
        or "web" not in getattr(renderers, "CHANNELS", ())
        or not hasattr(renderers, "render")
    ):
        raise CommandError(
            "--all heeft de webweergave nodig (renderers.render(page, 'web')), maar die is er "
            "(nog) niet.",
            returncode=EXIT_BAD_INPUT,
        )

    def render(page: Any) -> str:
        return renderers.render(page, "web").text

    return render

"""Run axe-core in Debian's headless Chromium, for the browser test and the benchmark.

``scripts/browser-deps`` installs Chromium (apt) and axe-core + playwright-core
(npm, pinned in ``package-lock.json`` here). Nothing is downloaded at run time:
playwright-core starts ``/usr/bin/chromium`` and never fetches a browser.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contenthub.findings import Finding, Location, Severity

from ..criteria import CRITERIA, lowest_level

BROWSER_DIR = Path(__file__).resolve().parent
SCRIPT = BROWSER_DIR / "run-axe.mjs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
WCAG_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
"""axe-core tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA."""

_CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")


class AxeError(RuntimeError):
    """The browser or axe-core could not run."""


def missing() -> str:
    """What is missing to run axe in Chromium, in Dutch and English; "" when all is there."""
    problems = []
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        problems.append(f"Chromium ontbreekt / Chromium is missing ({CHROMIUM})")
    if shutil.which("node") is None:
        problems.append("Node.js ontbreekt / Node.js is missing")
    for package, entry in (
        ("axe-core", "axe.min.js"),
        ("playwright-core", "package.json"),
    ):
        if not (BROWSER_DIR / "node_modules" / package / entry).is_file():
            problems.append(f"{package} ontbreekt / {package} is missing")
    if not problems:
        return ""
    return "; ".join(problems) + ". Installeer met / install with: scripts/browser-deps"


def run_axe(
    pages: list[dict[str, str]],
    *,
    options: dict[str, Any] | None = None,
    timeout: float = 900,
) -> list[dict[str, Any]]:
    """Run axe on each page (``{"name", "url"}`` or ``{"name", "html"}``), one browser for all."""
    node = shutil.which("node")
    if node is None or missing():
        raise AxeError(missing())
    payload = json.dumps({"pages": pages, "axe": options or {}})
    try:
        completed = subprocess.run(  # noqa: S603  (our own script, input as JSON on stdin)
            [node, str(SCRIPT)],
            input=payload,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=BROWSER_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise AxeError(f"axe in Chromium duurde langer dan {timeout:.0f} s.") from error
    if completed.returncode != 0:
        raise AxeError(
            f"axe in Chromium faalde ({completed.returncode}): {completed.stderr[-2000:]}"
        )
    return json.loads(completed.stdout)


def criteria_of(tags: list[str]) -> set[str]:
    """WCAG success criteria from axe tags: ``wcag111`` → ``1.1.1``, ``wcag1410`` → ``1.4.10``."""
    found = set()
    for tag in tags:
        match = _CRITERION_TAG.match(tag)
        if match:
            found.add(".".join(match.groups()))
    return found


# -- the browser step for a page (publication gate, ``wcagcheck --browser``) ---------

SETTING = "CONTENTHUB_WCAG_BROWSER"
"""Environment setting: ``0``/``false``/``uit`` turns the browser step off, ``1``/``true``/
``aan`` asks for it; unset means on wherever Chromium, Node.js and axe-core are found."""

SKIPPED_NOT_INSTALLED = "browser check skipped: Chromium not installed"
SKIPPED_OFF = f"browser check skipped: {SETTING} is off"

_OFF = frozenset(["0", "false", "no", "nee", "off", "uit"])


@dataclass(frozen=True)
class BrowserCheck:
    """What axe-core in headless Chromium found on one page, or why it did not run."""

    ran: bool
    findings: tuple[Finding, ...] = ()
    skipped: str = ""
    """Empty when the check ran; else one line saying why not (for the verdict)."""
    detail: str = ""
    axe_version: str = ""
    seconds: float = 0.0

    @property
    def blocks(self) -> bool:
        return any(finding.blocks for finding in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ran": self.ran,
            "skipped": self.skipped,
            "detail": self.detail,
            "axe_version": self.axe_version,
            "seconds": round(self.seconds, 3),
            "findings": [finding.to_dict() for finding in self.findings],
        }


def browser_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the browser step should run according to :data:`SETTING`."""
    value = (
        (os.environ if environ is None else environ).get(SETTING, "").strip().lower()
    )
    return value not in _OFF


def check_page_in_browser(
    html: str,
    *,
    environ: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> BrowserCheck:
    """Run axe-core (WCAG 2.0-2.2 A and AA tags) on ``html`` in headless Chromium.

    Returns the violations as findings (rule ``axe.<id>``, severity ``fout``), or a
    result with ``ran=False`` and ``skipped`` set to :data:`SKIPPED_NOT_INSTALLED` when
    Chromium, Node.js or axe-core is missing, or :data:`SKIPPED_OFF` when the setting
    turns it off. A browser that fails is an :class:`AxeError`, not a silent pass.
    """
    if not browser_enabled(environ):
        return BrowserCheck(ran=False, skipped=SKIPPED_OFF)
    problem = missing()
    if problem:
        return BrowserCheck(ran=False, skipped=SKIPPED_NOT_INSTALLED, detail=problem)
    start = time.perf_counter()
    [result] = run_axe(
        [{"name": "pagina", "html": html}],
        options={"runOnly": {"type": "tag", "values": list(WCAG_AA_TAGS)}},
        timeout=timeout,
    )
    if "error" in result:
        raise AxeError(f"axe in Chromium faalde op de pagina: {result['error']}")
    findings = []
    for violation in result["violations"]:
        criteria = tuple(
            sorted(c for c in criteria_of(violation["tags"]) if c in CRITERIA)
        )
        for node in violation["nodes"]:
            findings.append(
                Finding(
                    rule=f"axe.{violation['id']}",
                    severity=Severity.FOUT,
                    message=(
                        "De controle in de browser (axe-core, regel "
                        f"{violation['id']}) vindt hier een probleem: {violation['help']}."
                    ),
                    suggestion="Zie de uitleg van axe-core bij deze regel en herstel het element.",
                    location=Location(css_path=" ".join(map(str, node["target"]))),
                    criteria=criteria,
                    level=lowest_level(criteria) if criteria else "",
                    excerpt=node["html"][:160],
                )
            )
    return BrowserCheck(
        ran=True,
        findings=tuple(findings),
        axe_version=result.get("axeVersion", ""),
        seconds=time.perf_counter() - start,
    )

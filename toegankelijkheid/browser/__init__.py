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
from pathlib import Path
from typing import Any

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

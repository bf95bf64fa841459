"""Speed of the WCAG checker on hostile and ordinary markup.

Prints CPU seconds (best of three) for 1 MB of each hostile pattern from
``tests/toegankelijkheid/test_robuustheid.py`` and for a 200 kB product page,
next to the time lxml alone needs to parse the same markup in the same run
(the floor any lxml-based checker pays). Targets: 1 MB under 1 s (issue 15),
a 200 kB page under 50 ms (issue 18).

Usage: python bench/wcag_speed.py  (from the project root)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from toegankelijkheid import check_html  # noqa: E402

ONE_MEGABYTE = 1_000_000
HOSTILE = {
    "bare img": "<img>",
    "img with src": '<img src="a.png">',
    "link text": '<a href="/x">klik hier</a>',
    "mixed wrong": '<p><img src="x.jpg"><a href="/b"></a><input></p>',
    "inline tags": "<b>x</b>",
    "widgets": '<div role="button"></div>',
}
PAGE_UNIT = (
    "<section><h2>Aanvragen</h2><p>U vraagt een paspoort aan bij de balie. "
    'Neem <a href="/pasfoto">een goedgekeurde pasfoto</a> mee.</p>'
    "<ul><li>Uw oude paspoort</li><li>Een pasfoto</li></ul>"
    '<img src="balie.jpg" alt="De balie in het stadhuis">'
    '<table><caption>Kosten</caption><tr><th scope="col">Product</th>'
    '<th scope="col">Prijs</th></tr><tr><td>Paspoort</td><td>€ 84,20</td></tr>'
    "</table></section>"
)


def best_cpu(function, argument, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function(argument)
        best = min(best, time.process_time() - start)
    return best


def page(size: int) -> str:
    body = PAGE_UNIT * (size // len(PAGE_UNIT.encode("utf-8")))
    return (
        '<!doctype html><html lang="nl"><head><title>Paspoort aanvragen</title>'
        f"</head><body><main><h1>Paspoort aanvragen</h1>{body}</main></body></html>"
    )


def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(f"{'invoer':<22} {'wcagcheck':>10} {'lxml parse':>11} {'factor':>7}")
    cases = {
        f"1 MB {name}": unit * (ONE_MEGABYTE // len(unit))
        for name, unit in HOSTILE.items()
    }
    cases["productpagina 200 kB"] = page(200_000)
    for label, html in cases.items():
        checked = best_cpu(check_html, html)
        parsed = best_cpu(lxml.html.document_fromstring, html)
        print(
            f"{label:<22} {checked:>9.3f}s {parsed:>10.3f}s {checked / parsed:>6.1f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

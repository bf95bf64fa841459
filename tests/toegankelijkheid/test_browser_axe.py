"""axe-core in Debian's headless Chromium: the anchor our checker is proven against.

(a) Deliberately broken pages: axe and our checker each say which WCAG success
    criteria a page breaks; the test prints where they agree and requires that
    we catch every page's defect, and that axe catches the ones it is known to.
(b) The web rendering of every demo product, served by the running hub
    (pytest-django's ``live_server``), must have zero axe violations for
    wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa.

Skipped with a message when Chromium or axe-core is missing (install with
``scripts/browser-deps``), and (b) while ``renderers`` has no "web" channel.
"""

from __future__ import annotations

import sys
from io import StringIO
from typing import NamedTuple

import pytest
from django.core.management import call_command

from toegankelijkheid import check_html
from toegankelijkheid.browser import WCAG_AA_TAGS, criteria_of, missing, run_axe

from .cases import page

MISSING = missing()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"Browsertest overgeslagen / browser test skipped: {MISSING}",
    ),
]


class Broken(NamedTuple):
    name: str
    html: str
    ours: frozenset[str]
    """Criteria our checker must report on this page."""
    axe: frozenset[str]
    """Criteria axe is known to report on this page (may be empty: axe does not check it)."""


def broken(name: str, html: str, ours: str, axe: str = "") -> Broken:
    return Broken(name, html, frozenset(ours.split()), frozenset(axe.split()))


BROKEN_PAGES = [
    broken("schoon (controle)", page("<p>Alles in orde.</p>"), "", ""),
    broken("img zonder alt", page('<img src="balie.jpg">'), "1.1.1", "1.1.1"),
    broken(
        "alt is bestandsnaam", page('<img src="b.jpg" alt="IMG_0042.jpg">'), "1.1.1"
    ),
    broken(
        "afbeeldingslink zonder naam",
        page('<a href="/"><img src="logo.png" alt=""></a>'),
        "1.1.1 2.4.4",
        "2.4.4",
    ),
    broken("role=img zonder naam", page('<div role="img"></div>'), "1.1.1", "1.1.1"),
    broken(
        "svg role=img zonder titel",
        page('<svg role="img"><circle r="4"/></svg>'),
        "1.1.1",
        "1.1.1",
    ),
    broken("lege link", page('<p><a href="/paspoort"></a></p>'), "2.4.4", "2.4.4"),
    broken(
        "klik hier",
        page('<p>Voor een afspraak <a href="/afspraak">klik hier</a>.</p>'),
        "2.4.4",
    ),
    broken("kopniveau overgeslagen", page("<h3>Kosten</h3>"), "1.3.1"),
    broken("nep-lijst", page("<p>- Paspoort<br>- Pasfoto</p>"), "1.3.1"),
    broken(
        "tabel zonder kopcellen",
        page(
            "<table><tr><td>Soort</td><td>Prijs</td></tr><tr><td>Paspoort</td><td>83,87</td></tr></table>"
        ),
        "1.3.1",
    ),
    broken("geen lang", page("<p>x</p>", lang=""), "3.1.1", "3.1.1"),
    broken(
        "ongeldige lang", page("<p>x</p>", lang=' lang="nederlands"'), "3.1.1", "3.1.1"
    ),
    broken(
        "geen titel",
        "<html lang='nl'><head></head><body><main><h1>Paspoort</h1></main></body></html>",
        "2.4.2",
        "2.4.2",
    ),
    broken(
        "zoom geblokkeerd",
        page(
            "<p>x</p>",
            head='<meta name="viewport" content="width=device-width, user-scalable=no">',
        ),
        "1.4.4",
        "1.4.4",
    ),
    broken(
        "meta refresh",
        page("<p>x</p>", head='<meta http-equiv="refresh" content="30">'),
        "2.2.1",
        "2.2.1",
    ),
    broken(
        "iframe zonder titel",
        page('<iframe src="about:blank"></iframe>'),
        "4.1.2",
        "4.1.2",
    ),
    broken(
        "veld zonder label",
        page('<form><input type="text" name="naam"></form>'),
        "3.3.2 4.1.2",
        "4.1.2",
    ),
    broken("knop zonder naam", page("<button></button>"), "4.1.2", "4.1.2"),
    broken("ongeldige rol", page('<div role="knop">x</div>'), "4.1.2", "4.1.2"),
    broken(
        "ongeldige aria-waarde",
        page('<div aria-hidden="yes">x</div>'),
        "4.1.2",
        "4.1.2",
    ),
    broken(
        "onbekend aria-attribuut", page('<div aria-lable="x">x</div>'), "4.1.2", "4.1.2"
    ),
    broken(
        "ongeldige lang op onderdeel",
        page('<p lang="engels">Passport</p>'),
        "3.1.2",
        "3.1.2",
    ),
    broken(
        "video zonder ondertitels",
        page('<video src="uitleg.mp4" controls></video>'),
        "1.2.2",
    ),
    broken(
        "geen main",
        "<html lang='nl'><head><title>x</title></head><body><h1>x</h1></body></html>",
        "1.3.1",
    ),
]


def ours(html: str) -> set[str]:
    return {
        n
        for finding in check_html(html, fragment=False).findings
        for n in finding.criteria
    }


def axe_criteria(result: dict) -> set[str]:
    assert "error" not in result, result.get("error")
    return {
        n for violation in result["violations"] for n in criteria_of(violation["tags"])
    }


def test_a_agreement_with_axe_on_deliberately_broken_pages(capsys):
    results = run_axe(
        [{"name": case.name, "html": case.html} for case in BROKEN_PAGES],
        options={"runOnly": {"type": "tag", "values": list(WCAG_AA_TAGS)}},
    )
    lines = [f"{'pagina':32} {'wij':18} {'axe':18} oordeel"]
    agree = 0
    problems = []
    for case, result in zip(BROKEN_PAGES, results, strict=True):
        found_ours, found_axe = ours(case.html), axe_criteria(result)
        # Compare on the criteria the page is about (what either of us expects there).
        relevant = case.ours | case.axe
        same = (
            (found_ours & relevant) == (found_axe & relevant)
            if relevant
            else not (found_ours or found_axe)
        )
        agree += same
        verdict = (
            "eens"
            if same
            else (
                "alleen wij"
                if found_ours & relevant > found_axe & relevant
                else "verschil"
            )
        )
        lines.append(
            f"{case.name:32} {' '.join(sorted(found_ours)) or '-':18} "
            f"{' '.join(sorted(found_axe)) or '-':18} {verdict}"
        )
        if not case.ours <= found_ours:
            problems.append(f"{case.name}: wij missen {sorted(case.ours - found_ours)}")
        if not case.axe <= found_axe:
            problems.append(f"{case.name}: axe mist {sorted(case.axe - found_axe)}")
        if not relevant and (found_ours or found_axe):
            problems.append(
                f"{case.name}: schone pagina met bevindingen {found_ours | found_axe}"
            )
    lines.append(
        f"eens op {agree} van {len(BROKEN_PAGES)} pagina's (axe-core {results[0]['axeVersion']})"
    )
    with capsys.disabled():
        sys.stdout.write("\n" + "\n".join(lines) + "\n")
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def restores_migration_data(django_db_blocker):
    """Put back what the migrations created (Wagtail's root page, groups) after the flush.

    live_server needs committed data, so the test is transactional and Django flushes
    the database afterwards; tests that run later without the django_db mark (the
    session-wide demo fixture) still need the migrations' rows.
    """
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_b_web_rendering_of_every_demo_product_has_no_axe_violations(
    live_server, restores_migration_data
):
    import renderers

    if "web" not in getattr(renderers, "CHANNELS", ()):
        pytest.skip(
            'renderers heeft nog geen "web"-kanaal / renderers has no "web" channel yet: '
            "dit deel wacht op renderers.render(page, 'web')."
        )
    from contenthub.models import ProductPage

    # Voorbeeldstad only: with one site, page.url is the path on live_server.
    call_command("load_demo", "--gemeente", "voorbeeldstad", stdout=StringIO())
    products = list(ProductPage.objects.live().specific().order_by("path"))
    assert len(products) >= 50
    results = run_axe(
        [
            # The hub's own product URL: the web rendering stored at publication.
            {"name": p.title, "url": f"{live_server.url}{p.url}"}
            for p in products
        ],
        options={"runOnly": {"type": "tag", "values": list(WCAG_AA_TAGS)}},
    )
    violations = [
        f"{result['name']}: {v['id']} ({', '.join(n['target'][0] for n in v['nodes'][:3])}) {v['help']}"
        for result in results
        for v in result.get("violations", [])
    ]
    errors = [
        f"{result['name']}: {result['error']}"
        for result in results
        if "error" in result
    ]
    assert not errors, "\n".join(errors)
    assert not violations, "\n".join(violations)
    # And our own checker agrees that the rendered pages are clean.
    for product in products[:10]:
        report = check_html(renderers.render(product, "web").text, fragment=False)
        assert not report.blocks, [f.rule for f in report.findings]

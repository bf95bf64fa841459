"""Round 3 of issue 18: list structure, table header geometry, fieldsets, names of image links.

Team-written regression cases (Dutch content); each failed before its fix. The
outside evaluation is in ``bench/wcag/technieken`` (``bench/wcag_act_eval.py``).
"""

from __future__ import annotations

import pytest

from toegankelijkheid import check_html


def rules(html: str, *, fragment: bool = True) -> set[str]:
    return {finding.rule for finding in check_html(html, fragment=fragment).findings}


def test_a_link_made_of_an_unnamed_image_fails_name_role_value_too():
    # WCAG technique F89: 2.4.4 and 4.1.2 (a link without a name), next to 1.1.1.
    report = check_html('<a href="/afval"><img src="afval.png" alt=""></a>')
    (finding,) = [
        f for f in report.findings if f.rule == "wcag.afbeeldingslink-zonder-naam"
    ]
    assert set(finding.criteria) == {"1.1.1", "2.4.4", "4.1.2"}


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>Paspoort</li><p>ID-kaart</p></ul>",
        "<ol><li>Aanvragen</li>Betalen</ol>",
        "<ul><div>Paspoort</div></ul>",
        '<ul><li role="button">Paspoort</li></ul>',
    ],
    ids=["p in ul", "text in ol", "div in ul", "li with another role"],
)
def test_a_list_holds_only_list_items(html):
    assert "wcag.lijststructuur" in rules(html)


@pytest.mark.parametrize(
    "html",
    [
        "<li>Paspoort</li>",
        "<div><li>Paspoort</li></div>",
        "<dt>Leges</dt><dd>€ 83</dd>",
        "<dl><p>Leges</p><dt>Paspoort</dt><dd>€ 83</dd></dl>",
        "<dl><div><p>Leges</p></div></dl>",
    ],
    ids=["li alone", "li in div", "dt dd alone", "p in dl", "p in a dl group"],
)
def test_list_items_need_their_list(html):
    assert "wcag.lijststructuur" in rules(html)


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>Paspoort</li><li>ID-kaart</li></ul>",
        "<ol>\n  <li>Aanvragen</li>\n  <!-- later meer -->\n  <li>Betalen</li>\n</ol>",
        "<ul><li>a</li><script>var x;</script><template><li>b</li></template></ul>",
        '<ul role="list"><li>Paspoort</li></ul>',
        '<div role="list"><li>Paspoort</li></div>',
        '<ul role="menu"><li role="menuitem">Paspoort</li></ul>',
        '<ul role="presentation"><li>Paspoort</li><div>x</div></ul>',
        '<ul><li>Paspoort</li><li aria-hidden="true">x</li><span hidden>y</span></ul>',
        "<menu><li>Kopiëren</li></menu>",
        "<dl><dt>Leges</dt><dd>€ 83</dd></dl>",
        "<dl><div><dt>Naam</dt><dd>Stadskantoor</dd></div><div><dt>Adres</dt><dd>Markt 1</dd></div></dl>",
        "<ul><li>Paspoort<ul><li>Spoed</li></ul></li></ul>",
    ],
    ids=[
        "list",
        "whitespace and comments",
        "script and template",
        "role list",
        "li in a role=list",
        "menu roles",
        "presentational list",
        "hidden children",
        "menu element",
        "dl",
        "dl with div groups",
        "nested list",
    ],
)
def test_well_formed_lists_pass(html):
    assert "wcag.lijststructuur" not in rules(html)

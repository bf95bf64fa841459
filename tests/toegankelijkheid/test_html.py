"""The parser: line numbers, CSS paths, hidden content and accessible names."""

from __future__ import annotations

import pytest

from toegankelijkheid.html import parse


def test_line_numbers_and_css_paths_of_a_fragment():
    document = parse(
        "<p>Een</p>\n<p>Twee <a href='/x'>link</a></p>\n<ul><li>a</li><li><img src=x></li></ul>"
    )
    link = document.by_tag["a"][0]
    image = document.by_tag["img"][0]
    assert document.line(link) == 2
    assert document.css_path(link) == "p:nth-of-type(2) > a"
    assert document.line(image) == 3
    assert document.css_path(image) == "ul > li:nth-of-type(2) > img"


def test_css_path_of_a_page_starts_at_html_or_a_unique_id():
    document = parse(
        "<html><body><main id='inhoud'><p>x</p><p><a href=/>y</a></p></main>"
        "<div id='d'></div><div id='d'><a href=/>z</a></div></body></html>",
        fragment=False,
    )
    first, second = document.by_tag["a"]
    assert document.css_path(first) == "main#inhoud > p:nth-of-type(2) > a"
    # a duplicated id is no anchor for a path
    assert document.css_path(second) == "html > body > div:nth-of-type(2) > a"


@pytest.mark.parametrize("fragment", [True, False])
def test_select_finds_the_element_a_css_path_names(fragment):
    html = "<div><p>a</p><p id='x'>b <em>c</em></p><table><tr><td>1</td><td><b>2</b></td></tr></table></div>"
    document = parse(
        html if fragment else f"<html><body>{html}</body></html>", fragment=fragment
    )
    for element in document.elements:
        if element.tag in ("html", "body", "head"):
            continue
        assert document.select(document.css_path(element)) is element


def test_hidden_and_aria_hidden_content():
    document = parse(
        "<div hidden><p>a</p></div><div style='display: none'><p>b</p></div>"
        "<div aria-hidden='true'><p>c</p></div><p>d</p>"
    )
    a, b, c, d = document.by_tag["p"]
    assert document.is_hidden(a)
    assert document.is_hidden(b)
    assert not document.is_hidden(c)
    assert document.is_hidden_from_at(c)
    assert not document.is_hidden_from_at(d)


@pytest.mark.parametrize(
    ("html", "name"),
    [
        (
            '<a href="/">Paspoort <img src="i.png" alt="aanvragen"></a>',
            "Paspoort aanvragen",
        ),
        ('<a href="/" aria-label="Home">x</a>', "Home"),
        ('<p id="l">Zoek</p><a href="/" aria-labelledby="l">x</a>', "Zoek"),
        (
            '<a href="/"><span aria-hidden="true">→</span> Verder met aanvragen</a>',
            "Verder met aanvragen",
        ),
        ('<a href="/">Pas<b>poort</b></a>', "Paspoort"),
        ('<a href="/"><svg><title>Home</title></svg></a>', "Home"),
        ('<a href="/" title="Home"></a>', "Home"),
    ],
)
def test_accessible_name_of_links(html, name):
    document = parse(html)
    assert document.accessible_name(document.by_tag["a"][0]) == name


@pytest.mark.parametrize(
    ("html", "name"),
    [
        ('<label for="n">Naam</label><input id="n">', "Naam"),
        ("<label>Naam <input></label>", "Naam"),
        ('<input type="submit">', "Verzenden"),
        ('<input type="submit" value="Aanvragen">', "Aanvragen"),
        ('<input placeholder="Zoekterm">', "Zoekterm"),
    ],
)
def test_accessible_name_of_form_fields(html, name):
    document = parse(html)
    assert document.accessible_name(document.by_tag["input"][0]) == name


def test_deep_content_still_counts_as_a_name():
    document = parse(
        '<a href="/">' + "<span>" * 500 + "Paspoort" + "</span>" * 500 + "</a>"
    )
    assert document.accessible_name(document.by_tag["a"][0])  # "…": not empty


def test_excerpt_is_short_and_shows_the_start_tag():
    document = parse('<p class="lead">' + "woord " * 200 + "</p>")
    excerpt = document.excerpt(document.by_tag["p"][0])
    assert excerpt.startswith('<p class="lead">woord')
    assert len(excerpt) <= 160


def test_role_none_is_ignored_on_focusable_elements_only():
    document = parse(
        '<button role="none">a</button><button role="none" disabled>b</button>'
        '<img role="none" src="x"><img role="none" tabindex="0" src="y">'
        '<h2 role="none" aria-label="kop">c</h2>'
    )
    first, second = document.by_tag["button"]
    plain, focusable = document.by_tag["img"]
    assert not document.is_presentational(first)
    assert document.computed_role(first) == "button"
    assert document.is_presentational(second)
    assert document.is_presentational(plain)
    assert not document.is_presentational(focusable)
    # a global ARIA attribute also overrules role=none
    assert not document.is_presentational(document.by_tag["h2"][0])


def test_links_follow_the_computed_role():
    document = parse(
        '<a href="/a">a</a><a href="/b" role="button">b</a><a href="/c" role="none">c</a>'
        '<a href="/d" role="doc-biblioref">d</a><span role="link">e</span><a>f</a>'
        '<map name="m"><area href="/g" alt="g"></map>'
    )
    names = [document.accessible_name(link) for link in document.links()]
    assert names == ["a", "c", "d", "e", "g"]


def test_implicit_roles_remembered_per_attributes_stay_per_element():
    from toegankelijkheid import aria

    document = parse(
        '<input type="checkbox"><input type="text"><input type="text" list="l">'
        '<input type="checkbox"><select><option>x</option></select>'
        '<select size="4"><option>x</option></select>'
        "<footer>p</footer><article><footer>a</footer></article>"
    )
    roles = [aria.implicit_role(e) for e in document.by_tag["input"]]
    assert roles == ["checkbox", "textbox", "combobox", "checkbox"]
    assert [aria.implicit_role(e) for e in document.by_tag["select"]] == [
        "combobox",
        "listbox",
    ]
    # footers depend on their ancestors and are never remembered by attributes
    assert [aria.implicit_role(e) for e in document.by_tag["footer"]] == [
        "contentinfo",
        "generic",
    ]

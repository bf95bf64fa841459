"""Broken, huge and hostile HTML: a report or a clear error, quickly, never a crash or hang."""

from __future__ import annotations

import time

import pytest

from toegankelijkheid import DEFAULT_MAX_BYTES, ToegankelijkheidError, check_html
from toegankelijkheid.check import MAX_FINDINGS_PER_RULE

BLOCK = (
    '<h2>Kop {i}</h2>\n<p>Tekst met een <a href="/p/{i}">link naar product {i}</a> en '
    '<img src="foto{i}.jpg" alt="Balie {i}"></p>\n<ul><li>een</li><li>twee</li></ul>\n'
    "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>\n"
)


def ten_megabytes(block: str) -> str:
    """``block`` repeated (numbered) up to just under the 10 MB limit."""
    parts, size, i = [], 0, 0
    while True:
        part = block.format(i=i)
        if size + len(part.encode()) > DEFAULT_MAX_BYTES:
            return "".join(parts)
        parts.append(part)
        size += len(part.encode())
        i += 1


def timed(function, *args, **kwargs):
    """CPU seconds of this process: other jobs on a shared machine do not count."""
    start = time.process_time()
    result = function(*args, **kwargs)
    return result, time.process_time() - start


def test_ten_megabytes_of_content_gives_a_report_in_seconds():
    html = ten_megabytes(BLOCK)
    assert len(html.encode()) <= DEFAULT_MAX_BYTES
    report, seconds = timed(check_html, html)
    assert report.ok
    assert seconds < 30  # measured about 3.5 s on the 2-core CI machine


def test_ten_megabytes_in_which_everything_is_wrong_gives_a_report():
    html = ten_megabytes(
        '<p><img src="x{i}.jpg"><a href="/a{i}">klik hier</a><a href="/b{i}"></a></p>\n'
    )
    report, seconds = timed(check_html, html)
    per_rule = {f.rule: 0 for f in report.findings}
    for finding in report.findings:
        per_rule[finding.rule] += 1
    # Every broken kind is reported, each up to the bound plus one "nog vaker" finding.
    assert per_rule["wcag.alt-ontbreekt"] == MAX_FINDINGS_PER_RULE + 1
    assert per_rule["wcag.lege-link"] == MAX_FINDINGS_PER_RULE + 1
    assert "nog vaker" in report.findings[-1].message
    assert seconds < 30  # measured about 5 s (was 12 s before the bound)


def test_one_byte_over_the_limit_is_a_clear_error_at_once():
    html = "x" * (DEFAULT_MAX_BYTES + 1)
    start = time.process_time()  # CPU time: other jobs on the machine do not count
    with pytest.raises(ToegankelijkheidError, match="te groot") as error:
        check_html(html)
    assert time.process_time() - start < 1
    assert "10.485.761 bytes" in str(error.value)


def test_the_limit_is_configurable():
    with pytest.raises(ToegankelijkheidError, match="te groot"):
        check_html("<p>" + "x" * 2000 + "</p>", max_bytes=1000)
    assert check_html("<p>x</p>", max_bytes=1000).ok


def test_ten_thousand_levels_deep_is_a_clear_error():
    start = time.process_time()
    with pytest.raises(ToegankelijkheidError, match="te diep genest"):
        check_html("<div>" * 10_000 + "x" + "</div>" * 10_000)
    assert time.process_time() - start < 2


@pytest.mark.parametrize(
    "html",
    [
        '<div role="button">' * 2000 + "x",
        '<div role="heading" aria-level="2">' * 2000,
        "<table><tr><td>" * 600,
        "<ul><li>" * 1000,
        '<a href="/">' + "<span>" * 2000 + "x",
    ],
    ids=[
        "nested buttons",
        "nested headings",
        "nested tables",
        "nested lists",
        "deep link",
    ],
)
def test_deeply_nested_markup_within_the_parser_limit_stays_fast(html):
    _, seconds = timed(check_html, html)
    assert seconds < 10  # measured at most 1.4 s


@pytest.mark.parametrize(
    "html",
    [
        "<p><b><i>niet afgesloten <a href='/x'>link",
        "</div></p></table><p>losse eindtags</p></body></html></html>",
        "<table><td>cel zonder rij<td>nog een</table>",
        "<p>a\x00b\x01c\ufffe</p>",
        "<script>document.write('<img src=x>');</script><style>p{}</style>",
        "<![CDATA[ <img src=x> ]]><p>x</p>",
        '<?xml version="1.0" encoding="iso-8859-1"?><html><p>é</p></html>',
        "<svg><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi></math>",
        "<img src=x alt='\"><script>alert(1)</script>'>",
        "\ud800 losse surrogate",
        "",
        "   \n  ",
        "<" * 10_000,
        "<a " + 'x="1" ' * 5000 + ">veel attributen</a>",
    ],
    ids=[
        "unclosed",
        "stray end tags",
        "table without rows",
        "control characters",
        "script",
        "cdata",
        "xml declaration",
        "foreign content",
        "attribute injection",
        "lone surrogate",
        "empty",
        "whitespace",
        "only brackets",
        "many attributes",
    ],
)
def test_broken_html_gives_a_report(html):
    report = check_html(html)
    assert report.fragment is True
    check_html(html, fragment=False)  # and as a page


def test_script_content_is_not_checked():
    assert check_html("<script>var s = '<img src=x><a href=/></a>';</script>").ok


@pytest.mark.parametrize("value", [None, 42, ["<p>"], b"\xff\xfe<p>"])
def test_input_that_is_not_html_text_is_a_clear_error(value):
    with pytest.raises(ToegankelijkheidError):
        check_html(value)  # type: ignore[arg-type]


def test_bytes_in_utf8_are_accepted():
    report = check_html('<img src="x.jpg" alt="Één balie">'.encode())
    assert report.ok


def test_line_numbers_past_libxml2s_limit_are_left_out_not_wrong():
    html = "<p>x</p>\n" * 70_000 + '<img src="laatste.jpg">'
    [finding] = check_html(html).findings
    assert finding.location.line is None
    assert finding.location.css_path == "img"


ONE_MEGABYTE = 1_000_000


def cpu_seconds(function, *args, repeat: int = 2):
    """Least CPU time of ``repeat`` runs: other jobs on a shared machine do not count."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        result = function(*args)
        best = min(best, time.process_time() - start)
    return best, result


@pytest.mark.parametrize(
    "unit",
    [
        "<img>",
        '<img src="a.png">',
        '<a href="/x">klik hier</a>',
        '<p><img src="x.jpg"><a href="/b"></a><input></p>',
        "<b>x</b>",
        '<div role="button"></div>',
    ],
    ids=[
        "bare img",
        "img with src",
        "link text",
        "mixed wrong",
        "inline tags",
        "widgets",
    ],
)
def test_one_megabyte_of_hostile_markup_takes_linear_time(unit):
    """1 MB costs about ten times 100 kB, never a hundred times (issue 15: 3.3 MB
    of ``<img>`` took 58.6 s, quadratic). The absolute figure (target under 1 s
    for 1 MB on an idle core) is measured by ``bench/wcag_speed.py``; a timed
    bound in a test fails on a loaded CI machine without anything being wrong.
    The bound is 30x: bare images measured 22x on a loaded machine (CPU time
    grows with cache pressure), the quadratic bugs were about 100x."""
    small, _ = cpu_seconds(check_html, unit * (ONE_MEGABYTE // 10 // len(unit)))
    big, _ = cpu_seconds(check_html, unit * (ONE_MEGABYTE // len(unit)))
    assert big < 30 * small + 0.3, f"{small:.3f} s for 100 kB, {big:.3f} s for 1 MB"


def _labelledby_chain(length: int) -> str:
    chain = "".join(
        f'<span id="l{i}" aria-labelledby="l{i + 1}">deel {i}</span>'
        for i in range(length)
    )
    return chain + '<button aria-labelledby="l0"></button>'


def test_a_twenty_thousand_link_labelledby_chain_is_linear_and_names_the_button():
    small, _ = cpu_seconds(check_html, _labelledby_chain(2_000))
    big, report = cpu_seconds(check_html, _labelledby_chain(20_000))
    # accname: a reference is followed one step only, so the button is named "deel 0".
    assert not [f for f in report.findings if f.rule == "wcag.knop-zonder-naam"]
    assert big < 20 * small + 0.3, (
        f"{small:.3f} s for 2,000 links, {big:.3f} s for 20,000"
    )


def test_a_self_referencing_and_circular_labelledby_gives_a_report():
    html = (
        '<a href="/x" id="a" aria-labelledby="a b"></a>'
        '<span id="b" aria-labelledby="a">ga</span>'
    )
    report = check_html(html)
    assert not [f for f in report.findings if f.rule == "wcag.lege-link"]


def test_nested_buttons_do_not_search_their_descendants_for_images_each(monkeypatch):
    """Found by the fuzz test: 300 nested buttons around 5,000 elements made every
    button search up to 5,000 descendants for an image (3.9 s CPU, 0.9 s now)."""
    from toegankelijkheid.rules import _common

    calls = 0
    real = _common._is_image

    def counted(document, element):
        nonlocal calls
        calls += 1
        return real(document, element)

    monkeypatch.setattr(_common, "_is_image", counted)
    html = "<button>" * 300 + "<i>a</i>" * 5000 + '<img src="x.png">'

    report = check_html(html, fragment=True)

    assert "wcag.alt-ontbreekt" in {finding.rule for finding in report.findings}
    assert calls <= 10  # each image candidate once, not once per button per descendant

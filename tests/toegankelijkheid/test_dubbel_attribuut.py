"""The raw-markup scan for repeated attributes (one regex match per tag since issue 18).

Expected values are what the scan with one match per attribute gave on the same
markup; the single-match version must find exactly the same."""

from __future__ import annotations

import pytest

from toegankelijkheid.rules.dubbel_attribuut import duplicate_attributes

CASES = [
    (
        b'<a href="x" HREF=y title="a>b" title=c><img alt alt>'
        b"<!-- <p id=1 id=2> --><script id=s id=s>x</script><p id=a id=b>",
        [
            (0, "a", 0, "href"),
            (0, "a", 0, "title"),  # after a quoted ">", still the same tag
            (39, "img", 0, "alt"),
            (74, "script", 0, "id"),  # the script's own tag counts, its content not
            (102, "p", 0, "id"),  # the <p> in the comment is not counted
        ],
    ),
    (b'<a title="<!--"><b id=1 id=1>--><i x x>', [(32, "i", 0, "x")]),
    (b"<A B=1 b=2 <c d d>", [(0, "a", 0, "b"), (0, "a", 0, "d")]),
    (b'<p x="' + b"y" * 30000 + b" x=1 x=2>", [(0, "p", 0, "x")]),
    (b'<p class="a"><p class="b" id="c"><p>', []),
    (b"<p x x><p y y>", [(0, "p", 0, "x"), (7, "p", 1, "y")]),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_repeated_attributes_are_found_as_before(source, expected):
    assert list(duplicate_attributes(source)) == expected

"""Guard the restricted rich text of product fields outside the editor.

The Draftail editor only produces the features a field allows. Content that
arrives by other paths (the demo loader, imports, scripts) is checked here
against the same set, so no arbitrary HTML reaches any channel.
"""

from __future__ import annotations

from html.parser import HTMLParser

import nh3
from wagtail.rich_text import expand_db_html

# Elements per Wagtail feature, and the structural elements always allowed.
_FEATURE_TAGS = {
    "h2": {"h2"},
    "h3": {"h3"},
    "h4": {"h4"},
    "bold": {"b", "strong"},
    "italic": {"i", "em"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "link": {"a"},
}
_ALWAYS = {"p", "br"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
# Draftail keeps a stable key on every block element.
_ALWAYS_ALLOWED_ATTRIBUTES = {"data-block-key"}


class _MarkupCollector(HTMLParser):
    def __init__(self, allowed_tags: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.allowed_tags:
            self.problems.append(f"<{tag}> is hier niet toegestaan.")
            return
        allowed = _ALLOWED_ATTRIBUTES.get(tag, set()) | _ALWAYS_ALLOWED_ATTRIBUTES
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(
                    f"Het attribuut {name} op <{tag}> is niet toegestaan."
                )
            elif (
                name == "href"
                and value
                and not value.startswith(
                    ("https://", "http://", "mailto:", "tel:", "/")
                )
            ):
                self.problems.append(f"De link {value!r} is geen geldig webadres.")


def disallowed_markup(html: str, *, features: list[str]) -> list[str]:
    """Dutch descriptions of every element or attribute outside ``features``."""
    allowed = set(_ALWAYS)
    for feature in features:
        allowed |= _FEATURE_TAGS.get(feature, set())
    parser = _MarkupCollector(allowed)
    parser.feed(html or "")
    parser.close()
    # One message per distinct problem keeps the editor's list short.
    return list(dict.fromkeys(parser.problems))


# What every channel shows of rich text ------------------------------------

_ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "b",
    "strong",
    "i",
    "em",
    "ol",
    "ul",
    "li",
    "a",
}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}


def richtext_html(source: str) -> str:
    """Rich text as every channel shows it: real URLs, only the allowed markup."""
    # Internal links stored as references become real URLs here, then
    # anything outside the allowed set is removed.
    html = expand_db_html(source or "")
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel=None,
    ).strip()

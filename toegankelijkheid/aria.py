"""WAI-ARIA 1.2 roles and states/properties, with the value type of each attribute.

Source: WAI-ARIA 1.2 (W3C Recommendation, 2023), §5.4 role definitions and
§6.6/6.7 states and properties, plus the DPUB-ARIA 1.1 and Graphics-ARIA roles
that browsers support. Abstract roles (``widget``, ``landmark``, …) must not be
used by authors and are therefore not listed as valid.
"""

from __future__ import annotations

ROLES = frozenset(
    [
        "alert",
        "alertdialog",
        "application",
        "article",
        "banner",
        "blockquote",
        "button",
        "caption",
        "cell",
        "checkbox",
        "code",
        "columnheader",
        "combobox",
        "comment",
        "complementary",
        "contentinfo",
        "definition",
        "deletion",
        "dialog",
        "directory",
        "document",
        "emphasis",
        "feed",
        "figure",
        "form",
        "generic",
        "grid",
        "gridcell",
        "group",
        "heading",
        "image",
        "img",
        "insertion",
        "link",
        "list",
        "listbox",
        "listitem",
        "log",
        "main",
        "mark",
        "marquee",
        "math",
        "menu",
        "menubar",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
        "meter",
        "navigation",
        "none",
        "note",
        "option",
        "paragraph",
        "presentation",
        "progressbar",
        "radio",
        "radiogroup",
        "region",
        "row",
        "rowgroup",
        "rowheader",
        "scrollbar",
        "search",
        "searchbox",
        "separator",
        "slider",
        "spinbutton",
        "status",
        "strong",
        "subscript",
        "suggestion",
        "superscript",
        "switch",
        "tab",
        "table",
        "tablist",
        "tabpanel",
        "term",
        "textbox",
        "time",
        "timer",
        "toolbar",
        "tooltip",
        "tree",
        "treegrid",
        "treeitem",
        "graphics-document",
        "graphics-object",
        "graphics-symbol",
        "doc-abstract",
        "doc-acknowledgments",
        "doc-afterword",
        "doc-appendix",
        "doc-backlink",
        "doc-biblioentry",
        "doc-bibliography",
        "doc-biblioref",
        "doc-chapter",
        "doc-colophon",
        "doc-conclusion",
        "doc-cover",
        "doc-credit",
        "doc-credits",
        "doc-dedication",
        "doc-endnote",
        "doc-endnotes",
        "doc-epigraph",
        "doc-epilogue",
        "doc-errata",
        "doc-example",
        "doc-footnote",
        "doc-foreword",
        "doc-glossary",
        "doc-glossref",
        "doc-index",
        "doc-introduction",
        "doc-noteref",
        "doc-notice",
        "doc-pagebreak",
        "doc-pagefooter",
        "doc-pageheader",
        "doc-pagelist",
        "doc-part",
        "doc-preface",
        "doc-prologue",
        "doc-pullquote",
        "doc-qna",
        "doc-subtitle",
        "doc-tip",
        "doc-toc",
    ]
)

ABSTRACT_ROLES = frozenset(
    [
        "command",
        "composite",
        "input",
        "landmark",
        "range",
        "roletype",
        "section",
        "sectionhead",
        "select",
        "structure",
        "widget",
        "window",
    ]
)

# Value types, as in WAI-ARIA §6.6 "Characteristics": string values accept anything.
STRING = "string"
BOOLEAN = "boolean"
TRISTATE = "tristate"
TRUE_FALSE_UNDEFINED = "true/false/undefined"
INTEGER = "integer"
NUMBER = "number"
IDREF = "idref"
IDREFS = "idrefs"

ATTRIBUTES: dict[str, str | frozenset[str]] = {
    "aria-activedescendant": IDREF,
    "aria-atomic": BOOLEAN,
    "aria-autocomplete": frozenset(("inline", "list", "both", "none")),
    "aria-braillelabel": STRING,
    "aria-brailleroledescription": STRING,
    "aria-busy": BOOLEAN,
    "aria-checked": TRISTATE,
    "aria-colcount": INTEGER,
    "aria-colindex": INTEGER,
    "aria-colindextext": STRING,
    "aria-colspan": INTEGER,
    "aria-controls": IDREFS,
    "aria-current": frozenset(
        ("page", "step", "location", "date", "time", "true", "false")
    ),
    "aria-describedby": IDREFS,
    "aria-description": STRING,
    "aria-details": IDREFS,
    "aria-disabled": BOOLEAN,
    "aria-dropeffect": STRING,
    "aria-errormessage": IDREFS,
    "aria-expanded": TRUE_FALSE_UNDEFINED,
    "aria-flowto": IDREFS,
    "aria-grabbed": TRUE_FALSE_UNDEFINED,
    "aria-haspopup": frozenset(
        ("false", "true", "menu", "listbox", "tree", "grid", "dialog")
    ),
    "aria-hidden": TRUE_FALSE_UNDEFINED,
    "aria-invalid": STRING,  # unknown values mean "true" (WAI-ARIA §6.7)
    "aria-keyshortcuts": STRING,
    "aria-label": STRING,
    "aria-labelledby": IDREFS,
    "aria-level": INTEGER,
    "aria-live": frozenset(("assertive", "off", "polite")),
    "aria-modal": BOOLEAN,
    "aria-multiline": BOOLEAN,
    "aria-multiselectable": BOOLEAN,
    "aria-orientation": frozenset(("horizontal", "vertical", "undefined")),
    "aria-owns": IDREFS,
    "aria-placeholder": STRING,
    "aria-posinset": INTEGER,
    "aria-pressed": TRISTATE,
    "aria-readonly": BOOLEAN,
    "aria-relevant": STRING,
    "aria-required": BOOLEAN,
    "aria-roledescription": STRING,
    "aria-rowcount": INTEGER,
    "aria-rowindex": INTEGER,
    "aria-rowindextext": STRING,
    "aria-rowspan": INTEGER,
    "aria-selected": TRUE_FALSE_UNDEFINED,
    "aria-setsize": INTEGER,
    "aria-sort": frozenset(("ascending", "descending", "none", "other")),
    "aria-valuemax": NUMBER,
    "aria-valuemin": NUMBER,
    "aria-valuenow": NUMBER,
    "aria-valuetext": STRING,
}

_RELEVANT = frozenset(("additions", "all", "removals", "text"))


def value_problem(name: str, value: str, ids: object) -> str | None:
    """Why ``value`` is not valid for attribute ``name``, in Dutch; None when it is.

    ``ids`` is a container of the document's ids, for IDREF(S) attributes.
    An empty value is allowed everywhere: it means "not set".
    """
    kind = ATTRIBUTES.get(name)
    value = value.strip()
    if kind is None or not value:
        return None
    lowered = value.lower()
    if isinstance(kind, frozenset):
        if lowered not in kind:
            return f"moet een van {', '.join(sorted(kind))} zijn"
        return None
    if kind == BOOLEAN and lowered not in ("true", "false"):
        return "moet true of false zijn"
    if kind == TRISTATE and lowered not in ("true", "false", "mixed", "undefined"):
        return "moet true, false of mixed zijn"
    if kind == TRUE_FALSE_UNDEFINED and lowered not in ("true", "false", "undefined"):
        return "moet true, false of undefined zijn"
    if kind == INTEGER and not value.lstrip("-").isdigit():
        return "moet een geheel getal zijn"
    if kind == NUMBER:
        try:
            float(value)
        except ValueError:
            return "moet een getal zijn"
    if kind in (IDREF, IDREFS) and not any(token in ids for token in value.split()):  # type: ignore[operator]
        return "verwijst naar een id die niet op de pagina staat"
    if name == "aria-relevant" and not set(lowered.split()) <= _RELEVANT:
        return "moet bestaan uit additions, all, removals en text"
    return None

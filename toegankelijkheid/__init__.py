"""WCAG 2.2 AA checker for published HTML (issue 6).

Plain Python (no Django import outside ``apps.py`` and ``management/``)::

    from toegankelijkheid import check_html

    report = check_html(rich_text_html)             # a fragment, e.g. a rich text field
    report = check_html(page_html, fragment=False)  # a whole page: adds lang, title, main, …
    report.blocks              # True when a finding is a "fout"
    report.by_criterion()      # {"1.1.1": [Finding, …], …}
"""

from __future__ import annotations

from . import rules  # noqa: F401  (registers every rule)
from .check import check_html
from .errors import ToegankelijkheidError
from .html import DEFAULT_MAX_BYTES
from .registry import Pass, Report, Rule, RuleRegistry, register, registry

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Pass",
    "Report",
    "Rule",
    "RuleRegistry",
    "ToegankelijkheidError",
    "check_html",
    "register",
    "registry",
]

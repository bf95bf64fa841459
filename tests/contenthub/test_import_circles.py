"""No import circle spans more than one module (issue 13).

The layers contract in ``.importlinter`` keeps the arrows between packages
one way; this keeps them one way between the modules inside a package too.
Imports inside functions count: they close a circle as surely as the ones at
the top, only later. Imports under ``TYPE_CHECKING`` do not run and do not count.
"""

from __future__ import annotations

import grimp

PACKAGES = (
    "contenthub",
    "gemeenten",
    "renderers",
    "taalcheck",
    "toegankelijkheid",
    "publicatie",
    "api",
    "chatbot",
    "koppelingen",
    "demo",
)


def import_circles(graph: grimp.ImportGraph) -> list[set[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return circles


def test_the_finder_sees_a_circle_of_two_modules(tmp_path, monkeypatch):
    package = tmp_path / "kringetje"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from . import b\n")
    (package / "b.py").write_text("from . import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    graph = grimp.build_graph("kringetje", exclude_type_checking_imports=True)

    assert import_circles(graph) == [{"kringetje.a", "kringetje.b"}]


def test_no_import_circle_spans_more_than_one_module():
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)

    assert import_circles(graph) == []

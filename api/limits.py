"""Validation rules that refuse an expensive query before it runs.

Each limit is a graphql-core ``ValidationRule``, so it runs with the standard
validation, before any resolver: nesting depth, number of aliases, an
estimated cost, and a bound on introspection. Fragments are expanded
(memoised per fragment, so a document that spreads fragments exponentially
is still measured in linear time).

Introspection stays on. Its answer is computed in memory, and only nesting
its lists inside each other (``types { fields { type { fields ... } } }``)
makes it grow exponentially; the standard introspection query of GraphiQL
and code generators nests at most three (types → fields → args), so that is
the limit. Depth and cost are measured on the catalogue fields only.

The cost estimate: every field costs 1; a list of objects multiplies what
is selected inside it by how many items it may hold: the ``first`` argument
of a paginated list (the maximum page size when it is a variable), otherwise
the estimate in ``LIST_SIZES``. A full-text search costs ``SEARCH_COST``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from graphql import (
    DocumentNode,
    EnumValueNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    Visitor,
    visit,
)

from .errors import Code, LimitError

LIST_SIZES: dict[str, int] = {
    # Catalogue
    "producten": 20,
    "themas": 20,
    "gerelateerdeProducten": 5,
    "locaties": 3,
    "openingstijden": 7,
    "kosten": 3,
    "stappen": 5,
    "vragen": 5,
    "bevindingen": 20,
    "kanalen": 5,
}
"""Estimated length of a list field without a ``first`` argument."""

SEARCH_COST = 50
"""A full-text search (``zoek``) costs as much as fifty fields."""

INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})
INTROSPECTION_LISTS = frozenset(
    {
        "types",
        "fields",
        "args",
        "inputFields",
        "interfaces",
        "possibleTypes",
        "enumValues",
        "directives",
    }
)
"""List fields of the introspection types (no catalogue field has these names)."""
MAX_INTROSPECTION_NESTING = 3
MAX_INTROSPECTION_DEPTH = 20
"""Deep enough for the ``ofType`` chains of the standard introspection query."""


class _Measure:
    """Measures selection sets of one document, memoising fragments."""

    def __init__(
        self,
        context: ValidationContext,
        field_value: Callable[[FieldNode, int], int],
        combine: Callable[[int, int], int],
        *,
        skip_introspection: bool = True,
    ) -> None:
        self.context = context
        self.field_value = field_value
        self.combine = combine
        self.skip_introspection = skip_introspection
        self.fragments: dict[str, int] = {}
        self.busy: set[str] = set()

    def selection_set(self, selection_set: SelectionSetNode | None) -> int:
        total = 0
        if selection_set is None:
            return total
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if (
                    self.skip_introspection
                    and selection.name.value in INTROSPECTION_ROOTS
                ):
                    continue  # measured by IntrospectionLimitRule
                inner = self.selection_set(selection.selection_set)
                total = self.combine(total, self.field_value(selection, inner))
            elif isinstance(selection, InlineFragmentNode):
                total = self.combine(total, self.selection_set(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                total = self.combine(total, self.fragment(selection.name.value))
        return total

    def fragment(self, name: str) -> int:
        if name in self.fragments:
            return self.fragments[name]
        if name in self.busy:
            return 0  # a cycle: NoFragmentCyclesRule reports it
        definition: FragmentDefinitionNode | None = self.context.get_fragment(name)
        if definition is None:
            return 0  # KnownFragmentNamesRule reports it
        self.busy.add(name)
        value = self.selection_set(definition.selection_set)
        self.busy.discard(name)
        self.fragments[name] = value
        return value


class _OperationRule(ValidationRule):
    """Measures every operation once and reports when it is over the limit."""

    def measure(self, operation: OperationDefinitionNode) -> int:
        raise NotImplementedError

    def error(self, value: int) -> LimitError | None:
        raise NotImplementedError

    def enter_operation_definition(
        self, node: OperationDefinitionNode, *_args: Any
    ) -> None:
        error = self.error(self.measure(node))
        if error is not None:
            self.report_error(error)


class DepthLimitRule(_OperationRule):
    """Refuses a query nested deeper than ``CONTENTHUB_API_MAX_DEPTH`` fields."""

    def measure(self, operation: OperationDefinitionNode) -> int:
        return _Measure(
            self.context, lambda _field, inner: 1 + inner, max
        ).selection_set(operation.selection_set)

    def error(self, value: int) -> LimitError | None:
        limit = settings.CONTENTHUB_API_MAX_DEPTH
        if value <= limit:
            return None
        return LimitError(
            f"De query is te diep genest: {value} niveaus, maximaal {limit}. "
            "Vraag minder geneste velden op, of gebruik een tweede query.",
            code=Code.QUERY_TE_DIEP,
        )


class AliasLimitRule(_OperationRule):
    """Refuses a query with more than ``CONTENTHUB_API_MAX_ALIASES`` aliases."""

    def measure(self, operation: OperationDefinitionNode) -> int:
        def value(field: FieldNode, inner: int) -> int:
            return inner + (1 if field.alias else 0)

        return _Measure(self.context, value, lambda a, b: a + b).selection_set(
            operation.selection_set
        )

    def error(self, value: int) -> LimitError | None:
        limit = settings.CONTENTHUB_API_MAX_ALIASES
        if value <= limit:
            return None
        return LimitError(
            f"De query gebruikt {value} aliassen, maximaal {limit}.",
            code=Code.TE_VEEL_ALIASSEN,
        )


class CostLimitRule(_OperationRule):
    """Refuses a query whose estimated cost is over ``CONTENTHUB_API_MAX_COST``."""

    def measure(self, operation: OperationDefinitionNode) -> int:
        return _Measure(self.context, field_cost, lambda a, b: a + b).selection_set(
            operation.selection_set
        )

    def error(self, value: int) -> LimitError | None:
        limit = settings.CONTENTHUB_API_MAX_COST
        if value <= limit:
            return None
        return LimitError(
            f"De query is te duur: geschatte kosten {value}, maximaal {limit}. "
            "Vraag minder producten per pagina (first) of minder geneste lijsten op.",
            code=Code.QUERY_TE_DUUR,
        )


class CheckLimitRule(_OperationRule):
    """Refuses more than one taalcheck or wcagcheck in one request: each runs
    the checker on its own input, so aliases would multiply the work."""

    def measure(self, operation: OperationDefinitionNode) -> int:
        def checks(field: FieldNode, inner: int) -> int:
            return inner + (1 if field.name.value in CHECKER_FIELDS else 0)

        return _Measure(self.context, checks, lambda a, b: a + b).selection_set(
            operation.selection_set
        )

    def error(self, value: int) -> LimitError | None:
        if value <= MAX_CHECKS:
            return None
        return LimitError(
            f"De query vraagt {value} controles (taalcheck of wcagcheck); "
            f"maximaal {MAX_CHECKS} per verzoek. Stuur elke controle apart.",
            code=Code.TE_VEEL_CONTROLES,
        )


class IntrospectionLimitRule(_OperationRule):
    """Refuses introspection that nests its lists more than three deep."""

    def measure(self, operation: OperationDefinitionNode) -> int:
        def nesting(field: FieldNode, inner: int) -> int:
            return inner + (1 if field.name.value in INTROSPECTION_LISTS else 0)

        measure = _Measure(self.context, nesting, max, skip_introspection=False)
        self.depth = _Measure(
            self.context, lambda _field, inner: 1 + inner, max, skip_introspection=False
        ).selection_set(operation.selection_set)
        return measure.selection_set(operation.selection_set)

    def error(self, value: int) -> LimitError | None:
        if value <= MAX_INTROSPECTION_NESTING and self.depth <= MAX_INTROSPECTION_DEPTH:
            return None
        return LimitError(
            "Deze introspectie is te diep genest: hoogstens "
            f"{MAX_INTROSPECTION_NESTING} lijsten in elkaar (zoals types → fields → "
            f"args) en {MAX_INTROSPECTION_DEPTH} niveaus.",
            code=Code.QUERY_TE_DIEP,
        )


BYTES_PER_COST = 100
"""A field's cost is also what it adds to the answer: one per 100 bytes."""
RENDERING_BYTES: dict[str, int] = {
    "TWEET": 300,
    "CHATBOT": 1_500,
    "APP": 3_000,
    "BRIEF": 5_000,
    "WEB": 8_000,
}
"""Generous sizes of a stored rendering's ``inhoud`` per channel (the demo's
largest are about half of this)."""
BINARY_RENDERING_BYTES = 15_000
"""``inhoudBase64``: a binary rendering (the letter as PDF), base64 encoded."""

CHECKER_FIELDS = frozenset({"taalcheck", "wcagcheck"})
MAX_CHECKS = 1
"""taalcheck and wcagcheck together, per request (aliases and fragments count)."""


def rendering_cost(field: FieldNode) -> int:
    """What the content of a ``weergave`` adds to the answer, in cost units.

    A channel given as a variable, or unknown, weighs as the largest channel.
    """
    kanaal = next(
        (arg.value for arg in field.arguments if arg.name.value == "kanaal"), None
    )
    channel = (
        getattr(kanaal, "value", None) if isinstance(kanaal, EnumValueNode) else None
    )
    size = 0
    for selection in field.selection_set.selections if field.selection_set else ():
        if not isinstance(selection, FieldNode):
            # A fragment inside a weergave: count every content field.
            size += BINARY_RENDERING_BYTES + max(RENDERING_BYTES.values())
        elif selection.name.value == "inhoudBase64":
            size += BINARY_RENDERING_BYTES
        elif selection.name.value == "inhoud":
            size += RENDERING_BYTES.get(channel or "", max(RENDERING_BYTES.values()))
    return size // BYTES_PER_COST


def field_cost(field: FieldNode, inner: int) -> int:
    """The estimated cost of one field whose selection costs ``inner``."""
    cost = 1
    arguments = {argument.name.value: argument.value for argument in field.arguments}
    if "zoek" in arguments:
        cost += SEARCH_COST
    if field.name.value == "weergave":
        cost += rendering_cost(field)
    if not inner:
        return cost
    return cost + list_size(field.name.value, arguments) * inner


MAX_INT_DIGITS = 10
"""GraphQL's Int is 32 bits: a literal with more digits is never valid."""
MAX_LITERAL_DIGITS = 1_000
"""Longer number literals are refused before validation: Python does not
even convert one of more than 4,300 digits (a ``ValueError``)."""


def list_size(name: str, arguments: dict[str, Any]) -> int:
    first = arguments.get("first")
    if first is not None:
        if isinstance(first, IntValueNode):
            # A size over the maximum fails when it runs (PAGINA_TE_GROOT);
            # here it only has to be measured, and never as less than 1.
            return max(1, int_literal(first.value))
        return settings.CONTENTHUB_API_MAX_PAGE_SIZE
    return LIST_SIZES.get(name, 1)


def validation_rules() -> list[type[ValidationRule]]:
    return [
        DepthLimitRule,
        AliasLimitRule,
        CostLimitRule,
        CheckLimitRule,
        IntrospectionLimitRule,
    ]


def int_literal(digits: str) -> int:
    """An Int literal's value; one too long for any Int counts as huge."""
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        return 10**MAX_INT_DIGITS
    return int(digits)


class _FieldCounter(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.longest_int = 0

    def enter_field(self, *_args: Any) -> None:
        self.count += 1

    def enter_int_value(self, node: IntValueNode, *_args: Any) -> None:
        self.longest_int = max(self.longest_int, len(node.value.lstrip("-")))


def count_fields(document: DocumentNode) -> int:
    """Field selections as written (before validation, whose check that
    fields can be merged takes time quadratic in this number)."""
    return measure_document(document).count


def measure_document(document: DocumentNode) -> _FieldCounter:
    """Fields as written and the longest Int literal, in one pass."""
    counter = _FieldCounter()
    visit(document, counter)
    return counter


def int_too_long(document: DocumentNode) -> bool:
    """Whether an Int literal has more than ``MAX_LITERAL_DIGITS`` digits."""
    return measure_document(document).longest_int > MAX_LITERAL_DIGITS

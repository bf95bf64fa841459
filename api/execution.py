"""Run one query: size check, parse, validate with the limits, execute.

Everything that can be refused is refused before a resolver runs: a document
over ``CONTENTHUB_API_MAX_QUERY_BYTES`` or ``..._MAX_QUERY_TOKENS`` is not
parsed, and the limits in ``limits.py`` run with the standard validation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from graphql import (
    DocumentNode,
    ExecutionContext,
    GraphQLError,
    GraphQLSchema,
    execute,
    parse,
    specified_rules,
    validate,
)

from .errors import INTERNE_FOUT_MELDING, Code, format_error
from .http import GraphQLParams, text_problem
from .limits import (
    MAX_INT_DIGITS,
    MAX_LITERAL_DIGITS,
    measure_document,
    validation_rules,
)

logger = logging.getLogger(__name__)

MAX_VALIDATION_ERRORS = 20


def _refusal(message: str, code: Code) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": code.value}}]}


LIMIT_SETTINGS = (
    "CONTENTHUB_API_MAX_QUERY_BYTES",
    "CONTENTHUB_API_MAX_QUERY_TOKENS",
    "CONTENTHUB_API_MAX_FIELDS",
    "CONTENTHUB_API_MAX_DEPTH",
    "CONTENTHUB_API_MAX_ALIASES",
    "CONTENTHUB_API_MAX_COST",
    "CONTENTHUB_API_MAX_PAGE_SIZE",
)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A parsed and validated document, or why it was refused."""

    document: DocumentNode | None
    refusal: dict[str, Any] | None = None


def prepare(query: str, schema: GraphQLSchema) -> Prepared:
    """Parse and validate ``query``; remembered per query text and limits.

    Clients send the same few queries with other variables, so most requests
    skip parsing and validation altogether.
    """
    limits = tuple(getattr(settings, name) for name in LIMIT_SETTINGS)
    return _prepare(query, schema, limits)


@lru_cache(maxsize=256)
def _prepare(query: str, schema: GraphQLSchema, limits: tuple[int, ...]) -> Prepared:
    max_bytes = settings.CONTENTHUB_API_MAX_QUERY_BYTES
    if len(query.encode("utf-8")) > max_bytes:
        return Prepared(
            None,
            _refusal(
                f"De query is te groot: maximaal {max_bytes} bytes.",
                Code.QUERY_TE_GROOT,
            ),
        )
    max_tokens = settings.CONTENTHUB_API_MAX_QUERY_TOKENS
    try:
        document = parse(query, max_tokens=max_tokens)
    except GraphQLError as error:
        if "tokens. Parsing aborted" in error.message:
            return Prepared(
                None,
                _refusal(
                    f"De query is te groot: meer dan {max_tokens} onderdelen.",
                    Code.QUERY_TE_GROOT,
                ),
            )
        return Prepared(None, {"errors": [format_error(error)]})
    size = measure_document(document)
    if size.longest_int > MAX_LITERAL_DIGITS:
        return Prepared(
            None,
            _refusal(
                f"Een getal in de query heeft {size.longest_int} cijfers; een "
                f"geheel getal (Int) heeft er hoogstens {MAX_INT_DIGITS}.",
                Code.ONGELDIGE_WAARDE,
            ),
        )
    fields = size.count
    if fields > settings.CONTENTHUB_API_MAX_FIELDS:
        return Prepared(
            None,
            _refusal(
                f"De query vraagt {fields} velden op, maximaal "
                f"{settings.CONTENTHUB_API_MAX_FIELDS}.",
                Code.QUERY_TE_GROOT,
            ),
        )
    errors = validate(
        schema,
        document,
        [*specified_rules, *validation_rules()],
        max_errors=MAX_VALIDATION_ERRORS,
    )
    if errors:
        return Prepared(None, {"errors": [format_error(error) for error in errors]})
    return Prepared(document)


def run_query(
    request: HttpRequest,
    params: GraphQLParams,
    *,
    schema: GraphQLSchema,
    execution_context_class: type[ExecutionContext] | None = None,
) -> tuple[int, dict[str, Any]]:
    """(HTTP status, JSON payload) for one query."""
    if len(params.query) > settings.CONTENTHUB_API_MAX_QUERY_BYTES:
        # Not even worth a place in the cache of prepared documents.
        return 400, _refusal(
            "De query is te groot: maximaal "
            f"{settings.CONTENTHUB_API_MAX_QUERY_BYTES} bytes.",
            Code.QUERY_TE_GROOT,
        )
    problem = text_problem(params.query)
    if problem:
        # read_params refuses these; a caller that builds params itself too.
        return 400, _refusal(f"In de query: {problem}", Code.ONGELDIGE_TEKENS)
    prepared = prepare(params.query, schema)
    if prepared.refusal is not None:
        return 400, prepared.refusal
    document = prepared.document
    try:
        result = execute(
            schema,
            document,
            context_value=request,
            variable_values=params.variables,
            operation_name=params.operation_name,
            execution_context_class=execution_context_class,
        )
    except Exception:
        logger.exception("De GraphQL-query kon niet worden uitgevoerd")
        return 500, _refusal(INTERNE_FOUT_MELDING, Code.INTERNE_FOUT)
    payload: dict[str, Any] = {}
    if result.errors:
        payload["errors"] = [format_error(error) for error in result.errors]
    if result.errors and any(not error.path for error in result.errors):
        # Nothing ran: an unknown operation or variables of the wrong type.
        return 400, payload
    payload["data"] = result.data
    return 200, payload

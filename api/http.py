"""Reading a GraphQL request from HTTP, with a Dutch error for each mistake."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest

from .errors import Code, RequestError

JSON = "application/json"
GRAPHQL = "application/graphql"


@dataclass(frozen=True, slots=True)
class GraphQLParams:
    query: str
    variables: dict[str, Any] | None
    operation_name: str | None

    def as_key(self) -> list[Any]:
        return [self.query, self.variables, self.operation_name]


@dataclass(frozen=True, slots=True)
class JsonProblem:
    message: str
    too_deep: bool = False


def inspect_json(value: Any, *, max_depth: int) -> JsonProblem | None:
    """Why parsed JSON cannot go further, in Dutch; ``None`` when it can.

    Walks the value without recursion (nesting is what it measures): deeper
    than ``max_depth`` lists and objects, or a text with a lone surrogate
    (``"\\ud800"``, which is no character and cannot be written out as
    UTF-8) or a NUL character (which PostgreSQL refuses to store or search).
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                return JsonProblem(problem)
        elif isinstance(item, dict | list):
            if depth >= max_depth:
                return JsonProblem(
                    f"De JSON is te diep genest: maximaal {max_depth} niveaus.",
                    too_deep=True,
                )
            children = item.items() if isinstance(item, dict) else enumerate(item)
            for key, child in children:
                if isinstance(key, str):
                    stack.append((key, depth))
                stack.append((child, depth + 1))
    return None


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be used, or ``None``: a lone surrogate or a NUL."""
    if "\x00" in text:
        return "De tekst bevat een NUL-teken (\\u0000); dat is geen geldige invoer."
    if _has_surrogate(text):
        return (
            "De tekst bevat een losse surrogaat (zoals \\ud800): dat is geen "
            "geldig Unicode-teken."
        )
    return None


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_params(request: HttpRequest) -> GraphQLParams:
    """The query, variables and operation name of a GET or POST request."""
    if request.method == "GET":
        data: dict[str, Any] = {
            "query": request.GET.get("query"),
            "variables": request.GET.get("variables"),
            "operationName": request.GET.get("operationName"),
        }
    elif request.method == "POST":
        data = _read_body(request)
    else:
        raise RequestError(
            "Gebruik GET of POST voor een GraphQL-query.",
            code=Code.METHODE_NIET_TOEGESTAAN,
            status=405,
        )
    return GraphQLParams(
        query=_query(data.get("query")),
        variables=_variables(data.get("variables")),
        operation_name=_operation_name(data.get("operationName")),
    )


def _read_body(request: HttpRequest) -> dict[str, Any]:
    content_type = request.content_type.lower()
    if content_type not in (JSON, GRAPHQL):
        raise RequestError(
            "Stuur de query als application/json (met query, variables en "
            f"operationName) of als application/graphql, niet als {content_type or 'onbekend type'}.",
            code=Code.ONGELDIG_CONTENT_TYPE,
            status=415,
        )
    limit = settings.CONTENTHUB_API_MAX_BODY_BYTES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        raise _too_big(limit)
    try:
        body = request.body
    except RequestDataTooBig:
        raise _too_big(limit) from None
    if len(body) > limit:
        raise _too_big(limit)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(
            "De inhoud van het verzoek is geen geldige UTF-8.",
            code=Code.ONGELDIGE_JSON,
        ) from None
    if content_type == GRAPHQL:
        return {"query": text}
    data = _loads(text, code=Code.ONGELDIGE_JSON, what="De inhoud van het verzoek")
    if isinstance(data, list):
        raise RequestError(
            "Stuur één query per verzoek; een lijst van queries wordt niet ondersteund.",
            code=Code.ONGELDIGE_JSON,
        )
    if not isinstance(data, dict):
        raise RequestError(
            "Verwacht een JSON-object met query, variables en operationName.",
            code=Code.ONGELDIGE_JSON,
        )
    return data


def _loads(text: str, *, code: Code, what: str) -> Any:
    """Parsed JSON that is neither too deep nor holds unusable text."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise _too_deep(code) from None
    except ValueError:
        # Also a number of more than 4,300 digits (Python's own limit).
        raise RequestError(f"{what} is geen geldige JSON.", code=code) from None
    problem = inspect_json(data, max_depth=settings.CONTENTHUB_API_MAX_JSON_DEPTH)
    if problem:
        raise RequestError(
            problem.message, code=code if problem.too_deep else Code.ONGELDIGE_TEKENS
        )
    return data


def _too_deep(code: Code) -> RequestError:
    return RequestError(
        "De JSON is te diep genest: maximaal "
        f"{settings.CONTENTHUB_API_MAX_JSON_DEPTH} niveaus.",
        code=code,
    )


def _too_big(limit: int) -> RequestError:
    return RequestError(
        f"Het verzoek is te groot: maximaal {limit} bytes.",
        code=Code.VERZOEK_TE_GROOT,
        status=413,
    )


def _query(value: object) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RequestError(
            "Er is geen query meegestuurd. Stuur een GraphQL-query in het veld 'query'.",
            code=Code.QUERY_ONTBREEKT,
        )
    if not isinstance(value, str):
        raise RequestError(
            "Het veld 'query' moet tekst zijn.", code=Code.ONGELDIGE_JSON
        )
    problem = text_problem(value)
    if problem:
        raise RequestError(f"In de query: {problem}", code=Code.ONGELDIGE_TEKENS)
    return value


def _variables(value: object) -> dict[str, Any] | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = _loads(value, code=Code.ONGELDIGE_VARIABELEN, what="De variabelen")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RequestError(
            "De variabelen moeten een JSON-object zijn.", code=Code.ONGELDIGE_VARIABELEN
        )
    return value


def _operation_name(value: object) -> str | None:
    if value in (None, "", "null"):
        return None
    if not isinstance(value, str):
        raise RequestError(
            "Het veld 'operationName' moet tekst zijn.", code=Code.ONGELDIGE_JSON
        )
    problem = text_problem(value)
    if problem:
        raise RequestError(f"In operationName: {problem}", code=Code.ONGELDIGE_TEKENS)
    return value

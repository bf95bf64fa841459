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
    try:
        data = json.loads(text)
    except ValueError:
        raise RequestError(
            "De inhoud van het verzoek is geen geldige JSON.", code=Code.ONGELDIGE_JSON
        ) from None
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
    return value


def _variables(value: object) -> dict[str, Any] | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise RequestError(
                "De variabelen zijn geen geldige JSON.", code=Code.ONGELDIGE_VARIABELEN
            ) from None
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
    return value

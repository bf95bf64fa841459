"""Every error of the API: a Dutch message and a stable code, never a trace.

Errors in the query itself are GraphQL errors with ``extensions.code``;
errors in the HTTP request (no JSON, no query, wrong content type) use the
same shape, so a client handles one format. Codes are part of the API:
never rename or reuse one (docs/api.md lists them).
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import Any

from graphql import GraphQLError

logger = logging.getLogger(__name__)


class Code(StrEnum):
    # The HTTP request
    METHODE_NIET_TOEGESTAAN = "METHODE_NIET_TOEGESTAAN"
    ONGELDIG_CONTENT_TYPE = "ONGELDIG_CONTENT_TYPE"
    ONGELDIGE_JSON = "ONGELDIGE_JSON"
    QUERY_ONTBREEKT = "QUERY_ONTBREEKT"
    ONGELDIGE_VARIABELEN = "ONGELDIGE_VARIABELEN"
    VERZOEK_TE_GROOT = "VERZOEK_TE_GROOT"
    ONGELDIGE_TEKENS = "ONGELDIGE_TEKENS"
    # The query document, refused before it runs
    QUERY_TE_GROOT = "QUERY_TE_GROOT"
    SYNTAXFOUT = "SYNTAXFOUT"
    ONGELDIGE_QUERY = "ONGELDIGE_QUERY"
    ONGELDIGE_WAARDE = "ONGELDIGE_WAARDE"
    QUERY_TE_DIEP = "QUERY_TE_DIEP"
    TE_VEEL_ALIASSEN = "TE_VEEL_ALIASSEN"
    QUERY_TE_DUUR = "QUERY_TE_DUUR"
    TE_VEEL_CONTROLES = "TE_VEEL_CONTROLES"
    ANTWOORD_TE_GROOT = "ANTWOORD_TE_GROOT"
    # While it runs
    ONGELDIGE_ARGUMENTEN = "ONGELDIGE_ARGUMENTEN"
    PAGINA_TE_GROOT = "PAGINA_TE_GROOT"
    ONGELDIGE_CURSOR = "ONGELDIGE_CURSOR"
    ONBEKENDE_GEMEENTE = "ONBEKENDE_GEMEENTE"
    ONBEKENDE_VARIANT = "ONBEKENDE_VARIANT"
    PREVIEWTOKEN_ONGELDIG = "PREVIEWTOKEN_ONGELDIG"
    PREVIEWTOKEN_VERLOPEN = "PREVIEWTOKEN_VERLOPEN"
    GEEN_TOEGANG = "GEEN_TOEGANG"
    ONGELDIGE_INVOER = "ONGELDIGE_INVOER"
    INTERNE_FOUT = "INTERNE_FOUT"


INTERNE_FOUT_MELDING = (
    "Er ging iets mis bij het uitvoeren van de query. Probeer het later opnieuw; "
    "blijft het misgaan, meld dan het tijdstip aan de beheerder."
)


class ApiError(GraphQLError):
    """An error a resolver raises on purpose: shown to the client as it is."""

    def __init__(self, message: str, *, code: Code) -> None:
        super().__init__(message, extensions={"code": code.value})
        self.code = code


class RequestError(Exception):
    """The HTTP request cannot carry a query; answered with ``status``."""

    def __init__(self, message: str, *, code: Code, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status

    def as_dict(self) -> dict[str, Any]:
        return {"message": self.message, "extensions": {"code": self.code.value}}


class LimitError(GraphQLError):
    """A query over a limit (depth, aliases, cost), found while validating."""

    def __init__(self, message: str, *, code: Code) -> None:
        super().__init__(message, extensions={"code": code.value})


# graphql-core writes its validation messages in English. The common ones are
# translated; any other keeps its English detail behind a Dutch sentence.
_TRANSLATIONS: list[tuple[re.Pattern[str], str, Code]] = [
    (
        re.compile(r"^Cannot query field '(\w+)' on type '(\w+)'\."),
        "Het veld '{0}' bestaat niet op type '{1}'.",
        Code.ONGELDIGE_QUERY,
    ),
    (
        re.compile(r"^Value '?([^']*?)'? does not exist in '(\w+)' enum\."),
        "De waarde '{0}' bestaat niet in {1}.",
        Code.ONGELDIGE_WAARDE,
    ),
    (
        re.compile(r"^Enum '(\w+)' cannot represent non-enum value: (.*)\."),
        "{1} is geen waarde van {0}.",
        Code.ONGELDIGE_WAARDE,
    ),
    (
        re.compile(r"^Unknown argument '(\w+)' on field '([\w.]+)'\."),
        "Het veld '{1}' kent geen argument '{0}'.",
        Code.ONGELDIGE_QUERY,
    ),
    (
        re.compile(
            r"^Field '(\w+)' argument '(\w+)' of type '([^']+)' is required, "
            r"but it was not provided\."
        ),
        "Het veld '{0}' heeft het argument '{1}' ({2}) nodig.",
        Code.ONGELDIGE_QUERY,
    ),
    (
        re.compile(r"^Field '(\w+)' of type '([^']+)' must have a selection"),
        "Kies subvelden voor '{0}' (type {1}).",
        Code.ONGELDIGE_QUERY,
    ),
    (
        re.compile(r"^Unknown operation named '([^']*)'\."),
        "Er is geen operatie met de naam '{0}'.",
        Code.ONGELDIGE_QUERY,
    ),
    (
        re.compile(r"^Must provide operation name"),
        "De query bevat meer operaties: geef operationName mee.",
        Code.ONGELDIGE_QUERY,
    ),
    (
        re.compile(r"^Variable '\$(\w+)' (?:got invalid value|of required type)"),
        "De variabele '${0}' heeft geen geldige waarde.",
        Code.ONGELDIGE_VARIABELEN,
    ),
    (
        re.compile(r"^Int cannot represent"),
        "Een getal in de query is geen geldig geheel getal.",
        Code.ONGELDIGE_WAARDE,
    ),
    (
        re.compile(r"^(?:String|ID|Boolean) cannot represent"),
        "Een waarde in de query heeft niet het goede type.",
        Code.ONGELDIGE_WAARDE,
    ),
    (
        re.compile(r"^This anonymous operation must be the only defined operation"),
        "Een naamloze operatie moet de enige operatie in de query zijn.",
        Code.ONGELDIGE_QUERY,
    ),
    (
        re.compile(r"^Schema is not configured to execute (\w+) operation"),
        "Deze API kent alleen queries, geen {0}.",
        Code.ONGELDIGE_QUERY,
    ),
    (
        re.compile(r"^The (\w+) operation is not supported by the schema"),
        "Deze API kent alleen queries, geen {0}.",
        Code.ONGELDIGE_QUERY,
    ),
]


def translate(message: str) -> tuple[str, Code]:
    """A Dutch message and a code for one of graphql-core's own messages."""
    if message.startswith("Syntax Error:"):
        detail = message.removeprefix("Syntax Error:").strip()
        return f"Syntaxfout in de query: {detail}", Code.SYNTAXFOUT
    for pattern, template, code in _TRANSLATIONS:
        match = pattern.search(message)
        if match:
            return template.format(*match.groups()), code
    return f"De query is ongeldig: {message}", Code.ONGELDIGE_QUERY


def format_error(error: Exception) -> dict[str, Any]:
    """The JSON of one error: Dutch message, code, location; never a trace."""
    if not isinstance(error, GraphQLError):
        logger.error("Onverwachte fout in de GraphQL-API", exc_info=error)
        return {"message": INTERNE_FOUT_MELDING, "extensions": {"code": "INTERNE_FOUT"}}
    original = error.original_error
    if original is not None and not isinstance(original, GraphQLError):
        # A bug or an outage, not the client's mistake: log it, say little.
        logger.error(
            "Fout in resolver %s",
            ".".join(map(str, error.path or ())),
            exc_info=original,
        )
        formatted: dict[str, Any] = {
            "message": INTERNE_FOUT_MELDING,
            "extensions": {"code": Code.INTERNE_FOUT.value},
        }
    elif (error.extensions or {}).get("code"):
        formatted = {"message": error.message, "extensions": dict(error.extensions)}
    else:
        message, code = translate(error.message)
        formatted = {"message": message, "extensions": {"code": code.value}}
    if error.locations:
        formatted["locations"] = [
            {"line": location.line, "column": location.column}
            for location in error.locations
        ]
    if error.path:
        formatted["path"] = list(error.path)
    return formatted

"""Validate documents against schemas taken from an OpenAPI 3.0 specification.

OpenAPI 3.0 schemas are almost JSON Schema: ``nullable: true`` means "or
null", ``$ref`` points into ``components/schemas``, and for a request a
``readOnly`` property is not required (the server assigns it). This turns
them into a Draft 2020-12 validator without changing what they demand.
"""

from __future__ import annotations

import copy
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from jsonschema import Draft202012Validator, FormatChecker

FORMAT_CHECKER = FormatChecker()
for _name, _check in Draft202012Validator.FORMAT_CHECKER.checkers.items():
    FORMAT_CHECKER.checkers[_name] = _check


@FORMAT_CHECKER.checks("uri")
def _is_uri(value: object) -> bool:
    # jsonschema checks "uri" only with an optional package; this is the same
    # rule for what the hub sends: an absolute URL with a scheme and a host.
    if not isinstance(value, str):
        return True
    parsed = urlparse(value)
    return bool(parsed.scheme in ("http", "https") and parsed.netloc)


RFC3339_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z"
)


@FORMAT_CHECKER.checks("date-time")
def _is_date_time(value: object) -> bool:
    # jsonschema checks "date-time" only with an optional package. RFC 3339
    # section 5.6: a full date, a time and an offset; and a real moment.
    if not isinstance(value, str):
        return True
    if not RFC3339_DATE_TIME.match(value):
        return False
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _convert(node: Any, *, request: bool) -> Any:
    if isinstance(node, list):
        return [_convert(item, request=request) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _convert(value, request=request) for key, value in node.items()}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        node["$ref"] = "#/$defs/" + ref.rsplit("/", 1)[1]
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
        if "enum" in node:
            node["enum"] = [*node["enum"], None]
        if "allOf" in node or "$ref" in node:
            node = {"anyOf": [node, {"type": "null"}]}
    if request and isinstance(node.get("properties"), dict) and "required" in node:
        read_only = {
            name
            for name, prop in node["properties"].items()
            if isinstance(prop, dict) and prop.get("readOnly")
        }
        node["required"] = [name for name in node["required"] if name not in read_only]
    return node


def openapi_validator(
    components: dict[str, Any],
    name: str,
    *,
    request: bool = False,
    not_required: tuple[str, ...] = (),
) -> Draft202012Validator:
    """A validator for ``components[name]``; ``request`` applies the readOnly rule."""
    defs = {
        key: _convert(copy.deepcopy(schema), request=request)
        for key, schema in components.items()
    }
    root = copy.deepcopy(defs[name])
    if not_required:
        root["required"] = [
            r for r in root.get("required", []) if r not in not_required
        ]
    root["$defs"] = defs
    return Draft202012Validator(root, format_checker=FORMAT_CHECKER)


def errors_of(validator: Draft202012Validator, document: Any) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(document)
    ]

"""Read the demo source files (TOML); no Django needed."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

DEMO_DIR = Path(__file__).resolve().parent
CATALOGUS_DIR = DEMO_DIR / "catalogus"


def read_organisatie() -> dict[str, Any]:
    return tomllib.loads((DEMO_DIR / "organisatie.toml").read_text(encoding="utf-8"))


def read_catalogus() -> dict[str, list[dict[str, Any]]]:
    """The products per theme slug, in the order of ``organisatie.toml``."""
    catalogus: dict[str, list[dict[str, Any]]] = {}
    for thema in read_organisatie()["thema"]:
        path = CATALOGUS_DIR / f"{thema['slug']}.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        catalogus[thema["slug"]] = data.get("product", [])
    return catalogus

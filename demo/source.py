"""Read the demo source files (TOML); no Django needed.

The demo has national base texts (``basisteksten.toml``) and three fictional
gemeenten (``gemeenten/<gemeente>/``). :func:`read_catalogus` returns a
gemeente's products as they will look: a product that links to a basistekst
gets the basistekst's shared texts, except the fields it marks as its own
(``eigen_<field> = true``). ``basisteksten.<taal>.toml`` holds the
translations of the basisteksten, ``gemeenten/<gemeente>/vertalingen/`` the
gemeente's translations of its products. See FORMAT.md.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from contenthub.inheritance import INHERITED_FIELDS, STREAM_FIELDS, override_flag

DEMO_DIR = Path(__file__).resolve().parent
BASISTEKSTEN_FILE = DEMO_DIR / "basisteksten.toml"
GEMEENTEN_DIR = DEMO_DIR / "gemeenten"

GEMEENTEN: tuple[str, ...] = ("voorbeeldstad", "rivierstad", "heuveldorp")
"""The demo gemeenten, in load order; each is a folder in ``gemeenten/``."""
DEFAULT_GEMEENTE = "voorbeeldstad"

BASISTEKST_KEYS = ("slug", "titel", "upl_naam", "bron", *INHERITED_FIELDS)
REQUIRED_BASISTEKST_KEYS = ("slug", "titel", "kort_antwoord", "wat_is_het", "aanvragen")
BASISTEKST_TRANSLATION_KEYS = ("slug", "titel", *INHERITED_FIELDS)


class DemoDataError(Exception):
    """The demo source has invalid products; nothing was loaded."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("Ongeldige demo-inhoud:\n" + "\n".join(problems))


def select_gemeenten(gemeenten: Iterable[str] | None = None) -> tuple[str, ...]:
    """The demo gemeenten to load, in load order; all of them for ``None``."""
    if gemeenten is None:
        return GEMEENTEN
    wanted = [naam.strip().lower() for naam in gemeenten]
    unknown = [naam for naam in wanted if naam not in GEMEENTEN]
    if unknown:
        raise DemoDataError(
            [
                f"Onbekende demogemeente '{naam}'. Kies uit: {', '.join(GEMEENTEN)}."
                for naam in unknown
            ]
        )
    return tuple(naam for naam in GEMEENTEN if naam in wanted)


def _read_basisteksten_file(
    path: Path, label: str, allowed_keys: Iterable[str], only: str
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The base texts of one file by slug, in file order, and what is wrong
    with them: a required field missing, a field that is not ``allowed_keys``
    (``only`` says what the file may hold), a slug or title twice."""
    teksten: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    titels: set[str] = set()
    allowed = set(allowed_keys)
    for tekst in tomllib.loads(path.read_text(encoding="utf-8")).get("basistekst", []):
        slug = tekst.get("slug", "?")
        where = f"{label} {slug}"
        missing = [key for key in REQUIRED_BASISTEKST_KEYS if not tekst.get(key)]
        unknown = sorted(set(tekst) - allowed)
        if missing:
            problems.append(f"{where}: vul {', '.join(missing)} in.")
        if unknown:
            problems.append(f"{where}: onbekende velden {', '.join(unknown)}. {only}")
        if slug in teksten or tekst.get("titel") in titels:
            problems.append(f"{where}: slug of titel komt twee keer voor.")
        titels.add(tekst.get("titel"))
        teksten[slug] = tekst
    return teksten, problems


def read_basisteksten() -> dict[str, dict[str, Any]]:
    """The national base texts by slug, in file order."""
    teksten, problems = _read_basisteksten_file(
        BASISTEKSTEN_FILE,
        "basistekst",
        BASISTEKST_KEYS,
        "Een basistekst bevat alleen de gedeelde teksten (zie FORMAT.md).",
    )
    if problems:
        raise DemoDataError(problems)
    return teksten


def read_organisatie(gemeente: str = DEFAULT_GEMEENTE) -> dict[str, Any]:
    """The gemeente, its contactpunten, locaties and themes."""
    path = _gemeente_dir(gemeente) / "organisatie.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def read_catalogus(
    gemeente: str = DEFAULT_GEMEENTE,
    basisteksten: dict[str, dict[str, Any]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """The products per theme slug, in the order of ``organisatie.toml``.

    Products with a basistekst come with its shared texts filled in (except
    their own fields), so every product has every text it will publish.
    """
    basisteksten = read_basisteksten() if basisteksten is None else basisteksten
    folder = _gemeente_dir(gemeente) / "catalogus"
    catalogus: dict[str, list[dict[str, Any]]] = {}
    problems: list[str] = []
    for thema in read_organisatie(gemeente)["thema"]:
        path = folder / f"{thema['slug']}.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        producten = []
        for product in data.get("product", []):
            resolved, errors = resolve_product(product, basisteksten)
            producten.append(resolved)
            problems.extend(
                f"{gemeente}/{product.get('slug', '?')}: {e}" for e in errors
            )
        catalogus[thema["slug"]] = producten
    if problems:
        raise DemoDataError(problems)
    return catalogus


def resolve_product(
    product: dict[str, Any], basisteksten: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], list[str]]:
    """``product`` with its basistekst's shared texts; and what is wrong with it."""
    resolved = copy.deepcopy(product)
    errors: list[str] = []
    flags = {key for key in product if key.startswith("eigen_")}
    unknown_flags = flags - {override_flag(name) for name in INHERITED_FIELDS}
    if unknown_flags:
        errors.append(
            f"onbekende vlag {', '.join(sorted(unknown_flags))}; een eigen tekst kan "
            f"alleen voor {', '.join(INHERITED_FIELDS)}."
        )
    slug = product.get("basistekst")
    if slug is None:
        if flags:
            errors.append(
                "eigen_-vlaggen horen alleen bij een product met een basistekst."
            )
        return resolved, errors
    basistekst = basisteksten.get(slug)
    if basistekst is None:
        errors.append(f"de basistekst '{slug}' bestaat niet in basisteksten.toml.")
        return resolved, errors
    resolved.setdefault("title", basistekst["titel"])
    resolved.setdefault("upl_naam", basistekst.get("upl_naam", ""))
    if resolved["upl_naam"] != basistekst.get("upl_naam", ""):
        errors.append(
            f"de UPL-naam '{resolved['upl_naam']}' hoort niet bij de basistekst "
            f"'{slug}' ('{basistekst.get('upl_naam', '')}')."
        )
    for name in INHERITED_FIELDS:
        eigen = product.get(override_flag(name), False)
        if eigen and name not in product:
            errors.append(f"{override_flag(name)} staat aan, maar {name} ontbreekt.")
        elif not eigen and name in product:
            errors.append(
                f"{name} komt uit de basistekst. Haal het veld weg, of zet "
                f"{override_flag(name)} = true als deze gemeente met opzet een eigen tekst heeft."
            )
        elif not eigen:
            resolved[name] = copy.deepcopy(basistekst.get(name, _empty(name)))
    return resolved, errors


def own_fields(product: dict[str, Any]) -> tuple[str, ...]:
    """The shared fields a product with a basistekst writes itself, on purpose."""
    if not product.get("basistekst"):
        return ()
    return tuple(
        name for name in INHERITED_FIELDS if product.get(override_flag(name), False)
    )


def _empty(name: str) -> Any:
    return [] if name in STREAM_FIELDS else ""


def _gemeente_dir(gemeente: str) -> Path:
    (naam,) = select_gemeenten([gemeente])
    return GEMEENTEN_DIR / naam


TRANSLATION_KEYS = (
    "slug",
    "title",
    "kort_antwoord",
    "wat_is_het",
    "lokale_aanvulling",
    "voorwaarden",
    "bezwaar_en_beroep",
    "wat_als_geen_reactie",
    "termijn_omschrijving",
    "aanvragen",
    "benodigdheden",
    "vragen",
    "kosten",
)
REQUIRED_TRANSLATION_KEYS = (
    "slug",
    "title",
    "kort_antwoord",
    "wat_is_het",
    "aanvragen",
)


def read_basistekst_vertalingen(
    basisteksten: dict[str, dict[str, Any]] | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Per language code, the translated basisteksten by slug
    (``basisteksten.<taal>.toml``; FORMAT.md, "Translations")."""
    basisteksten = read_basisteksten() if basisteksten is None else basisteksten
    vertalingen: dict[str, dict[str, dict[str, Any]]] = {}
    problems: list[str] = []
    for path in sorted(DEMO_DIR.glob("basisteksten.*.toml")):
        taal = path.name.split(".")[1]
        teksten, found = _read_basisteksten_file(
            path,
            f"{path.name}:",
            BASISTEKST_TRANSLATION_KEYS,
            "Een vertaling van een basistekst bevat alleen de titel en de gedeelde "
            "teksten.",
        )
        problems += found
        problems += [
            f"{path.name}: {slug}: de basistekst '{slug}' bestaat niet in "
            "basisteksten.toml."
            for slug in teksten
            if slug not in basisteksten
        ]
        vertalingen[taal] = teksten
    if problems:
        raise DemoDataError(problems)
    return vertalingen


def read_vertalingen(gemeente: str = DEFAULT_GEMEENTE) -> dict[str, dict[str, Any]]:
    """Per language code, the gemeente's translations (``vertalingen/<taal>.toml``):
    ``thema`` (slug and title) and ``product`` tables (FORMAT.md, "Translations").

    A translated product whose Dutch product links to a basistekst with a
    text in that language comes with that text's shared fields filled in
    (except the Dutch product's own fields), as :func:`read_catalogus` does
    for Dutch products.
    """
    folder = _gemeente_dir(gemeente) / "vertalingen"
    paths = sorted(folder.glob("*.toml")) if folder.exists() else []
    vertalingen: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    if not paths:
        return vertalingen
    basisteksten = read_basisteksten()
    nationaal = read_basistekst_vertalingen(basisteksten)
    dutch = {
        product["slug"]: product
        for producten in read_catalogus(gemeente, basisteksten).values()
        for product in producten
    }
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        teksten = nationaal.get(path.stem, {})
        producten = []
        for product in data.get("product", []):
            label = f"{gemeente}/vertalingen/{path.name}: {product.get('slug', '?')}"
            unknown = sorted(set(product) - set(TRANSLATION_KEYS))
            if unknown:
                problems.append(
                    f"{label}: onbekende velden {', '.join(unknown)}. Een vertaling "
                    "bevat alleen teksten; bedragen, termijn en links zijn die van "
                    "het Nederlandse product."
                )
            resolved, errors = _resolve_translation(
                product, dutch.get(product.get("slug", "")), teksten
            )
            problems.extend(f"{label}: {error}" for error in errors)
            missing = [k for k in REQUIRED_TRANSLATION_KEYS if not resolved.get(k)]
            if missing:
                problems.append(f"{label}: vul {', '.join(missing)} in.")
            producten.append(resolved)
        vertalingen[path.stem] = data | {"product": producten}
    if problems:
        raise DemoDataError(problems)
    return vertalingen


def _resolve_translation(
    product: dict[str, Any],
    dutch: dict[str, Any] | None,
    teksten: dict[str, dict[str, Any]],
) -> tuple[dict[str, Any], list[str]]:
    """``product`` with the translated basistekst's shared texts, if any."""
    if dutch is None:
        return product, [f"er is geen Nederlands product '{product.get('slug')}'."]
    tekst = teksten.get(dutch.get("basistekst", ""))
    if tekst is None:
        return product, []
    resolved = copy.deepcopy(product)
    errors: list[str] = []
    for name in INHERITED_FIELDS:
        if dutch.get(override_flag(name), False):
            continue  # the gemeente's own text: its translator translates it
        if name in product:
            errors.append(
                f"{name} komt uit de vertaling van de basistekst "
                f"'{dutch['basistekst']}'. Haal het veld hier weg."
            )
        resolved[name] = copy.deepcopy(tekst.get(name, _empty(name)))
    return resolved, errors

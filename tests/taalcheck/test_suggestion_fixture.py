"""Every suggestion the checker makes over the demo catalogue and over the
evaluation texts, as a reviewed fixture (issue 19).

``fixtures/suggesties.txt`` holds one line per distinct suggestion: the
rule, the words it is about and the advice. Each line was read by a person
for grammatical Dutch before it went in. A new or changed suggestion makes
this test fail with a diff; review the new lines, then regenerate with

    python -m tests.taalcheck.test_suggestion_fixture

and commit the fixture together with the change that caused it.
"""

from __future__ import annotations

import csv
import difflib
import sys
from pathlib import Path

from demo.source import GEMEENTEN, read_basisteksten, read_catalogus
from taalcheck import check
from taalcheck.product import product_texts

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import taal_split as _split  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "suggesties.txt"


def _texts() -> list[str]:
    basisteksten = read_basisteksten()
    texts = [
        text for tekst in basisteksten.values() for _f, text in product_texts(tekst)
    ]
    for gemeente in GEMEENTEN:
        for producten in read_catalogus(gemeente, basisteksten).values():
            for product in producten:
                texts.extend(text for _f, text in product_texts(product))
    for name, columns in (
        ("niveaus.csv", ("tekst",)),
        ("paren.csv", ("origineel", "eenvoudig")),
        ("niveaus2.csv", ("tekst",)),
        ("paren2.csv", ("origineel", "eenvoudig")),
    ):
        path = ROOT / "bench" / "taal" / name
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.DictReader(line for line in handle if not line.startswith("#"))
            texts.extend(row[column] for row in rows for column in columns)
    # The third set: its dev half only. Its test half is scored once by
    # bench/taal_eval.py and not read before that, not even for this review.
    for name, columns in (
        ("niveaus3.csv", ("tekst",)),
        ("paren3.csv", ("origineel", "eenvoudig")),
    ):
        texts.extend(
            row[column]
            for row in _split.read(name)
            if _split.split(row["id"], _split.seed_of(name)) == "dev"
            for column in columns
        )
    return texts


def current_suggestions() -> list[str]:
    lines = set()
    for text in dict.fromkeys(_texts()):
        for finding in check(text).findings:
            if finding.suggestion:
                lines.add(f"{finding.rule} | {finding.excerpt} | {finding.suggestion}")
    return sorted(lines)


def test_every_suggestion_is_in_the_reviewed_fixture():
    reviewed = FIXTURE.read_text(encoding="utf-8").splitlines()
    current = current_suggestions()
    diff = "\n".join(
        difflib.unified_diff(reviewed, current, "reviewed", "now", lineterm="")
    )
    assert current == reviewed, f"New or changed suggestions; review them:\n{diff}"


if __name__ == "__main__":
    FIXTURE.write_text("\n".join(current_suggestions()) + "\n", encoding="utf-8")

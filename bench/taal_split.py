"""The development/test split of the evaluation texts in ``bench/taal/``.

Made once, before any fitting, and never changed: a text belongs to a group
(a before/after pair is one group, so both sides of a rewrite and its row in
``niveaus.csv`` land in the same half), and the first byte of the group's
SHA-256 decides: even is ``dev``, odd is ``test``. Weights and cut points of
the level estimate are fitted on ``dev`` only (``bench/taal_fit.py``); the
``test`` half is scored once, by ``bench/taal_eval.py``.

Result: ``niveaus.csv`` 98 dev (49 B1, 49 harder) and 97 test (50 B1, 47
harder); ``paren.csv`` 49 dev and 46 test pairs. The second set, collected
after the first test half was scored (``paren2.csv``, ``niveaus2.csv``),
uses the same rule: 21 dev (10 B1) and 12 test (6 B1) texts, 14 dev and 9
test pairs.

The third set (``paren3.csv``, ``niveaus3.csv``, issue 19, collected after
the test halves of sets 1 and 2 had been scored) is split the same way, but
with the seed ``20261206`` put in front of the group before hashing
(``SEEDS``), chosen before the split was looked at: 28 dev (16 B1) and 33
test (10 B1) texts, 10 dev and 17 test pairs.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "taal"


def group(row_id: str) -> str:
    """The group of a row: "rvo-begrippen-01a", "rvo-begrippen-01" and
    "b1teksten-1b" give "rvo-begrippen-01" and "b1teksten-01"; a source
    without numbered pairs ("meandsociety-a1") is one group."""
    match = re.match(r"^(.*?)-(\d+)[ab]?$", row_id)
    if match:
        return f"{match[1]}-{int(match[2]):02d}"
    return row_id.rsplit("-", 1)[0]


SEEDS = {"paren3.csv": "20261206", "niveaus3.csv": "20261206"}
"""Files split with a seed; the first two sets have none (their split stays
as committed)."""


def seed_of(name: str) -> str:
    """The seed of a data file ("" for sets 1 and 2)."""
    return SEEDS.get(name, "")


def split(row_id: str, seed: str = "") -> str:
    """``dev`` or ``test``; ``seed`` from ``seed_of`` for the file."""
    key = f"{seed}:{group(row_id)}" if seed else group(row_id)
    first = hashlib.sha256(key.encode("utf-8")).digest()[0]
    return "dev" if first % 2 == 0 else "test"


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))

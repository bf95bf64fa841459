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


def split(row_id: str) -> str:
    """``dev`` or ``test``."""
    first = hashlib.sha256(group(row_id).encode("utf-8")).digest()[0]
    return "dev" if first % 2 == 0 else "test"


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))

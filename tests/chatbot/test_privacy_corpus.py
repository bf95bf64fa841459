"""The scrubber on the generated corpus (bench/privacy_corpus.py): a regression figure.

The corpus is built from our own templates, so this pins what the scrubber
catches and what it leaves alone; it is not an independent quality figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from privacy_corpus import evaluate

from chatbot.privacy import scrub


def test_at_least_99_percent_of_the_personal_data_is_removed():
    result = evaluate(scrub)
    assert result.items >= 600
    assert result.recall >= 0.99, result.misses[:10]
    for kind, (caught, total) in result.per_kind.items():
        assert caught / total >= 0.95, (kind, result.misses[:10])


def test_at_most_one_percent_of_the_clean_questions_is_changed():
    result = evaluate(scrub)
    assert result.clean >= 500
    assert result.altered_share <= 0.01, result.alterations[:10]

"""Fit the learned hand-over decision of the chatbot.

    .venv/bin/python bench/chatbot_beslissing.py

Logistic regression (plain gradient descent with a small L2 penalty, no
extra dependency) over ``chatbot.matching.decision_features``. It is
trained on the team's own questions (``bench/chatbot/regressie_team.csv``,
shipped with the project: 234 answerable, 40 to hand over), never on the
evaluation questions. Its threshold is then chosen on every development
question (``set`` ``ontwikkel`` in ``bench/chatbot/vragen_extern*.csv``; the
most questions handled well, on a plateau its middle); a test set is never
read. Writes ``chatbot/data/beslissing.json``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_demo_database
from chatbot_eval import read_questions, read_regression

OUT = Path(__file__).resolve().parent.parent / "chatbot" / "data" / "beslissing.json"


def fit(rows: list[dict[str, float]], labels: list[int], *, l2: float = 0.01):
    names = sorted(rows[0])
    w = dict.fromkeys(names, 0.0)
    b = 0.0
    n = len(rows)
    positives = sum(labels) or 1
    # Balanced classes: the rarer "hand over" questions weigh as much in total.
    weight = {1: n / (2 * positives), 0: n / (2 * (n - positives))}
    for _ in range(4000):
        gw = dict.fromkeys(names, 0.0)
        gb = 0.0
        for x, y in zip(rows, labels, strict=True):
            z = b + sum(w[k] * x[k] for k in names)
            p = 1 / (1 + math.exp(-max(min(z, 50), -50)))
            g = (p - y) * weight[y]
            gb += g
            for k in names:
                gw[k] += g * x[k]
        b -= 0.5 * gb / n
        for k in names:
            w[k] -= 0.5 * (gw[k] / n + l2 * w[k])
    return w, b


def main() -> None:
    setup_demo_database()
    from django.conf import settings
    from wagtail.models import Site

    from chatbot import matching
    from chatbot.index import index_for_site

    matching.beslissing.cache_clear()
    OUT.unlink(missing_ok=True)
    index = index_for_site(Site.objects.get(is_default_site=True))
    drempel = settings.CHATBOT_DREMPEL

    train = read_regression()
    results = [matching.match(v.tekst, index, drempel=drempel) for v in train]
    rows = [r.kenmerken for r in results if r.kenmerken]
    labels = [int(v.buiten) for v, r in zip(train, results, strict=True) if r.kenmerken]
    w, b = fit(rows, labels)
    print(
        "gewichten:", {k: round(v, 3) for k, v in w.items()}, "intercept", round(b, 3)
    )

    dev = [v for v in read_questions() if v.set == "ontwikkel"]
    dev_results = [matching.match(v.tekst, index, drempel=drempel) for v in dev]

    def probability(kenmerken):
        z = b + sum(w[k] * kenmerken.get(k, 0.0) for k in w)
        return 1 / (1 + math.exp(-max(min(z, 50), -50)))

    def handled(threshold: float) -> int:
        good = 0
        for v, r in zip(dev, dev_results, strict=True):
            fell = (
                r.buiten is not None
                or r.score < drempel
                or not r.kenmerken
                or probability(r.kenmerken) >= threshold
            )
            top = r.kandidaten[0].slug if r.kandidaten else None
            good += fell if v.buiten else (not fell and top in v.verwacht)
        return good

    grid = [t / 100 for t in range(30, 100, 2)]
    curve = [(t, handled(t)) for t in grid]
    best = max(c for _, c in curve)
    plateau = [t for t, c in curve if c == best]
    threshold = plateau[len(plateau) // 2]
    print("drempel:", " ".join(f"{t:.2f}={c}" for t, c in curve))
    print(f"gekozen {threshold:.2f} ({best} van {len(dev)} ontwikkelvragen goed)")
    OUT.write_text(
        json.dumps(
            {
                "gewichten": {k: round(v, 4) for k, v in w.items()},
                "intercept": round(b, 4),
                "drempel": threshold,
                "getraind_op": "bench/chatbot/regressie_team.csv (teamvragen)",
                "drempel_gekozen_op": "alle ontwikkelvragen van bench/chatbot/vragen_extern*.csv",
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"geschreven: {OUT}")


if __name__ == "__main__":
    main()

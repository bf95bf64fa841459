"""Fit the matcher's weights on the development questions only.

    .venv/bin/python bench/chatbot_afstemmen.py

Coordinate search: one weight at a time over a small grid, keeping the best
value, two passes. The objective counts the development questions handled
well (answered with an expected product, or not answered with a product when
the question is ``buiten``), plus a quarter point per question whose expected
product is ranked first whatever the fallback decision (so ranking improves
even where the threshold has not moved yet). The test set is never read.
Prints the weights to put in ``chatbot/index.py`` and ``chatbot/matching.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_demo_database
from chatbot_eval import read_questions, read_regression

GRIDS: dict[str, tuple[float, ...]] = {
    "title": (1.5, 2.0, 3.0, 4.0, 5.0),
    "upl_naam": (1.0, 1.5, 2.5, 3.5),
    "zoektermen": (1.5, 2.0, 3.0, 4.0, 5.0),
    "vragen": (0.5, 1.0, 2.0, 3.0),
    "kort_antwoord": (0.3, 0.6, 1.0, 1.5),
    "thema": (0.0, 0.25, 0.5, 1.0),
    "tekst": (0.1, 0.2, 0.4, 0.7, 1.0),
    "LOW_FIELD_CAP": (0.5, 1.0, 1.5, 2.0),
    "K1": (0.6, 0.9, 1.2, 1.6, 2.0, 3.0),
    "UNKNOWN_WEIGHT": (0.25, 0.5, 0.75, 1.0),
    "PHRASE_BONUS": (0.0, 0.1, 0.15, 0.25),
    "NAME_BONUS": (0.0, 0.25, 0.5, 1.0),
    "IDF_POWER": (1.0, 1.5, 2.0, 2.5, 3.0),
    "COUNTRY_WEIGHT": (1.0, 1.5, 2.0, 3.0),
    "NATIONAL_FACTOR": (0.6, 0.7, 0.8, 0.9, 1.0),
    "DREMPEL": tuple(t / 100 for t in range(4, 46, 2)),
}
BUILD_TIME = {
    "title",
    "upl_naam",
    "zoektermen",
    "vragen",
    "kort_antwoord",
    "thema",
    "tekst",
    "LOW_FIELD_CAP",
}


def main() -> None:
    setup_demo_database()
    from wagtail.models import Site

    from chatbot import index as index_module
    from chatbot import matching
    from chatbot.index import build_index, documents_for_site
    from chatbot.instanties import national_documents

    site = Site.objects.get(is_default_site=True)
    documents = [*documents_for_site(site), *national_documents()]
    dev = [v for v in read_questions() if v.set == "ontwikkel"]
    # The team's own questions (shipped, no quality figure) count at half
    # weight, so the fit keeps what they pin down (a stolen passport is the
    # paspoort, "hoe laat is het" is nobody's) without overruling dev.
    team = read_regression()

    params: dict[str, float] = {
        **index_module.FIELD_WEIGHTS,
        "LOW_FIELD_CAP": index_module.LOW_FIELD_CAP,
        "K1": matching.K1,
        "UNKNOWN_WEIGHT": matching.UNKNOWN_WEIGHT,
        "PHRASE_BONUS": matching.PHRASE_BONUS,
        "NAME_BONUS": matching.NAME_BONUS,
        "IDF_POWER": matching.IDF_POWER,
        "COUNTRY_WEIGHT": matching.COUNTRY_WEIGHT,
        "NATIONAL_FACTOR": matching.NATIONAL_FACTOR,
        "DREMPEL": matching.DREMPEL,
    }
    built: dict[tuple, object] = {}

    def apply(p: dict[str, float]):
        for name in index_module.FIELD_WEIGHTS:
            index_module.FIELD_WEIGHTS[name] = p[name]
        index_module.LOW_FIELD_CAP = p["LOW_FIELD_CAP"]
        for name in (
            "K1",
            "UNKNOWN_WEIGHT",
            "PHRASE_BONUS",
            "NAME_BONUS",
            "IDF_POWER",
            "COUNTRY_WEIGHT",
            "NATIONAL_FACTOR",
        ):
            setattr(matching, name, p[name])
        key = tuple(p[name] for name in sorted(BUILD_TIME))
        if key not in built:
            built.clear()
            built[key] = build_index(documents)
        return built[key]

    def objective(p: dict[str, float]) -> float:
        index = apply(p)
        score = 0.0
        for weight, questions in ((1.0, dev), (0.5, team)):
            for v in questions:
                result = matching.match(v.tekst, index, drempel=p["DREMPEL"])
                top = result.kandidaten[0].slug if result.kandidaten else None
                if v.buiten:
                    score += weight * result.fallback
                else:
                    score += weight * ((not result.fallback) and top in v.verwacht)
                    score += weight * 0.25 * (top in v.verwacht)
        return score

    started = time.perf_counter()
    best = objective(params)
    print(f"start: {best:.2f}")
    for round_ in range(2):
        for name, grid in GRIDS.items():
            for value in grid:
                trial = {**params, name: value}
                result = objective(trial)
                if result > best + 1e-9:
                    best, params = result, trial
            print(f"ronde {round_ + 1} {name} = {params[name]} → {best:.2f}")
    print(f"klaar in {time.perf_counter() - started:.0f} s; doel {best:.2f}")
    print({k: params[k] for k in GRIDS})
    # The threshold: the middle of the plateau of the best objective, which
    # leaves the most room on both sides.
    curve = [(t, objective({**params, "DREMPEL": t})) for t in GRIDS["DREMPEL"]]
    top = max(value for _, value in curve)
    plateau = [t for t, value in curve if value >= top - 1e-9]
    print("drempel:", " ".join(f"{t:.2f}={v:.2f}" for t, v in curve))
    print(
        f"plateau {plateau[0]:.2f} tot {plateau[-1]:.2f}, midden {plateau[len(plateau) // 2]:.2f}"
    )


if __name__ == "__main__":
    main()

"""Fit the chatbot's learned reranker and hand-over decision; choose their settings by cross-validation.

    .venv/bin/python bench/chatbot_beslissing.py            # fit, print the CV figures, write the model
    .venv/bin/python bench/chatbot_beslissing.py --droog    # only print

Training data: the development rows (``set`` ``ontwikkel``) of every outside
collection, ``bench/chatbot/vragen_extern*.csv`` (shipped with the project);
a test row is never read. Optionally the team's own questions
(``regressie_team.csv``) are added to the training folds (never to the
scoring folds); the cross-validation decides.

Two logistic regressions, fitted with Newton's method and an L2 penalty in
plain Python (no numpy, no scikit-learn: 15 features and a few thousand rows):

1. the **reranker** over ``chatbot.matching.candidate_features`` of the
   ``RERANK_DEPTH`` best candidates by match score: is this candidate the
   right product?
2. the **decision** over the features ``chatbot.matching.decide`` makes from
   the reranked first candidate and the question: is no product of the
   gemeente the answer (``buiten``)? Classes balanced.

Settings (each model's penalty, whether to rerank at all, the team questions,
the decision's threshold) are chosen on out-of-fold predictions of a
5-fold cross-validation **grouped by source address**, so questions copied
from the same page are never on both sides. The reranker's settings by
out-of-fold top-1; the decision's by out-of-fold F1 of "handed over" on the
``buiten`` questions (recall and precision of the hand-over, the two
targets). Then both are fitted on all development rows and written to
``chatbot/data/beslissing.json`` with the figures.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_demo_database
from chatbot_eval import FIFTH_COLLECTION, Vraag, read_questions, read_regression

OUT = Path(__file__).resolve().parent.parent / "chatbot" / "data" / "beslissing.json"
FOLDS = 5
SEED = 20261206
L2_GRID = (0.01, 0.1, 1.0, 10.0)
THRESHOLDS = tuple(t / 100 for t in range(20, 96, 2))


@dataclass(frozen=True)
class Rij:
    vraag: Vraag
    rijen: tuple[dict, ...]
    vraag_kenmerken: dict[str, float]


# --- logistic regression, Newton's method with L2 --------------------------


def fit_logistic(
    rows: list[dict[str, float]],
    labels: list[int],
    *,
    l2: float,
    balanced: bool = False,
    names: list[str] | None = None,
) -> dict:
    """Weights and intercept of an L2-penalised logistic regression."""
    names = names or sorted({k for row in rows for k in row})
    d = len(names) + 1
    xs = [[1.0, *(float(row.get(k, 0.0)) for k in names)] for row in rows]
    n = len(xs)
    positives = sum(labels)
    if balanced and 0 < positives < n:
        weight = {1: n / (2 * positives), 0: n / (2 * (n - positives))}
    else:
        weight = {0: 1.0, 1: 1.0}
    beta = [0.0] * d
    for _ in range(30):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(xs, labels, strict=True):
            z = sum(b * v for b, v in zip(beta, x, strict=True))
            p = 1 / (1 + math.exp(-max(min(z, 50.0), -50.0)))
            w = weight[y]
            g = (p - y) * w
            h = p * (1 - p) * w
            for i in range(d):
                grad[i] += g * x[i]
                hx = h * x[i]
                row = hess[i]
                for j in range(i, d):
                    row[j] += hx * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
        for i in range(1, d):  # the intercept is not penalised
            grad[i] += l2 * beta[i]
            hess[i][i] += l2
        step = _solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return {
        "intercept": round(beta[0], 5),
        "gewichten": {k: round(b, 5) for k, b in zip(names, beta[1:], strict=True)},
    }


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Solve ``matrix @ x = vector`` (Gaussian elimination, partial pivoting)."""
    n = len(vector)
    a = [[*row, v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        if abs(a[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            f = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= f * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(a[r][r]) < 1e-12:
            continue
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


# --- what the chatbot would do with a model ---------------------------------


def outcome(rij: Rij, model: dict, drempel: float) -> tuple[list[str], bool]:
    """Ranked slugs and whether the chatbot would hand over, as ``match`` does."""
    from chatbot.matching import NAME_ORGANISATION_SHARE, decide

    if not rij.rijen:
        return [], True
    order, kans, _ = decide(rij.rijen, rij.vraag_kenmerken, model)
    top = rij.rijen[order[0]]
    national = rij.vraag_kenmerken["nationaal_score"]
    says = kans >= model.get("beslissing", {}).get("drempel", 1.0) and not top["naam"]
    wins = model.get("nationaal_wint", True) and national > top["score"]
    buiten = national >= drempel and (
        wins or (says and national >= NAME_ORGANISATION_SHARE * top["score"])
    )
    fallback = buiten or min(top["score"], 1.0) < drempel or says
    return [rij.rijen[i]["slug"] for i in order], fallback


def figures(rijen: list[Rij], outcomes: list[tuple[list[str], bool]]) -> dict:
    answerable = [
        (r, o) for r, o in zip(rijen, outcomes, strict=True) if not r.vraag.buiten
    ]
    top1 = sum(
        1
        for r, (ranked, _) in answerable
        if ranked[:1] and ranked[0] in r.vraag.verwacht
    )
    fell = [r for r, (_, fb) in zip(rijen, outcomes, strict=True) if fb]
    tp = sum(1 for r in fell if r.vraag.buiten)
    buiten = sum(1 for r in rijen if r.vraag.buiten)
    recall = tp / buiten if buiten else 1.0
    precision = tp / len(fell) if fell else 1.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {
        "top1": round(top1 / len(answerable), 4),
        "recall": round(recall, 4),
        "precisie": round(precision, 4),
        "f1": round(f1, 4),
    }


# --- fitting -----------------------------------------------------------------


def rank_examples(rijen: list[Rij]) -> tuple[list[dict], list[int]]:
    rows, labels = [], []
    for rij in rijen:
        if rij.vraag.buiten or not any(
            c["slug"] in rij.vraag.verwacht for c in rij.rijen
        ):
            continue
        for c in rij.rijen:
            rows.append({k: v for k, v in c.items() if k != "slug"})
            labels.append(int(c["slug"] in rij.vraag.verwacht))
    return rows, labels


def decision_examples(
    rijen: list[Rij], rangorde: dict | None
) -> tuple[list[dict], list[int]]:
    from chatbot.matching import decide

    model = {"rangorde": rangorde} if rangorde else {}
    rows, labels = [], []
    for rij in rijen:
        if not rij.rijen:
            continue
        _, _, kenmerken = decide(rij.rijen, rij.vraag_kenmerken, model)
        rows.append(kenmerken)
        labels.append(int(rij.vraag.buiten))
    return rows, labels


def fit_models(
    train: list[Rij],
    *,
    l2_rank: float | None,
    l2_dec: float,
    drempel_beslissing: float,
    rangorde: dict | None = None,
) -> dict:
    model: dict = {}
    if rangorde is not None:
        model["rangorde"] = rangorde
    elif l2_rank is not None:
        model["rangorde"] = fit_logistic(*rank_examples(train), l2=l2_rank)
    rows, labels = decision_examples(train, model.get("rangorde"))
    model["beslissing"] = {
        **fit_logistic(rows, labels, l2=l2_dec, balanced=True),
        "drempel": drempel_beslissing,
    }
    return model


def folds_by_source(rijen: list[Rij], sources: dict[str, str]) -> list[int]:
    """A fold per question; every question of one source address in one fold."""
    groups = sorted({sources[r.vraag.id] for r in rijen})
    random.Random(SEED).shuffle(groups)  # noqa: S311 (a reproducible split)
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    return [fold_of[sources[r.vraag.id]] for r in rijen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--droog", action="store_true", help="do not write the model")
    args = parser.parse_args()

    setup_demo_database()
    import csv

    from django.conf import settings
    from wagtail.models import Site

    from chatbot import matching
    from chatbot.index import index_for_site

    index = index_for_site(
        Site.objects.get(is_default_site=True), on_build=matching.prepare
    )
    drempel = settings.CHATBOT_DREMPEL

    def collect(vragen: list[Vraag]) -> list[Rij]:
        out = []
        for v in vragen:
            m = matching.match(
                v.tekst, index, drempel=drempel, model={}, keep_rows=True
            )
            out.append(Rij(vraag=v, rijen=m.rijen, vraag_kenmerken=m.vraag_kenmerken))
        return out

    sources: dict[str, str] = {}
    for path in sorted(
        (Path(__file__).resolve().parent / "chatbot").glob("vragen_extern*.csv")
    ):
        with path.open(encoding="utf-8", newline="") as handle:
            sources.update({row["id"]: row["bron"] for row in csv.DictReader(handle)})
    dev = collect([v for v in read_questions() if v.set == "ontwikkel"])
    team = collect(read_regression())
    fold = folds_by_source(dev, sources)
    print(
        f"{len(dev)} ontwikkelvragen ({sum(r.vraag.buiten for r in dev)} buiten), "
        f"{len({sources[r.vraag.id] for r in dev})} bronnen, {FOLDS} folds; {len(team)} teamvragen"
    )

    rankers: dict = {}

    def oof(l2_rank, l2_dec, met_team) -> list[tuple[dict, Rij]]:
        """Per development question the model fitted without its fold."""
        out: list[tuple[dict, Rij] | None] = [None] * len(dev)
        for k in range(FOLDS):
            train = [r for r, f in zip(dev, fold, strict=True) if f != k]
            if met_team:
                train += team
            key = (met_team, l2_rank, k)
            if l2_rank is not None and key not in rankers:
                rankers[key] = fit_logistic(*rank_examples(train), l2=l2_rank)
            model = fit_models(
                train,
                l2_rank=l2_rank,
                l2_dec=l2_dec,
                drempel_beslissing=1.0,
                rangorde=rankers.get(key),
            )
            for i, f in enumerate(fold):
                if f == k:
                    out[i] = (model, dev[i])
        return out  # type: ignore[return-value]

    def score_at(pairs, threshold, wint=True):
        outcomes = []
        for model, rij in pairs:
            m = {
                **model,
                "nationaal_wint": wint,
                "beslissing": {**model["beslissing"], "drempel": threshold},
            }
            outcomes.append(outcome(rij, m, drempel))
        return figures([r for _, r in pairs], outcomes)

    before = figures(dev, [outcome(r, {}, drempel) for r in dev])
    print("zonder model (alleen de match-score):", before)
    results = []
    fifth = [i for i, r in enumerate(dev) if r.vraag.id >= FIFTH_COLLECTION]
    for met_team in (False, True):
        for l2_rank in (None, *L2_GRID):
            for l2_dec in L2_GRID:
                pairs = oof(l2_rank, l2_dec, met_team)
                for wint in (True, False):
                    best = max(
                        ((t, score_at(pairs, t, wint)) for t in THRESHOLDS),
                        key=lambda item: (item[1]["f1"], item[1]["recall"]),
                    )
                    part = score_at([pairs[i] for i in fifth], best[0], wint)
                    results.append(((met_team, l2_rank, l2_dec, wint), best, part))
                    print(
                        f"team={met_team!s:5} l2_rang={l2_rank!s:5} "
                        f"l2_beslissing={l2_dec:<5} nationaal_wint={wint!s:5} "
                        f"drempel={best[0]:.2f} {best[1]} vijfde: {part}"
                    )
    # Reranker settings by out-of-fold top-1, then the decision by F1.
    top1 = max(r[1][1]["top1"] for r in results)
    contenders = [r for r in results if r[1][1]["top1"] >= top1 - 1e-9]
    (met_team, l2_rank, l2_dec, wint), (threshold, cv), cv_fifth = max(
        contenders,
        key=lambda r: (r[1][1]["f1"], r[1][1]["recall"], r[0][1] is None, r[0][3]),
    )
    print(
        f"gekozen: team={met_team} l2_rang={l2_rank} l2_beslissing={l2_dec} "
        f"nationaal_wint={wint} drempel={threshold:.2f}; kruisvalidatie {cv}; "
        f"alleen de vijfde verzameling {cv_fifth}"
    )
    train = dev + (team if met_team else [])
    model = fit_models(
        train, l2_rank=l2_rank, l2_dec=l2_dec, drempel_beslissing=threshold
    )
    model["nationaal_wint"] = wint
    fitted = figures(dev, [outcome(r, model, drempel) for r in dev])
    print("op alle ontwikkelvragen gefit (in-sample):", fitted)
    model["herkomst"] = {
        "getraind_op": "ontwikkelrijen van bench/chatbot/vragen_extern*.csv"
        + (" en bench/chatbot/regressie_team.csv" if met_team else ""),
        "instellingen": {
            "teamvragen": met_team,
            "l2_rangorde": l2_rank,
            "l2_beslissing": l2_dec,
            "nationaal_wint": wint,
        },
        "kruisvalidatie": f"{FOLDS} folds gegroepeerd op bronadres, seed {SEED}",
        "zonder_model": before,
        "kruisvalidatie_cijfers": cv,
        "kruisvalidatie_vijfde_verzameling": cv_fifth,
        "in_sample": fitted,
    }
    if not args.droog:
        OUT.write_text(
            json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"geschreven: {OUT}")


if __name__ == "__main__":
    main()

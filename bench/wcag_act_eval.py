"""Precision and recall on the W3C ACT Rules test cases in bench/wcag/act/, ours next to axe-core.

    .venv/bin/python bench/wcag_act_eval.py --split dev          # tune on this
    .venv/bin/python bench/wcag_act_eval.py --split test         # score once, report
    .venv/bin/python bench/wcag_act_eval.py --split test --no-axe
    .venv/bin/python bench/wcag_act_eval.py --split all --json bench/wcag/act_results.json
    .venv/bin/python bench/wcag_act_eval.py --set extra --split test   # the second set
    .venv/bin/python bench/wcag_act_eval.py --set technieken --split dev   # WCAG 2.2 Techniques
    .venv/bin/python bench/wcag_act_eval.py --set alle --split dev         # all three sets
    .venv/bin/python bench/wcag_act_eval.py --set alle --split beide       # dev and test, one run

Two sets: ``act`` (``bench/wcag/act/``, 18 rules, its test half scored in the first
round) and ``extra`` (``bench/wcag/act-extra/``, 6 further ACT rules added in the
second round; split the same way before any rule was changed for it) and
``technieken`` (``bench/wcag/technieken/``, the examples of WCAG 2.2 Techniques
failures and sufficient techniques, third round; a failure's example is "Failed",
a sufficient technique's example "Passed"; same split rule, fixed and committed
before any rule was changed for it).

Each case is one example of one ACT rule (``bench/wcag/act/<rule id>.md``, copied
from the rule pages, see ``bench/wcag/SOURCES.md``). Ground truth: a *failed*
example is a violation of each of the rule's WCAG success criteria; a *passed* or
*inapplicable* example is not. A checker "reports" a case for a criterion when it
reports any finding with that criterion anywhere in the case (whole-case scoring,
as the examples are small); warnings count as findings. Our checker gets
``fragment=True`` unless the case has an ``<html>`` element.

The split is fixed before any tuning: an example goes to *test* when the first
byte of sha256("<rule id>/<example title>") is odd, else to *dev*. Tune on dev;
the test figures are for the report.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toegankelijkheid import check_html  # noqa: E402
from toegankelijkheid.browser import WCAG_AA_TAGS, criteria_of, missing, run_axe  # noqa: E402

CASES = ROOT / "bench" / "wcag" / "act"
SETS = {
    "act": CASES,
    "extra": ROOT / "bench" / "wcag" / "act-extra",
    "technieken": ROOT / "bench" / "wcag" / "technieken",
}
_EXAMPLE = re.compile(
    r"^#### ((Passed|Failed|Inapplicable) Example \d+)\s*\n+```(\w+)\n(.*?)\n```",
    re.MULTILINE | re.DOTALL,
)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
AXE_BEST_PRACTICE = {"empty-heading": "1.3.1", "heading-order": "1.3.1"}
"""axe-core rules without a WCAG tag, counted under the criterion the ACT rule maps."""


@dataclass(frozen=True)
class Case:
    rule: str
    rule_name: str
    title: str
    expected: str  # passed, failed, inapplicable
    criteria: tuple[str, ...]
    html: str
    collection: str = "act"

    @property
    def name(self) -> str:
        return f"{self.rule}/{self.title}"

    @property
    def split(self) -> str:
        return "test" if hashlib.sha256(self.name.encode()).digest()[0] % 2 else "dev"

    @property
    def violation(self) -> bool:
        return self.expected == "failed"

    @property
    def fragment(self) -> bool:
        return re.search(r"<html[\s>]", self.html, re.IGNORECASE) is None


def load(directory: Path = CASES, collection: str = "act") -> list[Case]:
    cases = []
    for path in sorted(directory.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = dict(
            line.split(": ", 1)
            for line in _FRONT.match(text).group(1).splitlines()
            if ": " in line
        )
        criteria = tuple(c.strip() for c in front["criteria"].strip("[]").split(","))
        for title, outcome, _language, html in _EXAMPLE.findall(text):
            cases.append(
                Case(
                    rule=front["id"],
                    rule_name=front["name"],
                    title=title,
                    expected=outcome.lower(),
                    criteria=criteria,
                    html=html,
                    collection=collection,
                )
            )
    return cases


def ours(case: Case) -> set[str]:
    report = check_html(case.html, fragment=case.fragment)
    return {number for finding in report.findings for number in finding.criteria}


def axe(cases: list[Case]) -> tuple[list[set[str]], str]:
    results = run_axe(
        [{"name": case.name, "html": case.html} for case in cases],
        options={
            "runOnly": {"type": "tag", "values": [*WCAG_AA_TAGS, "best-practice"]}
        },
    )
    reported = []
    for result in results:
        numbers: set[str] = set()
        if "error" in result:
            # e.g. a meta refresh of 0 s navigates away before axe runs: nothing reported
            print(
                f"axe-core: kon {result['name']} niet beoordelen ({result['error'][:80]})"
            )
            reported.append(numbers)
            continue
        for violation in result.get("violations", []):
            numbers |= criteria_of(violation["tags"])
            if violation["id"] in AXE_BEST_PRACTICE:
                numbers.add(AXE_BEST_PRACTICE[violation["id"]])
        reported.append(numbers)
    return reported, (results[0].get("axeVersion", "?") if results else "?")


Counts = dict[str, int]


def _empty() -> Counts:
    return {"tp": 0, "fp": 0, "fn": 0, "tn": 0}


def score(
    cases: list[Case], reports: list[set[str]]
) -> tuple[dict[str, Counts], dict[str, Counts], list[str]]:
    """Counts per criterion and per ACT rule, and the names of the cases judged wrongly."""
    by_criterion: dict[str, Counts] = defaultdict(_empty)
    by_rule: dict[str, Counts] = defaultdict(_empty)
    wrong = []
    for case, reported in zip(cases, reports, strict=True):
        hits = [number in reported for number in case.criteria]
        for number, hit in zip(case.criteria, hits, strict=True):
            by_criterion[number][_key(case.violation, hit)] += 1
        # a rule's case counts once: reported when any of its criteria was reported
        by_rule[case.rule][_key(case.violation, any(hits))] += 1
        if any(hits) != case.violation:
            wrong.append(
                f"{case.name} ({case.expected}; gemeld: {sorted(reported) or '-'})"
            )
    return (
        dict(sorted(by_criterion.items(), key=_version)),
        dict(sorted(by_rule.items())),
        wrong,
    )


def _key(violation: bool, hit: bool) -> str:
    if violation:
        return "tp" if hit else "fn"
    return "fp" if hit else "tn"


def _version(item: tuple[str, Counts]) -> tuple[int, ...]:
    return tuple(int(part) for part in item[0].split("."))


def metrics(c: Counts) -> tuple[float | None, float | None, float | None]:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else (0.0 if precision is not None and recall is not None else None)
    )
    return precision, recall, f1


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def total(counts: dict[str, Counts]) -> Counts:
    out = _empty()
    for c in counts.values():
        for key in out:
            out[key] += c[key]
    return out


def table(
    label: str,
    columns: dict[str, dict[str, Counts]],
    names: dict[str, str] | None = None,
) -> list[str]:
    """One row per key; for each checker precision, recall and F1."""
    checkers = list(columns)
    keys = list(next(iter(columns.values())))
    header = f"| {label} | fout / goed |" + "".join(
        f" {name}: P | R | F1 |" for name in checkers
    )
    lines = [header, "|" + " --- |" * (2 + 3 * len(checkers))]
    for key in [*keys, "totaal"]:
        first = (
            total(columns[checkers[0]])
            if key == "totaal"
            else columns[checkers[0]][key]
        )
        row = f"| {key}{(' ' + names[key]) if names and key in names else ''} | {first['tp'] + first['fn']} / {first['fp'] + first['tn']} |"
        for name in checkers:
            c = total(columns[name]) if key == "totaal" else columns[name][key]
            row += "".join(f" {_fmt(v)} |" for v in metrics(c))
        lines.append(row)
    return lines


def _report_half(
    label: str,
    cases: list[Case],
    reports: dict[str, list[set[str]]],
    rules: dict[str, str],
    *,
    show_wrong: bool,
) -> dict[str, object]:
    """Print the tables for one half (or the whole run) and return its counts."""
    by_criterion: dict[str, dict[str, Counts]] = {}
    by_rule: dict[str, dict[str, Counts]] = {}
    wrong: dict[str, list[str]] = {}
    for name, reported in reports.items():
        by_criterion[name], by_rule[name], wrong[name] = score(cases, reported)
    by_collection: dict[str, dict[str, dict[str, Counts]]] = {}
    collections = sorted({c.collection for c in cases})
    if label:
        print(
            f"\n===== {label}: {len(cases)} gevallen, "
            f"{sum(c.violation for c in cases)} in strijd met WCAG ====="
        )
    if len(collections) > 1:
        # one run, each set on its own: the test halves of act and extra were scored before
        for collection in collections:
            chosen = [i for i, c in enumerate(cases) if c.collection == collection]
            subset = [cases[i] for i in chosen]
            by_collection[collection] = {
                name: score(subset, [reported[i] for i in chosen])[0]
                for name, reported in reports.items()
            }
            print(f"\nverzameling {collection} ({len(subset)} gevallen):\n")
            print("\n".join(table("criterium", by_collection[collection])))
        print("\nalle gekozen verzamelingen samen:")
    print()
    print("\n".join(table("criterium", by_criterion)))
    print()
    print("\n".join(table("ACT-regel", by_rule, names=rules)))
    if show_wrong:
        for name, cases_wrong in wrong.items():
            print(f"\n{name}: {len(cases_wrong)} verkeerd")
            for line in cases_wrong:
                print(f"  {line}")
    return {
        "by_criterion": by_criterion,
        "by_collection": by_collection,
        "by_rule": by_rule,
        "wrong": wrong,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=("dev", "test", "all", "beide"),
        default="dev",
        help="beide: dev en test apart, in één run (axe-core één keer over alles)",
    )
    parser.add_argument(
        "--set",
        dest="case_set",
        choices=(*SETS, "both", "alle"),
        default="act",
        help="welke verzameling: act (ronde 1), extra (ronde 2), technieken (ronde 3), "
        "both (act en extra) of alle",
    )
    parser.add_argument("--no-axe", action="store_true", help="alleen onze checker")
    parser.add_argument(
        "--fouten", action="store_true", help="toon de verkeerd beoordeelde gevallen"
    )
    parser.add_argument("--json", type=Path, help="schrijf de tellingen ook als JSON")
    args = parser.parse_args()
    every = [
        case
        for name, directory in SETS.items()
        if args.case_set in (name, "alle")
        or (args.case_set == "both" and name in ("act", "extra"))
        for case in load(directory, name)
    ]
    cases = [
        c for c in every if args.split in ("all", "beide") or c.split == args.split
    ]
    rules = {c.rule: c.rule_name for c in every}
    print(
        f"regels/technieken: {len(rules)}, voorbeelden: {len(every)} "
        f"(dev {sum(c.split == 'dev' for c in every)}, test {sum(c.split == 'test' for c in every)}); "
        f"deze run: {args.case_set}/{args.split}, {len(cases)} gevallen, {sum(c.violation for c in cases)} in strijd met WCAG"
    )
    reports = {"wij": [ours(c) for c in cases]}
    reason = "--no-axe" if args.no_axe else missing()
    if reason:
        print(f"axe-core: niet gedraaid ({reason})")
    else:
        found, version = axe(cases)
        reports[f"axe-core {version}"] = found
    if args.split == "beide":
        results = {}
        for half in ("dev", "test"):
            chosen = [i for i, c in enumerate(cases) if c.split == half]
            results[half] = _report_half(
                half,
                [cases[i] for i in chosen],
                {name: [found[i] for i in chosen] for name, found in reports.items()},
                rules,
                show_wrong=args.fouten,
            )
        data: dict[str, object] = {"split": "beide", "set": args.case_set, **results}
    else:
        result = _report_half("", cases, reports, rules, show_wrong=args.fouten)
        data = {
            "split": args.split,
            "by_criterion": result["by_criterion"],
            "by_rule": result["by_rule"],
        }
    if args.json:
        args.json.write_text(json.dumps(data, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

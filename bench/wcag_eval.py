"""Precision and recall per WCAG success criterion on the evaluation set in bench/wcag/.

    .venv/bin/python bench/wcag_eval.py            # ours, and axe-core when Chromium is there
    .venv/bin/python bench/wcag_eval.py --no-axe   # ours only
    .venv/bin/python bench/wcag_eval.py --json bench/wcag/results.json

Ground truth: each case's JSON lists elements that violate or pass one axe-core
rule; the rule's success criteria come from axe-core's own tags (for the two
best-practice rules, the criterion our checker files them under: see
``RULE_CRITERIA``). A checker "reports" a labelled element for a criterion when
it reports a finding with that criterion on the element itself or inside it.
Findings on unlabelled elements are not counted (the fixtures label only some).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toegankelijkheid import check_html  # noqa: E402
from toegankelijkheid.browser import WCAG_AA_TAGS, criteria_of, missing, run_axe  # noqa: E402
from toegankelijkheid.html import parse  # noqa: E402

CASES = ROOT / "bench" / "wcag"
RULE_CRITERIA = {
    # axe-core 4.14 tags (wcag111 → 1.1.1, …)
    "image-alt": ("1.1.1",),
    "input-image-alt": ("1.1.1", "4.1.2"),
    "role-img-alt": ("1.1.1",),
    "svg-img-alt": ("1.1.1",),
    "link-name": ("2.4.4", "4.1.2"),
    "label": ("4.1.2",),
    "button-name": ("4.1.2",),
    "frame-title": ("4.1.2",),
    "aria-roles": ("4.1.2",),
    # best-practice in axe-core (no WCAG tag); counted under the criterion we use
    "heading-order": ("1.3.1",),
    "empty-heading": ("1.3.1",),
}
BEST_PRACTICE = {"heading-order": "1.3.1", "empty-heading": "1.3.1"}
INDEX = "data-bench-index"
_INDEX = re.compile(rf'{INDEX}="(\d+)"')


class Case:
    def __init__(self, json_path: Path) -> None:
        spec = json.loads(json_path.read_text())
        self.name = f"{json_path.parent.name}/{json_path.stem}"
        self.rule = spec["rule"]
        self.criteria = RULE_CRITERIA[self.rule]
        parser = etree.HTMLParser(recover=True, remove_comments=True, encoding="utf-8")
        root = etree.fromstring(json_path.with_suffix(".html").read_bytes(), parser)
        self.parent: dict[int, int | None] = {}
        for number, element in enumerate(
            e for e in root.iter() if isinstance(e.tag, str)
        ):
            element.set(INDEX, str(number))
            parent = element.getparent()
            self.parent[number] = int(parent.get(INDEX)) if parent is not None else None
        self.html = etree.tostring(
            root, method="html", encoding="unicode", doctype="<!DOCTYPE html>"
        )
        self.labels: list[tuple[int, bool]] = []
        self.dropped = 0
        for expected, key in ((True, "violations"), (False, "passes")):
            for selector in spec.get(key, []):
                found = None
                if len(selector) == 1 and re.fullmatch(r"#[\w-]+", selector[0]):
                    matches = root.xpath("//*[@id=$id]", id=selector[0][1:])
                    found = int(matches[0].get(INDEX)) if matches else None
                if found is None:
                    self.dropped += 1
                else:
                    self.labels.append((found, expected))

    def hit(self, label: int, reported: set[int]) -> bool:
        """Reported on the labelled element or on an element inside it."""
        for element in reported:
            node: int | None = element
            while node is not None:
                if node == label:
                    return True
                node = self.parent[node]
        return False


def ours(case: Case) -> dict[str, set[int]]:
    report = check_html(case.html, fragment=False)
    document = parse(case.html, fragment=False)
    reported: dict[str, set[int]] = defaultdict(set)
    for finding in report.findings:
        element = document.select(finding.location.css_path)
        if element is not None and element.get(INDEX) is not None:
            for number in finding.criteria:
                reported[number].add(int(element.get(INDEX)))
    return reported


def axe(cases: list[Case]) -> tuple[list[dict[str, set[int]]], str]:
    results = run_axe(
        [{"name": case.name, "html": case.html} for case in cases],
        options={
            "runOnly": {"type": "tag", "values": [*WCAG_AA_TAGS, "best-practice"]}
        },
    )
    out = []
    for result in results:
        reported: dict[str, set[int]] = defaultdict(set)
        for violation in result.get("violations", []):
            numbers = criteria_of(violation["tags"])
            if violation["id"] in BEST_PRACTICE:
                numbers.add(BEST_PRACTICE[violation["id"]])
            for node in violation["nodes"]:
                match = _INDEX.search(node["html"])
                if match:
                    for number in numbers:
                        reported[number].add(int(match.group(1)))
        out.append(reported)
    return out, results[0].get("axeVersion", "?") if results else "?"


def score(
    cases: list[Case], reports: list[dict[str, set[int]]]
) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(
        lambda: {"tp": 0, "fn": 0, "fp": 0, "tn": 0}
    )
    for case, reported in zip(cases, reports, strict=True):
        for label, violation in case.labels:
            for number in case.criteria:
                found = case.hit(label, reported.get(number, set()))
                key = (
                    ("tp" if found else "fn")
                    if violation
                    else ("fp" if found else "tn")
                )
                counts[number][key] += 1
    return dict(sorted(counts.items()))


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def table(name: str, counts: dict[str, dict[str, int]]) -> list[str]:
    lines = [
        f"{name}",
        f"  {'criterium':9} {'fout+':>5} {'goed':>5}  {'precisie':>8} {'recall':>7}   (tp fp fn tn)",
    ]
    total = {"tp": 0, "fn": 0, "fp": 0, "tn": 0}
    for number, c in counts.items():
        for key in total:
            total[key] += c[key]
        lines.append(
            f"  {number:9} {c['tp'] + c['fn']:5} {c['fp'] + c['tn']:5}  {ratio(c['tp'], c['tp'] + c['fp']):>8} "
            f"{ratio(c['tp'], c['tp'] + c['fn']):>7}   ({c['tp']} {c['fp']} {c['fn']} {c['tn']})"
        )
    lines.append(
        f"  {'totaal':9} {total['tp'] + total['fn']:5} {total['fp'] + total['tn']:5}  "
        f"{ratio(total['tp'], total['tp'] + total['fp']):>8} {ratio(total['tp'], total['tp'] + total['fn']):>7}"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-axe", action="store_true", help="alleen onze checker")
    parser.add_argument("--json", type=Path, help="schrijf de cijfers ook als JSON")
    args = parser.parse_args()
    cases = [Case(path) for path in sorted(CASES.glob("*/*.json"))]
    labels = sum(len(c.labels) for c in cases)
    print(
        f"{len(cases)} gevallen, {labels} gelabelde elementen ({sum(c.dropped for c in cases)} labels zonder element overgeslagen)"
    )
    results = {"ours": score(cases, [ours(case) for case in cases])}
    for line in table("toegankelijkheid (wij)", results["ours"]):
        print(line)
    reason = "--no-axe" if args.no_axe else missing()
    if reason:
        print(f"axe-core: niet gedraaid ({reason})")
    else:
        reports, version = axe(cases)
        results["axe"] = score(cases, reports)
        for line in table(f"axe-core {version} in Chromium", results["axe"]):
            print(line)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

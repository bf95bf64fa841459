"""GraphQL API against Wagtail's REST API and a static JSON file, on 1,000 products.

Measured in one run, on the same data: a list of products (one page of
``--page-size`` with every structured field) and one product in detail, via

- our GraphQL API (``/graphql/``), uncached (every request misses the
  response cache) and cached (the same request again);
- Wagtail's REST API ``wagtail.api.v2`` (``/api/v2/pages/``, ``fields=*``),
  switched on for this comparison with ``CONTENTHUB_API_REST_VERGELIJKING``;
- a prebuilt JSON file with the same content as the GraphQL list answer,
  served by Django's static view (the practical limit in this stack).

Requests go in-process through Django's test client: the full middleware
stack and URL routing, one process, one request at a time, no network. The
figures are therefore server-side costs; ratios matter more than absolutes.

    .venv/bin/python bench/graphql_vs_rest.py [--products 1000] [--rounds 5] [--requests 6]

Without DATABASE_URL it builds a throwaway SQLite database: the demo
gemeente (50 products, published normally), copied up to ``--products``
(published without rendering a PDF for every copy; the tweet, the channel the
list asks for, is rendered and stored for each).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

STATIC_DIR = Path(tempfile.mkdtemp(prefix="contenthub-bench-static-"))
os.environ["CONTENTHUB_API_REST_VERGELIJKING"] = "true"
os.environ["CONTENTHUB_BENCH_STATIC_DIR"] = str(STATIC_DIR)

from _django import setup_demo_database  # noqa: E402

FIELDS = """
  id slug titel url uplNaam uplUri doelgroep kortAntwoord watIsHet voorwaarden
  stappen { titel uitlegHtml } benodigdheden kostenGratis
  kosten { omschrijving bedrag bedragTekst per perLabel }
  termijn { omschrijving dagen eenheid }
  onlineAanvragenUrl kanalen adviesKanaal
  contact { naam telefoon email contactformulierUrl afspraakUrl
            openingstijden { dag van tot alleenOpAfspraak } }
  locaties { naam straat huisnummer postcode plaats toelichting
             openingstijden { dag van tot alleenOpAfspraak } }
  zoektermen vragen { vraag antwoord } gerelateerdeProducten { id slug titel }
  bezwaarEnBeroep watAlsGeenReactie gepubliceerdOp
"""
LIST = "query($n: Int) { producten(first: $n) { totaal edges { node { %s } } } }"
LIST_WITH_TWEET = (
    "query($n: Int) { producten(first: $n) { totaal edges { node { %s "
    "weergave(kanaal: TWEET) { inhoud etag } } } } }"
)
DETAIL = "query($id: ID) { product(id: $id) { %s } }"


@dataclass
class Result:
    name: str
    rps: float
    p50: float
    p95: float
    sql: int
    size: int


def build_catalogue(total: int) -> None:
    """Copy the demo products up to ``total`` and publish the copies through the gate.

    What publication leaves behind is written directly (a live revision), and
    each copy is judged by the publication gate before its tweet is stored
    with the verdict's approval; a copy the gate refuses is taken offline.
    Slower than writing the tweet directly (the gate renders every channel,
    about a second per copy), but nothing the benchmark serves lacks a verdict.
    """
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from contenthub.models import ProductPage
    from publicatie.holding import judge
    from renderers.services import store_renderings

    templates = list(ProductPage.objects.live().order_by("path"))
    missing = total - len(templates)
    if missing <= 0:
        return
    print(f"{len(templates)} demoproducten; {missing} kopieën maken ...", flush=True)
    start = time.perf_counter()
    with transaction.atomic():
        copies = []
        for n in range(missing):
            template = templates[n % len(templates)]
            copies.append(
                template.copy(
                    to=template.get_parent(),
                    update_attrs={
                        "slug": f"{template.slug}-{n}",
                        "title": f"{template.title} ({n})",
                    },
                    copy_revisions=False,
                    keep_live=False,
                    log_action=None,
                ).pk
            )
        now = timezone.now()
        ProductPage.objects.filter(pk__in=copies).update(
            live=True,
            has_unpublished_changes=False,
            live_revision=F("latest_revision"),
            first_published_at=now,
            last_published_at=now,
        )
        # Each copy is judged by the publication gate and its tweet stored with
        # the approval of exactly its inputs, as a publication does: a channel
        # serves nothing without a verdict (the API checks it on every read).
        refused = []
        for page in ProductPage.objects.filter(pk__in=copies):
            judgement = judge(page, path="code")
            if judgement.approval is None:
                refused.append(page.pk)
                continue
            store_renderings(
                page,
                approval=judgement.approval,
                snapshot=judgement.snapshot,
                renderings=[
                    rendering
                    for rendering in judgement.renderings or ()
                    if (rendering.channel, rendering.variant) == ("tweet", "")
                ],
            )
        if refused:
            ProductPage.objects.filter(pk__in=refused).update(live=False)
            print(f"  {len(refused)} kopieën tegengehouden door de publicatiecontrole")
    print(f"  klaar in {time.perf_counter() - start:.0f} s", flush=True)


@dataclass
class Scenario:
    name: str
    send: object
    timings: list[float]
    sql: int = 0
    size: int = 0


def prepare(name: str, send) -> Scenario:
    """Warm up, then count the SQL queries and bytes of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):  # imports, Wagtail's site root paths, first cache entries
        _check(name, send(-1 - n))
    with CaptureQueriesContext(connection) as queries:
        response = _check(name, send(-10))
    # Read now: the next request clears Django's query log.
    sql = len(queries.captured_queries)
    size = len(b"".join(response)) if response.streaming else len(response.content)
    return Scenario(name=name, send=send, timings=[], sql=sql, size=size)


def _check(name: str, response):
    assert response.status_code == 200, (name, response.content[:300])
    return response


def run_rounds(scenarios: list[Scenario], *, rounds: int, requests: int) -> None:
    """Every scenario a few requests per round, rounds interleaved, so a
    burst of other load on the machine hits all of them alike."""
    n = 0
    for _ in range(rounds):
        for scenario in scenarios:
            for _ in range(requests):
                n += 1
                began = time.perf_counter()
                _check(scenario.name, scenario.send(n))
                scenario.timings.append(time.perf_counter() - began)


def result_of(scenario: Scenario) -> Result:
    timings = scenario.timings
    cuts = statistics.quantiles(timings, n=20, method="inclusive")
    return Result(
        name=scenario.name,
        rps=len(timings) / sum(timings),
        p50=statistics.median(timings) * 1000,
        p95=cuts[18] * 1000,
        sql=scenario.sql,
        size=scenario.size,
    )


def _times(x: float) -> str:
    return f"{x:.2f} keer" if x >= 0.1 else f"1/{1 / x:.0f} keer"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--requests", type=int, default=6, help="per scenario and round"
    )
    parser.add_argument("--page-size", type=int, default=100)
    args = parser.parse_args()

    setup_demo_database()
    from django.conf import settings
    from django.test import Client

    settings.ROOT_URLCONF = "graphql_urls"
    build_catalogue(args.products)

    from contenthub.models import ProductPage

    count = ProductPage.objects.live().count()
    detail_id = (
        ProductPage.objects.live()
        .order_by("path")
        .values_list("pk", flat=True)[count // 2]
    )
    client = Client()

    def graphql(query: str, variables: dict, *, cached: bool):
        def send(n: int):
            # An extra, unused variable makes each uncached request miss the
            # response cache (and be stored, like a real miss); the query text
            # stays the same, as with a real client.
            extra = {} if cached else {"verzoek": n}
            return client.post(
                "/graphql/",
                json.dumps({"query": query, "variables": {**variables, **extra}}),
                content_type="application/json",
            )

        return send

    list_vars = {"n": args.page_size}
    list_query = LIST % FIELDS
    first = graphql(list_query, list_vars, cached=True)(0)
    payload = first.json()
    assert "errors" not in payload, payload["errors"]
    (STATIC_DIR / "producten.json").write_bytes(first.content)

    rest_list = (
        f"/api/v2/pages/?type=contenthub.ProductPage&fields=*&limit={args.page_size}"
    )
    rest_detail = f"/api/v2/pages/{detail_id}/"
    scenarios = [
        prepare("GraphQL lijst", graphql(list_query, list_vars, cached=False)),
        prepare(
            "GraphQL lijst + tweet",
            graphql(LIST_WITH_TWEET % FIELDS, list_vars, cached=False),
        ),
        prepare("GraphQL lijst (cache)", graphql(list_query, list_vars, cached=True)),
        prepare("REST v2 lijst", lambda n: client.get(rest_list)),
        prepare("statische JSON", lambda n: client.get("/bench-static/producten.json")),
        prepare(
            "GraphQL detail",
            graphql(DETAIL % FIELDS, {"id": str(detail_id)}, cached=False),
        ),
        prepare("REST v2 detail", lambda n: client.get(rest_detail)),
    ]
    run_rounds(scenarios, rounds=args.rounds, requests=args.requests)
    results = [result_of(scenario) for scenario in scenarios]

    print()
    print(
        f"{count} live producten, lijst = {args.page_size} producten met elk "
        f"gestructureerd veld; {args.rounds * args.requests} verzoeken per regel "
        f"in {args.rounds} rondes door elkaar,"
    )
    print("in-process via Django's testclient (volledige middleware, geen netwerk).")
    print()
    print(
        f"{'':24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'SQL/req':>8} {'bytes':>9}"
    )
    for r in results:
        print(
            f"{r.name:24} {r.rps:8.1f} {r.p50:8.1f} {r.p95:8.1f} {r.sql:8d} {r.size:9d}"
        )
    by_name = {r.name: r for r in results}

    def ratio(a: str, b: str) -> str:
        x, y = by_name[a], by_name[b]
        return (
            f"{a} / {b}: req/s {_times(x.rps / y.rps)}, p50 {_times(x.p50 / y.p50)}, "
            f"SQL {x.sql} tegen {y.sql}"
        )

    print()
    print("Verhoudingen:")
    for a, b in [
        ("GraphQL lijst", "REST v2 lijst"),
        ("GraphQL lijst (cache)", "REST v2 lijst"),
        ("GraphQL lijst", "statische JSON"),
        ("GraphQL lijst (cache)", "statische JSON"),
        ("GraphQL detail", "REST v2 detail"),
    ]:
        print("  " + ratio(a, b))


if __name__ == "__main__":
    main()

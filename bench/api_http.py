"""The APIs through a real server: GraphQL, Wagtail's REST API v2 and a static file.

Starts gunicorn (``--workers 2``, sync workers, production settings) on
127.0.0.1 over the demo (Voorbeeldstad, 50 products) in a fresh SQLite file,
or over DATABASE_URL (an empty PostgreSQL database of its own). Then sends a
bounded number of requests per scenario from ``--clients`` threads, rounds of
all scenarios interleaved, so other load on the machine hits them alike:

- GraphQL list of ``--page-size`` products with every structured field,
  uncached (an unused variable per request misses the response cache) and
  cached (the same request again);
- GraphQL detail of one product, uncached;
- Wagtail's REST API v2 (``fields=*``), list and detail, on the same data;
- the GraphQL list answer as a static file, served by WhiteNoise.

Prints requests per second, p50/p95 and bytes per scenario and the ratios
that issue 16 sets targets for. Compare ratios, not absolute figures.

    .venv/bin/python bench/api_http.py [--rounds 5] [--requests 20] [--clients 4] \\
        [--demo-sqlite FILE]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench16 .venv/bin/python bench/api_http.py
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graphql_vs_rest import DETAIL, FIELDS, LIST

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
STATIC_DIR = Path(tempfile.mkdtemp(prefix="contenthub-bench-http-"))
HOST = "localhost"  # Voorbeeldstad's Site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(demo: str | None) -> tuple[str, int]:
    """Migrate and load the demo in this process (or take a copy of a
    database where that was done); the database URL and a product id."""
    from _django import setup_demo_database

    if demo:
        copy = Path(tempfile.mkdtemp(prefix="contenthub-bench-")) / "demo.sqlite3"
        shutil.copy(demo, copy)
        os.environ["DATABASE_URL"] = f"sqlite:///{copy}"
    setup_demo_database(load=not demo)
    from contenthub.models import ProductPage

    live = list(
        ProductPage.objects.live().order_by("path").values_list("pk", flat=True)
    )
    return os.environ["DATABASE_URL"], live[len(live) // 2]


def write_static_answer(query: str, variables: dict) -> bytes:
    """The GraphQL list answer as a file, made here before the server starts
    (WhiteNoise reads its directory once, at start-up)."""
    from django.test import Client

    response = Client(HTTP_HOST=HOST).post(
        "/graphql/",
        json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
    )
    body = response.content
    if response.status_code != 200 or b'"errors"' in body:
        raise SystemExit(f"GraphQL-lijst mislukt: {body[:300]!r}")
    (STATIC_DIR / "producten.json").write_bytes(body)
    return body


def start_server(database_url: str, port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "_settings_http",
        "PYTHONPATH": os.pathsep.join([str(BENCH), str(ROOT)]),
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "CONTENTHUB_API_REST_VERGELIJKING": "true",
        "CONTENTHUB_BENCH_STATIC_DIR": str(STATIC_DIR),
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "contenthub.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--log-level=warning",
        "--timeout=120",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopte meteen (code {server.returncode}).")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn startte niet binnen 90 s.")


def fetch(url: str, body: dict | None = None) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Host": HOST})  # noqa: S310
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@dataclass
class Scenario:
    name: str
    send: object
    timings: list[float] = field(default_factory=list)
    wall: float = 0.0
    size: int = 0


def run_batch(scenario: Scenario, *, requests: int, clients: int, start: int) -> None:
    def one(n: int) -> float:
        began = time.perf_counter()
        status, body = scenario.send(n)
        elapsed = time.perf_counter() - began
        if status != 200 or b'"errors"' in body[:200]:
            raise SystemExit(f"{scenario.name}: status {status}: {body[:300]!r}")
        scenario.size = len(body)
        return elapsed

    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        scenario.timings.extend(pool.map(one, range(start, start + requests)))
    scenario.wall += time.perf_counter() - began


def _times(x: float) -> str:
    return f"{x:.2f}x" if x >= 0.1 else f"1/{1 / x:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--requests", type=int, default=20, help="per scenario and round"
    )
    parser.add_argument(
        "--clients", type=int, default=4, help="threads sending at once"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--page-size", type=int, default=20)
    parser.add_argument(
        "--demo-sqlite",
        help="a SQLite file with the demo already loaded (a copy is used)",
    )
    args = parser.parse_args()

    database_url, detail_id = prepare_database(args.demo_sqlite)
    list_query, list_vars = LIST % FIELDS, {"n": args.page_size}
    static_body = write_static_answer(list_query, list_vars)
    port = free_port()
    server = start_server(database_url, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:

        def graphql(query: str, variables: dict, *, cached: bool):
            def send(n: int):
                extra = {} if cached else {"verzoek": n}
                return fetch(
                    f"{base}/graphql/",
                    {"query": query, "variables": {**variables, **extra}},
                )

            return send

        status, body = graphql(list_query, list_vars, cached=True)(0)
        if status != 200 or b'"errors"' in body:
            raise SystemExit(f"GraphQL-lijst via gunicorn mislukt: {body[:300]!r}")
        if len(body) != len(static_body):
            print(
                f"let op: het bestand is {len(static_body)} bytes, GraphQL {len(body)}"
            )
        rest = f"{base}/api/v2/pages/"
        scenarios = [
            Scenario("GraphQL lijst", graphql(list_query, list_vars, cached=False)),
            Scenario(
                "GraphQL lijst (cache)", graphql(list_query, list_vars, cached=True)
            ),
            Scenario(
                "GraphQL detail",
                graphql(DETAIL % FIELDS, {"id": str(detail_id)}, cached=False),
            ),
            Scenario(
                "REST v2 lijst",
                lambda n: fetch(
                    f"{rest}?type=contenthub.ProductPage&fields=*&limit={args.page_size}"
                ),
            ),
            Scenario("REST v2 detail", lambda n: fetch(f"{rest}{detail_id}/")),
            Scenario("statisch bestand", lambda n: fetch(f"{base}/producten.json")),
        ]
        for scenario in scenarios:  # warm every worker: imports, caches
            run_batch(
                scenario, requests=4 * args.workers, clients=args.clients, start=-100
            )
            scenario.timings.clear()
            scenario.wall = 0.0
        n = 0
        for _ in range(args.rounds):
            for scenario in scenarios:
                run_batch(
                    scenario, requests=args.requests, clients=args.clients, start=n
                )
                n += args.requests
    finally:
        server.terminate()
        server.wait(timeout=30)

    load = os.getloadavg()
    print()
    print(
        f"gunicorn, {args.workers} sync workers, productie-instellingen, "
        f"{database_url.split(':', 1)[0]}; demo Voorbeeldstad; lijst = "
        f"{args.page_size} producten met elk gestructureerd veld"
    )
    print(
        f"{args.rounds} rondes x {args.requests} verzoeken per regel, door elkaar, "
        f"{args.clients} clients tegelijk; load average {load[0]:.1f} {load[1]:.1f} "
        f"{load[2]:.1f} op {os.cpu_count()} cores"
    )
    print()
    print(f"{'':24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>9}")
    rps = {}
    for s in scenarios:
        cuts = statistics.quantiles(s.timings, n=20, method="inclusive")
        rps[s.name] = len(s.timings) / s.wall
        print(
            f"{s.name:24} {rps[s.name]:8.1f} {statistics.median(s.timings) * 1000:8.1f} "
            f"{cuts[18] * 1000:8.1f} {s.size:9d}"
        )
    print()
    print("Verhoudingen (req/s):")
    for a, b in [
        ("GraphQL lijst", "statisch bestand"),
        ("GraphQL lijst", "REST v2 lijst"),
        ("GraphQL detail", "REST v2 detail"),
        ("GraphQL lijst (cache)", "statisch bestand"),
    ]:
        print(f"  {a} / {b}: {_times(rps[a] / rps[b])}")


if __name__ == "__main__":
    main()

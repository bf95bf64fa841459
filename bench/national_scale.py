"""The hub at national scale: 10, 100 and 342 gemeenten with 400 products each.

In one run, on a dedicated PostgreSQL database that grows step by step
(``manage.py genereer_catalogus``; gemeenten of an earlier step stay as they
are), for every step:

(a) publishing one basistekst revision that every gemeente inherits, until
    every channel of every inheriting product is stored again (the
    doorwerking, with the ImmediateBackend, so ``revision.publish()`` returns
    when it is done); reference: publishing one product the normal way;
(b) GraphQL list (first 20 products of one gemeente, several fields),
    detail and full-text search latency per gemeente, uncached (every request
    misses the response cache) and cached; reference: Wagtail's REST API v2
    on the same data and the same gemeente;
(c) chatbot answer time (``POST /api/chatbot/vraag``): the first answer for
    a gemeente builds its in-memory index, later answers use it;
(d) the database size and its largest tables.

Requests go in-process through Django's test client (full middleware, no
network, one request at a time), so the figures are server-side costs on
this machine; how they grow from step to step matters more than absolutes.

    DATABASE_URL=postgres://user@host:5432/anything \\
        .venv/bin/python bench/national_scale.py [--stappen 10,100,342] [--producten 400]

The database named by ``--database`` (default ``contenthub_schaal``) on the
server of DATABASE_URL is created when missing and kept, so a later run
continues where the last one stopped; ``--opnieuw`` starts from an empty one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESERVED_DATABASES = {"test", "postgres", "template0", "template1"}

LIST = """query($g: String, $n: Int) { producten(gemeente: $g, first: $n) {
  totaal edges { node { id slug titel url kortAntwoord
    kosten { omschrijving bedragTekst } termijn { omschrijving }
    contact { naam telefoon } locaties { naam plaats } } } } }"""
DETAIL = """query($g: String, $slug: String) { product(gemeente: $g, slug: $slug) {
  id slug titel url kortAntwoord watIsHet voorwaarden
  stappen { titel uitlegHtml } benodigdheden
  kosten { omschrijving bedragTekst per } termijn { omschrijving dagen eenheid }
  contact { naam telefoon email } locaties { naam straat huisnummer plaats }
  zoektermen vragen { vraag antwoord } } }"""
SEARCH = """query($g: String, $zoek: String) { producten(gemeente: $g, zoek: $zoek, first: 20) {
  totaal edges { node { id slug titel } } } }"""
REST_FIELDS = "kort_antwoord,kosten,termijn_omschrijving,contact,locaties"
DETAIL_SLUG = "paspoort"
CHATBOT_QUESTIONS = (
    "Wat kost een paspoort?",
    "Hoe vraag ik een ID-kaart aan?",
    "Ik ga verhuizen, wat moet ik doen?",
    "Mijn rijbewijs is verlopen",
)


def fail(message: str) -> None:
    print(message, file=sys.stderr)
    raise SystemExit(2)


def prepare_database(url: str, name: str, *, fresh: bool) -> str:
    """Create the benchmark database on the server of ``url``; return its URL."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        fail(
            "Deze meting draait alleen op PostgreSQL: zet DATABASE_URL op een "
            "PostgreSQL-server (postgres://gebruiker@host:5432/naam). SQLite zegt "
            "niets over landelijke schaal."
        )
    if name in RESERVED_DATABASES or name == config["NAME"]:
        fail(
            f"Kies met --database een eigen database voor de meting, niet '{name}': "
            "die wordt gevuld met honderdduizenden pagina's."
        )
    connect = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**connect) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and fresh:
            connection.execute(
                sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name))
            )
            exists = None
        if not exists:
            connection.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            )
    user = config["USER"] or ""
    password = f":{config['PASSWORD']}" if config["PASSWORD"] else ""
    credentials = f"{user}{password}@" if user else ""
    port = f":{config['PORT']}" if config["PORT"] else ""
    return f"postgres://{credentials}{config['HOST'] or 'localhost'}{port}/{name}"


# --- Measuring --------------------------------------------------------------


@dataclass
class Timings:
    values: list[float] = field(default_factory=list)

    def p(self, fraction: float) -> float:
        ordered = sorted(self.values)
        if not ordered:
            return float("nan")
        index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
        return ordered[index] * 1000

    @property
    def p50(self) -> float:
        return statistics.median(self.values) * 1000 if self.values else float("nan")

    @property
    def p95(self) -> float:
        return self.p(0.95)


@dataclass
class StepResult:
    gemeenten: int
    producten: int
    generatie_s: float
    generatie_fasen: str
    doorwerking_s: float | None = None
    doorwerking_producten: int = 0
    doorwerking_uitkomst: str = ""
    weergaven_bijgewerkt: int = 0
    product_publiceren: Timings = field(default_factory=Timings)
    latency: dict[str, Timings] = field(default_factory=dict)
    chatbot_eerste: Timings = field(default_factory=Timings)
    chatbot_warm: Timings = field(default_factory=Timings)
    db_mb: float = 0.0
    tabellen: list[tuple[str, float]] = field(default_factory=list)


def sample_gemeenten(count: int, wanted: int) -> list[int]:
    """Up to ``wanted`` gemeente numbers spread over 1..count."""
    if count <= wanted:
        return list(range(1, count + 1))
    return sorted({1 + round(i * (count - 1) / (wanted - 1)) for i in range(wanted)})


def measure_doorwerking(result: StepResult, step: int) -> None:
    """(a) Publish one basistekst revision; every inheriting product follows."""
    try:
        from publicatie.doorwerking import products_of
        from publicatie.models import Doorwerking
    except ImportError:
        result.doorwerking_uitkomst = (
            "niet gemeten: publicatie/doorwerking.py ontbreekt"
        )
        return
    from contenthub.models import Basistekst
    from demo.generator import product_templates, slots
    from renderers.models import ChannelRendering

    titel = slots(1, product_templates())[0].title
    basistekst = Basistekst.objects.get(titel=titel)
    product_ids = list(products_of(basistekst).values_list("pk", flat=True))
    # A real change each step, so every product gets a new live version.
    basistekst.wat_is_het = (
        f"{basistekst.wat_is_het}<p>Deze tekst is bijgewerkt (stap {step}).</p>"
    )
    revision = basistekst.save_revision()
    began_at = datetime.now().astimezone()
    began = time.perf_counter()
    revision.publish()
    result.doorwerking_s = time.perf_counter() - began
    run = Doorwerking.objects.filter(basistekst=basistekst).order_by("-pk").first()
    result.doorwerking_producten = len(product_ids)
    if run is not None:
        result.doorwerking_uitkomst = (
            f"{run.bijgewerkt} gepubliceerd, {run.geblokkeerd} tegengehouden, "
            f"{run.concepten} alleen concept, {run.ongewijzigd} ongewijzigd, "
            f"{run.fouten} fout"
        )
    result.weergaven_bijgewerkt = ChannelRendering.objects.filter(
        page_id__in=product_ids, rendered_at__gte=began_at
    ).count()


def measure_single_publish(result: StepResult, rounds: int = 3) -> None:
    """Reference for (a): one product published the normal way."""
    from contenthub.models import ProductPage
    from demo.generator import gemeente_spec

    host = gemeente_spec(1).hostname
    page = (
        ProductPage.objects.filter(url_path__startswith=f"/{host.split('.')[0]}/")
        .order_by("-path")
        .first()
    )
    for n in range(rounds):
        page = ProductPage.objects.get(pk=page.pk)
        page.lokale_aanvulling = f"<p>Nieuw bij ons: meting {n + 1}.</p>"
        began = time.perf_counter()
        page.save_revision().publish()
        result.product_publiceren.values.append(time.perf_counter() - began)


def measure_api(result: StepResult, hosts: list[str], requests: int) -> None:
    """(b) GraphQL list, detail and search; Wagtail's REST API as reference."""
    from django.test import Client

    from contenthub.models import ProductPage

    client = Client()
    counter = iter(range(10**9))

    def graphql(query: str, variables: dict, *, cached: bool):
        extra = {} if cached else {"verzoek": next(counter)}
        response = client.post(
            "/graphql/",
            json.dumps({"query": query, "variables": {**variables, **extra}}),
            content_type="application/json",
        )
        assert response.status_code == 200, response.content[:300]
        payload = response.json()
        assert "errors" not in payload, payload["errors"]
        return response

    def rest(path: str, host: str):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, response.content[:300]
        return response

    detail_ids = {
        host: ProductPage.objects.filter(
            slug=DETAIL_SLUG, url_path__startswith=f"/{host.split('.')[0]}/"
        ).values_list("pk", flat=True)[0]
        for host in hosts
    }
    scenarios = {
        "GraphQL lijst": lambda h: graphql(LIST, {"g": h, "n": 20}, cached=False),
        "GraphQL lijst (cache)": lambda h: graphql(
            LIST, {"g": h, "n": 20}, cached=True
        ),
        "REST v2 lijst": lambda h: rest(
            f"/api/v2/pages/?type=contenthub.ProductPage&fields={REST_FIELDS}&limit=20",
            h,
        ),
        "GraphQL detail": lambda h: graphql(
            DETAIL, {"g": h, "slug": DETAIL_SLUG}, cached=False
        ),
        "GraphQL detail (cache)": lambda h: graphql(
            DETAIL, {"g": h, "slug": DETAIL_SLUG}, cached=True
        ),
        "REST v2 detail": lambda h: rest(f"/api/v2/pages/{detail_ids[h]}/", h),
        "GraphQL zoeken": lambda h: graphql(
            SEARCH, {"g": h, "zoek": "paspoort"}, cached=False
        ),
    }
    for send in scenarios.values():  # warm up: imports, site paths, cache
        for host in hosts:
            send(host)
    for name in scenarios:
        result.latency[name] = Timings()
    # Rounds interleave the scenarios, so a burst of other load hits all alike.
    for _ in range(requests):
        for name, send in scenarios.items():
            for host in hosts:
                began = time.perf_counter()
                send(host)
                result.latency[name].values.append(time.perf_counter() - began)


def measure_chatbot(result: StepResult, hosts: list[str], requests: int) -> None:
    """(c) First answer per gemeente (builds its index) and warm answers."""
    from django.test import Client

    from chatbot.index import clear_indexes

    client = Client()

    def ask(host: str, vraag: str) -> None:
        response = client.post(
            "/api/chatbot/vraag",
            json.dumps({"vraag": vraag, "gemeente": host}),
            content_type="application/json",
        )
        assert response.status_code == 200, response.content[:300]

    clear_indexes()
    for host in hosts:
        began = time.perf_counter()
        ask(host, CHATBOT_QUESTIONS[0])
        result.chatbot_eerste.values.append(time.perf_counter() - began)
    for n in range(requests):
        for host in hosts:
            began = time.perf_counter()
            ask(host, CHATBOT_QUESTIONS[n % len(CHATBOT_QUESTIONS)])
            result.chatbot_warm.values.append(time.perf_counter() - began)


def measure_size(result: StepResult) -> None:
    """(d) pg_database_size and the largest tables (with indexes and TOAST)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        result.db_mb = cursor.fetchone()[0] / 1e6
        cursor.execute(
            "SELECT relname, pg_total_relation_size(relid) FROM pg_stat_user_tables "
            "ORDER BY 2 DESC LIMIT 6"
        )
        result.tabellen = [(name, size / 1e6) for name, size in cursor.fetchall()]


# --- Report -----------------------------------------------------------------


def _ms(timings: Timings) -> str:
    return f"{timings.p50:.1f} / {timings.p95:.1f}"


def print_step(result: StepResult) -> None:
    print(f"\n== {result.gemeenten} gemeenten, {result.producten} producten ==")
    print(f"  generatie: {result.generatie_s:.0f} s ({result.generatie_fasen})")
    if result.doorwerking_s is not None:
        per = result.doorwerking_s / max(result.doorwerking_producten, 1) * 1000
        print(
            f"  doorwerking: {result.doorwerking_producten} producten in "
            f"{result.doorwerking_s:.1f} s ({per:.0f} ms per product); "
            f"{result.doorwerking_uitkomst}; {result.weergaven_bijgewerkt} "
            "kanaalweergaven opnieuw opgeslagen"
        )
    else:
        print(f"  doorwerking: {result.doorwerking_uitkomst}")
    print(f"  één product publiceren: p50 {result.product_publiceren.p50:.0f} ms")
    for name, timings in result.latency.items():
        print(f"  {name:24} p50/p95 {_ms(timings)} ms")
    print(
        f"  chatbot eerste antwoord p50/p95 {_ms(result.chatbot_eerste)} ms, "
        f"daarna {_ms(result.chatbot_warm)} ms"
    )
    tables = ", ".join(f"{name} {size:.0f} MB" for name, size in result.tabellen)
    print(f"  database {result.db_mb:.0f} MB; grootste tabellen: {tables}")


def print_table(results: list[StepResult]) -> None:
    def row(label: str, values: list[str]) -> None:
        print(f"{label:38}" + "".join(f"{value:>16}" for value in values))

    print("\nGroei per stap (p50 / p95 in ms, tenzij anders vermeld)")
    row("gemeenten", [str(r.gemeenten) for r in results])
    row("producten", [str(r.producten) for r in results])
    row("generatie van deze stap (s)", [f"{r.generatie_s:.0f}" for r in results])
    row(
        "doorwerking 1 basistekst (s)",
        [f"{r.doorwerking_s:.1f}" if r.doorwerking_s else "-" for r in results],
    )
    row(
        "  per product (ms)",
        [
            f"{r.doorwerking_s / max(r.doorwerking_producten, 1) * 1000:.0f}"
            if r.doorwerking_s
            else "-"
            for r in results
        ],
    )
    row(
        "ref: 1 product publiceren (ms)",
        [f"{r.product_publiceren.p50:.0f}" for r in results],
    )
    for name in results[0].latency:
        row(name, [_ms(r.latency[name]) for r in results])
    row("chatbot eerste antwoord", [_ms(r.chatbot_eerste) for r in results])
    row("chatbot daarna", [_ms(r.chatbot_warm) for r in results])
    row("database (MB)", [f"{r.db_mb:.0f}" for r in results])
    first = results[0]
    if len(results) > 1:
        last = results[-1]
        factor = last.producten / first.producten
        print(
            f"\nVan {first.gemeenten} naar {last.gemeenten} gemeenten ({factor:.0f} keer "
            "zoveel producten):"
        )
        for name in first.latency:
            print(
                f"  {name:24} p50 {last.latency[name].p50 / first.latency[name].p50:.2f} keer"
            )
        if first.doorwerking_s and last.doorwerking_s:
            print(
                f"  doorwerking            {last.doorwerking_s / first.doorwerking_s:.1f} keer"
            )
        print(f"  database               {last.db_mb / first.db_mb:.1f} keer")


def progress_every_tenth(message: str) -> None:
    """Generator progress: the basisteksten and every tenth gemeente."""
    nummer = message.removeprefix("gemeente ").split("/")[0]
    if not nummer.isdigit() or int(nummer) % 10 == 0:
        print(f"  {message}", flush=True)


def machine_note() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, {platform.machine()}, "
        f"{os.cpu_count()} cpu's, Python {platform.python_version()}, "
        f"PostgreSQL {pg}, belasting bij de start {load:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stappen", default="10,100,342", help="aantallen gemeenten")
    parser.add_argument("--producten", type=int, default=400, help="per gemeente")
    parser.add_argument("--database", default="contenthub_schaal")
    parser.add_argument(
        "--opnieuw", action="store_true", help="begin met een lege database"
    )
    parser.add_argument(
        "--verzoeken", type=int, default=10, help="verzoeken per scenario en gemeente"
    )
    parser.add_argument(
        "--gemeenten-per-stap",
        type=int,
        default=5,
        help="gemeenten waarin gemeten wordt",
    )
    args = parser.parse_args()
    try:
        steps = sorted(
            {int(value) for value in args.stappen.split(",") if value.strip()}
        )
    except ValueError:
        fail(
            f"--stappen is een lijst gehele getallen met komma's, niet {args.stappen!r}."
        )
    if not steps or steps[0] < 1 or args.producten < 1:
        fail("Geef minstens 1 gemeente per stap en 1 product per gemeente.")

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        fail(
            "Zet DATABASE_URL op een PostgreSQL-server; de meting maakt daar een eigen "
            f"database '{args.database}' aan."
        )
    os.environ["DATABASE_URL"] = prepare_database(
        url, args.database, fresh=args.opnieuw
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "contenthub.settings.test"
    os.environ["CONTENTHUB_API_REST_VERGELIJKING"] = "true"
    os.environ["CHATBOT_RATE_LIMIT"] = "0"
    os.environ.setdefault(
        "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if "Immediate" not in settings.TASKS["default"]["BACKEND"]:
        fail("De meting van de doorwerking vraagt TASKS_BACKEND=…ImmediateBackend.")
    call_command("migrate", verbosity=0)
    from demo.generator import (
        gemeente_spec,
        genereer_catalogus,
        refresh_planner_statistics,
    )

    print(f"Meting op {machine_note()}")
    print(f"Database: {args.database}; {args.producten} producten per gemeente")
    results: list[StepResult] = []
    for step in steps:
        print(f"\nGenereren tot {step} gemeenten ...", flush=True)
        generated = genereer_catalogus(
            gemeenten=step,
            producten=args.producten,
            progress=progress_every_tenth,
        )
        # Fresh planner statistics, as autovacuum would have made them.
        refresh_planner_statistics()
        result = StepResult(
            gemeenten=step,
            producten=step * args.producten,
            generatie_s=generated.seconden,
            generatie_fasen=generated.fasen.regel(),
        )
        hosts = [
            gemeente_spec(n).hostname
            for n in sample_gemeenten(step, args.gemeenten_per_stap)
        ]
        print("  meten: doorwerking ...", flush=True)
        measure_doorwerking(result, step)
        measure_single_publish(result)
        print("  meten: API en chatbot ...", flush=True)
        measure_api(result, hosts, args.verzoeken)
        measure_chatbot(result, hosts, args.verzoeken)
        measure_size(result)
        print_step(result)
        results.append(result)
        # After every step, so a run stopped half-way still has its table.
        print_table(results)
        sys.stdout.flush()


if __name__ == "__main__":
    main()

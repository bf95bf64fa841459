"""Load test: editors publish and a doorwerking runs while readers read.

Starts the hub for real on 127.0.0.1 (``runserver --noreload`` plus the task
worker ``db_worker``, as ``scripts/run`` does) on a fresh SQLite file, or on
DATABASE_URL (an empty PostgreSQL database). Then, at the same time:

- editors (threads in this process, through the ORM as the admin does)
  publish products of Voorbeeldstad and a new version of a basistekst, whose
  doorwerking waits in the queue for the worker;
- readers (threads, over HTTP) fetch product pages, GraphQL and the chatbot.

Bounded in requests and in time. Prints the errors per thousand requests:
an error is a status of 500 or more, a failed connection, or "database is
locked" anywhere in an answer.

    .venv/bin/python bench/load_test.py [--requests 600] [--seconds 120]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/load .venv/bin/python bench/load_test.py
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KORT_ANTWOORD = "U vraagt dit aan bij de gemeente. Wij reageren binnen {n} werkdagen."
AANVULLING = "<p>Hebt u een vraag? Bel dan de gemeente.</p>"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, body: dict | None) -> tuple[int, str]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Host": "localhost"})  # noqa: S310
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError as error:
        return 0, repr(error)


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if fetch(url, None)[0]:
            return
        time.sleep(0.5)
    raise SystemExit(f"De server op {url} kwam niet op.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--editors", type=int, default=3)
    parser.add_argument("--publications", type=int, default=4, help="per editor")
    parser.add_argument("--basisteksten", type=int, default=5)
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL"):
        path = Path(tempfile.mkdtemp(prefix="contenthub-load-")) / "hub.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "contenthub.settings.dev"
    os.environ["TASKS_BACKEND"] = "database"
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("CHATBOT_RATE_LIMIT", "0")
    # runserver starts a thread per request; a connection kept open for reuse
    # would stay behind with each finished thread (PostgreSQL runs out).
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "0")
    database = os.environ["DATABASE_URL"].split(":", 1)[0]
    python = sys.executable
    manage = [python, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, cwd=ROOT)
    # Loading the demo runs its own tasks (search index, references) at once,
    # so the worker starts with an empty queue.
    subprocess.run(
        [*manage, "load_demo", "--gemeente", "voorbeeldstad"],
        check=True,
        cwd=ROOT,
        env={**os.environ, "TASKS_BACKEND": "immediate"},
    )

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from wagtail.models import Site

    from contenthub.models import Basistekst, ProductPage
    from publicatie.models import Doorwerking

    site = Site.objects.get(hostname="localhost")
    products = list(
        ProductPage.objects.live().descendant_of(site.root_page).order_by("path")
    )
    own = [page for page in products if page.basistekst_id is None]
    paths = [page.get_url_parts()[2] for page in products]
    connection.close()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(Path(tempfile.gettempdir()) / f"contenthub-load-{port}.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = subprocess.Popen(
        [*manage, "db_worker", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    results: Counter[str] = Counter()
    failures: list[str] = []
    editor_errors: list[str] = []
    stop_at = time.monotonic() + args.seconds
    try:
        wait_for(f"{base}/graphql/", 60)
        calls = [
            *((f"{base}{path}", None) for path in paths[:10]),
            (
                f"{base}/graphql/",
                {
                    "query": "{ producten(first: 20) { edges { node { slug kortAntwoord } } } }"
                },
            ),
            (
                f"{base}/graphql/",
                {"query": '{ product(slug: "paspoort") { titel kortAntwoord } }'},
            ),
            (f"{base}/api/chatbot/vraag", {"vraag": "Wat kost een paspoort?"}),
            (f"{base}/api/chatbot/vraag", {"vraag": "Mijn grofvuil laten ophalen"}),
        ]

        def read(number: int) -> None:
            if time.monotonic() > stop_at:
                results["overgeslagen (tijd)"] += 1
                return
            url, body = calls[number % len(calls)]
            status, text = fetch(url, body)
            kind = (
                "/graphql/"
                if "graphql" in url
                else "chatbot"
                if "chatbot" in url
                else "website"
            )
            if status == 0 or status >= 500 or "database is locked" in text:
                results["fout"] += 1
                failures.append(f"{kind} {status} {text[:120]!r}")
            else:
                results[kind] += 1

        def edit(editor: int) -> None:
            try:
                for n in range(args.publications):
                    page = own[(editor * args.publications + n) % len(own)].specific
                    page.refresh_from_db()
                    page.kort_antwoord = KORT_ANTWOORD.format(n=editor + n + 2)
                    page.save_revision().publish()
                if editor == 0:
                    # The national editor: new versions of a few basisteksten,
                    # each a doorwerking for the worker.
                    for tekst in Basistekst.objects.order_by("pk")[: args.basisteksten]:
                        tekst.wat_is_het = f"{tekst.wat_is_het}{AANVULLING}"
                        tekst.save_revision().publish()
            except Exception as error:  # noqa: BLE001 - counted and printed
                editor_errors.append(repr(error))
            finally:
                connection.close()

        started = time.monotonic()
        editors = [
            threading.Thread(target=edit, args=(n,)) for n in range(args.editors)
        ]
        for thread in editors:
            thread.start()
        with ThreadPoolExecutor(args.readers) as pool:
            list(pool.map(read, range(args.requests)))
        for thread in editors:
            thread.join()
        reads_done = time.monotonic() - started
        # The doorwerking runs in the worker; wait for it (a bounded time).
        wait_until = time.monotonic() + args.seconds
        while time.monotonic() < wait_until:
            if not Doorwerking.objects.exclude(
                status=Doorwerking.Status.KLAAR
            ).exists():
                break
            time.sleep(0.5)
        runs = list(Doorwerking.objects.values_list("status", "verwerkt", "totaal"))
        connection.close()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        worker.terminate()
        server.wait(timeout=30)
        worker.wait(timeout=30)
        log.close()

    done = sum(
        count for kind, count in results.items() if kind != "overgeslagen (tijd)"
    )
    errors = results["fout"]
    print(f"database: {database}")
    print(f"verzoeken: {done} in {reads_done:.1f} s ({dict(results)})")
    print(
        f"redacteuren: {args.editors} x {args.publications} publicaties + "
        f"{args.basisteksten} basisteksten; fouten: {len(editor_errors)}"
    )
    ran = [run for run in runs if run[2]]
    print(
        f"doorwerkingen met producten (status, verwerkt, totaal): {ran}; "
        f"alles klaar na {elapsed:.1f} s"
    )
    print(f"fouten per 1000 verzoeken: {1000 * errors / max(done, 1):.1f}")
    for line in failures[:10] + editor_errors[:5]:
        print("  ", line)


if __name__ == "__main__":
    main()

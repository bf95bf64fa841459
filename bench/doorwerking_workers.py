"""A national doorwerking with one worker against two, interleaved in one run.

A doorwerking in the task queue is split into one part per gemeente
(``publicatie/doorwerking.py``), so more workers should finish one run sooner.
This measures that through the real database queue and real worker
processes (``manage.py db_worker``), on PostgreSQL (SQLite lets one writer in
at a time, so it says nothing about parallel workers):

1. a dedicated database (``--database``, default ``contenthub_doorwerking``)
   gets ``--gemeenten`` gemeenten with ``--producten`` products each, all
   inheriting one basistekst (``manage.py genereer_catalogus --basisteksten 1``),
   once; later runs reuse it;
2. per round and per worker count: the workers start and wait, a new version of
   the basistekst is published, and the run's own clock (``gestart_op`` to
   ``klaar_op``, so without the workers' start-up) gives the time;
3. worker counts alternate (1, 2, 1, 2, ...), so both see the same load.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \\
        .venv/bin/python bench/doorwerking_workers.py [--gemeenten 6] [--producten 10] [--rondes 2]

It prints per round the products, the seconds, the milliseconds per product
and the outcome, then the median per worker count and their ratio. The
machine's cores bound the gain: on 2 cores with other work, two workers
cannot be twice as fast.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from national_scale import prepare_database  # noqa: E402

SETTINGS = "contenthub.settings.dev"
TEXTS = (
    "U vraagt dit aan bij de gemeente. Dat kan online.",
    "U vraagt dit online aan bij de gemeente. Dat gaat snel.",
)


def setup(url: str, gemeenten: int, producten: int) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["TASKS_BACKEND"] = "database"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from contenthub.models import Basistekst

    call_command("migrate", verbosity=0)
    if not Basistekst.objects.exists():
        print(f"Catalogus maken: {gemeenten} gemeenten x {producten} producten ...")
        call_command(
            "genereer_catalogus",
            gemeenten=gemeenten,
            producten=producten,
            basisteksten=1,
            verbosity=0,
        )


def start_workers(count: int, env: dict[str, str]) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.2",
                "--worker-id",
                f"bench-{n}",
                "-v",
                "0",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(count)
    ]


def one_round(workers: int, number: int, env: dict[str, str], warmup: float) -> dict:
    from contenthub.models import Basistekst
    from publicatie.models import Doorwerking

    processes = start_workers(workers, env)
    try:
        time.sleep(warmup)  # let every worker load Django before the run starts
        basistekst = Basistekst.objects.get()
        basistekst.kort_antwoord = TEXTS[number % 2]
        basistekst.save_revision().publish()
        run = Doorwerking.objects.order_by("-pk").first()
        while run.status not in (Doorwerking.Status.KLAAR, Doorwerking.Status.MISLUKT):
            time.sleep(0.5)
            run.refresh_from_db()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
    seconds = (run.klaar_op - run.gestart_op).total_seconds()
    return {
        "workers": workers,
        "products": run.totaal,
        "parts": run.delen,
        "seconds": seconds,
        "ms_per_product": seconds / max(run.totaal, 1) * 1000,
        "outcome": (
            f"{run.status}: {run.bijgewerkt} gepubliceerd, {run.geblokkeerd} "
            f"tegengehouden, {run.ongewijzigd} ongewijzigd, {run.fouten} fout"
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="contenthub_doorwerking")
    parser.add_argument(
        "--opnieuw", action="store_true", help="begin met een lege database"
    )
    parser.add_argument("--gemeenten", type=int, default=6)
    parser.add_argument("--producten", type=int, default=10)
    parser.add_argument("--rondes", type=int, default=2)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument(
        "--opstarttijd",
        type=float,
        default=8.0,
        help="seconden voor de workers opstarten",
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        raise SystemExit("Zet DATABASE_URL op een PostgreSQL-server.")
    url = prepare_database(url, args.database, fresh=args.opnieuw)
    setup(url, args.gemeenten, args.producten)
    env = os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "TASKS_BACKEND": "database",
    }
    counts = [int(part) for part in args.workers.split(",")]
    results = []
    number = 0
    for _ in range(args.rondes):
        for workers in counts:
            number += 1
            result = one_round(workers, number, env, args.opstarttijd)
            results.append(result)
            print(
                f"ronde {number}: {workers} worker(s), {result['products']} producten "
                f"in {result['parts']} delen: {result['seconds']:.1f} s, "
                f"{result['ms_per_product']:.0f} ms per product ({result['outcome']})",
                flush=True,
            )
    print(
        f"\nload average na afloop: {os.getloadavg()[0]:.1f} op {os.cpu_count()} cores"
    )
    medians = {}
    for workers in counts:
        seconds = [r["seconds"] for r in results if r["workers"] == workers]
        per = [r["ms_per_product"] for r in results if r["workers"] == workers]
        medians[workers] = statistics.median(seconds)
        print(
            f"{workers} worker(s): mediaan {medians[workers]:.1f} s, "
            f"{statistics.median(per):.0f} ms per product"
        )
    if len(counts) > 1:
        first, last = counts[0], counts[-1]
        print(
            f"{last} workers tegen {first}: {medians[first] / medians[last]:.2f}x zo snel"
        )


if __name__ == "__main__":
    main()

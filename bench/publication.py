"""Publish a demo product and a plain Wagtail page, interleaved; print the time
and the SQL queries of each and their ratio.

The reference is the cheapest publication Wagtail itself does: a page type
with only Wagtail's own fields (``wagtailcore.Page``), published with the same
``revision.publish()`` in the same database, in the same run.

Background tasks (Wagtail's reference and search index, webhooks) wait in
the database queue as in production (``--tasks queue``, the default); with
``--tasks inline`` they run inside the publication, as in the test settings.

    .venv/bin/python bench/publication.py [--rounds 15] [--product paspoort] \\
        [--tasks queue|inline] [--demo-sqlite FILE]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_publicatie \\
        .venv/bin/python bench/publication.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from _django import setup_demo_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--product", default="paspoort")
    parser.add_argument("--tasks", choices=("queue", "inline"), default="queue")
    parser.add_argument(
        "--demo-sqlite",
        help="a SQLite file with the demo already loaded (a copy is used)",
    )
    args = parser.parse_args()
    if args.demo_sqlite:
        import shutil
        import tempfile
        from pathlib import Path

        copy = Path(tempfile.mkdtemp(prefix="contenthub-bench-")) / "demo.sqlite3"
        shutil.copy(args.demo_sqlite, copy)
        os.environ["DATABASE_URL"] = f"sqlite:///{copy}"
    if args.tasks == "queue":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "_settings")
    setup_demo_database(load=not args.demo_sqlite)

    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from contenthub.models import ProductPage
    from contenthub.talen import SOURCE_LANGUAGE

    # The Dutch source (the demo has English translations with the same slug).
    product = ProductPage.objects.get(
        slug=args.product, locale__language_code=SOURCE_LANGUAGE
    )
    parent = product.get_parent()
    plain = parent.add_child(instance=Page(title="Vergelijkingspagina", live=False))

    def publish(page, change) -> tuple[float, int]:
        page = page.specific_class.objects.get(pk=page.pk)
        change(page)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            with transaction.atomic():
                page.save_revision().publish()
            elapsed = time.perf_counter() - start
        return elapsed, len(queries)

    texts = [
        "U vraagt een paspoort aan bij de gemeente waar u woont.",
        "U vraagt een paspoort aan bij de gemeente waar u ingeschreven staat.",
    ]
    results: dict[str, list[tuple[float, int]]] = {"product": [], "plain": []}
    for round_ in range(args.rounds + 1):

        def edit_product(page, round_=round_):
            page.kort_antwoord = texts[round_ % 2]

        def edit_plain(page, round_=round_):
            page.title = f"Vergelijkingspagina {round_}"

        product_figure = publish(product, edit_product)
        plain_figure = publish(plain, edit_plain)
        if round_:  # the first round warms caches and imports
            results["product"].append(product_figure)
            results["plain"].append(plain_figure)

    def median_ms(rows):
        return statistics.median(seconds for seconds, _ in rows) * 1000

    product_ms, plain_ms = median_ms(results["product"]), median_ms(results["plain"])
    product_q = statistics.median(q for _, q in results["product"])
    plain_q = statistics.median(q for _, q in results["plain"])
    print(
        f"database: {connection.vendor}, rounds: {args.rounds}, "
        f"product: {args.product}, tasks: {args.tasks}"
    )
    print(f"{'':32} {'median ms':>10} {'SQL queries':>12}")
    print(f"{'product, revision.publish()':32} {product_ms:10.1f} {product_q:12.0f}")
    print(f"{'plain Wagtail page, same':32} {plain_ms:10.1f} {plain_q:12.0f}")
    print(
        f"ratio product / plain page: {product_ms / plain_ms:.1f}x time, "
        f"{product_q / plain_q:.1f}x queries"
    )


if __name__ == "__main__":
    main()

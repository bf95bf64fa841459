"""Render every demo product in every channel; print products per second and the cost per channel.

Reference, measured in the same run: building the snapshot from the database
(what every channel shares) and serialising that snapshot as JSON (the least
any channel could cost).

    .venv/bin/python bench/render_speed.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import time

from _django import setup_demo_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    setup_demo_database()

    from contenthub.models import ProductPage
    from contenthub.structured import product_snapshot
    from renderers import renderer_registry

    pages = list(ProductPage.objects.live().order_by("path"))
    n = len(pages)

    def best(fn) -> float:
        timings = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            fn()
            timings.append(time.perf_counter() - start)
        return min(timings)

    snapshot_time = best(lambda: [product_snapshot(p) for p in pages])
    snapshots = [product_snapshot(p) for p in pages]
    json_time = best(
        lambda: [json.dumps(dataclasses.asdict(s), default=str) for s in snapshots]
    )

    rows = []
    total = 0.0
    for renderer in renderer_registry:
        for variant in renderer.variants:
            seconds = best(
                lambda r=renderer, v=variant: [
                    r.render(s, variant=v) for s in snapshots
                ]
            )
            total += seconds
            rows.append(
                (f"{renderer.channel}{'/' + variant if variant else ''}", seconds)
            )

    print(
        f"Demo catalogue: {n} live products, best of {args.rounds} rounds, one process"
    )
    print(f"{'step':<22}{'ms/product':>12}{'products/s':>12}")
    print(
        f"{'snapshot (database)':<22}{snapshot_time / n * 1000:>12.2f}{n / snapshot_time:>12.0f}"
    )
    print(
        f"{'json.dumps (floor)':<22}{json_time / n * 1000:>12.3f}{n / json_time:>12.0f}"
    )
    for name, seconds in rows:
        print(f"{name:<22}{seconds / n * 1000:>12.2f}{n / seconds:>12.0f}")
    everything = snapshot_time + total
    print(f"{'all channels':<22}{everything / n * 1000:>12.2f}{n / everything:>12.1f}")
    median = statistics.median(seconds for _, seconds in rows)
    print(
        f"Slowest variant: {max(rows, key=lambda r: r[1])[0]} "
        f"({max(s for _, s in rows) / median:.0f}x the median variant)"
    )


if __name__ == "__main__":
    main()

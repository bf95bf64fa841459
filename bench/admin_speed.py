"""What an editor waits for in the admin: the edit page, the preview and
publishing a product, next to the same steps for a plain Wagtail page in the
same run, through Django's test client (server time only, no browser).

The reference is the cheapest page Wagtail itself has: a ``wagtailcore.Page``
with only Wagtail's own fields, under the same theme, edited, previewed and
published through the same admin URLs by the same superuser.

Measured per round (median over the rounds; the first round only warms up),
as wall time and as this process's CPU time (on a loaded machine the wall
time mostly measures the other processes; the CPU time much less so):

- ``edit``: GET the edit page of a demo product (with a basistekst) and of the
  bench's own product, with the size of the HTML and the SQL queries (the
  Controle tab shows the stored verdict of the version; the bench's product
  was just published, so its verdict is stored too);
- ``preview``: POST the form to the preview URL and GET each preview mode;
- ``save draft``: POST the edit form without publishing; then the Controle
  tab of that new version (what ``controle.js`` fetches after the edit page
  has loaded: the gate runs once and its verdict is stored) and the edit page
  again (the stored verdict);
- ``publish``: POST the edit form with "Publiceren" (the gate, every channel's
  rendering, the stored verdict).

    .venv/bin/python bench/admin_speed.py [--rounds 5] [--product paspoort]

The gate's browser step (axe-core in Chromium) is off unless
CONTENTHUB_WCAG_BROWSER=1 is set, as in the tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from _django import setup_demo_database

Figure = tuple[float, int, int, float]  # seconds, SQL queries, bytes, CPU seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--product", default="paspoort", help="demo product (slug)")
    args = parser.parse_args()
    os.environ.setdefault("CONTENTHUB_WCAG_BROWSER", "0")
    setup_demo_database()

    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from wagtail.models import Page
    from wagtail.test.utils.form_data import nested_form_data

    from contenthub.models import Contactpunt, ProductPage
    from contenthub.talen import SOURCE_LANGUAGE
    from renderers.preview import PREVIEW_MODES

    # The Dutch source (the demo has English translations with the same slug).
    demo_product = ProductPage.objects.get(
        slug=args.product, locale__language_code=SOURCE_LANGUAGE
    )
    thema = demo_product.get_parent()
    site = demo_product.get_site()
    contact = Contactpunt.objects.filter(site=site).first() or demo_product.contact
    user = User.objects.create_superuser("bench", "bench@hub.example", "bench")
    client = Client(HTTP_HOST=site.hostname)
    client.force_login(user)

    def timed(call: Callable[[], object]) -> Figure:
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            response = call()
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu
        status = getattr(response, "status_code", 200)
        if status >= 400:
            raise SystemExit(f"{status} bij {getattr(response, 'request', '')}")
        body = getattr(response, "content", b"")
        return elapsed, len(queries), len(body), cpu

    # The bench's own product, made through the admin like an editor would.
    texts = [
        "U vraagt een ID-kaart aan bij de balie. Een ID-kaart kost € 77,60.",
        "U vraagt een ID-kaart aan bij de balie van het stadhuis. Een ID-kaart kost € 77,60.",
    ]

    def product_form(round_: int, **extra: str) -> dict:
        data = product_fields(contact.pk, texts[round_ % 2])
        return nested_form_data(data) | extra

    add = client.post(
        reverse("wagtailadmin_pages:add", args=("contenthub", "productpage", thema.pk)),
        product_form(0),
    )
    if add.status_code != 302:
        raise SystemExit(f"Het benchproduct is niet aangemaakt: {add.status_code}")
    product = ProductPage.objects.get(slug="bench-identiteitskaart")
    plain = thema.add_child(instance=Page(title="Vergelijkingspagina", live=False))
    plain.save_revision()

    def plain_form(round_: int, **extra: str) -> dict:
        return {
            "title": f"Vergelijkingspagina {round_ % 2}",
            "slug": "vergelijkingspagina",
            "seo_title": "",
            "search_description": "",
        } | extra

    def edit_url(page) -> str:
        return reverse("wagtailadmin_pages:edit", args=(page.pk,))

    def preview_url(page) -> str:
        return reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))

    def preview(page, form: dict, modes: list[str]) -> Callable[[], object]:
        def run():
            client.post(preview_url(page), form)
            for mode in modes:
                response = client.get(preview_url(page), {"mode": mode})
                if response.status_code != 200:
                    raise SystemExit(f"voorbeeld {mode!r}: {response.status_code}")
            return response

        return run

    def save_draft(page, form: dict) -> Callable[[], object]:
        def run():
            response = client.post(edit_url(page), form)
            if response.status_code != 302:
                raise SystemExit(f"bewaren van {page.title}: {response.status_code}")
            return response

        return run

    def controle_tab(page) -> Callable[[], object]:
        # What controle.js fetches when no stored verdict holds for the version.
        return lambda: client.get(reverse("quality_editor_findings", args=(page.pk,)))

    def publish(page, form: dict) -> Callable[[], object]:
        def run():
            response = client.post(edit_url(page), form | {"action-publish": "1"})
            if response.status_code != 302:
                raise SystemExit(f"publiceren van {page.title}: {response.status_code}")
            return response

        return run

    modes = [mode for mode, *_ in PREVIEW_MODES]
    rows: dict[str, list[Figure]] = {}
    steps: list[tuple[str, Callable[[int], Callable[[], object]]]] = [
        (
            f"edit page, demo product '{args.product}'",
            lambda r: lambda: client.get(edit_url(demo_product)),
        ),
        ("edit page, bench product", lambda r: lambda: client.get(edit_url(product))),
        (
            "edit page, plain Wagtail page",
            lambda r: lambda: client.get(edit_url(plain)),
        ),
        (
            "preview, product, web page",
            lambda r: preview(product, product_form(r), [""]),
        ),
        (
            f"preview, product, all {len(modes)} modes",
            lambda r: preview(product, product_form(r), modes),
        ),
        ("preview, plain Wagtail page", lambda r: preview(plain, plain_form(r), [""])),
        ("save draft, product", lambda r: save_draft(product, product_form(r + 1))),
        ("Controle tab of that new version", lambda r: controle_tab(product)),
        (
            "edit page, product, after the tab",
            lambda r: lambda: client.get(edit_url(product)),
        ),
        (
            "save draft, plain Wagtail page",
            lambda r: save_draft(plain, plain_form(r + 1)),
        ),
        ("publish, product", lambda r: publish(product, product_form(r))),
        ("publish, plain Wagtail page", lambda r: publish(plain, plain_form(r))),
    ]
    for round_ in range(args.rounds + 1):
        for name, step in steps:  # interleaved: the same load for each
            figure = timed(step(round_))
            if round_:  # the first round warms caches and imports
                rows.setdefault(name, []).append(figure)

    def median(name: str, index: int) -> float:
        return statistics.median(row[index] for row in rows[name])

    print(
        f"database: {connection.vendor}, rounds: {args.rounds}, "
        f"browser step: {os.environ['CONTENTHUB_WCAG_BROWSER']}, load: {load()}"
    )
    print(f"{'':44} {'median ms':>10} {'CPU ms':>8} {'SQL':>6} {'kB HTML':>8}")
    for name, _ in steps:
        print(
            f"{name:44} {median(name, 0) * 1000:10.1f} {median(name, 3) * 1000:8.1f} "
            f"{median(name, 1):6.0f} {median(name, 2) / 1024:8.1f}"
        )
    for product_row, plain_row in [
        (f"edit page, demo product '{args.product}'", "edit page, plain Wagtail page"),
        ("edit page, bench product", "edit page, plain Wagtail page"),
        ("preview, product, web page", "preview, plain Wagtail page"),
        ("save draft, product", "save draft, plain Wagtail page"),
        ("publish, product", "publish, plain Wagtail page"),
    ]:
        print(
            f"ratio {product_row} / plain: "
            f"{median(product_row, 0) / median(plain_row, 0):.1f}x time, "
            f"{median(product_row, 3) / median(plain_row, 3):.1f}x CPU, "
            f"{median(product_row, 1) / max(median(plain_row, 1), 1):.1f}x queries"
        )


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "onbekend"
    return f"{one:.2f} (1 min), {five:.2f} (5 min), {os.cpu_count()} cores"


def product_fields(contact_id: int, kort_antwoord: str) -> dict:
    """The edit form of a product with every channel's facts, as the admin posts it."""
    from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

    return {
        "title": "Identiteitskaart aanvragen (bench)",
        "slug": "bench-identiteitskaart",
        "upl_naam": "identiteitskaart",
        "upl_uri": "",
        "doelgroep": "inwoners",
        "kort_antwoord": kort_antwoord,
        "wat_is_het": rich_text("<p>Met een ID-kaart laat u zien wie u bent.</p>"),
        "voorwaarden": rich_text(""),
        "aanvragen": streamfield(
            [("stap", {"titel": "Maak een afspraak", "uitleg": rich_text("")})]
        ),
        "benodigdheden": streamfield([("item", "Een pasfoto")]),
        "kosten_gratis": "",
        "kosten": streamfield(
            [
                (
                    "regel",
                    {
                        "omschrijving": "ID-kaart 18 jaar en ouder",
                        "bedrag": "77.60",
                        "per": "per_stuk",
                    },
                )
            ]
        ),
        "termijn_omschrijving": "Uw ID-kaart is na 6 werkdagen klaar.",
        "termijn_dagen": "6",
        "termijn_eenheid": "werkdagen",
        "online_aanvragen_url": "",
        "kanaal_balie": "on",
        "advies_kanaal": "balie",
        "contact": str(contact_id),
        "zoektermen": "id-kaart, identiteitsbewijs",
        "vragen": streamfield([]),
        "bezwaar_en_beroep": rich_text(""),
        "wat_als_geen_reactie": rich_text(""),
        "gerelateerde_producten": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }


if __name__ == "__main__":
    main()

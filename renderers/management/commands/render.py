"""Render a product for a channel: ``render SLUG --channel tweet`` or ``render --all``."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from contenthub.models import ProductPage
from contenthub.structured import product_snapshot
from renderers import CHANNELS, renderer_registry

EXTENSIONS = {
    "text/html": "html",
    "application/json": "json",
    "text/plain": "txt",
    "application/pdf": "pdf",
    "application/xml": "xml",
}


class Command(BaseCommand):
    help = "Render een product voor een kanaal, of alle live producten naar een map."

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="De slug van het product.")
        parser.add_argument("--channel", "--kanaal", dest="channel", choices=CHANNELS)
        parser.add_argument(
            "--variant", default="", help="Bijvoorbeeld fragment, pdf, thread of tekst."
        )
        parser.add_argument(
            "--output",
            "-o",
            help="Bestand (of map bij --all). Zonder: naar het scherm.",
        )
        parser.add_argument(
            "--all", action="store_true", help="Alle live producten, alle kanalen."
        )
        parser.add_argument(
            "--store",
            action="store_true",
            help=(
                "Vervallen: opslaan gaat alleen via de publicatiecontrole. "
                "Gebruik 'manage.py herkeur' (na een wijziging in een sjabloon)."
            ),
        )

    def handle(self, *args, **options):
        if options["all"]:
            return self._render_all(options)
        if not options["slug"] or not options["channel"]:
            raise CommandError("Geef een slug en --channel, of gebruik --all.")
        page = ProductPage.objects.filter(slug=options["slug"]).first()
        if page is None:
            raise CommandError(f"Er is geen product met de slug '{options['slug']}'.")
        renderer = renderer_registry[options["channel"]]
        if options["variant"] not in renderer.variants:
            raise CommandError(
                f"Het kanaal {renderer.channel} kent de variant '{options['variant']}' niet. "
                f"Kies uit: {', '.join(v or '(hoofdvorm)' for v in renderer.variants)}."
            )
        rendering = renderer.render(product_snapshot(page), variant=options["variant"])
        if options["output"]:
            Path(options["output"]).write_bytes(rendering.data)
            self.stderr.write(
                f"Geschreven: {options['output']} ({len(rendering.data)} bytes)"
            )
        elif isinstance(rendering.content, bytes):
            raise CommandError(
                "Deze weergave is binair (PDF): geef --output een bestandsnaam."
            )
        else:
            sys.stdout.write(rendering.text)
        return None

    def _render_all(self, options):
        pages = ProductPage.objects.live().order_by("path")
        if options["store"]:
            # A stored rendering needs the gate's approval of its inputs.
            raise CommandError(
                "Weergaven worden alleen opgeslagen na de publicatiecontrole. "
                "Gebruik 'manage.py herkeur --alle' om alle live producten opnieuw "
                "te keuren en op te slaan."
            )
        target = Path(options["output"] or "renderings")
        count = 0
        for page in tqdm(
            pages,
            total=pages.count(),
            desc="Renderen",
            unit="product",
            file=self.stderr,
        ):
            product = product_snapshot(page)
            for renderer in renderer_registry:
                for variant in renderer.variants:
                    rendering = renderer.render(product, variant=variant)
                    if not rendering.content:
                        continue  # this channel does not publish this product
                    extension = EXTENSIONS.get(
                        rendering.media_type.split(";")[0], "bin"
                    )
                    name = f"{renderer.channel}{'-' + variant if variant else ''}.{extension}"
                    path = target / page.slug / name
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(rendering.data)
                    count += 1
        self.stdout.write(f"{count} weergaven geschreven naar {target}/")

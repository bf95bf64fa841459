"""The taalcheck settings a beheerder edits in the Wagtail admin.

``TaalcheckInstellingen`` holds the thresholds and the glossary (one setting
for the whole hub: every gemeente writes at B1). ``get_settings`` turns it into
the frozen ``taalcheck.Settings`` the pure core takes. The model also carries
the permission ``taalcheck.use_taalcheck`` for the admin page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .config import DEFAULT_SETTINGS, Settings

_D = DEFAULT_SETTINGS


def _default_woordenlijst() -> str:
    return "\n".join(sorted(_D.woordenlijst, key=str.lower))


@register_setting(icon="doc-full")
class TaalcheckInstellingen(BaseGenericSetting):
    """Thresholds and glossary of the taalcheck; defaults in ``taalcheck.config``."""

    zin_waarschuwing = models.PositiveSmallIntegerField(
        "waarschuwing vanaf zinslengte",
        default=_D.zin_waarschuwing,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
        help_text="Een zin met meer woorden geeft een waarschuwing. "
        "Standaard 20 (Communicatie Rijk, taalniveau B1).",
    )
    zin_fout = models.PositiveSmallIntegerField(
        "fout vanaf zinslengte",
        default=_D.zin_fout,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
        help_text="Een zin met meer woorden is een fout en blokkeert publicatie. "
        "Standaard 25 (onze schrijfregels: nooit meer dan 25 woorden).",
    )
    gemiddelde_zinslengte = models.DecimalField(
        "maximale gemiddelde zinslengte",
        max_digits=4,
        decimal_places=1,
        default=_D.gemiddelde_zinslengte,
        validators=[MinValueValidator(5), MaxValueValidator(50)],
        help_text="Standaard 15 woorden per zin (Direct Duidelijk, taalniveau B1).",
    )
    lang_woord_letters = models.PositiveSmallIntegerField(
        "lang woord vanaf letters",
        default=_D.lang_woord_letters,
        validators=[MinValueValidator(8), MaxValueValidator(40)],
        help_text="Woorden met zoveel letters of meer krijgen een tip. Standaard 16.",
    )
    zeldzaam_zipf = models.DecimalField(
        "grens voor weinig gebruikte woorden (Zipf)",
        max_digits=3,
        decimal_places=1,
        default=_D.zeldzaam_zipf,
        validators=[MinValueValidator(0), MaxValueValidator(6)],
        help_text="Woorden die minder vaak voorkomen zijn 'moeilijk'. 3 betekent: "
        "één keer per miljoen woorden (woordfrequenties van wordfreq). Hoger is strenger.",
    )
    max_lijdende_vorm = models.PositiveSmallIntegerField(
        "maximaal aandeel lijdende vorm (%)",
        default=round(_D.max_lijdende_vorm * 100),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Staan meer zinnen in de lijdende vorm, dan is dat een fout. Standaard 34%.",
    )
    max_invoer_kb = models.PositiveIntegerField(
        "maximale tekstgrootte (kB)",
        default=_D.max_invoer_bytes // 1000,
        validators=[MinValueValidator(1), MaxValueValidator(50_000)],
        help_text="Grotere teksten weigert de taalcheck met een melding. Standaard 1000 kB (1 MB).",
    )
    woordenlijst = models.TextField(
        "woordenlijst",
        blank=True,
        default=_default_woordenlijst,
        help_text="Termen die de taalcheck nooit als moeilijk, lang of onverklaarde "
        "afkorting meldt, zoals 'omgevingsvergunning', 'DigiD' of 'BSN'. Eén term per regel.",
    )
    uitgeschakelde_regels = models.TextField(
        "uitgeschakelde regels",
        blank=True,
        help_text="Regels die de taalcheck overslaat, één per regel, bijvoorbeeld "
        "'taal.bijzin-vooraan'.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("zin_waarschuwing"),
                FieldPanel("zin_fout"),
                FieldPanel("gemiddelde_zinslengte"),
            ],
            heading="Zinnen",
        ),
        MultiFieldPanel(
            [
                FieldPanel("lang_woord_letters"),
                FieldPanel("zeldzaam_zipf"),
                FieldPanel("max_lijdende_vorm"),
            ],
            heading="Woorden en lijdende vorm",
        ),
        FieldPanel("woordenlijst"),
        MultiFieldPanel(
            [FieldPanel("uitgeschakelde_regels"), FieldPanel("max_invoer_kb")],
            heading="Overig",
        ),
    ]

    class Meta:
        verbose_name = "taalcheck"
        verbose_name_plural = "taalcheck"
        permissions = [("use_taalcheck", "Mag de taalcheck gebruiken")]

    def clean(self) -> None:
        super().clean()
        errors = {}
        if (
            self.zin_waarschuwing is not None
            and self.zin_fout is not None
            and self.zin_waarschuwing > self.zin_fout
        ):
            errors["zin_waarschuwing"] = (
                "De grens voor een waarschuwing moet lager zijn dan de grens voor een fout."
            )
        from .core import registry

        unknown = sorted(set(_lines(self.uitgeschakelde_regels)) - set(registry.ids()))
        if unknown:
            errors["uitgeschakelde_regels"] = (
                f"Onbekende regel: {', '.join(unknown)}. Kies uit: "
                f"{', '.join(registry.ids())}."
            )
        if errors:
            raise ValidationError(errors)

    def to_settings(self) -> Settings:
        """These values as the frozen ``Settings`` of the pure core."""
        return Settings(
            zin_waarschuwing=self.zin_waarschuwing,
            zin_fout=self.zin_fout,
            gemiddelde_zinslengte=float(self.gemiddelde_zinslengte),
            lang_woord_letters=self.lang_woord_letters,
            lang_woord_lettergrepen=_D.lang_woord_lettergrepen,
            zeldzaam_zipf=float(self.zeldzaam_zipf),
            max_lijdende_vorm=self.max_lijdende_vorm / 100,
            max_invoer_bytes=self.max_invoer_kb * 1000,
            woordenlijst=frozenset(_lines(self.woordenlijst)),
            uitgeschakelde_regels=frozenset(_lines(self.uitgeschakelde_regels)),
        )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def get_settings(request: HttpRequest | None = None) -> Settings:
    """The taalcheck settings as the beheerder set them.

    With a request, Wagtail caches the setting on it, so a page that checks
    many fields reads the database once.
    """
    cache_attr = "_taalcheck_settings"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    settings = TaalcheckInstellingen.load(request_or_site=request).to_settings()
    if request is not None:
        setattr(request, cache_attr, settings)
    return settings

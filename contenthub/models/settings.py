"""Per-site settings: each gemeente is a Wagtail Site with its own values."""

from __future__ import annotations

import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..extensions import extensions
from ..logo import validate_logo
from ..validation import validate_plain_text, validate_url_scheme

HEX_KLEUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5
"""WCAG 1.4.3: white text on the huiskleur (header, buttons) needs 4.5:1."""


def _luminance(hex_kleur: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_kleur[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(hex_kleur: str) -> float:
    """The WCAG contrast ratio of white on this colour (1 to 21)."""
    return 1.05 / (_luminance(hex_kleur) + 0.05)


def validate_huiskleur(value: str) -> None:
    if not HEX_KLEUR.match(value):
        raise ValidationError(
            "Geef de kleur als # en zes tekens 0-9 of a-f, bijvoorbeeld #00594f."
        )
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            f"Witte tekst op deze kleur is slecht leesbaar (contrast {ratio:.1f}:1, "
            f"minimaal {MIN_CONTRAST}:1 volgens WCAG). Kies een donkerdere kleur."
        )


@register_setting(icon="site")
class GemeenteInstellingen(BaseSiteSetting):
    """Facts about the gemeente that every channel needs (brief, web, chatbot)."""

    naam = models.CharField(
        "naam van de gemeente",
        max_length=120,
        blank=True,
        validators=[validate_plain_text],
    )
    website = models.URLField(
        "publieke website",
        blank=True,
        validators=[validate_url_scheme],
        help_text="Het adres waar de productpagina's voor inwoners staan.",
    )
    postadres = models.TextField(
        "postadres", blank=True, validators=[validate_plain_text]
    )
    owms_identifier = models.URLField(
        "OWMS-identificatie",
        blank=True,
        validators=[validate_url_scheme],
        help_text=(
            "De URI van de gemeente in de OWMS-lijst van standaarden.overheid.nl, "
            "bijvoorbeeld http://standaarden.overheid.nl/owms/terms/Utrecht_(gemeente). "
            "Leeg: de hub leidt hem af uit de naam."
        ),
    )
    telefoon = models.CharField(
        "telefoonnummer",
        max_length=30,
        blank=True,
        help_text="Staat onder aan elke pagina van de website, bijvoorbeeld 14 0999.",
    )
    email = models.EmailField(
        "e-mailadres",
        blank=True,
        help_text="Staat onder aan elke pagina van de website.",
    )
    huiskleur = models.CharField(
        "huiskleur",
        max_length=7,
        blank=True,
        validators=[validate_huiskleur],
        help_text=(
            "De kleur van de kop en de knoppen op de website, als #rrggbb. Witte "
            "tekst moet er goed op leesbaar zijn. Leeg: de neutrale voorbeeldkleur."
        ),
    )
    logo = models.FileField(
        "logo",
        upload_to="gemeenten/logo/",
        blank=True,
        validators=[
            FileExtensionValidator(["png", "jpg", "jpeg", "webp", "svg"]),
            validate_logo,
        ],
        help_text=(
            "Staat in de kop van elke pagina van de website. PNG, JPEG, WebP of SVG, "
            "hoogstens 512 kB; een SVG zonder scripts of verwijzingen naar buiten."
        ),
    )
    logo_alt = models.CharField(
        "tekst bij het logo",
        max_length=200,
        blank=True,
        validators=[validate_plain_text],
        help_text=(
            "Wat het logo zegt, voor wie het niet ziet, bijvoorbeeld "
            "'Logo gemeente Voorbeeldstad'. Verplicht als er een logo is."
        ),
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("website"),
        FieldPanel("postadres"),
        FieldPanel("owms_identifier"),
        MultiFieldPanel(
            [
                FieldPanel("telefoon"),
                FieldPanel("email"),
                FieldPanel("huiskleur"),
                FieldPanel("logo"),
                FieldPanel("logo_alt"),
            ],
            heading="Website",
        ),
    ]

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def save(self, *args, **kwargs):
        # The gemeente's live products show these values: judged again, in the
        # same transaction (change guards in ``contenthub.extensions``).
        with extensions.refusal_rolls_back():
            result = super().save(*args, **kwargs)
            extensions.run_change_guards(self)
        return result

    def clean(self) -> None:
        super().clean()
        if self.logo and not self.logo_alt.strip():
            raise ValidationError(
                {
                    "logo_alt": "Geef een tekst bij het logo: wie het logo niet ziet, "
                    "hoort of leest deze tekst."
                }
            )

    @property
    def logo_url(self) -> str:
        """Where the public pages load the logo (``contenthub.views.logo``); a new
        file gets a new address, so browsers never keep showing the old one."""
        if not self.logo:
            return ""
        import hashlib

        versie = hashlib.sha256(self.logo.name.encode()).hexdigest()[:12]
        return f"/logo?v={versie}"

    def full_clean(self, *args, **kwargs) -> None:
        # Valid on its own; then: would a live product that shows it fail?
        # The editor gets the gate's findings per product, not an error page.
        super().full_clean(*args, **kwargs)
        refusal = extensions.refusal_of(self)
        if refusal:
            raise ValidationError({NON_FIELD_ERRORS: refusal})

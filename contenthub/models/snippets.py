"""Reusable snippets: created once, used by many products.

A change to a contactpunt or locatie reaches every product that refers to it,
because products hold a reference, never a copy.

Both are translatable (Wagtail's ``TranslatableMixin``): a gemeente gives a
contactpunt or locatie an English version (same ``translation_key``, locale
``en``) and every English product that shows the Dutch one shows the English
version instead (``contenthub.structured``); without one it shows the Dutch
one, marked as Dutch.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..blocks import OPENINGSTIJDEN_BLOCKS
from ..extensions import extensions
from ..validation import stream_errors, validate_plain_text, validate_url_scheme

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Z]{2}$",
    message="Vul een Nederlandse postcode in, bijvoorbeeld 1234 AB.",
)
telefoon_validator = RegexValidator(
    r"^\+?[0-9][0-9 \-]{1,18}[0-9]$",
    message="Vul een telefoonnummer in met alleen cijfers, spaties of streepjes.",
)


class _GemeenteSnippet(TranslatableMixin, models.Model):
    """A snippet that belongs to one gemeente (Wagtail Site).

    Each gemeente keeps its own contactpunten and locaties; editors see and
    choose only their own gemeente's (``gemeenten/permissions.py``), and a
    product may only refer to snippets of its own gemeente (validation).
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="gemeente",
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        # Every live product that shows this snippet is judged again, in the
        # same transaction (``contenthub.extensions``: change guards); a
        # refusal rolls the change back.
        with extensions.refusal_rolls_back():
            result = super().save(*args, **kwargs)
            extensions.run_change_guards(self)
        return result

    def delete(self, *args, **kwargs):
        # A snippet that live products show is not deleted: the products would
        # change without the gate (``contact`` is SET_NULL, a locatie drops
        # out). A delete guard refuses first (``contenthub.extensions``).
        extensions.run_delete_guards(self)
        return super().delete(*args, **kwargs)

    def full_clean(self, *args, **kwargs) -> None:
        # Valid on its own; then: would a live product that shows it fail?
        # The editor gets the gate's findings per product, not an error page.
        if self.locale_id is None:
            # Wagtail sets it just before the first save; the checks of
            # uniqueness per language need it now.
            self.locale = self.get_default_locale()
        super().full_clean(*args, **kwargs)
        refusal = extensions.refusal_of(self)
        if refusal:
            raise ValidationError({NON_FIELD_ERRORS: refusal})


class _ValidatedOpeningstijden(_GemeenteSnippet):
    class Meta(_GemeenteSnippet.Meta):
        abstract = True

    def clean(self) -> None:
        super().clean()
        errors = stream_errors(self, ("openingstijden",))
        if errors:
            raise ValidationError(errors)


class Contactpunt(index.Indexed, _ValidatedOpeningstijden):
    """An organisation unit that citizens contact (SDG: contactgegevens)."""

    naam = models.CharField("naam", max_length=120, validators=[validate_plain_text])
    telefoon = models.CharField(
        "telefoonnummer", max_length=20, blank=True, validators=[telefoon_validator]
    )
    email = models.EmailField("e-mailadres", blank=True)
    contactformulier_url = models.URLField(
        "link naar het contactformulier", blank=True, validators=[validate_url_scheme]
    )
    afspraak_url = models.URLField(
        "link om een afspraak te maken", blank=True, validators=[validate_url_scheme]
    )
    openingstijden = StreamField(
        OPENINGSTIJDEN_BLOCKS,
        blank=True,
        verbose_name="openingstijden (telefoon en balie)",
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("naam"),
        MultiFieldPanel(
            [
                FieldPanel("telefoon"),
                FieldPanel("email"),
                FieldPanel("contactformulier_url"),
                FieldPanel("afspraak_url"),
            ],
            heading="Bereikbaarheid",
        ),
        FieldPanel("openingstijden"),
    ]
    search_fields = [
        index.SearchField("naam"),
        index.AutocompleteField("naam"),
        index.FilterField("site"),
        index.FilterField("locale"),
    ]

    class Meta:
        verbose_name = "contactpunt"
        verbose_name_plural = "contactpunten"
        ordering = ["naam"]
        unique_together = [("translation_key", "locale")]
        constraints = [
            # Per language: an English version may keep the Dutch name.
            models.UniqueConstraint(
                fields=["site", "locale", "naam"],
                name="contactpunt_naam_per_gemeente_en_taal",
                violation_error_message="Deze gemeente heeft al een contactpunt met deze naam.",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Locatie(index.Indexed, _ValidatedOpeningstijden):
    """A place where citizens go: an address with openingstijden."""

    naam = models.CharField("naam", max_length=120, validators=[validate_plain_text])
    straat = models.CharField(
        "straat", max_length=120, validators=[validate_plain_text]
    )
    huisnummer = models.CharField(
        "huisnummer", max_length=12, validators=[validate_plain_text]
    )
    postcode = models.CharField(
        "postcode", max_length=7, validators=[postcode_validator]
    )
    plaats = models.CharField("plaats", max_length=80, validators=[validate_plain_text])
    toelichting = models.TextField(
        "toelichting",
        blank=True,
        help_text="Bijvoorbeeld over toegankelijkheid, parkeren of afspraken.",
        validators=[validate_plain_text],
    )
    openingstijden = StreamField(
        OPENINGSTIJDEN_BLOCKS, blank=True, verbose_name="openingstijden"
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("naam"),
        MultiFieldPanel(
            [
                FieldPanel("straat"),
                FieldPanel("huisnummer"),
                FieldPanel("postcode"),
                FieldPanel("plaats"),
            ],
            heading="Adres",
        ),
        FieldPanel("toelichting"),
        FieldPanel("openingstijden"),
    ]
    search_fields = [
        index.SearchField("naam"),
        index.AutocompleteField("naam"),
        index.FilterField("site"),
        index.FilterField("locale"),
    ]

    class Meta:
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        ordering = ["naam"]
        unique_together = [("translation_key", "locale")]
        constraints = [
            # Per language: an English version may keep the Dutch name.
            models.UniqueConstraint(
                fields=["site", "locale", "naam"],
                name="locatie_naam_per_gemeente_en_taal",
                violation_error_message="Deze gemeente heeft al een locatie met deze naam.",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.plaats}"

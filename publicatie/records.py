"""Verdicts, exceptions and the workflow task of the publication gate."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from contenthub.findings import Finding

PATHS = [
    ("knop", "Publiceren in de editor"),
    ("workflow", "Goedkeuring in de workflow"),
    ("gepland", "Gepland publiceren"),
    ("bulk", "Meerdere pagina's tegelijk"),
    ("code", "Vanuit code of een commando"),
    ("kopie", "Kopiëren en publiceren"),
    ("editor", "Controle in de editor"),
    ("doorwerking", "Doorwerking van een basistekst"),
    ("snippet", "Wijziging van een contactpunt, locatie of de gemeente"),
    ("verplaatsen", "Verplaatsen naar een andere plek"),
    ("klok", "Verlopen of gepland live gaan"),
]


class Keuring(models.Model):
    """One verdict of the gate on one version of a product."""

    page = models.ForeignKey(
        "contenthub.ProductPage", on_delete=models.CASCADE, related_name="keuringen"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gekeurd_op = models.DateTimeField("gekeurd op", auto_now_add=True, db_index=True)
    geslaagd = models.BooleanField("geslaagd")
    bevindingen = models.JSONField("bevindingen", default=dict)
    invoer = models.CharField(
        "invoer",
        max_length=64,
        blank=True,
        editable=False,
        help_text="Vingerafdruk van alles wat de keuring las behalve de versie zelf.",
    )
    """``publicatie.inputs.verdict_inputs`` of the judged version; empty when
    unknown. The Controle tab reuses a verdict only for the same inputs."""
    pad = models.CharField("hoe", max_length=12, choices=PATHS)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "keuring"
        verbose_name_plural = "keuringen"
        ordering = ["-gekeurd_op"]

    def __str__(self) -> str:
        uitslag = "geslaagd" if self.geslaagd else "tegengehouden"
        return f"{self.page} {uitslag} op {self.gekeurd_op:%d-%m-%Y %H:%M}"

    @property
    def aantal_fouten(self) -> int:
        return sum(
            1
            for name, found in self.bevindingen.items()
            if name != "uitgezonderd"
            for finding in found
            if finding["severity"] == "fout"
        )


class Uitzondering(models.Model):
    """A documented exception for one finding on one product.

    It lapses when the text it covers changes (the fingerprint no longer
    matches) or after ``geldig_tot``.
    """

    page = models.ForeignKey(
        "contenthub.ProductPage",
        on_delete=models.CASCADE,
        related_name="uitzonderingen",
    )
    regel = models.CharField("regel", max_length=80)
    veld = models.CharField("veld", max_length=80, blank=True)
    fragment = models.TextField(
        "fragment", blank=True, help_text="De tekst of het element waar het om gaat."
    )
    vingerafdruk = models.CharField(max_length=64, editable=False)
    reden = models.TextField(
        "waarom", help_text="Bijvoorbeeld: een juridische term die niet anders kan."
    )
    toegekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="toegekend door",
    )
    toegekend_op = models.DateTimeField("toegekend op", auto_now_add=True)
    geldig_tot = models.DateTimeField("geldig tot", null=True, blank=True)

    class Meta:
        verbose_name = "uitzondering"
        verbose_name_plural = "uitzonderingen"
        ordering = ["-toegekend_op"]
        permissions = [
            (
                "grant_uitzondering",
                "Mag uitzonderingen op de publicatiecontrole toekennen",
            )
        ]

    def __str__(self) -> str:
        return f"{self.regel} in {self.veld or 'product'} van {self.page}"

    def covers(self, finding: Finding, page) -> bool:
        from .fields import field_fingerprint

        return (
            finding.rule == self.regel
            and finding.location.field == self.veld
            and (not self.fragment or finding.excerpt == self.fragment)
            and field_fingerprint(page, self.veld) == self.vingerafdruk
        )


class Doorwerking(models.Model):
    """One run that carries a published basistekst to every product that inherits it.

    The counters are updated while the run goes (one cheap UPDATE per product),
    so the admin shows progress; ``resultaten`` holds the outcome per product.
    In the task queue a run is split into one part per gemeente, so several
    workers share it; ``delen_klaar`` counts the parts that ended.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", "Wacht op verwerking"
        BEZIG = "bezig", "Bezig"
        KLAAR = "klaar", "Klaar"
        MISLUKT = "mislukt", "Afgebroken"

    basistekst = models.ForeignKey(
        "contenthub.Basistekst",
        on_delete=models.CASCADE,
        related_name="doorwerkingen",
        verbose_name="basistekst",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="versie van de basistekst",
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="gestart door",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.WACHTEND
    )
    totaal = models.PositiveIntegerField("producten", default=0)
    verwerkt = models.PositiveIntegerField("verwerkt", default=0)
    bijgewerkt = models.PositiveIntegerField("gepubliceerd", default=0)
    geblokkeerd = models.PositiveIntegerField("tegengehouden", default=0)
    ongewijzigd = models.PositiveIntegerField("ongewijzigd", default=0)
    concepten = models.PositiveIntegerField("alleen concept bijgewerkt", default=0)
    fouten = models.PositiveIntegerField("fouten", default=0)
    melding = models.TextField("melding", blank=True)
    """Why the whole run stopped, when it did."""
    delen = models.PositiveIntegerField("delen", default=1)
    """How many parts (one per gemeente) the run was split into for the workers."""
    delen_klaar = models.PositiveIntegerField("delen klaar", default=0)

    class Meta:
        verbose_name = "doorwerking"
        verbose_name_plural = "doorwerkingen"
        ordering = ["-aangemaakt_op", "-pk"]
        indexes = [models.Index(fields=["-aangemaakt_op"], name="doorwerking_recent")]

    def __str__(self) -> str:
        return (
            f"Doorwerking van '{self.basistekst}' ({self.aangemaakt_op:%d-%m-%Y %H:%M})"
        )

    @property
    def afgerond(self) -> bool:
        return self.status in (self.Status.KLAAR, self.Status.MISLUKT)

    @property
    def duur(self):
        """How long the run took (or has been running), or None before it started."""
        if self.gestart_op is None:
            return None
        from django.utils import timezone

        return (self.klaar_op or timezone.now()) - self.gestart_op


class DoorwerkingResultaat(models.Model):
    """What one doorwerking did to one product."""

    class Uitkomst(models.TextChoices):
        BIJGEWERKT = "bijgewerkt", "Gepubliceerd met de nieuwe tekst"
        GEBLOKKEERD = "geblokkeerd", "Tegengehouden door de publicatiecontrole"
        CONCEPT = "concept", "Alleen het concept bijgewerkt"
        ONGEWIJZIGD = "ongewijzigd", "Ongewijzigd"
        FOUT = "fout", "Fout"

    COUNTERS = {
        Uitkomst.BIJGEWERKT: "bijgewerkt",
        Uitkomst.GEBLOKKEERD: "geblokkeerd",
        Uitkomst.CONCEPT: "concepten",
        Uitkomst.ONGEWIJZIGD: "ongewijzigd",
        Uitkomst.FOUT: "fouten",
    }
    """The counter on ``Doorwerking`` that each outcome adds to."""

    doorwerking = models.ForeignKey(
        Doorwerking, on_delete=models.CASCADE, related_name="resultaten"
    )
    page = models.ForeignKey(
        "contenthub.ProductPage",
        null=True,
        on_delete=models.CASCADE,
        related_name="doorwerking_resultaten",
        verbose_name="product",
    )
    titel = models.CharField("product", max_length=255)
    uitkomst = models.CharField(
        "uitkomst", max_length=12, choices=Uitkomst.choices, db_index=True
    )
    velden = models.JSONField("bijgewerkte velden", default=list, blank=True)
    melding = models.TextField("melding", blank=True)
    """The gate's summary for a blocked product, the error for a failed one."""
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="nieuwe versie",
    )
    vorige_live_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="gepubliceerde versie daarvoor",
    )
    concept_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="concept van de redactie, met de nieuwe tekst",
    )
    verwerkt_op = models.DateTimeField("verwerkt op", auto_now_add=True)

    class Meta:
        verbose_name = "resultaat van een doorwerking"
        verbose_name_plural = "resultaten van doorwerkingen"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["doorwerking", "page"], name="one_result_per_product"
            )
        ]

    def __str__(self) -> str:
        return f"{self.titel}: {self.get_uitkomst_display()}"

    @property
    def velden_labels(self) -> list[str]:
        """The updated fields as the editor knows them."""
        from .fields import FIELD_LABELS

        return [FIELD_LABELS.get(veld, veld) for veld in self.velden]

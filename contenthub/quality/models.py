"""Verdicts, exceptions and the workflow task of the publication gate."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, TaskState

from contenthub.findings import Finding

PATHS = [
    ("knop", "Publiceren in de editor"),
    ("workflow", "Goedkeuring in de workflow"),
    ("gepland", "Gepland publiceren"),
    ("bulk", "Meerdere pagina's tegelijk"),
    ("code", "Vanuit code of een commando"),
    ("kopie", "Kopiëren en publiceren"),
    ("editor", "Controle in de editor"),
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
        from .gate import field_fingerprint

        return (
            finding.rule == self.regel
            and finding.location.field == self.veld
            and (not self.fragment or finding.excerpt == self.fragment)
            and field_fingerprint(page, self.veld) == self.vingerafdruk
        )


class QualityGateTaskState(TaskState):
    bevindingen = models.JSONField("bevindingen", default=dict)

    class Meta:
        verbose_name = "stand van de controle"
        verbose_name_plural = "standen van de controle"


class QualityGateTask(GroupApprovalTask):
    """Workflow task "Taal- en toegankelijkheidscontrole".

    Runs the gate when a page reaches it. The reviewer sees the findings and
    can approve only a version that passes.
    """

    task_state_class = QualityGateTaskState

    class Meta:
        verbose_name = _("Taal- en toegankelijkheidscontrole")
        verbose_name_plural = _("Taal- en toegankelijkheidscontroles")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object.specific
        revision = page.get_latest_revision()
        verdict = self._verdict(page, revision, user)
        task_state.bevindingen = verdict.to_json()
        task_state.save(update_fields=["bevindingen"])
        return task_state

    def _verdict(self, page, revision, user):
        from .gate import evaluate_publication_gate, record_verdict

        content = revision.as_object() if revision else page
        result = evaluate_publication_gate(
            page=content, revision_id=revision.pk if revision else None
        )
        record_verdict(
            page=page,
            result=result,
            revision_id=revision.pk if revision else None,
            path="workflow",
            user=user,
        )
        return result

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or not hasattr(obj, "kort_antwoord"):
            return actions
        from .enforcement import revision_passes

        revision = obj.get_latest_revision()
        if revision is None or revision_passes(revision, page=obj, user=user):
            return actions
        # Only "reject" (send back to the writer) while the gate blocks.
        return [action for action in actions if action[0] == "reject"]

    @classmethod
    def get_description(cls):
        return "Controleert taalniveau B1, toegankelijkheid en alle kanalen voordat iemand goedkeurt."

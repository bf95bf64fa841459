"""National base texts: written once, inherited by every gemeente's product.

A ``Basistekst`` is a snippet with drafts, revisions and publication, kept by
a national editorial team (the group "Landelijke redactie"). Its database row
holds the published text; drafts live in its revisions, as with pages. A
gemeente's ``ProductPage`` links to one and inherits the shared texts field by
field; ``contenthub/inheritance.py`` holds the rules, and publishing a new
version re-publishes every inheriting product through the publication gate
(``publicatie/doorwerking.py``).
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.search import index

from ..extensions import EditHandlerWithExtensions, PreviewsFromExtensions, extensions
from ..validation import shared_text_errors
from ..widgets import UplNaamInput
from .teksten import GedeeldeTekst


class Basistekst(
    # The same preview modes as a product (renderers), shown in a sample
    # gemeente's product: registered in contenthub.extensions.
    PreviewsFromExtensions,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    GedeeldeTekst,
):
    """The national text of one product, the same for every gemeente."""

    titel = models.CharField(
        "titel",
        max_length=255,
        unique=True,
        help_text="De naam van het product, zoals 'Paspoort aanvragen'.",
    )
    upl_naam = models.CharField(
        "UPL-naam",
        max_length=255,
        blank=True,
        db_index=True,
        help_text="De naam in de Uniforme Productnamenlijst, precies zoals in de lijst.",
    )
    upl_uri = models.URLField("UPL-URI", max_length=255, blank=True)
    bron = models.CharField(
        "bron",
        max_length=255,
        blank=True,
        help_text="Waar de landelijke informatie vandaan komt, bijvoorbeeld Rijksoverheid.nl.",
    )
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="basistekst"
    )

    panels = [
        FieldPanel("titel"),
        MultiFieldPanel(
            [FieldPanel("upl_naam", widget=UplNaamInput), FieldPanel("upl_uri")],
            heading="Uniforme Productnamenlijst",
        ),
        FieldPanel("kort_antwoord"),
        FieldPanel("wat_is_het"),
        FieldPanel("voorwaarden"),
        FieldPanel("aanvragen"),
        FieldPanel("benodigdheden"),
        FieldPanel("bezwaar_en_beroep"),
        FieldPanel("vragen"),
        FieldPanel("bron"),
    ]
    # The tabs of the layers above (publicatie's "Controle") come after "Inhoud".
    edit_handler = EditHandlerWithExtensions(
        lambda: [ObjectList(Basistekst.panels, heading="Inhoud")]
    )
    search_fields = [
        index.SearchField("titel"),
        index.AutocompleteField("titel"),
        index.SearchField("upl_naam"),
        index.SearchField("kort_antwoord"),
    ]

    class Meta:
        verbose_name = "basistekst"
        verbose_name_plural = "basisteksten"
        ordering = ["titel"]

    def __str__(self) -> str:
        return self.titel

    @property
    def revisions(self):
        return self._revisions

    def save(self, *args, **kwargs):
        # Every way to publish ends in a save with a new live revision: the
        # live guards hold there (publicatie registers the taal- and
        # WCAG-check of publicatie/basistekst.py).
        extensions.run_live_guards(self, content_changed=False)
        return super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.upl_naam and not self.upl_uri:
            from ..upl import upl_uri_for

            self.upl_uri = upl_uri_for(self.upl_naam.strip()) or ""
        errors = shared_text_errors(self)
        if errors:
            raise ValidationError(errors)

"""National base texts: written once, inherited by every gemeente's product.

A ``Basistekst`` is a snippet with drafts, revisions and publication, kept by
a national editorial team (the group "Landelijke redactie"). Its database row
holds the published text; drafts live in its revisions, as with pages. A
gemeente's ``ProductPage`` links to one and inherits the shared texts field by
field; ``contenthub/inheritance.py`` holds the rules, and publishing a new
version re-publishes every inheriting product through the publication gate
(``publicatie/doorwerking.py``).

A basistekst is translatable with Wagtail's own localisation: its English text
is a ``Basistekst`` in the locale ``en`` with the same ``translation_key``
("Vertalen" in the snippet listing copies it there as an unpublished draft).
An English product translation inherits from the English basistekst whose
Dutch original its Dutch source links to (``contenthub/inheritance.py``).
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
    TranslatableMixin,
)
from wagtail.search import index

from ..extensions import EditHandlerWithExtensions, PreviewsFromExtensions, extensions
from ..validation import shared_text_errors
from ..widgets import UplNaamInput
from .teksten import GedeeldeTekst

TITEL_IN_GEBRUIK = "Er is al een basistekst met deze titel in deze taal."


class Basistekst(
    # A Dutch basistekst and its English text share a translation_key.
    TranslatableMixin,
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
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "basistekst"
        verbose_name_plural = "basisteksten"
        ordering = ["titel"]
        constraints = [
            models.UniqueConstraint(
                fields=["titel", "locale"],
                name="basistekst_titel_per_taal",
                violation_error_message=TITEL_IN_GEBRUIK,
            )
        ]

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
        if self._titel_in_use():
            errors.setdefault("titel", []).append(TITEL_IN_GEBRUIK)
        if errors:
            raise ValidationError(errors)

    def _titel_in_use(self) -> bool:
        # The form leaves the locale out (it is not editable), so Django skips
        # the constraint on (titel, locale): check it here, with its message.
        if not self.titel or not self.locale_id:
            return False
        return (
            type(self)
            .objects.filter(titel=self.titel, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        )

    def copy_for_translation(self, locale, exclude_fields=None):
        """An unpublished copy in ``locale`` for the translator ("Vertalen").

        Wagtail's copy keeps ``live`` and the live revision of the original:
        the Dutch text would count as the published English one without ever
        passing the check. The copy starts as a draft of its own instead.
        """
        copy = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        copy.live = False
        copy.has_unpublished_changes = True
        copy.live_revision = None
        copy.first_published_at = None
        copy.last_published_at = None
        copy.go_live_at = None
        copy.expire_at = None
        copy.expired = False
        copy.locked = False
        copy.locked_at = None
        copy.locked_by = None
        return copy

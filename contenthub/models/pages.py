"""Page types: one home page per gemeente, theme pages, product pages.

Every gemeente is a Wagtail Site whose root is a ``HomePage``; themes sit
under it and products under a theme. Nothing here assumes a single site.
How each product field maps to the SDG invoervoorziening and to Open
Producten is documented in ``MAPPING.md`` beside this file.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from ..blocks import KOSTEN_BLOCKS
from ..forms import ProductPageForm
from ..inheritance import apply_basistekst, inheritance_errors
from ..panels import InheritancePanel, inheritable_panels
from ..quality.panels import FindingsPanel
from ..validation import gemeente_errors, product_errors
from ..vocabulary import (
    RICHTEXT_FEATURES,
    Doelgroep,
    Kanaal,
    TermijnEenheid,
)
from ..widgets import UplNaamInput
from .teksten import EigenTekstVlaggen, GedeeldeTekst

CONTACT_ONTBREEKT = "Kies het contactpunt dat vragen over dit product beantwoordt."


class HomePage(Page):
    """The home page of one gemeente (the root of its Wagtail Site)."""

    intro = models.TextField("introductie", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["contenthub.ThemaPage"]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "homepagina"
        verbose_name_plural = "homepagina's"


class ThemaPage(Page):
    """A theme that groups products, such as "Verhuizen" or "Afval"."""

    intro = models.TextField("introductie", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["contenthub.ProductPage"]
    parent_page_types = ["contenthub.HomePage"]

    class Meta:
        verbose_name = "thema"
        verbose_name_plural = "thema's"


class ProductZoekterm(TaggedItemBase):
    content_object = ParentalKey(
        "contenthub.ProductPage",
        on_delete=models.CASCADE,
        related_name="zoekterm_items",
    )

    class Meta:
        verbose_name = "zoekterm"
        verbose_name_plural = "zoektermen"


class ProductPage(HeadlessPreviewMixin, GedeeldeTekst, EigenTekstVlaggen, Page):
    """One product or service of the PDC, written once for every channel.

    With a ``basistekst`` the shared texts come from the national base text
    and only the local facts (kosten, termijn, contact, locaties, links and a
    local addition) are the gemeente's own; see ``contenthub/inheritance.py``.
    """

    basistekst = models.ForeignKey(
        "contenthub.Basistekst",
        verbose_name="basistekst",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="producten",
        help_text=(
            "De landelijke tekst waarop dit product is gebaseerd. De gedeelde teksten "
            "komen dan uit de basistekst; kosten, termijn, contact, locaties en links "
            "vult u zelf in."
        ),
    )
    lokale_aanvulling = RichTextField(
        "lokale aanvulling",
        features=RICHTEXT_FEATURES,
        blank=True,
        help_text=(
            "Wat alleen in deze gemeente geldt, naast de landelijke tekst. "
            "Staat op de website direct onder 'Wat is het'."
        ),
    )

    upl_naam = models.CharField(
        "UPL-naam",
        max_length=255,
        blank=True,
        db_index=True,
        help_text="De naam in de Uniforme Productnamenlijst, precies zoals in de lijst.",
    )
    upl_uri = models.URLField(
        "UPL-URI",
        max_length=255,
        blank=True,
        db_index=True,
        help_text="Wordt automatisch ingevuld bij een bekende UPL-naam.",
    )
    doelgroep = models.CharField(
        "doelgroep",
        max_length=12,
        choices=Doelgroep.choices,
        default=Doelgroep.INWONERS,
    )
    kosten_gratis = models.BooleanField(
        "gratis", default=False, help_text="Kies dit als het product niets kost."
    )
    kosten = StreamField(KOSTEN_BLOCKS, verbose_name="kosten", blank=True)
    termijn_omschrijving = models.TextField("termijn", blank=True)
    termijn_dagen = models.PositiveIntegerField(
        "maximaal aantal dagen", null=True, blank=True
    )
    termijn_eenheid = models.CharField(
        "eenheid",
        max_length=10,
        choices=TermijnEenheid.choices,
        default=TermijnEenheid.WERKDAGEN,
    )
    online_aanvragen_url = models.URLField(
        "link naar online aanvragen", max_length=500, blank=True
    )
    kanaal_online = models.BooleanField(Kanaal.ONLINE.label, default=False)
    kanaal_balie = models.BooleanField(Kanaal.BALIE.label, default=False)
    kanaal_telefoon = models.BooleanField(Kanaal.TELEFOON.label, default=False)
    kanaal_post = models.BooleanField(Kanaal.POST.label, default=False)
    advies_kanaal = models.CharField(
        "geadviseerd kanaal",
        max_length=10,
        choices=Kanaal.choices,
        blank=True,
        help_text="Online waar het kan, persoonlijk waar het moet.",
    )
    contact = models.ForeignKey(
        "contenthub.Contactpunt",
        verbose_name="contactpunt",
        null=True,
        on_delete=models.SET_NULL,
        related_name="producten",
        error_messages={"null": CONTACT_ONTBREEKT, "blank": CONTACT_ONTBREEKT},
    )
    locaties = ParentalManyToManyField(
        "contenthub.Locatie",
        verbose_name="locaties",
        blank=True,
        related_name="producten",
    )
    zoektermen = ClusterTaggableManager(
        "zoektermen",
        through=ProductZoekterm,
        blank=True,
        help_text="Woorden die inwoners gebruiken, zoals 'id-kaart' of 'ID'.",
    )
    wat_als_geen_reactie = RichTextField(
        "wat als de gemeente niet op tijd reageert",
        features=RICHTEXT_FEATURES,
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("basistekst"), InheritancePanel()], heading="Basistekst"
        ),
        *inheritable_panels("kort_antwoord", "wat_is_het"),
        FieldPanel("lokale_aanvulling"),
        *inheritable_panels("voorwaarden", "aanvragen", "benodigdheden"),
    ]
    afhandeling_panels = [
        MultiFieldPanel(
            [FieldPanel("kosten_gratis"), FieldPanel("kosten")], heading="Kosten"
        ),
        MultiFieldPanel(
            [
                FieldPanel("termijn_omschrijving"),
                FieldRowPanel(
                    [FieldPanel("termijn_dagen"), FieldPanel("termijn_eenheid")]
                ),
            ],
            heading="Termijn",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("kanaal_online"),
                        FieldPanel("kanaal_balie"),
                        FieldPanel("kanaal_telefoon"),
                        FieldPanel("kanaal_post"),
                    ]
                ),
                FieldPanel("advies_kanaal"),
                FieldPanel("online_aanvragen_url"),
            ],
            heading="Kanalen",
        ),
        FieldPanel("contact"),
        FieldPanel("locaties"),
        *inheritable_panels("bezwaar_en_beroep"),
        FieldPanel("wat_als_geen_reactie"),
    ]
    vindbaarheid_panels = [
        MultiFieldPanel(
            [
                FieldPanel("upl_naam", widget=UplNaamInput),
                FieldPanel("upl_uri"),
                FieldPanel("doelgroep"),
            ],
            heading="Uniforme Productnamenlijst",
        ),
        FieldPanel("zoektermen"),
        *inheritable_panels("vragen"),
        InlinePanel("gerelateerde_producten", label="Gerelateerd product"),
    ]
    base_form_class = ProductPageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Inhoud"),
            ObjectList(afhandeling_panels, heading="Afhandeling"),
            ObjectList(vindbaarheid_panels, heading="Vindbaarheid"),
            ObjectList(Page.promote_panels, heading="Publicatie"),
            ObjectList([FindingsPanel()], heading="Controle"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("kort_antwoord"),
        index.SearchField("upl_naam"),
        index.SearchField("wat_is_het"),
        index.SearchField("voorwaarden"),
        index.SearchField("vragen"),
        index.SearchField("lokale_aanvulling"),
        index.FilterField("basistekst"),
        index.RelatedFields("zoektermen", [index.SearchField("name")]),
        index.AutocompleteField("upl_naam"),
        index.FilterField("doelgroep"),
        index.FilterField("upl_uri"),
        index.FilterField("kanaal_online"),
        index.FilterField("kanaal_balie"),
        index.FilterField("kanaal_telefoon"),
        index.FilterField("kanaal_post"),
    ]

    parent_page_types = ["contenthub.ThemaPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"

    @property
    def preview_modes(self) -> list[tuple[str, str]]:
        # One preview per channel: the editor sees every channel before publishing.
        # Plus the gemeente's external front-end (headless preview), only
        # when one is configured for this page's site (docs/api.md).
        from contenthub.api.preview import (
            HEADLESS_LABEL,
            HEADLESS_MODE,
            client_root_url,
        )
        from renderers.preview import PREVIEW_MODES

        modes = [(mode, label) for mode, label, _, _ in PREVIEW_MODES]
        if client_root_url(self):
            modes.append((HEADLESS_MODE, HEADLESS_LABEL))
        return modes

    def serve_preview(self, request, mode_name):
        from contenthub.api.preview import HEADLESS_MODE

        if mode_name == HEADLESS_MODE:
            return HeadlessPreviewMixin.serve_preview(self, request, mode_name)
        from renderers.preview import serve_preview

        return serve_preview(self, request, mode_name)

    def get_client_root_url(self, request) -> str:
        # The front-end of the page's own gemeente, not of the admin's host.
        from contenthub.api.preview import client_root_url

        url = client_root_url(self, request)
        if url is None:
            raise Http404("Voor deze gemeente is geen externe front-end ingesteld.")
        return url

    def save(self, *args, **kwargs):
        # Every way to go live ends in a save with a new live revision: the
        # publication gate holds there (see contenthub/quality/enforcement.py).
        from contenthub.quality.enforcement import guard_live_revision

        changed = []
        if self.basistekst_id and not kwargs.get("update_fields"):
            changed = apply_basistekst(self)
        guard_live_revision(self, content_changed=bool(changed))
        return super().save(*args, **kwargs)

    def copy(self, *args, **kwargs):
        # A copy that the gate refuses to publish must leave nothing behind.
        with transaction.atomic():
            return super().copy(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        from renderers.preview import serve_live

        return serve_live(self, request)

    def _gemeente_site_id(self) -> int | None:
        # A new page is not in the tree while its form is validated: the
        # admin form tells us the parent's site (contenthub/forms.py).
        hint = getattr(self, "_site_id_hint", None)
        if hint is not None:
            return hint
        if not self.path:
            return None
        site = self.get_site()
        return site.pk if site else None

    @property
    def kanalen(self) -> list[str]:
        """The keys of the channels through which this product can be handled."""
        return [
            kanaal.value for kanaal in Kanaal if getattr(self, f"kanaal_{kanaal.value}")
        ]

    def clean(self) -> None:
        super().clean()
        if self.upl_naam and not self.upl_uri:
            from ..upl import upl_uri_for

            self.upl_uri = upl_uri_for(self.upl_naam.strip()) or ""
        apply_basistekst(self)
        errors = product_errors(self)
        for field, messages in (
            inheritance_errors(self) | gemeente_errors(self, self._gemeente_site_id())
        ).items():
            errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)


class GerelateerdProduct(Orderable):
    """A related product, in the order the editor chose."""

    page = ParentalKey(
        ProductPage, on_delete=models.CASCADE, related_name="gerelateerde_producten"
    )
    product = models.ForeignKey(
        ProductPage, verbose_name="product", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("product", page_type="contenthub.ProductPage")]

    class Meta(Orderable.Meta):
        verbose_name = "gerelateerd product"
        verbose_name_plural = "gerelateerde producten"

"""Page types: one home page per gemeente, theme pages, product pages.

Every gemeente is a Wagtail Site whose root is a ``HomePage``; themes sit
under it and products under a theme. Nothing here assumes a single site.
How each product field maps to the SDG invoervoorziening and to Open
Producten is documented in ``MAPPING.md`` beside this file.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.http import Http404
from django.utils import translation
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
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from ..blocks import KOSTEN_BLOCKS
from ..extensions import EditHandlerWithExtensions, PreviewsFromExtensions, extensions
from ..forms import ProductPageForm
from ..inheritance import (
    apply_basistekst,
    inheritance_errors,
    link_translated_basistekst,
)
from ..memo import one_write, remembered
from ..panels import (
    InheritancePanel,
    SourceLanguageFieldPanel,
    VertalingPanel,
    inheritable_panels,
)
from ..talen import is_translation
from ..validation import (
    gemeente_errors,
    product_errors,
    validate_plain_text,
    validate_url_scheme,
)
from ..vocabulary import (
    RICHTEXT_FEATURES,
    Doelgroep,
    Kanaal,
    TermijnEenheid,
)
from ..widgets import UplNaamInput
from .teksten import EigenTekstVlaggen, GedeeldeTekst

KCC_NOTITIE_MAX = 2000
"""The longest note for KCC agents (the kennisartikel's ``deskMemo``), in characters."""

CONTACT_ONTBREEKT = "Kies het contactpunt dat vragen over dit product beantwoordt."


SITE_WORDS = {
    "nl": {
        "onderwerpen": "Onderwerpen",
        "producten": "Producten en diensten",
        "geen_producten": "Er staan hier nog geen producten.",
    },
    "en": {
        "onderwerpen": "Topics",
        "producten": "Products and services",
        "geen_producten": "There are no products here yet.",
    },
}
"""The headings of the home and theme pages, per language of the page."""


class PublicPage:
    """What the public templates of a Wagtail page need: the gemeente's
    settings, its name and the breadcrumb (``contenthub/site/layout.html``)."""

    def get_context(self, request, *args, **kwargs):
        from .settings import GemeenteInstellingen

        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        gemeente = GemeenteInstellingen.for_site(site) if site else None
        context["gemeente"] = gemeente
        context["gemeente_naam"] = (gemeente.naam if gemeente else "") or (
            site.site_name if site else ""
        )
        context["breadcrumb"] = [
            {"titel": page.title, "url": page.get_url(request)}
            for page in self.get_ancestors(inclusive=True).specific()
            if page.depth > 1
        ]
        # The page's language (an English translation is served under /en/,
        # where LocaleMiddleware sets it); the site's own words around it
        # stay Dutch and say so (``lang="nl"``), as on a product page.
        taal = translation.get_language() or "nl"
        context["taal"] = taal if taal in SITE_WORDS else "nl"
        context["woorden"] = SITE_WORDS[context["taal"]]
        return context


class HomePage(PublicPage, Page):
    """The home page of one gemeente (the root of its Wagtail Site)."""

    intro = models.TextField("introductie", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["contenthub.ThemaPage"]
    parent_page_types = ["wagtailcore.Page"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themas"] = self.get_children().live().public().specific()
        # The home page is the start: no breadcrumb of one item.
        context["breadcrumb"] = []
        return context

    class Meta:
        verbose_name = "homepagina"
        verbose_name_plural = "homepagina's"


class ThemaPage(PublicPage, Page):
    """A theme that groups products, such as "Verhuizen" or "Afval"."""

    intro = models.TextField("introductie", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["contenthub.ProductPage"]
    parent_page_types = ["contenthub.HomePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["producten"] = self.get_children().live().public().specific()
        return context

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


class ProductPage(
    PreviewsFromExtensions, HeadlessPreviewMixin, GedeeldeTekst, EigenTekstVlaggen, Page
):
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
        validators=[validate_url_scheme],
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
    termijn_omschrijving = models.TextField(
        "termijn", blank=True, validators=[validate_plain_text]
    )
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
        "link naar online aanvragen",
        max_length=500,
        blank=True,
        validators=[validate_url_scheme],
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
    kcc_notitie = models.TextField(
        "notitie voor het KCC",
        blank=True,
        # Judged like every text a channel carries (the gate's model
        # validation): plain text, and short enough to read during a call.
        validators=[
            validate_plain_text,
            MaxLengthValidator(
                KCC_NOTITIE_MAX,
                message=(
                    "De notitie voor het KCC is te lang: hoogstens %(limit_value)d "
                    "tekens, nu %(show_value)d."
                ),
            ),
        ],
        help_text=(
            "Alleen voor medewerkers van het klantcontactcentrum (KISS), bijvoorbeeld "
            "waar zij naar doorverwijzen. Inwoners zien dit nooit."
        ),
    )

    vertaald_van = models.CharField(
        "vertaald van (Nederlandse tekst)",
        max_length=64,
        blank=True,
        editable=False,
        help_text="Vingerafdruk van de Nederlandse tekst waarvan deze vertaling is gemaakt.",
    )
    vertaling_tekst = models.CharField(
        "tekst van de vertaling", max_length=64, blank=True, editable=False
    )

    content_panels = [
        *Page.content_panels,
        VertalingPanel(),
        MultiFieldPanel(
            [SourceLanguageFieldPanel("basistekst"), InheritancePanel()],
            heading="Basistekst",
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
        FieldPanel("kcc_notitie"),
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
    # The upper layers add their tabs (publicatie: "Controle").
    edit_handler = EditHandlerWithExtensions(
        lambda: [
            ObjectList(ProductPage.content_panels, heading="Inhoud"),
            ObjectList(ProductPage.afhandeling_panels, heading="Afhandeling"),
            ObjectList(ProductPage.vindbaarheid_panels, heading="Vindbaarheid"),
            ObjectList(Page.promote_panels, heading="Publicatie"),
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

    # Preview modes (PreviewsFromExtensions), the public view and the headless
    # front-end come from the layers above (renderers, api), registered in
    # contenthub.extensions.
    def create_page_preview(self):
        # The API makes tokens that name the page's gemeente, so a token opens
        # the draft only there (api/preview.py).
        make = extensions.page_preview_factory
        return make(self) if make else super().create_page_preview()

    def get_client_root_url(self, request) -> str:
        # The front-end of the page's own gemeente, not of the admin's host.
        resolve = extensions.client_root_url
        url = resolve(self, request) if resolve else None
        if url is None:
            raise Http404("Voor deze gemeente is geen externe front-end ingesteld.")
        return url

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        # A revision names a related product and a zoekterm per child: check
        # those keys in one query per table, not one per key (revisions.py).
        if check_fks:
            from ..revisions import checked_serializable_data

            data = checked_serializable_data(cls, data, strict=strict_fks)
            if data is None:
                return None
        return super().from_serializable_data(
            data, check_fks=False, strict_fks=strict_fks
        )

    def save(self, *args, **kwargs):
        # Every way to go live ends in a save with a new live revision: the
        # live guards hold there (the publication gate registers one, see
        # publicatie/enforcement.py).
        # After the write, inside the same transaction, the change guards
        # judge what the live product now shows in every channel (a save of
        # a live page, a new live page, a copy or an alias): refused, the
        # write is rolled back.
        with one_write():
            changed = []
            translation = is_translation(self)
            if translation and not kwargs.get("update_fields"):
                # A translation inherits the basistekst's text in its own
                # language, when the national team wrote one; otherwise it
                # keeps its own text.
                link_translated_basistekst(self)
            if self.basistekst_id and not kwargs.get("update_fields"):
                changed = apply_basistekst(self)
            if translation:
                from ..vertaling import record_translation

                record_translation(self)
            self.__dict__.pop("_full_clean_passed", None)
            extensions.run_live_guards(self, content_changed=bool(changed))
            if self.__dict__.pop("_full_clean_passed", False):
                # The gate just validated the page exactly as it is written.
                kwargs["clean"] = False
            with extensions.refusal_rolls_back():
                result = super().save(*args, **kwargs)
                extensions.run_change_guards(self)
        return result

    def save_revision(self, *args, **kwargs):
        with one_write():
            return super().save_revision(*args, **kwargs)

    def get_site(self):
        # Asked by validation, the gate and every snapshot of one write.
        parts = self.get_url_parts()
        if parts is None:
            return None
        site_id = parts[0]
        return remembered(("site", site_id), lambda: Site.objects.get(id=site_id))

    def copy(self, *args, **kwargs):
        # A copy that the gate refuses to publish must leave nothing behind.
        with transaction.atomic():
            return super().copy(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if extensions.live_view is None:
            raise Http404("Er is geen publieke weergave ingesteld.")
        return extensions.live_view(self, request)

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

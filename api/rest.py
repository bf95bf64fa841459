"""Wagtail's own REST API (``wagtail.api.v2``), only for the benchmark.

Active when ``CONTENTHUB_API_REST_VERGELIJKING`` is on (``/api/v2/``), so
``bench/graphql_vs_rest.py`` can compare it with the GraphQL API on the same
data. The product fields are added here, not on the model: the REST API is
not a supported interface of the hub.
"""

from __future__ import annotations

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from contenthub.inheritance import INHERITED_FIELDS, override_flag
from contenthub.models import Contactpunt, Locatie, ProductPage


class ContactpuntSerializer(serializers.ModelSerializer):
    openingstijden = serializers.SerializerMethodField()

    class Meta:
        model = Contactpunt
        fields = [
            "id",
            "naam",
            "telefoon",
            "email",
            "contactformulier_url",
            "afspraak_url",
            "openingstijden",
        ]

    def get_openingstijden(self, contactpunt: Contactpunt):
        return contactpunt.openingstijden.get_prep_value()


class LocatieSerializer(serializers.ModelSerializer):
    openingstijden = serializers.SerializerMethodField()

    class Meta:
        model = Locatie
        fields = [
            "id",
            "naam",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "toelichting",
            "openingstijden",
        ]

    def get_openingstijden(self, locatie: Locatie):
        return locatie.openingstijden.get_prep_value()


PRODUCT_API_FIELDS = [
    APIField("basistekst"),
    *(APIField(override_flag(name)) for name in INHERITED_FIELDS),
    APIField("upl_naam"),
    APIField("upl_uri"),
    APIField("doelgroep"),
    APIField("kort_antwoord"),
    APIField("wat_is_het"),
    APIField("lokale_aanvulling"),
    APIField("voorwaarden"),
    APIField("aanvragen"),
    APIField("benodigdheden"),
    APIField("kosten_gratis"),
    APIField("kosten"),
    APIField("termijn_omschrijving"),
    APIField("termijn_dagen"),
    APIField("termijn_eenheid"),
    APIField("online_aanvragen_url"),
    APIField("kanaal_online"),
    APIField("kanaal_balie"),
    APIField("kanaal_telefoon"),
    APIField("kanaal_post"),
    APIField("advies_kanaal"),
    APIField("contact", serializer=ContactpuntSerializer()),
    APIField("locaties", serializer=LocatieSerializer(many=True)),
    APIField("zoektermen"),
    APIField("vragen"),
    APIField("gerelateerde_producten"),
    APIField("bezwaar_en_beroep"),
    APIField("wat_als_geen_reactie"),
]


class ProductPagesAPIViewSet(PagesAPIViewSet):
    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        if issubclass(model, ProductPage):
            fields += cls._convert_api_fields(PRODUCT_API_FIELDS)
        return fields


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ProductPagesAPIViewSet)

urlpatterns = api_router.get_urlpatterns()
app_name = "wagtailapi"

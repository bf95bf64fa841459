"""Every koppeling's public address; included once from ``contenthub/urls.py``."""

from django.urls import path

from .views import objecten, open_product, samenwerkende_catalogi

app_name = "koppelingen"

urlpatterns = [
    path(
        "samenwerkende-catalogi.xml",
        samenwerkende_catalogi.feed,
        name="samenwerkende-catalogi",
    ),
    path("api/objects/v2/objects", objecten.object_list, name="objects"),
    path(
        "api/objects/v2/objects/<uuid:uuid>",
        objecten.object_detail,
        name="object",
    ),
    path(
        "api/open-product/v1/producttypen",
        open_product.producttype_list,
        name="producttypen",
    ),
    path(
        "api/open-product/v1/producttypen/<uuid:uuid>",
        open_product.producttype_detail,
        name="producttype",
    ),
]

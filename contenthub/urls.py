from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("api/chatbot/", include("chatbot.urls"))]
urlpatterns += [path("graphql/", include("api.urls"))]
if settings.CONTENTHUB_API_REST_VERGELIJKING:
    urlpatterns += [path("api/v2/", include("api.rest"))]
urlpatterns += [path("", include("koppelingen.urls"))]
urlpatterns += [
    path("zoeken/", views.zoeken, name="zoeken"),
    path("huisstijl.css", views.huisstijl, name="huisstijl"),
    path("logo", views.logo, name="logo"),
    path("", include(wagtail_urls)),
]

handler404 = "contenthub.views.page_not_found"
handler500 = "contenthub.views.server_error"

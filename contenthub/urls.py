from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
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
]
# The pages: Dutch at "/…", an English translation at "/en/…".
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)), prefix_default_language=False
)

handler404 = "contenthub.views.page_not_found"
handler500 = "contenthub.views.server_error"

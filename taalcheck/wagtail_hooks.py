"""Admin UI only: the taalcheck page and its menu item."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PERMISSION, taalcheck_view


class TaalcheckMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_taalcheck_url():
    return [path("taalcheck/", taalcheck_view, name="taalcheck")]


@hooks.register("register_admin_menu_item")
def register_taalcheck_menu_item():
    return TaalcheckMenuItem(
        "Taalcheck", reverse("taalcheck"), icon_name="doc-full", order=850
    )

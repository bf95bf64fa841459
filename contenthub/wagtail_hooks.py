"""Admin UI only: snippet viewsets and menu entries."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Contactpunt, Locatie


class ContactpuntViewSet(SnippetViewSet):
    model = Contactpunt
    icon = "mail"
    menu_label = "Contactpunten"
    list_display = ["naam", "telefoon", "email"]
    search_fields = ["naam"]


class LocatieViewSet(SnippetViewSet):
    model = Locatie
    icon = "site"
    menu_label = "Locaties"
    list_display = ["naam", "adres"]
    search_fields = ["naam"]


register_snippet(ContactpuntViewSet)
register_snippet(LocatieViewSet)

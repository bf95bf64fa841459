"""Gemeenten, a published basistekst and products that inherit it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission, User
from django.test import TestCase
from wagtail.models import GroupPagePermission, Page, Revision, Site

from contenthub.models import Basistekst, Contactpunt, GemeenteInstellingen, ProductPage
from renderers.models import ChannelRendering
from tests.factories import (
    ContactpuntFactory,
    HomePageFactory,
    ProductPageFactory,
    ThemaPageFactory,
)

TITEL = "Paspoort aanvragen"
OUD_KORT_ANTWOORD = "U vraagt een paspoort aan bij de balie van het stadhuis."
OUD_WAT_IS_HET = (
    "<p>Met een paspoort kunt u reizen en laten zien wie u bent.</p>"
    "<h3>Afspraak maken</h3><p>U maakt eerst een afspraak.</p>"
)
NIEUW_KORT_ANTWOORD = (
    "U vraagt een paspoort aan in het gemeentehuis. Neem een pasfoto mee."
)
NIEUW_WAT_IS_HET = (
    "<p>Met een paspoort reist u naar het buitenland. "
    "U laat er ook mee zien wie u bent.</p>"
)
# Hangs under the heading "Afspraak maken" of the national text (h2 > h3 > h4).
KOP_AANVULLING = (
    "<h4>Afspraak in Anderdorp</h4><p>In Anderdorp kunt u ook op zaterdag komen.</p>"
)

BASISTEKST = {
    "kort_antwoord": OUD_KORT_ANTWOORD,
    "wat_is_het": OUD_WAT_IS_HET,
    "voorwaarden": "<ul><li>U staat ingeschreven in de gemeente.</li></ul>",
    "aanvragen": [
        {
            "type": "stap",
            "value": {"titel": "Maak een afspraak", "uitleg": "<p>Dat kan online.</p>"},
        },
        {"type": "stap", "value": {"titel": "Kom naar het stadhuis", "uitleg": ""}},
    ],
    "benodigdheden": [{"type": "item", "value": "Een pasfoto"}],
    "vragen": [
        {
            "type": "vraag",
            "value": {"vraag": "Hoe lang is het geldig?", "antwoord": "Tien jaar."},
        }
    ],
    "bezwaar_en_beroep": "<p>U kunt binnen 6 weken bezwaar maken.</p>",
}


def make_basistekst(titel: str = TITEL, **overrides) -> Basistekst:
    """A published basistekst (first publication: nothing inherits it yet)."""
    basistekst = Basistekst(titel=titel, live=False, **(BASISTEKST | overrides))
    basistekst.save()
    basistekst.save_revision().publish()
    basistekst.refresh_from_db()
    return basistekst


def publish_new_version(
    basistekst: Basistekst, *, user: User | None = None, **changes
) -> Revision:
    """Publish a new version as the national editor would; run what waits for commit."""
    for name, value in changes.items():
        setattr(basistekst, name, value)
    revision = basistekst.save_revision(user=user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        revision.publish()
    basistekst.refresh_from_db()
    return revision


def publish(page: ProductPage) -> ProductPage:
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


@dataclass
class Gemeente:
    naam: str
    site: Site
    home: Page
    thema: Page
    contactpunt: Contactpunt
    editors: list[User] = field(default_factory=list)

    def product(self, **kwargs) -> ProductPage:
        kwargs.setdefault("contact", self.contactpunt)
        return ProductPageFactory(parent=self.thema, **kwargs)


PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def make_gemeente(slug: str, naam: str, *, editors: int = 1) -> Gemeente:
    """A gemeente: its own site, home, thema, contactpunt and editors.

    Its editors may edit pages under their own home page only (the group a
    gemeente's beheerder would set up).
    """
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug=slug, title=f"Gemeente {naam}")
    site = Site.objects.create(
        hostname=f"{slug}.example", port=80, root_page=home, site_name=naam
    )
    GemeenteInstellingen.objects.update_or_create(
        site=site, defaults={"naam": f"Gemeente {naam}"}
    )
    thema = ThemaPageFactory(parent=home, title="Paspoort en ID-kaart", slug="paspoort")
    contactpunt = ContactpuntFactory(site=site, naam=f"Publiekszaken {naam}")
    group = Group.objects.create(name=f"Redactie {naam}")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    gemeente = Gemeente(naam, site, home, thema, contactpunt)
    for number in range(1, editors + 1):
        user = User.objects.create_user(
            f"redacteur{number}-{slug}",
            email=f"redacteur{number}@{slug}.example",
            password="x",
        )
        user.groups.add(group)
        gemeente.editors.append(user)
    return gemeente


def state_of(page: ProductPage) -> dict:
    """What inwoners and readers of the API see of a product."""
    live = ProductPage.objects.get(pk=page.pk)
    return {
        "live_revision": live.live_revision_id,
        "kort_antwoord": live.kort_antwoord,
        "wat_is_het": live.wat_is_het,
        "renderings": sorted(
            ChannelRendering.objects.filter(page=live).values_list(
                "channel", "variant", "etag", "revision_id"
            )
        ),
    }


def national_editor() -> User:
    """A member of the national editorial team: edits basisteksten, no pages."""
    group, _ = Group.objects.get_or_create(name="Landelijke redactie")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="contenthub",
            codename__in=["add_basistekst", "change_basistekst", "publish_basistekst"],
        ),
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
    )
    user = User.objects.create_user(
        "landelijk", email="redactie@landelijk.example", password="x"
    )
    user.groups.add(group)
    return user

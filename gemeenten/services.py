"""Several gemeenten in one hub: per-gemeente roles and who may work where.

Each gemeente is a Wagtail Site with its own home page. Editors get their
rights through the three groups of their gemeente ("Voorbeeldstad:
contentmanagers", "…: communicatieadviseurs", "…: beheerders"), made by
:func:`ensure_gemeente_groups`. Those groups hold rights **only inside that
gemeente**:

- pages: ``GroupPagePermission`` on the gemeente's home page (the same sets
  as the roles of migration 0002), so Wagtail's tree-based page permissions
  keep them out of every other gemeente;
- contactpunten, locaties and the gemeente's settings:
  ``GroupSitePermission`` (Wagtail's per-site permissions) for that site only;
  ``gemeenten/permissions.py`` makes the snippet views honour them;
- images and documents: a collection of the gemeente;
- national texts (basisteksten): view only.

**The global groups of migration 0002** (Contentmanagers,
Communicatieadviseurs, Beheerders) stay as they are: their rights sit on the
root of the page tree and are model-wide, so a member works in *every*
gemeente. They are hub-wide roles: right for a hub with one gemeente (the
demo keeps working unchanged) and for a central team that serves all
gemeenten, never for the editor of one gemeente in a shared hub. A gemeente's
editors are put in their gemeente's groups only.

Rights that act on the whole hub are not given to a gemeente's beheerders:
users and groups (a beheerder could otherwise put themselves in another
gemeente's group), workflows and tasks, redirects, and the hub-wide taalcheck
settings. Rights whose admin screens do not yet filter per gemeente are not
given either (see ``NOG_NIET_PER_GEMEENTE``); add them to
``GEMEENTE_MODEL_PERMISSIONS`` once those screens are scoped.

The link gemeente ↔ groups is stored in ``GemeenteRollen`` rather than read
from group names: a gemeente may be renamed (the groups follow on the next
:func:`ensure_gemeente_groups`, which the settings screen calls after a
save) and two gemeenten may share a name (Bergen NH and Bergen L).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
)
from wagtail.permissions import page_permission_policy

from contenthub.models import GemeenteInstellingen, HomePage

from .models import GemeenteRollen
from .signals import gemeente_ingericht

LANDELIJKE_REDACTIE = "Landelijke redactie"
"""Group (migration 0004) that writes and publishes the national basisteksten."""

ROLLEN = ("contentmanagers", "communicatieadviseurs", "beheerders")
"""The keys of :func:`ensure_gemeente_groups`, also the fields of GemeenteRollen."""

# The same page and collection rights as the roles of migration 0002.
PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "contentmanagers": ("add_page", "change_page"),
    "communicatieadviseurs": ("add_page", "change_page", "publish_page"),
    "beheerders": (
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ),
}
_MEDIA = (("wagtailimages", "image"), ("wagtaildocs", "document"))
COLLECTION_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "contentmanagers": ("add", "choose"),
    "communicatieadviseurs": ("add", "change", "choose"),
    "beheerders": ("add", "change", "delete", "choose"),
}
# Rights on the gemeente's own site only (Wagtail's GroupSitePermission).
SITE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "contentmanagers": (
        "contenthub.view_contactpunt",
        "contenthub.view_locatie",
    ),
    "communicatieadviseurs": (
        "contenthub.view_contactpunt",
        "contenthub.view_locatie",
    ),
    "beheerders": (
        "contenthub.add_contactpunt",
        "contenthub.change_contactpunt",
        "contenthub.delete_contactpunt",
        "contenthub.view_contactpunt",
        "contenthub.add_locatie",
        "contenthub.change_locatie",
        "contenthub.delete_locatie",
        "contenthub.view_locatie",
        "contenthub.change_gemeenteinstellingen",
    ),
}
_EXTRA_SITE_PERMISSIONS: dict[str, list[str]] = {rol: [] for rol in SITE_PERMISSIONS}


def register_site_permissions(rol: str, *names: str) -> None:
    """Let a layer above give a gemeente's role rights on its own site only.

    For models of that layer with a ``site`` field (the webhooks of
    ``koppelingen``); called from its ``AppConfig.ready``. Idempotent. The
    next :func:`ensure_gemeente_groups` of a gemeente grants them.
    """
    if rol not in _EXTRA_SITE_PERMISSIONS:
        raise ValueError(f"Onbekende rol '{rol}'. Kies uit: {', '.join(ROLLEN)}.")
    for name in names:
        if name not in _EXTRA_SITE_PERMISSIONS[rol]:
            _EXTRA_SITE_PERMISSIONS[rol].append(name)


def site_permissions(rol: str) -> tuple[str, ...]:
    """Every right ``rol`` holds on its own gemeente's site only."""
    return SITE_PERMISSIONS[rol] + tuple(_EXTRA_SITE_PERMISSIONS[rol])


# Model-wide rights that hold no data of any gemeente.
GEMEENTE_MODEL_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "contentmanagers": ("wagtailadmin.access_admin", "contenthub.view_basistekst"),
    "communicatieadviseurs": (
        "wagtailadmin.access_admin",
        "contenthub.view_basistekst",
        "taalcheck.use_taalcheck",
    ),
    "beheerders": (
        "wagtailadmin.access_admin",
        "contenthub.view_basistekst",
        "taalcheck.use_taalcheck",
    ),
}
NOG_NIET_PER_GEMEENTE = (
    "chatbot.view_vraaglog",  # the report lists the questions of every gemeente
    "quality.view_keuring",  # the verdict list shows every gemeente's products
    "quality.view_uitzondering",
    "quality.change_uitzondering",
    "quality.delete_uitzondering",
    "quality.grant_uitzondering",  # the view does not check the page's gemeente
)
"""Rights the hub-wide roles have and a gemeente's roles do not get yet."""


def gemeente_label(site: Site) -> str:
    """The short name of the gemeente for group and collection names."""
    naam = GemeenteInstellingen.for_site(site).naam.strip() or (
        site.site_name or site.hostname
    )
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente ") :].strip()
    return naam or site.hostname


@transaction.atomic
def ensure_gemeente_groups(site: Site) -> dict[str, Group]:
    """Create or repair the three groups of ``site``; keys are :data:`ROLLEN`.

    Idempotent. Also creates the gemeente's media collection. Missing rights
    are added; rights an administrator added by hand are kept, except rights
    outside this gemeente (pages outside its home page, other sites), which
    are removed: a gemeente's group never reaches into another gemeente.
    Groups and collection are renamed when the gemeente's name changed.
    """
    rollen, _ = GemeenteRollen.objects.select_for_update().get_or_create(site=site)
    label = gemeente_label(site)
    collectie = _ensure_collectie(rollen, label)
    groups = {rol: _ensure_group(rollen, rol, label, site) for rol in ROLLEN}
    rollen.save()
    permissions = _permissions_by_name()
    for rol, group in groups.items():
        _grant_pages(group, site, PAGE_PERMISSIONS[rol])
        _grant_collection(group, collectie, COLLECTION_PERMISSIONS[rol])
        _grant_site(group, site, [permissions[name] for name in site_permissions(rol)])
        group.permissions.add(
            *(permissions[name] for name in GEMEENTE_MODEL_PERMISSIONS[rol])
        )
    return groups


def gemeente_groups(site: Site) -> dict[str, Group]:
    """The existing groups of ``site`` (empty if it has none yet); no writes."""
    rollen = GemeenteRollen.objects.filter(site=site).select_related(*ROLLEN).first()
    if rollen is None:
        return {}
    return {rol: getattr(rollen, rol) for rol in ROLLEN if getattr(rollen, rol)}


def add_to_gemeente(user: AbstractBaseUser, site: Site, rol: str) -> Group:
    """Give ``user`` the role ``rol`` in gemeente ``site`` (creating its groups)."""
    if rol not in ROLLEN:
        raise ValueError(f"Onbekende rol '{rol}'. Kies uit: {', '.join(ROLLEN)}.")
    group = ensure_gemeente_groups(site)[rol]
    user.groups.add(group)
    return group


def sites_for_user(user: AbstractBaseUser | AnonymousUser | None) -> QuerySet[Site]:
    """The gemeenten (Sites) ``user`` may work in.

    A site counts when the user holds any page permission on its home page
    (directly or through an ancestor, such as the hub-wide roles on the tree
    root) or on a page inside it. Superusers get every site; inactive and
    anonymous users none.
    """
    if user is None or isinstance(user, AnonymousUser) or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    paths = {
        permission.page.path
        for permission in page_permission_policy.get_cached_permissions_for_user(user)
    }
    if not paths:
        return Site.objects.none()
    steplen = Page.steplen
    ancestors_or_self = {
        path[:end] for path in paths for end in range(steplen, len(path) + 1, steplen)
    }
    inside = Q()
    for path in paths:
        inside |= Q(root_page__path__startswith=path)
    return Site.objects.filter(Q(root_page__path__in=ancestors_or_self) | inside)


def _ensure_collectie(rollen: GemeenteRollen, label: str) -> Collection:
    collectie = rollen.collectie
    if collectie is None:
        collectie = Collection.get_first_root_node().add_child(name=label)
        rollen.collectie = collectie
    elif collectie.name != label:
        collectie.name = label
        collectie.save(update_fields=["name"])
    return collectie


def _ensure_group(rollen: GemeenteRollen, rol: str, label: str, site: Site) -> Group:
    group = getattr(rollen, rol)
    wanted = _free_group_name(label, rol, group, site)
    if group is None:
        group = Group.objects.create(name=wanted)
        setattr(rollen, rol, group)
    elif group.name != wanted:
        group.name = wanted
        group.save(update_fields=["name"])
    return group


def _free_group_name(label: str, rol: str, group: Group | None, site: Site) -> str:
    # Two gemeenten can have the same name: the second gets its hostname too.
    for prefix in (label, f"{label} ({site.hostname})"):
        suffix = f": {rol}"
        candidate = prefix[: 150 - len(suffix)] + suffix
        taken = Group.objects.filter(name=candidate)
        if group is not None:
            taken = taken.exclude(pk=group.pk)
        if not taken.exists():
            return candidate
    return f"Gemeente {site.pk}: {rol}"


def _permissions_by_name() -> dict[str, Permission]:
    names = {name for rol in ROLLEN for name in site_permissions(rol)} | {
        name for names in GEMEENTE_MODEL_PERMISSIONS.values() for name in names
    }
    found = {}
    for permission in Permission.objects.filter(
        codename__in={name.split(".", 1)[1] for name in names}
    ).select_related("content_type"):
        found[f"{permission.content_type.app_label}.{permission.codename}"] = permission
    missing = names - found.keys()
    if missing:
        raise LookupError(
            "Deze rechten ontbreken in de database: "
            f"{', '.join(sorted(missing))}. Voer eerst 'manage.py migrate' uit."
        )
    return found


def home_pages(sites: Iterable[Site]) -> QuerySet[Page]:
    """The home pages of ``sites`` in every language: the Dutch root and each
    translation of it (an English tree is a sibling of the Dutch one)."""
    keys = [site.root_page.translation_key for site in sites]
    return Page.objects.filter(translation_key__in=keys, depth__lte=2).order_by("path")


def _grant_pages(group: Group, site: Site, codenames: tuple[str, ...]) -> None:
    roots = list(home_pages([site]))
    keep = Q()
    for root in roots:
        keep |= Q(page__path__startswith=root.path)
    GroupPagePermission.objects.filter(group=group).exclude(keep).delete()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        for root in roots:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


def _grant_collection(
    group: Group, collectie: Collection, actions: tuple[str, ...]
) -> None:
    for app_label, model in _MEDIA:
        for permission in Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions],
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collectie, permission=permission
            )


def _grant_site(group: Group, site: Site, permissions: list[Permission]) -> None:
    GroupSitePermission.objects.filter(group=group).exclude(site=site).delete()
    for permission in permissions:
        GroupSitePermission.objects.get_or_create(
            group=group, site=site, permission=permission
        )


class GemeenteFout(ValueError):
    """A gemeente cannot be added as asked; the message says why, in Dutch."""


@dataclass(frozen=True)
class NieuweGemeente:
    """The result of :func:`gemeente_toevoegen`."""

    site: Site
    home: Page
    groups: dict[str, Group]
    aangemaakt: bool
    gewijzigd: tuple[str, ...]


def gemeente_toevoegen(
    *, naam: str, hostname: str, website: str, postadres: str = ""
) -> NieuweGemeente:
    """Create a gemeente: home page, Site, settings, groups and workflow.

    Idempotent: for a hostname that already belongs to this gemeente (same
    name) only what differs is updated. Refused with :class:`GemeenteFout`
    when the hostname belongs to another gemeente or the name is taken.
    """
    naam, postadres = naam.strip(), postadres.strip()
    hostname = _clean_hostname(hostname)
    website = _clean_website(website)
    if not naam:
        raise GemeenteFout("Vul de naam van de gemeente in.")
    if len(naam) > GemeenteInstellingen._meta.get_field("naam").max_length:
        raise GemeenteFout("De naam van de gemeente is te lang (maximaal 120 tekens).")
    with transaction.atomic():
        site = Site.objects.filter(hostname=hostname, port=80).first()
        if site is not None:
            return _update_existing(
                site, naam=naam, website=website, postadres=postadres
            )
        andere = (
            GemeenteInstellingen.objects.filter(naam__iexact=naam)
            .select_related("site")
            .first()
        )
        if andere is not None:
            raise GemeenteFout(
                f"Er is al een gemeente '{andere.naam}' (hostnaam "
                f"{andere.site.hostname}). Kies een andere naam, bijvoorbeeld "
                "met de provincie erbij."
            )
        home = _create_home(naam)
        site = Site.objects.create(
            hostname=hostname,
            port=80,
            root_page=home,
            site_name=naam,
            is_default_site=not Site.objects.filter(is_default_site=True).exists(),
        )
        _save_instellingen(site, naam=naam, website=website, postadres=postadres)
        groups = ensure_gemeente_groups(site)
        gemeente_ingericht.send(sender=NieuweGemeente, site=site)
    return NieuweGemeente(
        site=site, home=home, groups=groups, aangemaakt=True, gewijzigd=()
    )


def _update_existing(
    site: Site, *, naam: str, website: str, postadres: str
) -> NieuweGemeente:
    instellingen = GemeenteInstellingen.for_site(site)
    bestaande = instellingen.naam or site.site_name
    if bestaande and bestaande.casefold() != naam.casefold():
        raise GemeenteFout(
            f"De hostnaam {site.hostname} hoort al bij gemeente '{bestaande}'. "
            "Kies een andere hostnaam."
        )
    gewijzigd = _save_instellingen(
        site, naam=naam, website=website, postadres=postadres
    )
    groups = ensure_gemeente_groups(site)
    gemeente_ingericht.send(sender=NieuweGemeente, site=site)
    return NieuweGemeente(
        site=site,
        home=site.root_page.specific,
        groups=groups,
        aangemaakt=False,
        gewijzigd=gewijzigd,
    )


def _save_instellingen(
    site: Site, *, naam: str, website: str, postadres: str
) -> tuple[str, ...]:
    instellingen = GemeenteInstellingen.for_site(site)
    wanted = {"naam": naam, "website": website}
    if postadres:
        wanted["postadres"] = postadres
    changed = tuple(
        key for key, value in wanted.items() if getattr(instellingen, key) != value
    )
    if changed:
        for key in changed:
            setattr(instellingen, key, wanted[key])
        instellingen.full_clean()
        instellingen.save()
    return changed


def _create_home(naam: str) -> HomePage:
    root = Page.get_first_root_node()
    base = (
        slugify(naam.removeprefix("Gemeente ").removeprefix("gemeente ")) or "gemeente"
    )
    slug, number = base, 1
    while Page.objects.child_of(root).filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    home = HomePage(
        title=naam, slug=slug, intro=f"Alle producten en diensten van {naam}."
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


_HOSTNAME = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)


def _clean_hostname(hostname: str) -> str:
    value = hostname.strip().lower().rstrip(".")
    if "://" in value or "/" in value or ":" in value:
        raise GemeenteFout(
            f"'{hostname}' is geen hostnaam. Geef alleen de naam, zonder https:// "
            "en zonder pad of poort, bijvoorbeeld pdc.voorbeeldstad.nl."
        )
    if not _HOSTNAME.match(value):
        raise GemeenteFout(
            f"'{hostname}' is geen geldige hostnaam. Gebruik letters, cijfers, "
            "streepjes en punten, bijvoorbeeld pdc.voorbeeldstad.nl."
        )
    return value


def _clean_website(website: str) -> str:
    value = website.strip()
    try:
        URLValidator(schemes=["https", "http"])(value)
    except ValidationError:
        raise GemeenteFout(
            f"'{website}' is geen geldig webadres. Geef het volledige adres, "
            "bijvoorbeeld https://www.voorbeeldstad.nl."
        ) from None
    return value

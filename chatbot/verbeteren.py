"""The loop for editors: the questions that went wrong, per product, and one click to fix one.

A question went wrong when the chatbot handed over (fallback), when the
citizen said the answer did not help ("Nee"), when the best product scored
low, or when a follow-up in a session left the earlier product. The admin
page ``/admin/chatbot/verbeteren/`` groups such questions per product and
by their normalised words. For a group an editor can

- **link it to the right product**: the question becomes a zoekterm of that
  product through a new revision, published with ``revision.publish()`` so
  the normal publication gate runs; the publication changes the catalogue
  version, so the next question uses it without a restart;
- **mark it "niet van de gemeente"**: the chatbot then hands that question
  over instead of guessing a product.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.models import Site

from .models import Vraaglog

PERMISSION = "chatbot.view_vraaglog"
LAGE_SCORE = 0.35
"""A best score below this counts as "low", even when the chatbot answered."""
ZOEKTERM_MAX = 100


def went_wrong() -> Q:
    return (
        Q(fallback=True)
        | Q(geholpen=False)
        | Q(score__lt=LAGE_SCORE)
        | Q(onderwerpwissel=True)
    )


def reasons(row: dict) -> list[str]:
    found = []
    if row["fallbacks"]:
        found.append(f"doorverwezen ({row['fallbacks']}x)")
    if row["nee"]:
        found.append(f"Nee, hielp niet ({row['nee']}x)")
    if row["laag"]:
        found.append(f"lage score ({row['laag']}x)")
    if row["wissel"]:
        found.append(f"onderwerp gewisseld ({row['wissel']}x)")
    return found


def groups(site_id: int | None) -> list[dict]:
    """The open questions that went wrong, grouped per product and key."""
    queryset = Vraaglog.objects.filter(went_wrong(), status=Vraaglog.Status.OPEN)
    if site_id:
        queryset = queryset.filter(site_id=site_id)
    rows = (
        queryset.values("product_id", "product__title", "genormaliseerd", "site_id")
        .annotate(
            aantal=Count("pk"),
            fallbacks=Count("pk", filter=Q(fallback=True)),
            nee=Count("pk", filter=Q(geholpen=False)),
            laag=Count("pk", filter=Q(score__lt=LAGE_SCORE)),
            wissel=Count("pk", filter=Q(onderwerpwissel=True)),
            laatst=Max("created_at"),
        )
        .order_by("product__title", "-aantal", "-laatst")
    )
    per_product: dict[str | None, list[dict]] = defaultdict(list)
    for row in rows:
        latest = (
            queryset.filter(
                genormaliseerd=row["genormaliseerd"], site_id=row["site_id"]
            )
            .order_by("-created_at", "-pk")
            .values_list("vraag", flat=True)
            .first()
        )
        per_product[row["product__title"]].append(
            {**row, "voorbeeld": latest, "redenen": reasons(row)}
        )
    return [
        {"product": product, "rijen": rijen}
        for product, rijen in sorted(
            per_product.items(), key=lambda item: (item[0] is None, item[0] or "")
        )
    ]


class _Permission:
    def dispatch(self, request: HttpRequest, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class VerbeterView(_Permission, TemplateView):
    template_name = "chatbot/verbeteren.html"

    def get_context_data(self, **kwargs):
        from contenthub.models import ProductPage

        site_id = self.request.GET.get("site")
        site_id = int(site_id) if site_id and site_id.isdigit() else None
        return {
            **super().get_context_data(**kwargs),
            "groepen": groups(site_id),
            "sites": Site.objects.all(),
            "gekozen_site": site_id,
            "producten": ProductPage.objects.live().order_by("title"),
        }


def _entries(request: HttpRequest):
    key = request.POST.get("genormaliseerd", "")
    site = request.POST.get("site") or None
    entries = Vraaglog.objects.filter(genormaliseerd=key, status=Vraaglog.Status.OPEN)
    if site:
        entries = entries.filter(site_id=site)
    return entries


def _back() -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("chatbot_verbeteren"))


def add_zoekterm(page, zoekterm: str, *, user) -> None:
    """Add ``zoekterm`` to ``page`` in a new revision and publish it through
    the normal gate (``revision.publish()``)."""
    draft = page.get_latest_revision_as_object()
    if zoekterm.lower() in {t.name.lower() for t in draft.zoektermen.all()}:
        return
    draft.zoektermen.add(zoekterm)
    revision = draft.save_revision(user=user, log_action=True)
    revision.publish(user=user)


@require_POST
def koppel_als_zoekterm_view(request: HttpRequest) -> HttpResponse:
    from contenthub.models import ProductPage

    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    entries = _entries(request)
    page = get_object_or_404(ProductPage, pk=request.POST.get("product"))
    if not page.permissions_for_user(request.user).can_publish():
        messages.error(request, f"U mag {page.title} niet publiceren.")
        return _back()
    example = entries.order_by("-created_at").values_list("vraag", flat=True).first()
    if not example:
        messages.error(request, "Deze vraag staat niet (meer) open.")
        return _back()
    zoekterm = " ".join(example.lower().split())[:ZOEKTERM_MAX].rstrip(" ?!.")
    try:
        add_zoekterm(page, zoekterm, user=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(
            request,
            f"De zoekterm is niet gepubliceerd: {'; '.join(getattr(error, 'messages', [str(error)]))}",
        )
        return _back()
    entries.update(status=Vraaglog.Status.GEKOPPELD, product=page)
    messages.success(
        request,
        f"“{zoekterm}” is nu een zoekterm van {page.title}. De chatbot gebruikt "
        "dit bij de volgende vraag.",
    )
    return _back()


class NietVanDeGemeenteView(_Permission, View):
    def post(self, request: HttpRequest) -> HttpResponse:
        from .answers import forget_marks

        entries = _entries(request)
        sites = set(entries.values_list("site_id", flat=True))
        count = entries.update(status=Vraaglog.Status.NIET_GEMEENTE)
        for site_id in sites:
            forget_marks(site_id)
        if count:
            messages.success(
                request,
                "Gemarkeerd als niet van de gemeente: de chatbot verwijst deze "
                "vraag voortaan door naar een medewerker.",
            )
        else:
            messages.error(request, "Deze vraag staat niet (meer) open.")
        return _back()

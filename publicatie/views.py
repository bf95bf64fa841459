"""Admin views of the gate: the Controle tab's verdict, documented exceptions,
the doorwerkingen."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.log_actions import log

from contenthub.models import ProductPage

from .fields import field_fingerprint
from .records import Uitzondering


class UitzonderingForm(forms.ModelForm):
    class Meta:
        model = Uitzondering
        fields = ["reden", "geldig_tot"]
        widgets = {"geldig_tot": forms.DateTimeInput(attrs={"type": "datetime-local"})}


def grant_exception(request, page_id: int):
    if not request.user.has_perm("quality.grant_uitzondering"):
        raise PermissionDenied
    page = get_object_or_404(ProductPage, pk=page_id)
    # Only for a product the user may publish: never another gemeente's.
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    source = request.POST if request.method == "POST" else request.GET
    regel, veld = source.get("regel", ""), source.get("veld", "")
    fragment, melding = source.get("fragment", ""), source.get("melding", "")
    if not regel:
        messages.error(request, "Kies eerst een bevinding in het tabblad Controle.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    form = UitzonderingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        uitzondering = form.save(commit=False)
        uitzondering.page = page
        uitzondering.regel, uitzondering.veld, uitzondering.fragment = (
            regel,
            veld,
            fragment,
        )
        uitzondering.vingerafdruk = field_fingerprint(draft, veld)
        uitzondering.toegekend_door = request.user
        uitzondering.save()
        log(
            instance=page,
            action="contenthub.uitzondering",
            user=request.user,
            data={
                "regel": regel,
                "veld": veld,
                "reden": uitzondering.reden,
                "uitzondering": uitzondering.pk,
            },
        )
        messages.success(
            request, "De uitzondering is vastgelegd. Ze vervalt als de tekst verandert."
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "quality/grant_exception.html",
        {
            "page": page,
            "form": form,
            "regel": regel,
            "veld": veld,
            "fragment": fragment,
            "melding": melding,
        },
    )


def editor_findings(request, page_id: int):
    """The Controle tab of the last saved version, for ``controle.js``: the
    stored verdict when it holds, otherwise the gate's, stored."""
    from .editor import judge_for_editor
    from .panels import findings_context

    page = get_object_or_404(ProductPage, pk=page_id)
    # Only for a product the user may edit: never another gemeente's draft.
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.latest_revision
    if revision is None:
        context = {"nog_niet_bewaard": True}
    else:
        draft = revision.as_object()
        verdict = judge_for_editor(revision, page=draft, user=request.user)
        context = findings_context(draft, verdict, request.user)
    return TemplateResponse(request, "quality/findings_panel.html", context)


def basistekst_findings(request, basistekst_id: int):
    """The Controle tab of a basistekst, for ``controle.js``: the check of its
    last saved version (taalniveau and WCAG of every shared text)."""
    from contenthub.models import Basistekst

    from .basistekst import check_basistekst
    from .panels import basistekst_findings_context

    if not request.user.has_perm("contenthub.change_basistekst"):
        raise PermissionDenied
    basistekst = get_object_or_404(Basistekst, pk=basistekst_id)
    revision = basistekst.latest_revision
    if revision is None:
        context = {"nog_niet_bewaard": True, "onderwerp": "de basistekst"}
    else:
        draft = revision.as_object()
        context = basistekst_findings_context(draft, check_basistekst(draft))
    return TemplateResponse(request, "quality/findings_panel.html", context)


# Doorwerkingen: progress and results of carrying a basistekst to products ------


def doorwerking_list(request):
    from django.core.paginator import Paginator

    from publicatie.doorwerking import (
        doorwerkingen_for,
        may_view_doorwerkingen,
        visible_counts,
    )

    if not may_view_doorwerkingen(request.user):
        raise PermissionDenied
    page = Paginator(doorwerkingen_for(request.user), 25).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "quality/doorwerking_list.html",
        {"page_obj": page, "rows": [(d, visible_counts(d)) for d in page]},
    )


def doorwerking_detail(request, doorwerking_id: int):
    from django.core.paginator import Paginator

    from publicatie.doorwerking import (
        gemeente_counts,
        gemeente_names,
        may_view_doorwerkingen,
        sees_every_result,
        visible_results,
    )

    from .messages import gemeente_outcome
    from .records import Doorwerking, DoorwerkingResultaat

    if not may_view_doorwerkingen(request.user):
        raise PermissionDenied
    doorwerking = get_object_or_404(
        Doorwerking.objects.select_related("basistekst", "gebruiker"),
        pk=doorwerking_id,
    )
    results = visible_results(request.user, doorwerking)
    uitkomst = request.GET.get("uitkomst", "")
    if uitkomst in DoorwerkingResultaat.Uitkomst.values:
        results = results.filter(uitkomst=uitkomst)
    else:
        uitkomst = ""
    page = Paginator(results, 100).get_page(request.GET.get("p"))
    gemeenten = gemeente_names(r.page for r in page if r.page_id)
    return TemplateResponse(
        request,
        "quality/doorwerking_detail.html",
        {
            "doorwerking": doorwerking,
            "page_obj": page,
            "rows": [(r, gemeenten.get(r.page_id, "")) for r in page],
            "uitkomsten": DoorwerkingResultaat.Uitkomst.choices,
            "uitkomst": uitkomst,
            "alles": sees_every_result(request.user),
            "gemeenten": gemeente_outcome(gemeente_counts(doorwerking))
            if doorwerking.afgerond and sees_every_result(request.user)
            else None,
        },
    )

"""Grant a documented exception for one finding on one product."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.log_actions import log

from contenthub.models import ProductPage

from .gate import field_fingerprint
from .models import Uitzondering


class UitzonderingForm(forms.ModelForm):
    class Meta:
        model = Uitzondering
        fields = ["reden", "geldig_tot"]
        widgets = {"geldig_tot": forms.DateTimeInput(attrs={"type": "datetime-local"})}


def grant_exception(request, page_id: int):
    if not request.user.has_perm("quality.grant_uitzondering"):
        raise PermissionDenied
    page = get_object_or_404(ProductPage, pk=page_id)
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

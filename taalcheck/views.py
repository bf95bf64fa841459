"""The admin page where a communicatieadviseur checks any text."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse

from .core import check
from .errors import TaalcheckError
from .forms import TaalcheckForm
from .highlight import mark_blocks
from .models import get_settings

PERMISSION = "taalcheck.use_taalcheck"


def taalcheck_view(request: HttpRequest) -> TemplateResponse:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = TaalcheckForm(request.POST or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = check(
                form.cleaned_data["tekst"],
                niveau=form.cleaned_data["niveau"],
                settings=get_settings(request),
            )
        except TaalcheckError as error:
            form.add_error("tekst", str(error))
    return TemplateResponse(
        request,
        "taalcheck/taalcheck.html",
        {
            "page_title": "Taalcheck",
            "header_icon": "doc-full",
            "form": form,
            "report": report,
            "blocks": mark_blocks(report) if report else [],
            "text_findings": [f for f in report.findings if f.location.block is None]
            if report
            else [],
        },
    )

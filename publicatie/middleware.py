"""A publication the gate stops deep inside Wagtail (a workflow approval, say)
becomes a Dutch message and a way back to the editor, never an error page."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect

from .gate import PublicationBlocked, record_verdict
from .messages import blocked_message


class PublicationBlockedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublicationBlocked):
            return None
        from wagtail.models import Revision

        from contenthub.models import ProductPage

        page_exists = ProductPage.objects.filter(pk=exception.page.pk).exists()
        if page_exists:
            # The request's transaction was rolled back: keep the verdict anyway.
            revision_exists = Revision.objects.filter(pk=exception.revision_id).exists()
            record_verdict(
                page=exception.page,
                result=exception.result,
                revision_id=exception.revision_id if revision_exists else None,
                path="workflow" if "workflow" in request.path else "knop",
                user=getattr(request, "user", None),
            )
        messages.error(
            request, blocked_message(exception.result, title=exception.page.title)
        )
        if page_exists:
            return redirect("wagtailadmin_pages:edit", exception.page.pk)
        # A copy that was rolled back: back to where it would have been.
        return redirect("wagtailadmin_explore", exception.page.get_parent().pk)

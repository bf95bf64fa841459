"""Where the gate holds: every way a product can go live ends here.

All Wagtail publication paths (the Publish button, workflow approval,
scheduled publishing, bulk publishing, an older revision, copy-and-publish,
``Revision.publish()`` from code or an import) end in ``ProductPage.save()``
with a new ``live_revision``. That save calls :func:`guard_live_revision`,
which runs the gate on the revision that is about to go live and raises
``PublicationBlocked`` before anything is written.

Admin views evaluate earlier (``wagtail_hooks``) to show the editor a message;
they leave their verdict on the revision object so it is not evaluated twice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .context import GateContext
from .gate import (
    GateResult,
    PublicationBlocked,
    evaluate_publication_gate,
    record_verdict,
)
from .paths import _path, _user, current_path, current_user, publication_path  # noqa: F401

if TYPE_CHECKING:
    from wagtail.models import Revision

    from contenthub.models import ProductPage

logger = logging.getLogger("publicatie")


def approval_of(*args: Any, **kwargs: Any) -> Any:
    from .holding import approval_of as remember

    return remember(*args, **kwargs)


def evaluate_revision(
    revision: Revision, *, path: str | None = None, user: Any = None
) -> GateResult:
    """The verdict on a revision, stored, and remembered on the revision object."""
    cached = getattr(revision, "_gate_verdict", None)
    if cached is not None:
        return cached
    page = revision.as_object()
    context = GateContext(page=page, revision_id=revision.pk)
    result = evaluate_publication_gate(
        page=page, revision_id=revision.pk, context=context
    )
    verdict = record_verdict(
        page=page,
        result=result,
        revision_id=revision.pk,
        path=path or _path.get(),
        user=user or _user.get(),
        context=context,
    )
    approval_of(page, result, context, verdict)
    revision._gate_verdict = result
    return result


def revision_passes(revision: Revision, *, page: ProductPage, user: Any = None) -> bool:
    """Whether a revision passes, from its stored verdict when that is still current.

    Action menus and dashboards ask this for many pages at once; a revision's
    content never changes, so its stored verdict holds until an exception for
    the page is granted or lapses after it was made.
    """
    from django.db.models import Q
    from django.utils import timezone

    from .records import Keuring, Uitzondering

    verdict = Keuring.objects.filter(revision=revision).order_by("-gekeurd_op").first()
    if verdict is not None:
        exceptions_changed = Uitzondering.objects.filter(page_id=page.pk).filter(
            Q(toegekend_op__gt=verdict.gekeurd_op)
            | Q(geldig_tot__gt=verdict.gekeurd_op, geldig_tot__lte=timezone.now())
        )
        if not exceptions_changed.exists():
            return verdict.geslaagd
    return evaluate_revision(revision, path="workflow", user=user).passed


SEEN_BY_REFERRERS = ("title", "url_path", "expired", "expire_at", "go_live_at")
"""What a product that lists this one as related shows of it: its title and
link while it is in the catalogue (``structured.gerelateerd_of``)."""


def guard_live_revision(page: ProductPage, *, content_changed: bool = False) -> None:
    """Called from ``ProductPage.save``: refuse a new live revision that fails the gate.

    The gate judges the page exactly as it is about to be written, so a
    refusal comes before anything is written. After the write,
    ``holding.hold_live_page`` stores the renderings with this approval.
    ``content_changed``: the save changed the content after the revision was
    made (a newer national text), so an earlier verdict on the revision does
    not count.
    """
    page._seen_by_referrers_before = None
    if not (page.pk and page.live and page.live_revision_id):
        return
    from contenthub.models import ProductPage as Model

    row = (
        Model.objects.filter(pk=page.pk)
        .values_list("live", "live_revision_id", *SEEN_BY_REFERRERS)
        .first()
    )
    if row is not None:
        # What products that list this one showed of it until now: the change
        # guard after the write asks them again only when that changed.
        page._seen_by_referrers_before = row[2:] if row[0] else None
    before = row[:2] if row is not None else None
    if before == (True, page.live_revision_id):
        return  # not a publication: the live revision stays the same
    revision = page.live_revision
    result = None if content_changed else getattr(revision, "_gate_verdict", None)
    if result is None:
        context = GateContext(page=page, revision_id=revision.pk)
        result = evaluate_publication_gate(
            page=page, revision_id=revision.pk, context=context
        )
        verdict = record_verdict(
            page=page,
            result=result,
            revision_id=revision.pk,
            path=_path.get(),
            user=_user.get(),
            context=context,
        )
        revision._gate_verdict = result
        # The change guard after the write stores the renderings with this
        # approval (``holding.hold_live_page``) instead of rendering again.
        approval_of(page, result, context, verdict)
    if not result.passed:
        logger.warning("Publicatie tegengehouden: %s\n%s", page.title, result.summary())
        raise PublicationBlocked(result, page=page, revision_id=revision.pk)

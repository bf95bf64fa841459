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
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .context import GateContext
from .gate import (
    GateResult,
    PublicationBlocked,
    evaluate_publication_gate,
    record_verdict,
)

if TYPE_CHECKING:
    from wagtail.models import Revision

    from contenthub.models import ProductPage

logger = logging.getLogger("contenthub.quality")


@dataclass(frozen=True)
class GateRenderings:
    """The channels as the gate rendered them for the revision going live."""

    revision_id: int
    url_path: str
    renderings: list[Any]


def renderings_from_gate(
    page: ProductPage, revision_id: int | None
) -> list[Any] | None:
    """The gate's renderings of this very publication, if it made them."""
    kept = getattr(page, "_gate_renderings", None)
    if kept is None or kept.revision_id != revision_id:
        return None
    if kept.url_path != page.url_path:
        return None  # the slug changed on save: the links in them are stale
    return kept.renderings


_path: ContextVar[str] = ContextVar("publication_path", default="code")
_user: ContextVar[Any] = ContextVar("publication_user", default=None)


@contextmanager
def publication_path(name: str, *, user: Any = None):
    """Tell the gate which path is publishing, for the stored verdict."""
    path_token, user_token = _path.set(name), _user.set(user)
    try:
        yield
    finally:
        _path.reset(path_token)
        _user.reset(user_token)


def evaluate_revision(
    revision: Revision, *, path: str | None = None, user: Any = None
) -> GateResult:
    """The verdict on a revision, stored, and remembered on the revision object."""
    cached = getattr(revision, "_gate_verdict", None)
    if cached is not None:
        return cached
    page = revision.as_object()
    result = evaluate_publication_gate(page=page, revision_id=revision.pk)
    record_verdict(
        page=page,
        result=result,
        revision_id=revision.pk,
        path=path or _path.get(),
        user=user or _user.get(),
    )
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

    from .models import Keuring, Uitzondering

    verdict = Keuring.objects.filter(revision=revision).order_by("-gekeurd_op").first()
    if verdict is not None:
        exceptions_changed = Uitzondering.objects.filter(page_id=page.pk).filter(
            Q(toegekend_op__gt=verdict.gekeurd_op)
            | Q(geldig_tot__gt=verdict.gekeurd_op, geldig_tot__lte=timezone.now())
        )
        if not exceptions_changed.exists():
            return verdict.geslaagd
    return evaluate_revision(revision, path="workflow", user=user).passed


def guard_live_revision(page: ProductPage, *, content_changed: bool = False) -> None:
    """Called from ``ProductPage.save``: refuse a new live revision that fails the gate.

    The gate judges the page exactly as it is about to be written. When it
    passes, its renderings stay on the page object (``_gate_renderings``), so
    storing the channels after publication does not render everything again.
    ``content_changed``: the save changed the content after the revision was
    made (a newer national text), so an earlier verdict on the revision does
    not count.
    """
    if not (page.pk and page.live and page.live_revision_id):
        return
    from contenthub.models import ProductPage as Model

    before = (
        Model.objects.filter(pk=page.pk).values_list("live", "live_revision_id").first()
    )
    if before == (True, page.live_revision_id):
        return  # not a publication: the live revision stays the same
    revision = page.live_revision
    result = None if content_changed else getattr(revision, "_gate_verdict", None)
    if result is None:
        context = GateContext(page=page, revision_id=revision.pk)
        result = evaluate_publication_gate(
            page=page, revision_id=revision.pk, context=context
        )
        record_verdict(
            page=page,
            result=result,
            revision_id=revision.pk,
            path=_path.get(),
            user=_user.get(),
        )
        revision._gate_verdict = result
        if result.passed and "renderings" in context.__dict__:
            page._gate_renderings = GateRenderings(
                revision_id=revision.pk,
                url_path=page.url_path,
                renderings=context.renderings,
            )
    if not result.passed:
        logger.warning("Publicatie tegengehouden: %s\n%s", page.title, result.summary())
        raise PublicationBlocked(result, page=page, revision_id=revision.pk)

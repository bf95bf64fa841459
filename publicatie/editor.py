"""The editor's Controle tab: the stored verdict of the last saved version.

Every verdict the gate makes is stored (``Keuring``) with the revision it
judged and a fingerprint of everything else it read (:func:`verdict_inputs`):
the product's snapshot (its contactpunt, locaties, the gemeente's settings,
related products and place in the tree, as every channel carries them, and a
digest of their stored values), the taalcheck's settings and which checks
ran. A revision's own content never changes, so a
verdict on the same revision with the same inputs, made after the last change
to the page's exceptions, is the verdict the gate would give now.

The edit page reads that verdict (:func:`current_verdict`) instead of running
the gate, PDF included, on every load. When there is none (the version was
just saved, or a contactpunt changed since), the tab asks for it once
(``controle.js`` fetches :func:`judge_for_editor`'s view), and the verdict is
stored for the next load, the submission and the reviewer's action menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .context import GateContext
from .inputs import verdict_inputs

if TYPE_CHECKING:
    from wagtail.models import Revision

    from contenthub.models import ProductPage

    from .records import Keuring


def exceptions_changed_since(page_id: int, moment: Any) -> bool:
    """Whether an exception for the page was granted, or lapsed, after ``moment``."""
    from django.db.models import Q
    from django.utils import timezone

    from .records import Uitzondering

    return (
        Uitzondering.objects.filter(page_id=page_id)
        .filter(
            Q(toegekend_op__gt=moment)
            | Q(geldig_tot__gt=moment, geldig_tot__lte=timezone.now())
        )
        .exists()
    )


def current_verdict(page: ProductPage, revision_id: int) -> Keuring | None:
    """The stored verdict on ``revision_id`` that still holds for ``page`` (the
    revision's object), or None when the gate must judge it again."""
    from .records import Keuring

    inputs = verdict_inputs(GateContext(page=page, revision_id=revision_id))
    verdict = (
        Keuring.objects.filter(revision_id=revision_id, invoer=inputs)
        .order_by("-gekeurd_op", "-pk")
        .first()
    )
    if verdict is None or exceptions_changed_since(page.pk, verdict.gekeurd_op):
        return None
    return verdict


def judge_for_editor(
    revision: Revision, *, page: ProductPage, user: Any = None
) -> Keuring:
    """The verdict on ``revision`` (``page`` is its object) for the Controle
    tab: the stored one when it still holds, otherwise the gate's, stored
    (path "editor")."""
    from .enforcement import evaluate_revision
    from .records import Keuring

    stored = current_verdict(page, revision.pk)
    if stored is not None:
        return stored
    evaluate_revision(revision, path="editor", user=user)
    return Keuring.objects.filter(revision=revision).latest("gekeurd_op", "pk")

"""Publication work started by events of the layers below.

Connected in ``PublicatieConfig.ready``.
"""

from __future__ import annotations

from wagtail.signals import post_page_move, pre_page_move, published

from contenthub.models import Basistekst
from gemeenten.signals import gemeente_ingericht

from .holding import hold_moved_page, refuse_failing_move
from .workflow import make_workflow_for_new_gemeente


def start_doorwerking_on_publish(sender, instance: Basistekst, revision, **kwargs):
    """A new national text goes to every product that inherits it (doorwerking.py)."""
    from .doorwerking import start_doorwerking

    start_doorwerking(
        instance, revision=revision, user=revision.user if revision else None
    )


published.connect(
    start_doorwerking_on_publish,
    sender=Basistekst,
    dispatch_uid="doorwerking_basistekst_published",
)
gemeente_ingericht.connect(
    make_workflow_for_new_gemeente, dispatch_uid="publicatie_gemeente_workflow"
)
# A move changes the product's gemeente, links and settings: judged before, stored after.
pre_page_move.connect(refuse_failing_move, dispatch_uid="gate_refuses_failing_move")
post_page_move.connect(hold_moved_page, dispatch_uid="gate_stores_moved_product")

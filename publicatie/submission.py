"""Submitting a product for review ("Indienen"): the gate speaks first.

Wagtail starts the gemeente's workflow when a writer submits; its first task
(``QualityGateTask``) runs the gate on the submitted revision and stores the
findings on its task state. :func:`settle_submission` then decides:

- the version passes: it goes on to the reviewer;
- it fails and the writer asked for help ("Indienen met vraag om hulp"): it
  goes on, marked as a request for help, and the reviewer can only send it
  back (the gate still holds publication);
- it fails and the writer did not ask for help: the workflow is cancelled, so
  the draft stays the writer's to fix, and the writer reads why.

Wagtail's "Workflow herstarten" (a writer who edited a running submission)
cancels the running review and starts a new one; it is settled the same way,
and keeps the request for help of the review it replaced
(:func:`help_was_requested_before`).

Nothing here publishes; the revision is kept in every case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wagtail.log_actions import log
from wagtail.models import WorkflowState

from .gate import GateResult

HELP_VALUE = "hulp"
"""What the "Indienen met vraag om hulp" button posts as ``action-submit``."""

HELP_ACTION = "publicatie.hulpvraag"
"""The log action of a request for help, in the page's history."""


@dataclass(frozen=True)
class SubmissionOutcome:
    result: GateResult
    sent_on: bool
    """Whether the version went on to a reviewer."""
    help_requested: bool


def current_gate_task_state(page: Any) -> Any:
    """The gate task state of the page's running workflow, or None."""
    from .workflow import QualityGateTaskState

    state = WorkflowState.objects.active().for_instance(page).first()
    if state is None or state.current_task_state is None:
        return None
    task_state = state.current_task_state.specific
    return task_state if isinstance(task_state, QualityGateTaskState) else None


def settle_submission(
    page: Any, *, user: Any, help_requested: bool
) -> SubmissionOutcome | None:
    """After Wagtail started the workflow on ``page``: send it on or take it back.

    None when the page is not at the gate task (another workflow, or none).
    """
    task_state = current_gate_task_state(page)
    if task_state is None:
        return None
    result = GateResult.from_json(task_state.bevindingen)
    if result.passed:
        return SubmissionOutcome(result, sent_on=True, help_requested=False)
    if not help_requested:
        task_state.workflow_state.cancel(user=user)
        return SubmissionOutcome(result, sent_on=False, help_requested=False)
    log(
        instance=page,
        action=HELP_ACTION,
        user=user,
        revision=task_state.revision,
        data={"punten": len(result.blocking)},
    )
    return SubmissionOutcome(result, sent_on=True, help_requested=True)


def help_was_requested(page: Any) -> bool:
    """Whether the writer of the running review asked for help."""
    from wagtail.models import PageLogEntry

    task_state = current_gate_task_state(page)
    if task_state is None:
        return False
    return PageLogEntry.objects.filter(
        page_id=page.pk,
        action=HELP_ACTION,
        timestamp__gte=task_state.workflow_state.created_at,
    ).exists()


def help_was_requested_before(page: Any) -> bool:
    """Whether the writer asked for help in the review that a restart just
    cancelled (the page's latest cancelled workflow before the running one)."""
    from wagtail.models import PageLogEntry

    running = WorkflowState.objects.active().for_instance(page).first()
    cancelled = WorkflowState.objects.for_instance(page).filter(
        status=WorkflowState.STATUS_CANCELLED
    )
    if running is not None:
        cancelled = cancelled.exclude(pk=running.pk).filter(
            created_at__lte=running.created_at
        )
    previous = cancelled.order_by("-created_at", "-pk").first()
    if previous is None:
        return False
    entries = PageLogEntry.objects.filter(
        page_id=page.pk, action=HELP_ACTION, timestamp__gte=previous.created_at
    )
    if running is not None:
        entries = entries.filter(timestamp__lt=running.created_at)
    return entries.exists()

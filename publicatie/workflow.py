"""The workflow task "Taal- en toegankelijkheidscontrole" and each gemeente's
own publication workflow with it.

Made when a gemeente is set up (``gemeenten.signals.gemeente_ingericht``,
connected in ``PublicatieConfig.ready``) and by the demo loader.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    GroupApprovalTask,
    Site,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from gemeenten.models import GemeenteRollen
from gemeenten.services import ensure_gemeente_groups, gemeente_label


class QualityGateTaskState(TaskState):
    bevindingen = models.JSONField("bevindingen", default=dict)

    class Meta:
        verbose_name = "stand van de controle"
        verbose_name_plural = "standen van de controle"


class QualityGateTask(GroupApprovalTask):
    """Workflow task "Taal- en toegankelijkheidscontrole".

    Runs the gate when a page reaches it. The reviewer sees the findings and
    can approve only a version that passes.
    """

    task_state_class = QualityGateTaskState

    class Meta:
        verbose_name = _("Taal- en toegankelijkheidscontrole")
        verbose_name_plural = _("Taal- en toegankelijkheidscontroles")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object.specific
        revision = page.get_latest_revision()
        verdict = self._verdict(page, revision, user)
        task_state.bevindingen = verdict.to_json()
        task_state.save(update_fields=["bevindingen"])
        return task_state

    def _verdict(self, page, revision, user):
        from .context import GateContext
        from .gate import evaluate_publication_gate, record_verdict

        content = revision.as_object() if revision else page
        revision_id = revision.pk if revision else None
        context = GateContext(page=content, revision_id=revision_id)
        result = evaluate_publication_gate(
            page=content, revision_id=revision_id, context=context
        )
        record_verdict(
            page=page,
            result=result,
            revision_id=revision_id,
            path="workflow",
            user=user,
            context=context,
        )
        return result

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or not hasattr(obj, "kort_antwoord"):
            return actions
        from .enforcement import revision_passes

        revision = obj.get_latest_revision()
        if revision is None or revision_passes(revision, page=obj, user=user):
            return actions
        # Only "reject" (send back to the writer) while the gate blocks.
        return [action for action in actions if action[0] == "reject"]

    def locked_for_user(self, obj, user):
        """The writer keeps editing their own submission until a reviewer picks
        it up (locks the page, which Wagtail's own lock then enforces)."""
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and user.pk and state.requested_by_id == user.pk:
            return False
        return super().locked_for_user(obj, user)

    @classmethod
    def get_description(cls):
        return "Controleert taalniveau B1, toegankelijkheid en alle kanalen voordat iemand goedkeurt."


WORKFLOW_SUFFIX = "publiceren met taal- en toegankelijkheidscontrole"


def ensure_gemeente_workflow(site: Site) -> Workflow:
    """The gemeente's own publication workflow, on its home page.

    The quality-gate task goes to this gemeente's communicatieadviseurs and
    beheerders, so a reviewer of one gemeente never gets another's pages to
    approve. A workflow that an administrator put on the home page by hand is
    left in place.
    """
    groups = ensure_gemeente_groups(site)
    rollen = GemeenteRollen.objects.get(site=site)
    label = gemeente_label(site)
    name = f"{label}: {WORKFLOW_SUFFIX}"[:255]
    workflow = rollen.workflow
    if workflow is None:
        workflow = Workflow.objects.create(name=name)
        task = QualityGateTask.objects.create(
            name=f"{label}: taal- en toegankelijkheidscontrole"[:255]
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        rollen.workflow = workflow
        rollen.save(update_fields=["workflow"])
    elif workflow.name != name:
        workflow.name = name
        workflow.save(update_fields=["name"])
    for task in QualityGateTask.objects.filter(workflow_tasks__workflow=workflow):
        task.groups.add(groups["communicatieadviseurs"], groups["beheerders"])
    if not WorkflowPage.objects.filter(page_id=site.root_page_id).exists():
        WorkflowPage.objects.create(page_id=site.root_page_id, workflow=workflow)
    return workflow


def make_workflow_for_new_gemeente(sender, *, site: Site, **kwargs) -> None:
    ensure_gemeente_workflow(site)

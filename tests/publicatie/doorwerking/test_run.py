"""How a run behaves: after commit, once, per product, and around editors' work."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from contenthub.models import ProductPage
from publicatie import doorwerking as module
from publicatie.doorwerking import record_doorwerking, run_doorwerking
from publicatie.models import Doorwerking, DoorwerkingResultaat

from .conftest import (
    NIEUW_KORT_ANTWOORD,
    OUD_KORT_ANTWOORD,
    make_basistekst,
    make_gemeente,
    publish,
    publish_new_version,
    state_of,
)

pytestmark = pytest.mark.django_db
Uitkomst = DoorwerkingResultaat.Uitkomst
CONCEPT_AANVULLING = "<p>In Testdorp kunt u ook op zaterdag komen.</p>"


@pytest.fixture
def basistekst():
    return make_basistekst()


@pytest.fixture
def gemeente():
    return make_gemeente("testdorp", "Testdorp")


def test_the_run_waits_for_the_commit_of_the_publication(
    basistekst, gemeente, django_capture_on_commit_callbacks
):
    page = publish(gemeente.product(basistekst=basistekst))
    basistekst.kort_antwoord = NIEUW_KORT_ANTWOORD
    with django_capture_on_commit_callbacks() as callbacks:
        basistekst.save_revision().publish()
    waiting = Doorwerking.objects.get(basistekst=basistekst, totaal=1)
    assert waiting.status == Doorwerking.Status.WACHTEND
    assert ProductPage.objects.get(pk=page.pk).kort_antwoord == OUD_KORT_ANTWOORD
    for callback in callbacks:
        callback()
    waiting.refresh_from_db()
    assert (waiting.status, waiting.verwerkt, waiting.bijgewerkt) == ("klaar", 1, 1)
    assert ProductPage.objects.get(pk=page.pk).kort_antwoord == NIEUW_KORT_ANTWOORD


def test_a_first_publication_with_no_products_is_done_at_once():
    basistekst = make_basistekst()
    run = Doorwerking.objects.get(basistekst=basistekst)
    assert (run.status, run.totaal, run.verwerkt) == ("klaar", 0, 0)


def test_the_list_leaves_out_a_first_publication_that_carried_nothing(gemeente):
    from django.contrib.auth.models import User

    from publicatie.doorwerking import doorwerkingen_for

    nobody_uses_it = make_basistekst("Rijbewijs verlengen")
    used = make_basistekst()
    publish(gemeente.product(basistekst=used))
    revision = publish_new_version(used, kort_antwoord=NIEUW_KORT_ANTWOORD)
    beheerder = User.objects.create_superuser("beheer", "b@example.org", "x")
    assert Doorwerking.objects.filter(basistekst=nobody_uses_it).exists()
    assert [(run.revision_id, run.totaal) for run in doorwerkingen_for(beheerder)] == [
        (revision.pk, 1)
    ]


def test_a_run_is_processed_once(basistekst, gemeente):
    publish(gemeente.product(basistekst=basistekst))
    publish_new_version(basistekst, kort_antwoord=NIEUW_KORT_ANTWOORD)
    run = Doorwerking.objects.get(basistekst=basistekst, totaal=1)
    again = run_doorwerking(run.pk)
    assert (again.verwerkt, again.bijgewerkt) == (1, 1)
    assert again.resultaten.count() == 1


def test_a_failing_product_does_not_stop_the_others(basistekst, gemeente, monkeypatch):
    first = publish(gemeente.product(slug="eerste", basistekst=basistekst))
    second = publish(gemeente.product(slug="tweede", basistekst=basistekst))
    before = state_of(first)
    revisions = first.revisions.count()
    original = module._save_revision

    def broken(page, *args, **kwargs):
        revision = original(page, *args, **kwargs)
        if page.pk == first.pk:
            raise RuntimeError("schijf vol")
        return revision

    monkeypatch.setattr(module, "_save_revision", broken)
    publish_new_version(basistekst, kort_antwoord=NIEUW_KORT_ANTWOORD)

    run = Doorwerking.objects.get(basistekst=basistekst, totaal=2)
    assert (run.status, run.verwerkt, run.fouten, run.bijgewerkt) == ("klaar", 2, 1, 1)
    failed = run.resultaten.get(page=first)
    assert failed.uitkomst == Uitkomst.FOUT
    assert failed.melding == "Dit product is niet bijgewerkt door een fout: schijf vol"
    # Its half-made revision rolled back with it.
    assert state_of(first) == before
    assert first.revisions.count() == revisions
    assert ProductPage.objects.get(pk=second.pk).kort_antwoord == NIEUW_KORT_ANTWOORD


def test_a_run_that_breaks_is_not_left_busy(basistekst, gemeente, monkeypatch):
    publish(gemeente.product(basistekst=basistekst))
    run = record_doorwerking(basistekst)

    def broken(basistekst):
        raise RuntimeError("database weg")

    monkeypatch.setattr(module, "products_of", broken)
    run = run_doorwerking(run.pk)
    assert run.status == Doorwerking.Status.MISLUKT
    assert run.melding == "De doorwerking is afgebroken: database weg"
    assert run.klaar_op is not None


def test_a_draft_in_review_goes_back_to_review_with_the_new_text(basistekst, gemeente):
    workflow = Workflow.objects.create(name="Goedkeuring")
    task = GroupApprovalTask.objects.create(name="Communicatie keurt")
    task.groups.set([Group.objects.get(name="Communicatieadviseurs")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=gemeente.home)
    page = publish(gemeente.product(basistekst=basistekst))
    editor = gemeente.editors[0]
    page.lokale_aanvulling = CONCEPT_AANVULLING
    page.save_revision(user=editor)
    first_state = workflow.start(page, editor)

    publish_new_version(basistekst, kort_antwoord=NIEUW_KORT_ANTWOORD)

    page = ProductPage.objects.get(pk=page.pk)
    assert page.kort_antwoord == NIEUW_KORT_ANTWOORD
    state = page.current_workflow_state
    assert state is not None
    assert state.pk != first_state.pk
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert state.current_task_state.revision_id == page.latest_revision_id
    in_review = page.get_latest_revision_as_object()
    assert in_review.lokale_aanvulling == CONCEPT_AANVULLING
    assert in_review.kort_antwoord == NIEUW_KORT_ANTWOORD


def test_a_scheduled_draft_keeps_its_schedule(basistekst, gemeente):
    page = publish(gemeente.product(basistekst=basistekst))
    go_live = timezone.now() + timedelta(days=2)
    page.lokale_aanvulling = CONCEPT_AANVULLING
    page.go_live_at = go_live
    scheduled = page.save_revision(user=gemeente.editors[0])
    scheduled.publish(user=gemeente.editors[0])
    scheduled.refresh_from_db()
    assert scheduled.approved_go_live_at == go_live

    publish_new_version(basistekst, kort_antwoord=NIEUW_KORT_ANTWOORD)

    page = ProductPage.objects.get(pk=page.pk)
    assert page.kort_antwoord == NIEUW_KORT_ANTWOORD
    assert page.lokale_aanvulling == ""
    latest = page.latest_revision
    assert latest.approved_go_live_at == go_live
    assert latest.as_object().lokale_aanvulling == CONCEPT_AANVULLING
    assert latest.as_object().kort_antwoord == NIEUW_KORT_ANTWOORD
    scheduled.refresh_from_db()
    assert scheduled.approved_go_live_at is None

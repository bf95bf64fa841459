"""'Indienen': the gate speaks before a version goes to a reviewer, and a writer
who cannot fix it asks for help ('Indienen met vraag om hulp')."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import PageLogEntry, Site, WorkflowState
from wagtail.test.utils.form_data import rich_text

from contenthub.models import ProductPage
from gemeenten.services import add_to_gemeente
from publicatie.submission import HELP_ACTION, HELP_VALUE, help_was_requested
from publicatie.workflow import ensure_gemeente_workflow
from tests.contenthub.test_admin import product_form

from .conftest import BAD_TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(client, home):
    site = Site.objects.get(is_default_site=True)
    ensure_gemeente_workflow(site)
    user = User.objects.create_user("schrijver")
    add_to_gemeente(user, site, "contentmanagers")
    client.force_login(user)
    return user


def add_url(thema):
    return reverse(
        "wagtailadmin_pages:add", args=("contenthub", "productpage", thema.pk)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def running_workflow(page):
    return WorkflowState.objects.active().for_instance(page).first()


def messages_of(client):
    """The messages the editor reads on the next page."""
    response = client.get(reverse("wagtailadmin_home"))
    return [(m.level_tag, str(m.message)) for m in get_messages(response.wsgi_request)]


def test_a_version_that_passes_goes_to_the_reviewer_with_the_gates_word(
    client, writer, thema, contactpunt
):
    response = client.post(
        add_url(thema), product_form(contactpunt) | {"action-submit": "1"}
    )
    assert response.status_code == 302
    page = ProductPage.objects.get(slug="identiteitskaart")
    assert running_workflow(page) is not None
    assert not page.live
    shown = messages_of(client)
    assert [level for level, _ in shown] == ["success"]
    assert "ter goedkeuring ingediend" in shown[0][1]
    assert "niets dat publicatie tegenhoudt" in shown[0][1]


def test_a_version_that_fails_stays_with_its_writer_with_the_findings(
    client, writer, thema, contactpunt
):
    form = product_form(contactpunt, wat_is_het=rich_text(BAD_TEXT))
    response = client.post(add_url(thema), form | {"action-submit": "1"})
    page = ProductPage.objects.get(slug="identiteitskaart")
    # Back to the editor, not to the explorer with a green "ingediend".
    assert response.status_code == 302
    assert response["Location"] == edit_url(page)
    shown = messages_of(client)
    assert [level for level, _ in shown] == ["error"]
    assert "is niet ingediend" in shown[0][1]
    assert "Wat is het" in shown[0][1] or "wat is het" in shown[0][1].lower()
    assert "Indienen met vraag om hulp" in shown[0][1]
    # Nothing went to a reviewer, nothing is live, the text is kept.
    assert running_workflow(page) is None
    assert not page.live
    assert "teneinde" in page.get_latest_revision_as_object().wat_is_het
    # The writer can edit and save it again.
    edit = client.get(edit_url(page))
    assert edit.status_code == 200
    assert 'name="action-submit"' in edit.content.decode()
    fixed = client.post(edit_url(page), product_form(contactpunt))
    assert fixed.status_code == 302
    assert page.revisions.count() == 2


def test_a_writer_can_ask_for_help_with_a_version_that_fails(
    client, writer, thema, contactpunt
):
    form = product_form(contactpunt, wat_is_het=rich_text(BAD_TEXT))
    client.post(add_url(thema), form)  # a draft first
    page = ProductPage.objects.get(slug="identiteitskaart")
    edit = client.get(edit_url(page)).content.decode()
    assert "Indienen met vraag om hulp" in edit
    assert f'value="{HELP_VALUE}"' in edit

    response = client.post(edit_url(page), form | {"action-submit": HELP_VALUE})
    assert response.status_code == 302
    assert response["Location"] != edit_url(page)
    shown = messages_of(client)
    assert [level for level, _ in shown] == ["warning"]
    assert "vraag om hulp" in shown[0][1]
    assert "pas gepubliceerd als deze punten zijn opgelost" in shown[0][1]
    # With the reviewer, marked as a request for help, and still not live.
    assert running_workflow(page) is not None
    assert help_was_requested(page)
    assert PageLogEntry.objects.filter(page=page, action=HELP_ACTION).count() == 1
    page.refresh_from_db()
    assert not page.live
    # The reviewer reads the request on the Controle tab.
    reviewer = User.objects.create_user("adviseur")
    add_to_gemeente(reviewer, page.get_site(), "communicatieadviseurs")
    client.force_login(reviewer)
    assert "De schrijver vraagt om hulp" in client.get(edit_url(page)).content.decode()


def test_the_writer_keeps_editing_their_submission_until_a_reviewer_locks_it(
    client, writer, thema, contactpunt
):
    form = product_form(contactpunt, wat_is_het=rich_text(BAD_TEXT))
    client.post(add_url(thema), form | {"action-submit": HELP_VALUE})
    page = ProductPage.objects.get(slug="identiteitskaart")
    assert running_workflow(page) is not None

    assert not page.get_lock().for_user(writer)
    assert client.post(edit_url(page), product_form(contactpunt)).status_code == 302
    assert page.revisions.count() == 2

    reviewer = User.objects.create_user("adviseur")
    add_to_gemeente(reviewer, page.get_site(), "communicatieadviseurs")
    page.locked, page.locked_by = True, reviewer
    page.save(update_fields=["locked", "locked_by"])
    assert page.get_lock().for_user(writer)


def test_the_help_button_is_only_on_products(client, writer, home):
    response = client.get(edit_url(home))
    assert "Indienen met vraag om hulp" not in response.content.decode()


def restart(client, page, form):
    """Wagtail's "Workflow herstarten" on the edit page, as the browser posts it."""
    return client.post(edit_url(page), form | {"action-restart-workflow": "1"})


def send_back(page):
    """A reviewer sends the submission back ("wijzigingen nodig"): now the
    writer may restart the workflow."""
    reviewer = User.objects.create_user("adviseur")
    add_to_gemeente(reviewer, page.get_site(), "communicatieadviseurs")
    running_workflow(page).current_task_state.specific.reject(user=reviewer)
    state = WorkflowState.objects.for_instance(page).latest("created_at")
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_restarting_the_workflow_with_a_version_that_fails_is_held_like_indienen(
    client, writer, thema, contactpunt
):
    client.post(add_url(thema), product_form(contactpunt) | {"action-submit": "1"})
    page = ProductPage.objects.get(slug="identiteitskaart")
    send_back(page)
    messages_of(client)  # read the submission's message
    # The writer edits the text and restarts the workflow.
    edit = client.get(edit_url(page)).content.decode()
    assert 'name="action-restart-workflow"' in edit
    bad = product_form(contactpunt, wat_is_het=rich_text(BAD_TEXT))
    response = restart(client, page, bad)
    assert response.status_code == 302
    assert response["Location"] == edit_url(page)
    shown = messages_of(client)
    assert [level for level, _ in shown] == ["error"]
    assert "is niet ingediend" in shown[0][1]
    assert "Indienen met vraag om hulp" in shown[0][1]
    # Not with a reviewer (the old review was replaced), not live, text kept.
    assert running_workflow(page) is None
    page.refresh_from_db()
    assert not page.live
    assert "teneinde" in page.get_latest_revision_as_object().wat_is_het


def test_restarting_the_workflow_with_a_version_that_passes_goes_on(
    client, writer, thema, contactpunt
):
    client.post(add_url(thema), product_form(contactpunt) | {"action-submit": "1"})
    page = ProductPage.objects.get(slug="identiteitskaart")
    first = running_workflow(page)
    send_back(page)
    messages_of(client)
    response = restart(
        client, page, product_form(contactpunt, kort_antwoord="U vraagt het aan.")
    )
    assert response.status_code == 302
    shown = messages_of(client)
    assert [level for level, _ in shown] == ["success"]
    assert "ter goedkeuring ingediend" in shown[0][1]
    again = running_workflow(page)
    assert again is not None
    assert again.pk != first.pk
    assert not help_was_requested(page)


def test_restarting_a_request_for_help_keeps_asking_for_help(
    client, writer, thema, contactpunt
):
    bad = product_form(contactpunt, wat_is_het=rich_text(BAD_TEXT))
    client.post(add_url(thema), bad | {"action-submit": HELP_VALUE})
    page = ProductPage.objects.get(slug="identiteitskaart")
    send_back(page)
    messages_of(client)
    response = restart(client, page, bad)
    assert response.status_code == 302
    shown = messages_of(client)
    assert [level for level, _ in shown] == ["warning"]
    assert "vraag om hulp" in shown[0][1]
    assert running_workflow(page) is not None
    assert help_was_requested(page)
    page.refresh_from_db()
    assert not page.live

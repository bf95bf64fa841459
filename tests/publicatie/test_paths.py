"""The gate holds on every way a product can go live.

Each test takes a live product, offers a version that fails, and checks that
the product does not go live with it, no channel rendering changes, the draft
and all revisions stay, and the editor (or the command) gets a Dutch message.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail.test.utils.form_data import rich_text

from contenthub.models import ProductPage
from publicatie.gate import PublicationBlocked
from publicatie.models import Keuring
from tests.contenthub.test_admin import product_form

from .conftest import BAD_TEXT

pytestmark = pytest.mark.django_db


def error_messages(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def assert_unchanged(before, after):
    assert after["live_revision"] == before["live_revision"]
    assert after["live_text"] == before["live_text"]
    assert after["renderings"] == before["renderings"]
    assert set(before["revisions"]) <= set(after["revisions"])


def test_publish_button(admin_client, live_product, state_of):
    before = state_of(live_product)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(live_product.pk,)),
        product_form(
            live_product.contact,
            title=live_product.title,
            slug=live_product.slug,
            upl_naam="paspoort",
            wat_is_het=rich_text(BAD_TEXT),
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=(live_product.pk,))
    message = error_messages(response)
    assert "is niet gepubliceerd. Uw versie is bewaard." in message
    assert "Wat is het" in message
    after = state_of(live_product)
    assert_unchanged(before, after)
    # The editor's version is kept as the latest draft.
    assert len(after["revisions"]) == len(before["revisions"]) + 1
    assert (
        "Indien u een paspoort"
        in live_product.get_latest_revision_as_object().wat_is_het
    )


def test_workflow_approval(client, live_product, bad_revision, state_of):
    workflow = Workflow.objects.create(name="Goedkeuring")
    task = GroupApprovalTask.objects.create(name="Communicatie keurt")
    task.groups.set([Group.objects.get(name="Communicatieadviseurs")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=live_product.get_parent())
    writer = User.objects.create_user("schrijver")
    writer.groups.add(Group.objects.get(name="Contentmanagers"))
    workflow_state = workflow.start(live_product, writer)
    before = state_of(live_product)

    reviewer = User.objects.create_user("adviseur")
    reviewer.groups.add(Group.objects.get(name="Communicatieadviseurs"))
    client.force_login(reviewer)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(live_product.pk, "approve", workflow_state.current_task_state.pk),
    )
    response = client.post(url, {"comment": "Goed zo"})
    assert response.status_code in (200, 302)
    assert "is niet gepubliceerd" in error_messages(response)
    assert_unchanged(before, state_of(live_product))
    assert Keuring.objects.filter(page=live_product, geslaagd=False).exists()


def test_scheduled_publishing(live_product, bad_revision, state_of):
    bad_revision.approved_go_live_at = timezone.now() - timedelta(minutes=5)
    bad_revision.save()
    before = state_of(live_product)
    stderr = io.StringIO()
    call_command("publish_scheduled", stdout=io.StringIO(), stderr=stderr)
    assert_unchanged(before, state_of(live_product))
    assert "Niet gepubliceerd: Paspoort aanvragen" in stderr.getvalue()
    assert "Wat is het:" in stderr.getvalue()
    bad_revision.refresh_from_db()
    assert bad_revision.approved_go_live_at is None  # not retried every run
    assert Keuring.objects.filter(
        page=live_product, pad="gepland", geslaagd=False
    ).exists()


def test_scheduled_publishing_still_publishes_the_others(
    make_product, live_product, bad_revision
):
    other = make_product(slug="id-kaart", title="ID-kaart aanvragen", live=False)
    good = other.save_revision()
    for revision in (bad_revision, good):
        revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
        revision.save()
    call_command("publish_scheduled", stdout=io.StringIO(), stderr=io.StringIO())
    other.refresh_from_db()
    assert other.live


def test_bulk_publish(admin_client, live_product, bad_revision, state_of):
    before = state_of(live_product)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = admin_client.post(
        f"{url}?id={live_product.pk}", {"include_descendants": ""}
    )
    assert response.status_code == 302
    assert "is niet gepubliceerd" in error_messages(response)
    assert_unchanged(before, state_of(live_product))


def test_publishing_an_older_revision(live_product, state_of):
    live_product.wat_is_het = BAD_TEXT
    old_bad = live_product.save_revision()
    live_product.wat_is_het = "<p>Met een paspoort kunt u reizen.</p>"
    live_product.save_revision().publish()
    before = state_of(live_product)
    with pytest.raises(PublicationBlocked):
        old_bad.publish()
    assert_unchanged(before, state_of(live_product))


def test_revision_publish_from_code(live_product, bad_revision, state_of):
    before = state_of(live_product)
    with pytest.raises(PublicationBlocked) as caught:
        bad_revision.publish()
    assert "Wat is het:" in str(caught.value)
    assert_unchanged(before, state_of(live_product))


def legacy_failing_product(make_product) -> ProductPage:
    """A live page that never passed the gate (made live before it existed).

    A page can no longer be written live with a failing text, so the old
    state is put in the database directly.
    """
    source = make_product(slug="oud", title="Oud product")
    ProductPage.objects.filter(pk=source.pk).update(wat_is_het=BAD_TEXT)
    source.refresh_from_db()
    return source


def test_copy_and_publish_from_code(thema, make_product):
    source = legacy_failing_product(make_product)
    with pytest.raises(PublicationBlocked):
        source.copy(
            to=thema,
            update_attrs={"slug": "oud-kopie", "title": "Kopie"},
            keep_live=True,
        )
    assert not ProductPage.objects.filter(slug="oud-kopie").exists()


def test_copy_and_publish_in_the_admin(admin_client, thema, make_product):
    source = legacy_failing_product(make_product)
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=(source.pk,)),
        {
            "new_title": "Kopie",
            "new_slug": "oud-kopie",
            "new_parent_page": thema.pk,
            "copy_subpages": "",
            "publish_copies": "on",
            "alias": "",
        },
    )
    assert response.status_code == 302
    assert "is niet gepubliceerd" in error_messages(response)
    assert not ProductPage.objects.filter(slug="oud-kopie").exists()


def test_the_demo_import_command(monkeypatch):
    from demo import loader

    original = loader.read_catalogus

    def with_a_bad_product(*args, **kwargs):
        catalogus = original(*args, **kwargs)
        # The paspoort inherits its shared texts; its local addition is its own.
        catalogus["paspoort-en-id-kaart"][0]["lokale_aanvulling"] = BAD_TEXT
        return catalogus

    monkeypatch.setattr(loader, "read_catalogus", with_a_bad_product)
    with pytest.raises(CommandError) as caught:
        call_command("load_demo", "--gemeente", "voorbeeldstad", stdout=io.StringIO())
    assert "paspoort: Het product is niet gepubliceerd" in str(caught.value)
    assert not ProductPage.objects.filter(slug="paspoort", live=True).exists()


def test_once_fixed_the_product_goes_live(live_product, bad_revision):
    with pytest.raises(PublicationBlocked):
        bad_revision.publish()
    live_product.wat_is_het = '<p>Met een paspoort kunt u reizen. Meer over <a href="https://www.rijksoverheid.nl/paspoort">het paspoort bij de Rijksoverheid</a>.</p>'
    fixed = live_product.save_revision()
    fixed.publish()
    live_product.refresh_from_db()
    assert live_product.live_revision_id == fixed.pk
    assert Keuring.objects.filter(
        page=live_product, revision=fixed, geslaagd=True
    ).exists()

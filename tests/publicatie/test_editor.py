"""What editors and reviewers see: findings before publishing, the workflow task,
documented exceptions and the stored verdicts."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Workflow, WorkflowTask

from publicatie.gate import PublicationBlocked, evaluate_publication_gate
from publicatie.models import (
    Keuring,
    QualityGateTask,
    QualityGateTaskState,
    Uitzondering,
)

pytestmark = pytest.mark.django_db


def user_in(group_name: str, username: str) -> User:
    user = User.objects.create_user(username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_page(client, page) -> str:
    return client.get(
        reverse("wagtailadmin_pages:edit", args=(page.pk,))
    ).content.decode()


def tab_of(client, page) -> str:
    """What ``controle.js`` puts in the Controle tab when no stored verdict holds."""
    response = client.get(reverse("quality_editor_findings", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def gate_must_not_run(monkeypatch):
    """Makes any run of the gate's checks fail the test."""
    from publicatie.registry import GateCheckRegistry

    def refuse(self, context):
        raise AssertionError("the gate ran on the edit page")

    monkeypatch.setattr(GateCheckRegistry, "run", refuse)


def test_the_editor_shows_the_findings_of_the_draft_before_publishing(
    admin_client, live_product, bad_revision, monkeypatch
):
    from publicatie.registry import GateCheckRegistry

    ran = []
    real_run = GateCheckRegistry.run
    monkeypatch.setattr(
        GateCheckRegistry,
        "run",
        lambda self, context: (
            ran.append(context.revision_id) or real_run(self, context)
        ),
    )
    # A draft nobody judged yet: the edit page does not wait for the gate; the
    # tab asks for the verdict once the page is there.
    html = edit_page(admin_client, live_product)
    assert ran == []
    assert "data-controle-url" in html
    assert "De controle van de laatst bewaarde versie loopt" in html
    assert "publicatie/controle.js" in html

    tab = tab_of(admin_client, live_product)
    assert ran == [bad_revision.pk]
    assert "Dit concept kan nog niet gepubliceerd worden" in tab
    assert "indien" in tab.lower()
    assert "Uitzondering toekennen voor deze bevinding" in tab
    verdict = Keuring.objects.filter(revision=bad_revision).latest("pk")
    assert (verdict.pad, verdict.geslaagd) == ("editor", False)

    # From now on the edit page shows the stored verdict, without the gate.
    html = edit_page(admin_client, live_product)
    assert ran == [bad_revision.pk]
    assert "data-controle-url" not in html
    assert "Dit concept kan nog niet gepubliceerd worden" in html
    assert "Uitzondering toekennen voor deze bevinding" in html
    tab_of(admin_client, live_product)
    assert ran == [bad_revision.pk]  # the tab's own address reads it too


def test_the_editor_says_when_the_draft_passes(
    admin_client, live_product, gate_must_not_run
):
    # The verdict of the publication is the verdict of this version.
    html = edit_page(admin_client, live_product)
    assert "Dit concept voldoet aan alle controles." in html
    assert "data-controle-url" not in html


def test_the_stored_verdict_is_judged_again_when_what_it_read_changed(
    admin_client, live_product, bad_revision, contactpunt
):
    from taalcheck.models import TaalcheckInstellingen

    tab_of(admin_client, live_product)
    assert "data-controle-url" not in edit_page(admin_client, live_product)

    # The contactpunt beside the text: its name is judged with the product.
    contactpunt.naam = "Publiekszaken Stadhuis"
    contactpunt.save()
    assert "data-controle-url" in edit_page(admin_client, live_product)
    tab_of(admin_client, live_product)
    assert "data-controle-url" not in edit_page(admin_client, live_product)

    # The taalcheck's settings.
    instellingen = TaalcheckInstellingen.load()
    instellingen.zin_fout = instellingen.zin_fout + 5
    instellingen.save()
    assert "data-controle-url" in edit_page(admin_client, live_product)
    tab_of(admin_client, live_product)
    assert "data-controle-url" not in edit_page(admin_client, live_product)

    # An exception granted after the verdict.
    Uitzondering.objects.create(
        page=live_product,
        regel="taal.ambtelijk-woord",
        veld="wat_is_het",
        vingerafdruk="",
        reden="Vaste term.",
        toegekend_door=User.objects.get(is_superuser=True),
    )
    assert "data-controle-url" in edit_page(admin_client, live_product)

    # A new version: its own verdict.
    tab_of(admin_client, live_product)
    live_product.kort_antwoord = "U vraagt een paspoort aan in het stadhuis."
    live_product.save_revision()
    assert "data-controle-url" in edit_page(admin_client, live_product)


def test_the_controle_tab_is_only_for_who_may_edit_the_product(
    client, live_product, bad_revision
):
    url = reverse("quality_editor_findings", args=(live_product.pk,))
    client.force_login(User.objects.create_user("buitenstaander"))
    assert client.get(url).status_code in (302, 403)
    assert not Keuring.objects.filter(revision=bad_revision).exists()


@pytest.fixture
def gate_workflow(live_product):
    workflow = Workflow.objects.create(name="Met controle")
    task = QualityGateTask.objects.create(name="Taal- en toegankelijkheidscontrole")
    task.groups.set(
        Group.objects.filter(name__in=["Communicatieadviseurs", "Beheerders"])
    )
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow, task


def test_the_workflow_task_offers_approval_only_when_the_gate_passes(
    gate_workflow, live_product, bad_revision
):
    workflow, task = gate_workflow
    writer = user_in("Contentmanagers", "schrijver")
    reviewer = user_in("Communicatieadviseurs", "adviseur")
    state = workflow.start(live_product, writer)
    task_state = state.current_task_state.specific
    assert isinstance(task_state, QualityGateTaskState)
    stored = [f["rule"] for found in task_state.bevindingen.values() for f in found]
    assert "taal.ambtelijk-woord" in stored
    assert [name for name, *_ in task.get_actions(live_product, reviewer)] == ["reject"]

    live_product.wat_is_het = "<p>Met een paspoort kunt u reizen.</p>"
    live_product.save_revision()
    assert "approve" in [name for name, *_ in task.get_actions(live_product, reviewer)]


def test_the_workflow_task_is_offered_to_editors_in_dutch():
    assert QualityGateTask._meta.verbose_name == "Taal- en toegankelijkheidscontrole"


def test_an_exception_lets_one_finding_through_until_the_text_changes(
    client, live_product
):
    # A legal term the gemeente must use: one ambtelijk word, nothing else wrong.
    live_product.wat_is_het = (
        "<p>U kunt pas trouwen na de ondertrouw. Indien nodig helpt de gemeente u.</p>"
    )
    result = evaluate_publication_gate(page=live_product)
    [finding] = [f for f in result.blocking if f.rule == "taal.ambtelijk-woord"]
    revision = live_product.save_revision()

    adviseur = user_in("Communicatieadviseurs", "adviseur")
    client.force_login(adviseur)
    url = reverse("quality_grant_exception", args=(live_product.pk,))
    response = client.post(
        url,
        {
            "regel": finding.rule,
            "veld": finding.location.field,
            "fragment": finding.excerpt,
            "melding": finding.message,
            "reden": "Vaste term in de wet; de jurist wil dit woord.",
        },
    )
    assert response.status_code == 302
    exception = Uitzondering.objects.get(page=live_product)
    assert exception.toegekend_door == adviseur
    assert live_product.get_latest_revision_as_object() is not None

    revision.publish()  # now passes
    live_product.refresh_from_db()
    assert live_product.live_revision_id == revision.pk
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(
        page=live_product, action="contenthub.uitzondering"
    )
    # The page history reads as a sentence, with the editor's reason.
    assert entry.message == (
        f"Uitzondering toegekend op '{finding.rule}' in {finding.location.field}: "
        "Vaste term in de wet; de jurist wil dit woord."
    )

    live_product.wat_is_het = "<p>U kunt pas trouwen na de ondertrouw. Indien nodig helpt de gemeente u graag.</p>"
    with pytest.raises(PublicationBlocked):
        live_product.save_revision().publish()


def test_only_communicatieadviseurs_and_beheerders_grant_exceptions(
    client, live_product
):
    client.force_login(user_in("Contentmanagers", "schrijver"))
    response = client.get(
        reverse("quality_grant_exception", args=(live_product.pk,)) + "?regel=x"
    )
    assert response.status_code in (302, 403)
    assert not Uitzondering.objects.exists()


def test_every_verdict_is_stored(live_product, bad_revision):
    with pytest.raises(PublicationBlocked):
        bad_revision.publish()
    verdicts = Keuring.objects.filter(page=live_product).order_by("gekeurd_op")
    assert [v.geslaagd for v in verdicts] == [True, False]
    blocked = verdicts.last()
    assert blocked.revision == bad_revision
    assert blocked.aantal_fouten >= 3
    assert blocked.pad == "code"


def test_beheerders_see_verdicts_and_exceptions_in_the_admin(client, live_product):
    client.force_login(user_in("Beheerders", "beheerder"))
    for url in (reverse("keuringen:index"), reverse("uitzonderingen:index")):
        assert client.get(url).status_code == 200
    assert (
        "Paspoort aanvragen" in client.get(reverse("keuringen:index")).content.decode()
    )


def test_contentmanagers_do_not_see_the_verdict_lists(client):
    client.force_login(user_in("Contentmanagers", "schrijver"))
    assert client.get(reverse("keuringen:index")).status_code in (302, 403)


def test_action_menus_use_the_stored_verdict_until_an_exception_changes(
    gate_workflow, live_product, bad_revision, monkeypatch
):
    from publicatie import enforcement

    workflow, task = gate_workflow
    reviewer = user_in("Communicatieadviseurs", "adviseur")
    workflow.start(
        live_product, user_in("Contentmanagers", "schrijver")
    )  # stores a verdict

    def must_not_run(**kwargs):
        raise AssertionError("the gate ran again for an unchanged revision")

    monkeypatch.setattr(enforcement, "evaluate_publication_gate", must_not_run)
    assert [name for name, *_ in task.get_actions(live_product, reviewer)] == ["reject"]

    Uitzondering.objects.create(
        page=live_product,
        regel="taal.ambtelijk-woord",
        veld="wat_is_het",
        vingerafdruk="",
        reden="Vaste term.",
        toegekend_door=reviewer,
    )
    with pytest.raises(AssertionError, match="ran again"):
        task.get_actions(live_product, reviewer)

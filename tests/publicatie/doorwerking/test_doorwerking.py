"""A new national text reaches every gemeente, through the publication gate.

One scenario for the module (publishing with every channel takes time): three
gemeenten with products that inherit one basistekst in different ways; the
national editor publishes a new version; each test checks one consequence.
Each test's own changes roll back to a savepoint.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageLogEntry

from contenthub.models import ProductPage
from publicatie.dashboard import BlockedProductsPanel
from publicatie.doorwerking import LOG_ACTION
from publicatie.models import Doorwerking, DoorwerkingResultaat
from renderers.base import Rendering
from renderers.crosscheck import rendering_text
from renderers.models import ChannelRendering

from .conftest import (
    KOP_AANVULLING,
    NIEUW_KORT_ANTWOORD,
    NIEUW_WAT_IS_HET,
    OUD_KORT_ANTWOORD,
    OUD_WAT_IS_HET,
    Gemeente,
    make_basistekst,
    make_gemeente,
    national_editor,
    publish,
    publish_new_version,
    state_of,
)

Uitkomst = DoorwerkingResultaat.Uitkomst
EIGEN_KORT_ANTWOORD = "In Testdorp vraagt u een paspoort aan bij het Stadskantoor."
EIGEN_WAT_IS_HET = "<p>Met een paspoort reist u. Zo laat u zien wie u bent.</p>"
NIEUW_WAT_IS_HET_ZIN = "Met een paspoort reist u naar het buitenland."
CONCEPT_AANVULLING = "<p>In Derdeburg kunt u ook op zaterdag komen.</p>"


@dataclass
class Scenario:
    a: Gemeente
    b: Gemeente
    c: Gemeente
    products: dict[str, ProductPage]
    before: dict[str, dict]
    before_draft: dict[str, int | None]
    doorwerking: Doorwerking
    mails: list
    superuser: User
    redactie: User

    def live(self, name: str) -> ProductPage:
        return ProductPage.objects.get(pk=self.products[name].pk)

    def result(self, name: str) -> DoorwerkingResultaat:
        return self.doorwerking.resultaten.get(page=self.products[name])


@pytest.fixture(scope="module")
def scenario(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build_scenario()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _build_scenario() -> Scenario:
    basistekst = make_basistekst()
    a = make_gemeente("testdorp", "Testdorp")
    b = make_gemeente("anderdorp", "Anderdorp", editors=2)
    c = make_gemeente("derdeburg", "Derdeburg")
    superuser = User.objects.create_superuser("beheer", "beheer@hub.example", "x")
    redactie = national_editor()
    products = {
        "a_gewoon": a.product(slug="paspoort", basistekst=basistekst),
        "a_eigen": a.product(
            slug="paspoort-eigen",
            basistekst=basistekst,
            eigen_kort_antwoord=True,
            kort_antwoord=EIGEN_KORT_ANTWOORD,
        ),
        "a_alles_eigen": a.product(
            slug="paspoort-alles-eigen",
            basistekst=basistekst,
            eigen_kort_antwoord=True,
            kort_antwoord=EIGEN_KORT_ANTWOORD,
            eigen_wat_is_het=True,
            wat_is_het=EIGEN_WAT_IS_HET,
        ),
        "b_gewoon": b.product(slug="paspoort", basistekst=basistekst),
        "b_kop": b.product(
            slug="paspoort-zaterdag",
            basistekst=basistekst,
            lokale_aanvulling=KOP_AANVULLING,
        ),
        "c_concept": c.product(slug="paspoort", basistekst=basistekst),
        "c_los": c.product(slug="paspoort-zonder-basistekst"),
    }
    for name in list(products):
        products[name] = publish(products[name])
    # An editor in Derdeburg is working on a draft of a live product.
    draft = products["c_concept"]
    draft.lokale_aanvulling = CONCEPT_AANVULLING
    draft.save_revision(user=c.editors[0])
    # And on a product that was never published.
    products["c_nieuw"] = c.product(
        slug="paspoort-nieuw", basistekst=basistekst, live=False
    )
    products["c_nieuw"].save_revision(user=c.editors[0])

    before = {name: state_of(page) for name, page in products.items()}
    before_draft = {
        name: ProductPage.objects.get(pk=page.pk).latest_revision_id
        for name, page in products.items()
    }
    mail.outbox = []
    publish_new_version(
        basistekst,
        user=redactie,
        kort_antwoord=NIEUW_KORT_ANTWOORD,
        wat_is_het=NIEUW_WAT_IS_HET,
    )
    return Scenario(
        a=a,
        b=b,
        c=c,
        products=products,
        before=before,
        before_draft=before_draft,
        doorwerking=Doorwerking.objects.get(basistekst=basistekst, totaal__gt=0),
        mails=list(mail.outbox),
        superuser=superuser,
        redactie=redactie,
    )


def visible_text(rendering: ChannelRendering) -> str:
    text = rendering_text(
        Rendering(
            channel=rendering.channel,
            media_type=rendering.media_type,
            content=rendering.data,
            variant=rendering.variant,
        )
    )
    return "".join(text.split())


def squashed(text: str) -> str:
    return "".join(text.split())


UPDATED = ("a_gewoon", "a_eigen", "b_gewoon", "c_concept")


@pytest.mark.parametrize("name", UPDATED)
def test_each_inheriting_product_in_each_gemeente_is_published_with_the_new_text(
    db, scenario, name
):
    page = scenario.live(name)
    assert page.live
    assert page.live_revision_id != scenario.before[name]["live_revision"]
    assert page.wat_is_het == NIEUW_WAT_IS_HET
    # The live revision records exactly what is live.
    assert page.live_revision.as_object().wat_is_het == NIEUW_WAT_IS_HET
    resultaat = scenario.result(name)
    assert resultaat.uitkomst == Uitkomst.BIJGEWERKT
    assert resultaat.revision_id == page.live_revision_id
    assert resultaat.vorige_live_revision_id == scenario.before[name]["live_revision"]
    # The page history says where the new text came from.
    entry = PageLogEntry.objects.get(
        page=page, action=LOG_ACTION, revision=resultaat.revision
    )
    assert entry.user is None
    assert entry.data["basistekst"]["titel"] == "Paspoort aanvragen"
    assert "Nieuwe landelijke tekst uit de basistekst 'Paspoort aanvragen'" in str(
        entry.message
    )
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.publish", revision=resultaat.revision
    ).exists()


def _facts_carried(stored: ChannelRendering) -> frozenset[str]:
    from renderers import renderer_registry
    from renderers.base import Rendering
    from renderers.crosscheck import facts_carried

    rendering = Rendering(stored.channel, stored.media_type, "", stored.variant)
    return facts_carried(rendering, renderer_registry)


@pytest.mark.parametrize("name", UPDATED)
def test_every_channel_is_stored_again_with_the_new_text(db, scenario, name):
    page = scenario.live(name)
    renderings = list(ChannelRendering.objects.filter(page=page))
    before = scenario.before[name]["renderings"]
    assert sorted((r.channel, r.variant) for r in renderings) == [
        (channel, variant) for channel, variant, _, _ in before
    ]
    old_etags = {(channel, variant): etag for channel, variant, etag, _ in before}
    eerste_zin = "U vraagt een paspoort aan in het gemeentehuis."
    for rendering in renderings:
        assert rendering.revision_id == page.live_revision_id
        if "kort_antwoord" not in _facts_carried(rendering):
            continue  # e.g. the KCC's vraag-antwoordcombinaties
        text = visible_text(rendering)
        if name == "a_eigen":
            # Only "wat is het" changed here; the web page and the app show it.
            assert squashed(EIGEN_KORT_ANTWOORD) in text, rendering
            if rendering.channel in ("web", "app"):
                assert squashed(NIEUW_WAT_IS_HET_ZIN) in text, rendering
                assert rendering.etag != old_etags[rendering.channel, rendering.variant]
        else:
            assert squashed(eerste_zin) in text, rendering
            assert squashed(OUD_KORT_ANTWOORD) not in text, rendering
            assert rendering.etag != old_etags[rendering.channel, rendering.variant]


def test_an_overridden_field_keeps_the_gemeentes_own_text(db, scenario):
    eigen = scenario.live("a_eigen")
    assert eigen.kort_antwoord == EIGEN_KORT_ANTWOORD
    assert eigen.wat_is_het == NIEUW_WAT_IS_HET
    assert scenario.result("a_eigen").velden == ["wat_is_het"]

    alles_eigen = scenario.live("a_alles_eigen")
    assert alles_eigen.kort_antwoord == EIGEN_KORT_ANTWOORD
    assert alles_eigen.wat_is_het == EIGEN_WAT_IS_HET
    assert state_of(alles_eigen) == scenario.before["a_alles_eigen"]
    resultaat = scenario.result("a_alles_eigen")
    assert resultaat.uitkomst == Uitkomst.ONGEWIJZIGD
    assert resultaat.revision is None
    assert alles_eigen.latest_revision_id == scenario.before_draft["a_alles_eigen"]


def test_a_combination_that_fails_the_gate_leaves_the_live_version_alone(db, scenario):
    page = scenario.live("b_kop")
    # Live version, texts and every stored rendering exactly as before.
    assert state_of(page) == scenario.before["b_kop"]
    assert page.wat_is_het == OUD_WAT_IS_HET
    resultaat = scenario.result("b_kop")
    assert resultaat.uitkomst == Uitkomst.GEBLOKKEERD
    assert resultaat.melding.startswith("Het product is niet gepubliceerd:")
    assert "De webpagina zoals inwoners hem zien:" in resultaat.melding
    assert "Na een kop van niveau 2 volgt een kop van niveau 4" in resultaat.melding
    # The combination waits as the latest draft, for the editor to fix.
    assert page.has_unpublished_changes
    assert page.latest_revision_id == resultaat.revision_id
    draft = page.get_latest_revision_as_object()
    assert draft.wat_is_het == NIEUW_WAT_IS_HET
    assert draft.lokale_aanvulling == KOP_AANVULLING
    # The same gemeente's other product went through.
    assert scenario.result("b_gewoon").uitkomst == Uitkomst.BIJGEWERKT


def test_a_refused_doorwerking_is_on_record_in_keuringen(db, scenario):
    from publicatie.models import Keuring

    blocked = scenario.products["b_kop"]
    verdicts = Keuring.objects.filter(page=blocked, pad="doorwerking")
    assert [(k.geslaagd, k.revision_id) for k in verdicts] == [
        (False, scenario.result("b_kop").revision_id)
    ]
    passed = Keuring.objects.filter(
        page=scenario.products["b_gewoon"], pad="doorwerking"
    )
    assert [k.geslaagd for k in passed] == [True]


def test_the_blocked_products_editors_get_one_dutch_email_each(db, scenario):
    assert sorted(m.to[0] for m in scenario.mails) == [
        "redacteur1@anderdorp.example",
        "redacteur2@anderdorp.example",
    ]
    message = scenario.mails[0]
    page = scenario.products["b_kop"]
    assert message.subject == (
        f"Niet gepubliceerd: '{page.title}' na een nieuwe landelijke tekst"
    )
    assert "De landelijke redactie heeft de basistekst 'Paspoort aanvragen'" in (
        message.body
    )
    assert "Gemeente: Gemeente Anderdorp" in message.body
    assert f"* {page.title}" in message.body
    assert f"http://localhost:8000/admin/pages/{page.pk}/edit/" in message.body
    assert "Na een kop van niveau 2 volgt een kop van niveau 4" in message.body
    # Nothing about the other gemeenten's products.
    assert scenario.products["a_gewoon"].title not in message.body


def test_the_dashboard_shows_a_blocked_product_to_its_gemeentes_editors_only(
    db, scenario, client
):
    page = scenario.products["b_kop"]
    client.force_login(scenario.b.editors[0])
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Nieuwe landelijke tekst niet gepubliceerd" in content
    assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) in content
    assert "Na een kop van niveau 2 volgt een kop van niveau 4" in content
    assert reverse("quality_doorwerkingen") in content  # the menu item

    client.force_login(scenario.a.editors[0])
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Nieuwe landelijke tekst niet gepubliceerd" not in content
    assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) not in content


@pytest.mark.parametrize(
    ("who", "rows", "queries"),
    [("b_editor", 1, 4), ("a_editor", 0, 2), ("superuser", 1, 3)],
)
def test_dashboard_panel_queries(
    db, scenario, django_assert_num_queries, who, rows, queries
):
    user = {
        "b_editor": scenario.b.editors[0],
        "a_editor": scenario.a.editors[0],
        "superuser": scenario.superuser,
    }[who]
    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(pk=user.pk)  # no cached permissions
    with django_assert_num_queries(queries):
        context = BlockedProductsPanel().get_context_data({"request": request})
    assert len(context["rows"]) == rows
    if rows:
        resultaat, gemeente = context["rows"][0]
        assert resultaat.page_id == scenario.products["b_kop"].pk
        assert gemeente == "Gemeente Anderdorp"


def test_a_published_fix_removes_the_product_from_the_dashboard(db, scenario):
    page = scenario.live("b_kop")
    draft = page.get_latest_revision_as_object()
    draft.lokale_aanvulling = "<h3>Afspraak in Anderdorp</h3><p>Ook op zaterdag.</p>"
    draft.save_revision(user=scenario.b.editors[0]).publish()
    request = RequestFactory().get("/admin/")
    request.user = scenario.b.editors[0]
    assert BlockedProductsPanel().get_context_data({"request": request})["rows"] == []
    assert scenario.live("b_kop").wat_is_het == NIEUW_WAT_IS_HET


def test_an_editors_draft_stays_the_latest_version_and_gets_the_new_text(db, scenario):
    page = scenario.live("c_concept")
    # Live: the new national text, without the editor's unpublished change.
    assert page.kort_antwoord == NIEUW_KORT_ANTWOORD
    assert page.lokale_aanvulling == ""
    # The draft: the editor's change and the new national text.
    assert page.has_unpublished_changes
    assert page.latest_revision_id != page.live_revision_id
    draft = page.get_latest_revision_as_object()
    assert draft.lokale_aanvulling == CONCEPT_AANVULLING
    assert draft.kort_antwoord == NIEUW_KORT_ANTWOORD
    assert draft.wat_is_het == NIEUW_WAT_IS_HET
    resultaat = scenario.result("c_concept")
    assert resultaat.uitkomst == Uitkomst.BIJGEWERKT
    assert resultaat.concept_revision_id == page.latest_revision_id
    # The editor's own revision is still there, untouched.
    editor_revision = page.revisions.get(pk=scenario.before_draft["c_concept"])
    assert editor_revision.as_object().kort_antwoord == OUD_KORT_ANTWOORD


def test_a_product_that_is_not_live_gets_a_new_draft_only(db, scenario):
    page = scenario.live("c_nieuw")
    assert not page.live
    assert page.live_revision_id is None
    assert page.latest_revision_id != scenario.before_draft["c_nieuw"]
    assert page.get_latest_revision_as_object().kort_antwoord == NIEUW_KORT_ANTWOORD
    resultaat = scenario.result("c_nieuw")
    assert resultaat.uitkomst == Uitkomst.CONCEPT
    assert resultaat.concept_revision_id == page.latest_revision_id
    assert not ChannelRendering.objects.filter(page=page).exists()


def test_a_product_without_the_basistekst_is_left_alone(db, scenario):
    page = scenario.live("c_los")
    assert state_of(page) == scenario.before["c_los"]
    assert not DoorwerkingResultaat.objects.filter(page=page).exists()


def test_progress_counters_add_up(db, scenario):
    doorwerking = Doorwerking.objects.get(pk=scenario.doorwerking.pk)
    assert doorwerking.status == Doorwerking.Status.KLAAR
    assert doorwerking.gebruiker == scenario.redactie
    assert doorwerking.totaal == 7
    assert doorwerking.verwerkt == doorwerking.totaal
    assert doorwerking.resultaten.count() == doorwerking.totaal
    for uitkomst, counter in DoorwerkingResultaat.COUNTERS.items():
        assert getattr(doorwerking, counter) == (
            doorwerking.resultaten.filter(uitkomst=uitkomst).count()
        ), counter
    assert (doorwerking.bijgewerkt, doorwerking.geblokkeerd) == (4, 1)
    assert (doorwerking.concepten, doorwerking.ongewijzigd, doorwerking.fouten) == (
        1,
        1,
        0,
    )
    assert doorwerking.gestart_op <= doorwerking.klaar_op
    assert doorwerking.revision_id == doorwerking.basistekst.live_revision_id


# Admin views ------------------------------------------------------------------


def test_the_national_editor_sees_every_result(db, scenario, client):
    client.force_login(scenario.redactie)
    response = client.get(reverse("quality_doorwerkingen"))
    assert response.status_code == 200
    doorwerking, aantallen = response.context["rows"][0]
    assert doorwerking == scenario.doorwerking
    assert aantallen["geblokkeerd"] == 1
    assert aantallen["bijgewerkt"] == 4
    response = client.get(reverse("quality_doorwerking", args=(doorwerking.pk,)))
    assert len(response.context["rows"]) == 7
    content = response.content.decode()
    assert "Kort antwoord, Wat is het" in content
    assert "7 van 7 producten verwerkt" in content
    response = client.get(
        reverse("quality_doorwerking", args=(doorwerking.pk,)),
        {"uitkomst": "geblokkeerd"},
    )
    assert [r.page_id for r, _ in response.context["rows"]] == [
        scenario.products["b_kop"].pk
    ]
    assert "Gemeente Anderdorp" in response.content.decode()


def test_a_gemeente_editor_sees_only_their_own_products(db, scenario, client):
    client.force_login(scenario.a.editors[0])
    response = client.get(reverse("quality_doorwerkingen"))
    assert response.status_code == 200
    doorwerking, aantallen = response.context["rows"][0]
    # Their own counts: Testdorp had nothing blocked.
    assert aantallen == {
        "bijgewerkt": 2,
        "geblokkeerd": 0,
        "concepten": 0,
        "ongewijzigd": 1,
        "fouten": 0,
    }
    response = client.get(reverse("quality_doorwerking", args=(doorwerking.pk,)))
    content = response.content.decode()
    shown = {r.page_id for r, _ in response.context["rows"]}
    assert shown == {
        scenario.products[n].pk for n in ("a_gewoon", "a_eigen", "a_alles_eigen")
    }
    assert "Na een kop van niveau 2" not in content
    assert "U ziet alleen de producten die u mag bewerken." in content


def test_users_without_editing_rights_get_no_doorwerkingen(db, scenario, client):
    user = User.objects.create_user("lezer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail turns a refusal in the admin into a redirect home, with a message.
    for url in (
        reverse("quality_doorwerkingen"),
        reverse("quality_doorwerking", args=(scenario.doorwerking.pk,)),
    ):
        response = client.get(url)
        assert (response.status_code, response.url) == (302, "/admin/")
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("quality_doorwerkingen") not in menu
    assert "Nieuwe landelijke tekst niet gepubliceerd" not in menu


# The command ------------------------------------------------------------------


def test_the_command_runs_the_doorwerking_again_and_reports(db, scenario):
    mail.outbox = []
    out = io.StringIO()
    call_command("doorwerken", "paspoort aanvragen", stdout=out)
    output = out.getvalue()
    assert "Doorwerking van de basistekst 'Paspoort aanvragen': 7 producten" in output
    assert "7/7" in output
    assert "Status: klaar" in output
    assert "tegengehouden: 1" in output
    assert "ongewijzigd: 6" in output
    rerun = Doorwerking.objects.order_by("-pk").first()
    assert rerun != scenario.doorwerking
    assert (rerun.status, rerun.verwerkt, rerun.geblokkeerd, rerun.ongewijzigd) == (
        Doorwerking.Status.KLAAR,
        7,
        1,
        6,
    )
    # Still blocked: its editors hear about it again; the earlier blocked
    # combination is not mistaken for an editor's draft.
    assert len(mail.outbox) == 2
    page = scenario.live("b_kop")
    assert page.latest_revision_id == rerun.resultaten.get(page=page).revision_id
    assert rerun.resultaten.get(page=page).concept_revision is None


def test_the_command_takes_an_id_and_refuses_what_it_cannot_find(db, scenario):
    out = io.StringIO()
    call_command("doorwerken", str(scenario.doorwerking.basistekst_id), stdout=out)
    assert "ongewijzigd: 6" in out.getvalue()
    with pytest.raises(CommandError, match="Geen basistekst gevonden"):
        call_command("doorwerken", "Rijbewijs verlengen")

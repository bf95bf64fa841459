"""A basistekst that fails the taalcheck or the WCAG check is not published.

It would go to every gemeente at once; its draft and revisions stay.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from contenthub.models import Basistekst
from publicatie.basistekst import BasistekstBlocked, check_basistekst
from publicatie.models import Doorwerking
from tests.publicatie.conftest import BAD_TEXT, GOOD_TEXT

from .conftest import OUD_WAT_IS_HET, make_basistekst, national_editor

pytestmark = pytest.mark.django_db


def state_of(basistekst: Basistekst) -> dict:
    row = Basistekst.objects.get(pk=basistekst.pk)
    return {
        "live_revision": row.live_revision_id,
        "wat_is_het": row.wat_is_het,
        "doorwerkingen": Doorwerking.objects.count(),
    }


def test_the_published_national_texts_pass():
    assert check_basistekst(make_basistekst()).passed


def test_a_failing_version_is_not_published_from_code():
    basistekst = make_basistekst()
    before = state_of(basistekst)
    basistekst.wat_is_het = BAD_TEXT
    revision = basistekst.save_revision()
    with pytest.raises(BasistekstBlocked) as blocked:
        revision.publish()
    summary = str(blocked.value)
    assert summary.startswith(
        "De basistekst 'Paspoort aanvragen' is niet gepubliceerd:"
    )
    assert "Uw versie is bewaard als concept." in summary
    assert "Wat is het:" in summary
    assert "De linktekst “Klik hier” zegt niet waar de link heen gaat." in summary
    assert "'Indien' is ambtelijke taal." in summary
    rules = {f.rule for f in blocked.value.result.blocking}
    assert {"taal.niveau", "wcag.linktekst-nietszeggend"} <= rules
    # Nothing published, nothing sent to the gemeenten; the draft is kept.
    assert state_of(basistekst) == before
    basistekst.refresh_from_db()
    assert basistekst.latest_revision_id == revision.pk
    assert basistekst.get_latest_revision_as_object().wat_is_het == BAD_TEXT


def test_the_admin_shows_what_to_fix_and_keeps_the_draft(client):
    basistekst = make_basistekst()
    before = state_of(basistekst)
    client.force_login(national_editor())
    url = reverse("wagtailsnippets_contenthub_basistekst:edit", args=(basistekst.pk,))
    form = nested_form_data(
        {
            "titel": basistekst.titel,
            "upl_naam": "",
            "upl_uri": "",
            "kort_antwoord": basistekst.kort_antwoord,
            "wat_is_het": rich_text(BAD_TEXT),
            "voorwaarden": rich_text(basistekst.voorwaarden),
            "aanvragen": streamfield(
                [("stap", {"titel": "Maak een afspraak", "uitleg": rich_text("")})]
            ),
            "benodigdheden": streamfield([("item", "Een pasfoto")]),
            "bezwaar_en_beroep": rich_text(basistekst.bezwaar_en_beroep),
            "vragen": streamfield([]),
            "bron": "Rijksoverheid.nl",
            "action-publish": "action-publish",
        }
    )
    response = client.post(url, form)
    assert response.status_code == 302
    assert response.url == url
    message = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "De basistekst 'Paspoort aanvragen' is niet gepubliceerd" in message
    assert "Uw versie is bewaard als concept." in message
    assert "Wat is het" in message
    assert state_of(basistekst) == before
    assert "Indien u een paspoort" in (
        Basistekst.objects.get(pk=basistekst.pk)
        .get_latest_revision_as_object()
        .wat_is_het
    )

    # Fixed, it goes through.
    form["wat_is_het"] = rich_text(GOOD_TEXT)
    response = client.post(url, form)
    assert response.status_code == 302
    published = Basistekst.objects.get(pk=basistekst.pk)
    assert "U laat ermee zien wie u bent." in published.wat_is_het
    assert published.live_revision_id != before["live_revision"]


def test_scheduled_publication_of_a_failing_version_is_refused():
    basistekst = make_basistekst()
    basistekst.wat_is_het = BAD_TEXT
    revision = basistekst.save_revision(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    stderr = io.StringIO()
    call_command("publish_scheduled", stdout=io.StringIO(), stderr=stderr)
    assert "Niet gepubliceerd: Paspoort aanvragen" in stderr.getvalue()
    assert Basistekst.objects.get(pk=basistekst.pk).wat_is_het == OUD_WAT_IS_HET
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None

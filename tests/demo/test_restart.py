"""Starting the hub again never reverts what editors published.

``scripts/run`` migrates and calls ``load_demo`` on every start. The first
start fills an empty database with the demo; a later start must leave the
editors' publications alone: in the page, the stored renderings and the API.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Site

from contenthub.models import Basistekst, ProductPage
from renderers.models import ChannelRendering

pytestmark = pytest.mark.django_db

SCRIPTS_RUN = Path(__file__).resolve().parents[2] / "scripts" / "run"

EIGEN_KORT_ANTWOORD = (
    "U meldt dit online bij de gemeente. Wij reageren binnen 5 werkdagen."
)
NIEUW_LANDELIJK = (
    "U vraagt een paspoort aan bij de balie van uw gemeente. Na 5 werkdagen "
    "is het klaar. Neem een goede pasfoto mee."
)


def start_the_hub() -> str:
    """What ``scripts/run`` does to the database before it starts the server."""
    out = StringIO()
    call_command("migrate", interactive=False, verbosity=0, stdout=out)
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_scripts_run_starts_with_exactly_these_commands():
    script = SCRIPTS_RUN.read_text(encoding="utf-8")
    calls = [
        line.split("manage.py", 1)[1].split()
        for line in script.splitlines()
        if "manage.py" in line and not line.lstrip().startswith("#")
    ]
    assert [call[0] for call in calls[:2]] == ["migrate", "load_demo"]
    assert calls[1] == ["load_demo"]  # never --reset


def _shown_everywhere(page: ProductPage, text: str, client) -> dict[str, bool]:
    page.refresh_from_db()
    site = Site.objects.get(pk=page.get_site().pk)
    _site_id, _root, path = page.get_url_parts()
    html = client.get(path, HTTP_HOST=site.hostname).content.decode()
    renderings = ChannelRendering.objects.filter(page=page, content__contains=text)
    answer = client.post(
        "/graphql/",
        data=json.dumps(
            {"query": f'{{ product(slug: "{page.slug}") {{ kortAntwoord }} }}'}
        ),
        content_type="application/json",
        HTTP_HOST=site.hostname,
    ).json()
    return {
        "live version": page.kort_antwoord == text,
        "page": text in html,
        "renderings": renderings.filter(revision_id=page.live_revision_id).exists(),
        "api": answer["data"]["product"]["kortAntwoord"] == text,
    }


def test_a_second_start_keeps_the_editors_publications(client):
    first = start_the_hub()
    assert "Demo geladen:" in first

    editor = User.objects.create_superuser("redacteur", "r@example.org", "x" * 16)
    site = Site.objects.get(hostname="localhost")
    products = ProductPage.objects.live().descendant_of(site.root_page).specific()

    # An editor publishes a product's own kort antwoord ...
    own = products.filter(basistekst__isnull=True).order_by("path").first()
    own.kort_antwoord = EIGEN_KORT_ANTWOORD
    with TestCase.captureOnCommitCallbacks(execute=True):
        own.save_revision(user=editor).publish(user=editor)
    # ... and the national editor a new version of a basistekst, which works
    # through to every product that inherits it.
    basistekst = Basistekst.objects.get(upl_naam="paspoort", locale__language_code="nl")
    basistekst.kort_antwoord = NIEUW_LANDELIJK
    with TestCase.captureOnCommitCallbacks(execute=True):
        basistekst.save_revision(user=editor).publish(user=editor)
    inheriting = products.get(basistekst=basistekst)

    before = {
        own.pk: _shown_everywhere(own, EIGEN_KORT_ANTWOORD, client),
        inheriting.pk: _shown_everywhere(inheriting, NIEUW_LANDELIJK, client),
    }
    assert all(all(shown.values()) for shown in before.values()), before

    second = start_the_hub()

    basistekst.refresh_from_db()
    assert basistekst.kort_antwoord == NIEUW_LANDELIJK
    assert not basistekst.has_unpublished_changes
    after = {
        own.pk: _shown_everywhere(own, EIGEN_KORT_ANTWOORD, client),
        inheriting.pk: _shown_everywhere(inheriting, NIEUW_LANDELIJK, client),
    }
    assert after == before
    assert "niet geladen" in second, second
    assert "load_demo --reset" in second

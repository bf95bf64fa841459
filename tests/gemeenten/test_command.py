"""``manage.py gemeente_toevoegen`` and the demo accounts per gemeente."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from wagtail.models import Site, WorkflowPage

from contenthub.models import GemeenteInstellingen, HomePage
from gemeenten.models import GemeenteRollen
from gemeenten.services import sites_for_user

pytestmark = pytest.mark.django_db

X = [
    "--naam",
    "Gemeente X",
    "--hostname",
    "x.example",
    "--website",
    "https://www.x.example",
]


def run(*args: str) -> str:
    out = StringIO()
    call_command("gemeente_toevoegen", *args, stdout=out)
    return out.getvalue()


def test_it_creates_home_site_settings_groups_and_workflow(home):
    output = run(*X, "--postadres", "Postbus 1\n1234 AB X")
    site = Site.objects.get(hostname="x.example")
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live
    assert (site.root_page.title, site.root_page.slug) == ("Gemeente X", "x")
    assert not site.is_default_site
    instellingen = GemeenteInstellingen.for_site(site)
    assert (instellingen.naam, instellingen.website, instellingen.postadres) == (
        "Gemeente X",
        "https://www.x.example",
        "Postbus 1\n1234 AB X",
    )
    rollen = GemeenteRollen.objects.get(site=site)
    assert rollen.beheerders.name == "X: beheerders"
    workflow = WorkflowPage.objects.get(page=site.root_page).workflow
    assert workflow == rollen.workflow
    [task] = [task.specific for task in workflow.tasks]
    assert set(task.groups.values_list("name", flat=True)) == {
        "X: communicatieadviseurs",
        "X: beheerders",
    }
    assert output.splitlines()[:5] == [
        "'Gemeente X' toegevoegd op x.example.",
        "Groepen:",
        "  X: contentmanagers",
        "  X: communicatieadviseurs",
        "  X: beheerders",
    ]


def test_a_second_run_changes_nothing_and_says_so(home):
    run(*X)
    counts = (
        Site.objects.count(),
        HomePage.objects.count(),
        GemeenteRollen.objects.count(),
    )
    output = run(*X)
    assert (
        output.splitlines()[0] == "Gemeente op x.example bestond al; niets gewijzigd."
    )
    assert (
        Site.objects.count(),
        HomePage.objects.count(),
        GemeenteRollen.objects.count(),
    ) == counts
    changed = run(*X[:-1], "https://x.example")
    assert (
        changed.splitlines()[0]
        == "Gemeente op x.example bestond al; bijgewerkt: website."
    )
    assert GemeenteInstellingen.for_site(
        Site.objects.get(hostname="x.example")
    ).website == ("https://x.example")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [
                "--naam",
                "Gemeente Y",
                "--hostname",
                "x.example",
                "--website",
                "https://y.example",
            ],
            "De hostnaam x.example hoort al bij gemeente 'Gemeente X'. Kies een andere hostnaam.",
        ),
        (
            [
                "--naam",
                "gemeente x",
                "--hostname",
                "y.example",
                "--website",
                "https://y.example",
            ],
            "Er is al een gemeente 'Gemeente X' (hostnaam x.example). Kies een andere naam, "
            "bijvoorbeeld met de provincie erbij.",
        ),
        (
            [
                "--naam",
                "Gemeente Y",
                "--hostname",
                "https://y.example",
                "--website",
                "https://y.example",
            ],
            "'https://y.example' is geen hostnaam. Geef alleen de naam, zonder https:// en "
            "zonder pad of poort, bijvoorbeeld pdc.voorbeeldstad.nl.",
        ),
        (
            [
                "--naam",
                "Gemeente Y",
                "--hostname",
                "y_y.example",
                "--website",
                "https://y.example",
            ],
            "'y_y.example' is geen geldige hostnaam. Gebruik letters, cijfers, streepjes en "
            "punten, bijvoorbeeld pdc.voorbeeldstad.nl.",
        ),
        (
            [
                "--naam",
                "Gemeente Y",
                "--hostname",
                "y.example",
                "--website",
                "www.y.example",
            ],
            "'www.y.example' is geen geldig webadres. Geef het volledige adres, bijvoorbeeld "
            "https://www.voorbeeldstad.nl.",
        ),
        (
            [
                "--naam",
                " ",
                "--hostname",
                "y.example",
                "--website",
                "https://y.example",
            ],
            "Vul de naam van de gemeente in.",
        ),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(home, args, message):
    run(*X)
    before = (
        Site.objects.count(),
        HomePage.objects.count(),
        GemeenteRollen.objects.count(),
    )
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert str(caught.value) == message
    assert (
        Site.objects.count(),
        HomePage.objects.count(),
        GemeenteRollen.objects.count(),
    ) == before


def test_demo_login_makes_accounts_per_gemeente(testdorp, anderdorp):
    out = StringIO()
    call_command("demo_login", stdout=out)
    lines = out.getvalue()
    assert "Alleen voor Anderdorp:" in lines
    for username, site in (
        ("contentmanager-anderdorp", anderdorp.site),
        ("communicatieadviseur-testdorp", testdorp.site),
        ("beheerder-testdorp", testdorp.site),
    ):
        user = User.objects.get(username=username)
        assert not user.is_superuser
        assert [s.pk for s in sites_for_user(user)] == [site.pk]
    # The hub-wide accounts stay as they were.
    assert User.objects.get(username="beheerder").is_superuser
    assert {
        s.pk for s in sites_for_user(User.objects.get(username="contentmanager"))
    } == {
        testdorp.site.pk,
        anderdorp.site.pk,
    }

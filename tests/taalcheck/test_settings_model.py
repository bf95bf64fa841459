"""TaalcheckInstellingen: the beheerder's thresholds and glossary, and the rights."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError

from taalcheck import DEFAULT_SETTINGS, check
from taalcheck.models import TaalcheckInstellingen, get_settings

pytestmark = pytest.mark.django_db


def test_the_defaults_are_the_defaults_of_the_core():
    assert get_settings() == DEFAULT_SETTINGS


def test_a_term_added_to_the_glossary_is_no_longer_flagged():
    text = "Vraag een apostille aan bij de balie."
    assert any(
        f.rule == "taal.moeilijk-woord"
        for f in check(text, settings=get_settings()).findings
    )

    instellingen = TaalcheckInstellingen.load()
    instellingen.woordenlijst += "\napostille"
    instellingen.save()

    settings = get_settings()
    assert "apostille" in settings.woordenlijst
    assert not any(
        f.rule == "taal.moeilijk-woord" for f in check(text, settings=settings).findings
    )


def test_thresholds_from_the_admin_reach_the_checker():
    instellingen = TaalcheckInstellingen.load()
    instellingen.zin_waarschuwing = 5
    instellingen.zin_fout = 8
    instellingen.save()
    report = check(
        "U krijgt binnen acht weken een besluit van ons.", settings=get_settings()
    )
    assert any(f.rule == "taal.lange-zin" and f.blocks for f in report.findings)


def test_switched_off_rules_must_exist():
    instellingen = TaalcheckInstellingen.load()
    instellingen.uitgeschakelde_regels = "taal.bijzin-vooraan\ntaal.bestaat-niet"
    with pytest.raises(ValidationError) as error:
        instellingen.full_clean()
    assert "taal.bestaat-niet" in str(error.value)


def test_the_warning_limit_must_be_below_the_error_limit():
    instellingen = TaalcheckInstellingen.load()
    instellingen.zin_waarschuwing = 30
    instellingen.zin_fout = 25
    with pytest.raises(ValidationError):
        instellingen.full_clean()


def test_settings_are_cached_per_request(rf, django_assert_num_queries):
    request = rf.get("/")
    get_settings(request)
    with django_assert_num_queries(0):
        get_settings(request)


@pytest.mark.parametrize(
    ("group", "use", "change"),
    [
        ("Contentmanagers", False, False),
        ("Communicatieadviseurs", True, False),
        ("Beheerders", True, True),
    ],
)
def test_the_migration_gives_the_rights_per_role(group, use, change):
    permissions = set(
        Group.objects.get(name=group).permissions.values_list("codename", flat=True)
    )
    assert ("use_taalcheck" in permissions) is use
    assert ("change_taalcheckinstellingen" in permissions) is change


def test_the_custom_permission_has_a_dutch_name():
    permission = Permission.objects.get(codename="use_taalcheck")
    assert permission.name == "Mag de taalcheck gebruiken"
    assert permission.content_type.app_label == "taalcheck"

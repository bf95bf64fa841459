"""The rule registry: explicit registration, loud failures, no shared state in tests."""

from __future__ import annotations

import pytest

from contenthub.findings import Finding, Severity
from taalcheck import check
from taalcheck.registry import RuleRegistry, registry


def test_every_rule_of_the_issue_is_registered():
    assert set(registry.ids()) >= {
        "taal.lange-zin",
        "taal.gemiddelde-zinslengte",
        "taal.lijdende-vorm",
        "taal.ambtelijk-woord",
        "taal.moeilijk-woord",
        "taal.lang-woord",
        "taal.naamwoordstijl",
        "taal.afkorting",
        "taal.bijzin-vooraan",
        "taal.aanspreekvorm",
        "taal.niveau",
    }


def test_every_rule_names_its_source_in_its_docstring():
    import sys

    for rule in registry:
        module = sys.modules[type(rule).__module__]
        assert "Source" in (module.__doc__ or ""), rule.id
        assert type(rule).__doc__, rule.id


def test_a_duplicate_id_is_refused():
    rules = RuleRegistry()

    @rules.register
    class Een:
        id = "test.een"
        naam = "Een"

        def check(self, context):
            return []

    with pytest.raises(ValueError, match="al een regel"):

        @rules.register
        class Twee(Een):
            pass


def test_a_rule_without_id_is_refused():
    rules = RuleRegistry()
    with pytest.raises(TypeError, match="id"):

        @rules.register
        class Zonder:
            def check(self, context):
                return []


def test_a_rule_that_returns_no_list_fails_loudly():
    rules = RuleRegistry()

    @rules.register
    class Kapot:
        id = "test.kapot"
        naam = "Kapot"

        def check(self, context):
            return None

    with pytest.raises(TypeError, match=r"test\.kapot"):
        check("Een zin.", rules=rules)


def test_check_runs_the_rules_of_a_fresh_registry_only():
    rules = RuleRegistry()

    @rules.register
    class Altijd:
        id = "test.altijd"
        naam = "Altijd"

        def check(self, context):
            return [
                Finding(
                    rule=self.id, severity=Severity.TIP, message="m", suggestion="s"
                )
            ]

    report = check("Betaal middels uw pinpas.", rules=rules)
    assert [f.rule for f in report.findings] == ["test.altijd"]
    assert "test.altijd" not in registry

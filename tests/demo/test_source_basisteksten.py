"""The demo's basisteksten files: what is wrong with one is said, per file."""

from __future__ import annotations

import pytest

from demo import source
from demo.source import DemoDataError


def test_the_demo_files_read_without_problems():
    teksten = source.read_basisteksten()
    vertalingen = source.read_basistekst_vertalingen(teksten)
    assert "paspoort" in teksten
    assert set(vertalingen["en"]) <= set(teksten)


def test_a_translation_file_with_problems_names_each_one(tmp_path, monkeypatch):
    (tmp_path / "basisteksten.en.toml").write_text(
        "[[basistekst]]\n"
        'slug = "paspoort"\n'
        'titel = "Apply for a passport"\n'
        'kort_antwoord = "You apply at the desk."\n'
        'kosten = "€ 10"\n'
        "[[basistekst]]\n"
        'slug = "paspoort"\n'
        'titel = "Apply for a passport"\n'
        'kort_antwoord = "Again."\n'
        "[[basistekst]]\n"
        'slug = "vissen"\n'
        'titel = "Fishing"\n'
        'kort_antwoord = "No such text."\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(source, "DEMO_DIR", tmp_path)
    with pytest.raises(DemoDataError) as caught:
        source.read_basistekst_vertalingen(source.read_basisteksten())
    problems = caught.value.problems
    assert any(
        p.startswith("basisteksten.en.toml: paspoort: onbekende velden kosten.")
        for p in problems
    )
    assert "basisteksten.en.toml: paspoort: slug of titel komt twee keer voor." in (
        problems
    )
    assert (
        "basisteksten.en.toml: vissen: de basistekst 'vissen' bestaat niet in "
        "basisteksten.toml." in problems
    )

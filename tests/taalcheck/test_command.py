"""manage.py taalcheck: files, stdin, products, the catalogue; exit codes 0/1/2."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

PLAIN = "Maak online een afspraak. Neem uw oude paspoort mee."
HARD = (
    "Indien u een paspoort wenst aan te vragen, dient u middels het daartoe "
    "bestemde formulier een afspraak te maken."
)


def run(*args, stdin: str | None = None):
    out, err = StringIO(), StringIO()
    kwargs = {"stdout": out, "stderr": err}
    if stdin is not None:
        kwargs["stdin"] = StringIO(stdin)
    code = 0
    try:
        call_command("taalcheck", *args, **kwargs)
    except SystemExit as exit_:
        code = exit_.code
    except CommandError as error:
        code = error.returncode
        err.write(str(error))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def text_file(tmp_path):
    def write(text: str, name: str = "tekst.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


@pytest.mark.django_db
def test_a_passing_file_exits_0(text_file):
    code, out, _err = run(text_file(PLAIN))
    assert code == 0
    assert "Taalniveau B1: gehaald" in out


@pytest.mark.django_db
def test_a_failing_file_exits_1_and_lists_the_findings(text_file):
    code, out, _err = run(text_file(HARD))
    assert code == 1
    assert "NIET gehaald" in out
    assert "taal.ambtelijk-woord" in out
    assert "'Indien'" in out


@pytest.mark.django_db
def test_html_files_are_checked_per_block(text_file):
    code, out, _err = run(
        text_file(f"<p>{PLAIN}</p><ul><li>Betaal middels pin.</li></ul>", "t.html")
    )
    assert code == 1
    assert "blok 2" in out


@pytest.mark.django_db
def test_stdin_is_read_with_a_dash():
    code, out, _err = run("-", stdin=PLAIN)
    assert code == 0
    assert "9 woorden" in out


@pytest.mark.django_db
def test_json_output_is_the_report(text_file):
    code, out, _err = run(text_file(HARD), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["geslaagd"] is False
    assert data["gevraagd_niveau"] == "B1"
    found = [f for f in data["bevindingen"] if f["regel"] == "taal.ambtelijk-woord"]
    assert found
    assert {"ernst", "melding", "suggestie", "vindplaats"} <= found[0].keys()
    assert "begin" in found[0]["vindplaats"]


@pytest.mark.django_db
def test_the_english_json_keys_stay_available_for_existing_scripts(text_file):
    code, out, _err = run(text_file(HARD), "--json", "--json-sleutels", "en")
    assert code == 1
    data = json.loads(out)
    assert data["passes"] is False
    assert any(f["rule"] == "taal.ambtelijk-woord" for f in data["findings"])


@pytest.mark.django_db
def test_the_level_is_an_option(text_file):
    sentence = " ".join(["woord"] * 22) + "."
    assert run(text_file(sentence), "--niveau", "C1")[0] == 0
    assert run(text_file(sentence), "--niveau", "A2")[0] == 1


@pytest.mark.django_db
def test_a_missing_file_exits_2(tmp_path):
    code, _out, err = run(str(tmp_path / "bestaat-niet.txt"))
    assert code == 2
    assert "bestaat niet" in err


@pytest.mark.django_db
def test_a_binary_file_exits_2(tmp_path):
    path = tmp_path / "plaatje.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    code, _out, err = run(str(path))
    assert code == 2
    assert "geen tekst" in err


@pytest.mark.django_db
def test_a_file_over_the_size_limit_exits_2(text_file):
    from taalcheck.models import TaalcheckInstellingen

    instellingen = TaalcheckInstellingen.load()
    instellingen.max_invoer_kb = 1
    instellingen.save()
    code, _out, err = run(text_file("woord " * 400))
    assert code == 2
    assert "te groot" in err


def test_no_input_exits_2():
    code, _out, err = run()
    assert code == 2
    assert "precies één invoer" in err


@pytest.fixture
def demo(demo_site, db):
    """The demo catalogue, loaded once for this module (see tests/conftest.py)."""


def test_one_demo_product_passes(demo):
    code, out, _err = run("--product", "paspoort")
    assert code == 0
    assert "[kort_antwoord]" in out
    assert "[aanvragen]" in out


def test_one_demo_product_as_json(demo):
    code, out, _err = run("--product", "paspoort", "--json")
    assert code == 0
    data = json.loads(out)
    (product,) = data["producten"]
    assert product["slug"] == "paspoort"
    assert product["geslaagd"] is True
    assert "wat_is_het" in product["velden"]


def test_an_unknown_product_exits_2(demo):
    code, _out, err = run("--product", "bestaat-niet")
    assert code == 2
    assert "bestaat-niet" in err


def test_a_product_whose_draft_got_too_hard_exits_1(demo):
    from contenthub.models import ProductPage

    page = ProductPage.objects.get(slug="paspoort", locale__language_code="nl")
    # The paspoort inherits its kort antwoord: the editor writes an own one.
    page.eigen_kort_antwoord = True
    page.kort_antwoord = HARD
    page.save_revision()  # a draft: the command checks the latest version
    code, out, _err = run("--product", "paspoort")
    assert code == 1
    assert "taal.ambtelijk-woord" in out


def test_the_whole_catalogue_passes_with_a_summary_table(demo):
    code, out, err = run("--all")
    assert code == 0
    assert "haalt B1" in out
    assert "50 producten, 50 halen taalniveau B1, 0 niet." in out
    assert "Taalcheck" in err  # the progress bar


def test_the_whole_catalogue_as_json(demo):
    code, out, _err = run("--all", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["geslaagd"] is True
    assert len(data["producten"]) == 50

"""``manage.py wcagcheck``: exit status 0/1/2, --json, --page, stdin and --all."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
CLEAN = (
    '<p>U vraagt een paspoort aan bij de balie.</p><img src="balie.jpg" alt="De balie">'
)
BROKEN = '<p>Voor een afspraak <a href="/afspraak">klik hier</a>.</p>\n<img src="IMG_0042.jpg">'
PAGE = (
    '<!DOCTYPE html><html lang="nl"><head><title>Paspoort</title>'
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
    "<body><main><h1>Paspoort</h1><p>Tekst.</p></main></body></html>"
)


def run(*args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str]:
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    try:
        call_command("wcagcheck", *args, stdout=out, stderr=io.StringIO())
    except SystemExit as exit_:
        return int(exit_.code), out.getvalue()
    except CommandError as error:
        return error.returncode, str(error)
    return 0, out.getvalue()


@pytest.fixture
def write(tmp_path):
    def write(html: str | bytes, name: str = "pagina.html") -> str:
        path = tmp_path / name
        path.write_bytes(html.encode() if isinstance(html, str) else html)
        return str(path)

    return write


def test_clean_file_exits_0(write):
    status, output = run(write(CLEAN))
    assert status == 0
    assert "Geen bevindingen" in output


def test_findings_exit_1_with_line_rule_and_fix(write):
    status, output = run(write(BROKEN))
    assert status == 1
    assert "regel 1  fout  2.4.4, 2.4.9 (A)  wcag.linktekst-nietszeggend" in output
    assert "regel 2  fout  1.1.1 (A)  wcag.alt-ontbreekt" in output
    assert "Oplossing:" in output
    assert "1.1.1  Niet-tekstuele content (A): 1 fout, 0 waarschuwing" in output


def test_json_output_has_dutch_keys(write):
    status, output = run(write(BROKEN), "--json")
    assert status == 1
    data = json.loads(output)
    assert data["blokkeert"] is True
    assert data["als_fragment"] is True
    assert [f["regel"] for f in data["bevindingen"]] == [
        "wcag.linktekst-nietszeggend",
        "wcag.alt-ontbreekt",
    ]
    finding = data["bevindingen"][1]
    assert finding["succescriteria"] == ["1.1.1"]
    assert finding["wcag_niveau"] == "A"
    assert finding["ernst"] == "fout"
    assert finding["vindplaats"]["css_pad"] == "img"
    assert finding["vindplaats"]["regelnummer"] == 2
    assert finding["fragment"].startswith("<img")
    assert isinstance(data["geslaagde_regels"], list)
    rows = {row["succescriterium"]: row for row in data["samenvatting"]}
    assert rows["1.1.1"]["bevindingen"] == 1
    assert rows["1.1.1"]["blokkerend"] == 1
    assert isinstance(rows["1.1.1"]["geslaagd"], int)


def test_json_keys_in_english_for_existing_scripts(write):
    status, output = run(write(BROKEN), "--json", "--json-sleutels", "en")
    assert status == 1
    data = json.loads(output)
    assert data["blocks"] is True
    assert [f["rule"] for f in data["findings"]] == [
        "wcag.linktekst-nietszeggend",
        "wcag.alt-ontbreekt",
    ]
    finding = data["findings"][1]
    assert finding["criteria"] == ["1.1.1"]
    assert finding["location"]["css_path"] == "img"
    assert {row["criterion"] for row in data["summary"]} >= {"1.1.1", "2.4.4"}


def test_page_adds_the_page_rules(write):
    path = write("<p>Geen pagina</p>")
    assert run(path)[0] == 0
    status, output = run(path, "--page", "--json")
    assert status == 1
    assert {f["regel"] for f in json.loads(output)["bevindingen"]} == {
        "wcag.taal-pagina",
        "wcag.paginatitel",
        "wcag.hoofdlandmark",
    }
    assert run(write(PAGE, "goed.html"), "--page")[0] == 0


def test_stdin(monkeypatch):
    assert run("-", stdin=BROKEN, monkeypatch=monkeypatch)[0] == 1
    assert run("-", stdin=CLEAN, monkeypatch=monkeypatch)[0] == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda write: "/bestaat/niet.html", "Kan /bestaat/niet.html niet lezen"),
        (lambda write: str(Path(write("x")).parent), "niet lezen"),
        (lambda write: write(b"\xff\xfe<p>latin</p>"), "geen geldige UTF-8"),
        (lambda write: write("<div>" * 10_000), "te diep genest"),
    ],
    ids=["missing file", "directory", "not utf-8", "too deep"],
)
def test_bad_input_exits_2(write, make, message):
    status, output = run(make(write))
    assert status == 2
    assert message in output


def test_too_large_exits_2(write):
    status, output = run(write("<p>" + "x" * 5000 + "</p>"), "--max-bytes", "1000")
    assert status == 2
    assert "te groot" in output


def test_file_and_all_together_or_neither_exits_2(write):
    assert run()[0] == 2
    assert run(write(CLEAN), "--all")[0] == 2


def test_real_process_exit_codes(write):
    """The exit status a shell or CI sees, not only what call_command raises."""
    env = {
        "DJANGO_SETTINGS_MODULE": "contenthub.settings.test",
        "PATH": "/usr/bin:/bin",
    }

    def status(*args: str) -> int:
        return subprocess.run(
            [sys.executable, "manage.py", "wcagcheck", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=False,
        ).returncode

    assert status(write(CLEAN)) == 0
    assert status(write(BROKEN, "fout.html")) == 1
    assert status("/bestaat/niet.html") == 2
    assert status("--onbekende-optie") == 2


@pytest.mark.django_db
def test_all_checks_the_web_rendering_of_every_live_product(product, make_product):
    make_product(slug="rijbewijs", title="Rijbewijs")
    status, output = run("--all", "--json")
    data = json.loads(output)
    assert len(data["producten"]) == 2
    assert {p["titel"] for p in data["producten"]} == {product.title, "Rijbewijs"}
    assert all(p["foutmelding"] == "" for p in data["producten"])
    assert {row["succescriterium"] for row in data["samenvatting"]} >= {
        "1.1.1",
        "2.4.2",
        "3.1.1",
    }
    assert status == (1 if any(p["bevindingen"] for p in data["producten"]) else 0)


@pytest.mark.django_db
def test_all_reports_findings_per_product_and_exits_1(product, monkeypatch):
    import renderers
    from renderers.base import Rendering

    monkeypatch.setattr(
        renderers,
        "render",
        lambda page, channel, **context: Rendering(
            channel, "text/html", f"<p>{page.title}</p>"
        ),
    )
    status, output = run("--all")
    assert status == 1
    assert product.title in output
    assert "wcag.taal-pagina" in output
    assert "3.1.1  Taal van de pagina (A): 1 fout" in output
    assert "1 producten gecontroleerd." in output


@pytest.mark.django_db
def test_all_without_a_web_channel_exits_2(monkeypatch):
    import renderers

    monkeypatch.setattr(renderers, "CHANNELS", ("tweet",))
    status, output = run("--all")
    assert status == 2
    assert "webweergave" in output

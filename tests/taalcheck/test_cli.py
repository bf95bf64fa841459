"""The ``taalcheck`` console script: files or standard input, no Django."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "taalcheck.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_standard_input_with_an_ambtelijk_word_fails_with_exit_1():
    result = run(stdin="Indien u vragen heeft, belt u ons.")
    assert result.returncode == 1
    assert "Schrijf 'als' in plaats van 'Indien'." in result.stdout


def test_a_plain_file_passes_with_exit_0(tmp_path):
    path = tmp_path / "tekst.txt"
    path.write_text("Heeft u vragen? Bel ons.", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 0
    assert "Taalniveau B1: gehaald." in result.stdout


def test_json_output_and_a_missing_file_is_exit_2(tmp_path):
    result = run("--json", "-", stdin="Kom langs.")
    data = json.loads(result.stdout)
    assert data["geslaagd"] is True
    assert data["metingen"]["woorden"] == 2
    english = json.loads(
        run("--json", "--json-sleutels", "en", "-", stdin="Kom langs.").stdout
    )
    assert english["passes"] is True
    assert english["metrics"]["words"] == 2
    missing = run(str(tmp_path / "weg.txt"))
    assert missing.returncode == 2
    assert "bestaat niet" in missing.stderr


def test_the_console_script_does_not_set_up_django_and_starts_fast():
    code = (
        "import sys, time; t = time.process_time(); "
        "from taalcheck.cli import main; "
        "import io; sys.stdin = io.StringIO('Kom langs.'); main([]); "
        "print(round(time.process_time() - t, 3)); "
        "print('django.setup' if 'django.apps' in sys.modules and "
        "__import__('django.apps').apps.apps.ready else 'geen django')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=600,  # a hang guard only; the bound is the CPU time below
    )
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "geen django"
    # Import plus the first check, CPU time (wall time on a shared machine
    # varies); measured figures are in taalcheck/README.md.
    assert float(lines[-2]) < 1.0, lines

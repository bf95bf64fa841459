"""A database made before the layers moved migrates without losing anything.

``data/voor-lagen.sqlite3.gz`` was made at commit 389fb6a (before issue 13):
``migrate`` and ``load_demo --gemeente voorbeeldstad``. ``voor-lagen.digest.json``
is what ``migration_digest.py`` printed for it with that commit's code. After
``migrate`` with today's code the digest must be the same: every product,
revision, stored rendering, basistekst, gemeente role and verdict.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def _run(args: list[str], database: Path) -> subprocess.CompletedProcess:
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "contenthub.settings.test",
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory) -> Path:
    database = tmp_path_factory.mktemp("lagen") / "voor-lagen.sqlite3"
    packed_path = HERE / "data" / "voor-lagen.sqlite3.gz"
    with gzip.open(packed_path) as packed, database.open("wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    result = _run(["manage.py", "migrate", "--noinput"], database)
    assert result.returncode == 0, result.stderr
    return database


def test_migrating_an_old_database_keeps_every_product_revision_and_rendering(
    migrated_database,
):
    result = _run([str(HERE / "migration_digest.py")], migrated_database)
    assert result.returncode == 0, result.stderr
    before = json.loads((HERE / "data" / "voor-lagen.digest.json").read_text())
    after = json.loads(result.stdout)
    assert len(after["products"]) == 50
    assert len(after["renderings"]) == 450
    assert after == before


def test_the_roles_model_now_belongs_to_the_gemeenten_app(migrated_database):
    result = _run(
        [
            "manage.py",
            "shell",
            "-c",
            "from django.contrib.contenttypes.models import ContentType as C;"
            "print(sorted(C.objects.filter(model='gemeenterollen')"
            ".values_list('app_label', flat=True)))",
        ],
        migrated_database,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "['gemeenten']"

"""Production settings fail loudly instead of running with a weak default."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_django(command: list[str], **environment: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "REDIS_URL",
            "WEB_CONCURRENCY",
        }
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_without_secret_key_stops_with_a_clear_message():
    result = run_django(
        ["check"],
        DJANGO_SETTINGS_MODULE="contenthub.settings.production",
        ALLOWED_HOSTS="hub.voorbeeldstad.example",
    )
    assert result.returncode != 0
    assert "De omgevingsvariabele SECRET_KEY ontbreekt." in result.stderr


def test_production_without_allowed_hosts_stops_with_a_clear_message():
    result = run_django(
        ["check"],
        DJANGO_SETTINGS_MODULE="contenthub.settings.production",
        SECRET_KEY="x" * 60,
    )
    assert result.returncode != 0
    assert "De omgevingsvariabele ALLOWED_HOSTS ontbreekt." in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="contenthub.settings.production",
        SECRET_KEY="a-long-random-value-" + "q8Zr" * 15,
        ALLOWED_HOSTS="hub.voorbeeldstad.example",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_wrong_boolean_in_the_environment_is_named():
    result = run_django(["check"], DEBUG="misschien")
    assert result.returncode != 0
    assert "DEBUG moet true of false zijn, niet 'misschien'." in result.stderr


def test_redis_url_switches_the_cache_to_redis():
    code = (
        "import django, os; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "contenthub.settings.dev",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
    }
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "contenthub.settings.production",
    "ALLOWED_HOSTS": "hub.voorbeeldstad.example",
}
LONG_KEY = "a-long-random-value-" + "q8Zr" * 15


def test_a_short_secret_key_stops_production_with_a_message():
    result = run_django(
        ["check"], **PRODUCTION, SECRET_KEY="kort-maar-geheim-" + "x" * 30
    )
    assert result.returncode != 0
    assert "SECRET_KEY is te kort (47 tekens); gebruik er minstens 50" in result.stderr


def test_without_redis_production_says_the_rate_limit_is_per_process():
    result = run_django(["check"], **PRODUCTION, SECRET_KEY=LONG_KEY)
    assert result.returncode == 0, result.stderr
    assert "REDIS_URL is niet gezet" in result.stderr
    assert "gelden per proces" in result.stderr


def test_more_than_one_worker_without_redis_stops_production():
    result = run_django(
        ["check"], **PRODUCTION, SECRET_KEY=LONG_KEY, WEB_CONCURRENCY="4"
    )
    assert result.returncode != 0
    assert (
        "WEB_CONCURRENCY=4: met meer dan één worker is REDIS_URL verplicht"
        in result.stderr
    )


def test_more_than_one_worker_with_redis_passes_the_deploy_check():
    result = run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        **PRODUCTION,
        SECRET_KEY=LONG_KEY,
        WEB_CONCURRENCY="4",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert result.returncode == 0, result.stderr
    assert "REDIS_URL is niet gezet" not in result.stderr


def test_production_switches_the_content_security_policy_on():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CONTENTHUB_CSP, settings.AXES_FAILURE_LIMIT)"
    )
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(PRODUCTION, SECRET_KEY=LONG_KEY)
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["True", "5"]

"""Settings per environment: production takes everything from the environment and refuses to start bare."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(__file__).resolve().parent.parent
SHOW = (
    "import django, json; from django.conf import settings as s; django.setup(); "
    "print(json.dumps({'db': s.DATABASES['default'], 'hosts': s.ALLOWED_HOSTS, 'cache': s.CACHES['default'], "
    "'static': s.STORAGES['staticfiles']['BACKEND'], 'media': str(s.MEDIA_ROOT), 'debug': s.DEBUG, "
    "'email': [s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER], 'base_url': s.WAGTAILADMIN_BASE_URL, "
    "'lang': s.LANGUAGE_CODE, 'tz': s.TIME_ZONE}, default=str))"
)
CLEAN = {
    key: value
    for key, value in os.environ.items()
    if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
}


def run_with(module, **env):
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": module, **env},
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with("config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "ImproperlyConfigured" in result.stderr


def test_production_reads_everything_from_the_environment(tmp_path):
    result = run_with(
        "config.settings.production",
        SECRET_KEY="k" * 50,
        DATABASE_URL="postgres://portal:pw@db.internal:5432/portal",
        ALLOWED_HOSTS="congthongtin.example.gov.vn,www.congthongtin.example.gov.vn",
        REDIS_URL="redis://cache.internal:6379/1",
        MEDIA_ROOT=str(tmp_path / "media"),
        EMAIL_HOST="smtp.example.gov.vn",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="cong",
        WAGTAILADMIN_BASE_URL="https://congthongtin.example.gov.vn",
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["debug"] is False
    assert shown["db"]["ENGINE"] == "django.db.backends.postgresql" and shown["db"]["HOST"] == "db.internal"
    assert shown["db"]["CONN_MAX_AGE"] == 60 and shown["db"]["CONN_HEALTH_CHECKS"] is True
    assert shown["hosts"] == ["congthongtin.example.gov.vn", "www.congthongtin.example.gov.vn"]
    assert shown["cache"]["BACKEND"] == "operations.cache.ResilientRedisCache"
    assert shown["cache"]["LOCATION"] == "redis://cache.internal:6379/1"
    assert shown["media"] == str(tmp_path / "media")
    assert shown["email"] == ["smtp.example.gov.vn", 587, "cong"]
    assert shown["base_url"] == "https://congthongtin.example.gov.vn"
    assert shown["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_production_connections_can_be_left_to_pgbouncer():
    result = run_with(
        "config.settings.production",
        SECRET_KEY="k" * 50,
        DATABASE_URL="postgres://portal:pw@db.internal:5432/portal",
        DATABASE_CONN_MAX_AGE="0",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["db"]["CONN_MAX_AGE"] == 0


def test_dev_defaults_to_sqlite_under_var_in_vietnamese():
    result = run_with("config.settings.dev")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["db"]["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(shown["db"]["NAME"]) == REPO / "var" / "db.sqlite3"
    assert (shown["lang"], shown["tz"]) == ("vi", "Asia/Ho_Chi_Minh")


def test_var_directory_is_ignored_by_git():
    ignored = subprocess.run(["git", "check-ignore", "-q", "var/db.sqlite3"], cwd=REPO)
    assert ignored.returncode == 0


def test_swappable_models_are_the_portal_ones():
    assert settings.AUTH_USER_MODEL == "users.User"
    assert settings.WAGTAILDOCS_DOCUMENT_MODEL == "documents.PortalDocument"


def test_collectstatic_writes_compressed_hashed_files(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            **CLEAN,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "k" * 50,
            "STATIC_ROOT": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/portal.css"]
    assert hashed != "css/portal.css" and (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists()


def test_redis_cache_round_trip():
    """The production cache against the real Redis that CI provides (REDIS_URL)."""
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("REDIS_URL is not set in CI")
        pytest.skip("REDIS_URL is not set: no Redis to test against")
    from operations.cache import ResilientRedisCache

    options = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}
    cache = ResilientRedisCache(url, {"KEY_PREFIX": "portal-test", "OPTIONS": options})
    cache.set("trang-chu", "Cổng thông tin", 30)
    assert cache.get("trang-chu") == "Cổng thông tin"
    assert cache.get_many(["trang-chu", "khong-co"]) == {"trang-chu": "Cổng thông tin"}
    assert cache.add("khoa", 1, 30) and cache.incr("khoa") == 2
    cache.delete_many(["trang-chu", "khoa"])
    assert cache.get("trang-chu") is None

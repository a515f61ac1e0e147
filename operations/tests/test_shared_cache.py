"""The embedded default's cache is shared by every process (config/settings/base.py CACHES): a change made
by another process (a shell, a cron job, an import) shows on the next request, even on a page-cached page."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connection

from news.tests.factories import ArticlePageFactory, SectionPageFactory
from operations.cache import ResilientFileBasedCache

REPO = Path(__file__).resolve().parents[2]


def test_the_default_without_redis_is_a_file_cache_under_var():
    """Not the test settings (local memory, cleared per test) but what `make run` and every command use."""
    result = subprocess.run(
        [sys.executable, "-c", "from config.settings import dev; print(dev.CACHES['default'])"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "CACHE_DIR"}},
    )
    assert result.returncode == 0, result.stderr
    assert "operations.cache.ResilientFileBasedCache" in result.stdout
    assert str(Path(django_settings.BASE_DIR) / "var" / "cache") in result.stdout


def file_cache(location):
    return {
        "default": {
            "BACKEND": "operations.cache.ResilientFileBasedCache",
            "LOCATION": str(location),
            "KEY_PREFIX": "portal",
        }
    }


def test_two_clients_on_the_same_location_see_each_others_writes(settings, tmp_path):
    settings.CACHES = file_cache(tmp_path)
    other_process = ResilientFileBasedCache(str(tmp_path), {"KEY_PREFIX": "portal"})

    other_process.set("portal:content-generation", "from-elsewhere", None)

    assert caches["default"].get("portal:content-generation") == "from-elsewhere"


def database_url():
    """The test database, for a subprocess using the dev settings."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{host}/{db['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unpublish_in_another_process_shows_on_the_next_request(client, settings, tmp_path, home_page):
    settings.CACHES = file_cache(tmp_path)
    settings.PAGE_CACHE_SECONDS = 600
    news = SectionPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    article = ArticlePageFactory(parent=news, title="Khai mạc hội chợ thương mại")
    assert client.get(article.url).status_code == 200
    assert client.get(article.url)["X-Cache"] == "HIT"

    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            f"from wagtail.models import Page; Page.objects.get(pk={article.pk}).specific.unpublish()",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        env={
            **{key: value for key, value in os.environ.items() if key != "REDIS_URL"},
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": database_url(),
            "CACHE_DIR": str(tmp_path),
            "CACHE_KEY_PREFIX": "portal",
        },
    )
    assert result.returncode == 0, result.stderr

    assert client.get(article.url).status_code == 404

"""Test settings: fast hashing, plain static storage, mail kept in memory, throwaway media."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Real files (Wagtail serves documents from a filesystem path), in a directory of this run only.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
STATIC_ROOT = MEDIA_ROOT / "static"  # whitenoise wants it to exist; tests serve through the finders
STATIC_ROOT.mkdir()
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Django's test set-up puts locmem in EMAIL_BACKEND (conftest.py puts the outbox back); the outbox
# (operations/mail.py) delivers to locmem.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so that a test reading a page twice sees its own changes; operations/tests/test_page_cache.py
# switches it on.
PAGE_CACHE_SECONDS = 0
SERVE_MEDIA = True
WAGTAILADMIN_BASE_URL = "http://testserver"

# A file, not SQLite's shared in-memory database: the browser tests' live server thread then uses its own
# connection, and the serialized snapshot that restores data after a transactional test stays in place.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per run, so that parallel runs (CI, a developer) never share a test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-private-"))
# Tests sign in with force_login or Client.login (which gives django-axes no request) and as board leaders
# without a second factor; users/tests/test_login_security.py turns both on to test them.
AXES_ENABLED = False
PORTAL_REQUIRE_2FA = False

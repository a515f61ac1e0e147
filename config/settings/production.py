"""Production settings: every value comes from the environment; no default secret."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY chưa được đặt: cổng thông tin không khởi động khi thiếu khóa bí mật "
        "(đặt biến môi trường SECRET_KEY)."
    )

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Connections kept for a minute, checked before reuse: opening one cost every request about 5 ms on
# PostgreSQL (bench/page_speed.py). Behind PgBouncer in transaction mode, set DATABASE_CONN_MAX_AGE=0.
for database in DATABASES.values():  # noqa: F405
    database["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
    database["CONN_HEALTH_CHECKS"] = True

# Wagtail's search-index and reference-index updates (and image/document file clean-up) leave the request
# for a queue in the database, run by `python manage.py db_worker` (docs/operations.md):
# the inline backend would only log a failure and let the search index drift.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Behind nginx, a document the portal agrees to serve (documents/access.py) is sent by nginx from an internal
# location (X-Accel-Redirect, documents/accel_redirect.py); SENDFILE_URL is that location's prefix
# (docs/deployment.md). Unset, gunicorn streams the file itself.
if os.environ.get("SENDFILE_URL"):
    SENDFILE_BACKEND = "documents.accel_redirect"
    SENDFILE_URL = os.environ["SENDFILE_URL"]

EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")

# HTTPS only (nosniff, Referrer-Policy, X-Frame-Options and the CSP are in base.py, for every environment).
# The proxy in front terminates TLS and says so in X-Forwarded-Proto; /healthz stays reachable over plain
# HTTP for the load balancer's probe.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = env_list("SECURE_REDIRECT_EXEMPT", "^healthz$")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is a one-way commitment for the whole domain (leaving the browsers' list takes months): the
# agency decides it and submits the domain itself, so it is off by default and Django's reminder is muted.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = [*globals().get("SILENCED_SYSTEM_CHECKS", []), "security.W021"]
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# Several nodes share sessions: read from Redis when it is there, written through to the database, so that
# flushing the cache (a deploy, a full page-cache purge) signs nobody out.
if os.environ.get("REDIS_URL"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# One JSON object per line on stderr (operations.logging), Wagtail's audit trail included ("portal.audit",
# always at INFO so that a quieter LOG_LEVEL never drops who published what).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "operations.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"portal.audit": {"level": "INFO"}},
}

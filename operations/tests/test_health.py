"""/healthz: 200 when the database and cache answer, 503 naming the failed part, never the reason."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db

SECRET_DETAIL = "could not connect to server db-primary.internal:5432 password=hunter2"


def test_healthy_portal_answers_ok_without_caching(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_database_failure_is_503_without_the_error_text(client):
    with mock.patch("operations.views.connection.cursor", side_effect=OperationalError(SECRET_DETAIL)):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}
    assert b"db-primary" not in response.content and b"hunter2" not in response.content
    assert "no-store" in response["Cache-Control"]


def test_cache_failure_is_503_naming_the_cache(client):
    with mock.patch("operations.views.cache.set", side_effect=ConnectionError(SECRET_DETAIL)):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}
    assert b"5432" not in response.content


def test_cache_that_loses_keys_is_a_failure(client):
    with mock.patch("operations.views.cache.get", return_value=None):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_only_safe_methods_are_allowed(client):
    assert client.post("/healthz").status_code == 405

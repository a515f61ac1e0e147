"""Read replicas (docs/deployment.md): the router's decisions, and the settings that switch it on.

No replica runs here: the router only names an alias, so its choices are checked without connecting.
"""

import json
import subprocess
import sys

import pytest
from django.db import transaction

from config.db_router import PrimaryReplicaRouter
from core.models import SubjectArea
from tests.test_settings import CLEAN, REPO

REPLICAS = ["replica1", "replica2"]


@pytest.fixture
def router(settings):
    settings.DATABASE_READ_REPLICAS = REPLICAS
    return PrimaryReplicaRouter()


def test_reads_outside_a_transaction_go_to_the_replicas(router):
    chosen = {router.db_for_read(SubjectArea) for _ in range(200)}
    assert chosen == set(REPLICAS)


def test_writes_go_to_the_primary(router):
    assert router.db_for_write(SubjectArea) == "default"


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_go_to_the_primary(router):
    """An editor's save reads back its own uncommitted rows, which only the primary has."""
    with transaction.atomic():
        assert router.db_for_read(SubjectArea) == "default"
    assert router.db_for_read(SubjectArea) in REPLICAS


def test_without_replicas_everything_stays_on_the_primary(settings):
    settings.DATABASE_READ_REPLICAS = []
    assert PrimaryReplicaRouter().db_for_read(SubjectArea) == "default"


def test_only_the_primary_is_migrated_and_relations_cross_aliases(router):
    assert router.allow_migrate("default", "home")
    assert not router.allow_migrate("replica1", "home")
    assert router.allow_relation(SubjectArea(), SubjectArea())


SHOW = (
    "import django, json; from django.conf import settings as s; django.setup(); "
    "print(json.dumps({'aliases': list(s.DATABASES), 'replicas': s.DATABASE_READ_REPLICAS, "
    "'routers': s.DATABASE_ROUTERS, 'replica1': s.DATABASES.get('replica1'), "
    "'sessions': s.SESSION_ENGINE}, default=str))"
)


def settings_with(**env):
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": "k" * 50, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_replica_urls_add_aliases_and_the_router_redis_adds_cached_sessions():
    shown = settings_with(
        DATABASE_URL="postgres://portal:pw@db-primary.internal:5432/portal",
        DATABASE_REPLICA_URLS="postgres://portal:pw@db-r1.internal:5432/portal,"
        "postgres://portal:pw@db-r2.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/1",
    )
    assert shown["aliases"] == ["default", "replica1", "replica2"]
    assert shown["replicas"] == ["replica1", "replica2"]
    assert shown["routers"] == ["config.db_router.PrimaryReplicaRouter"]
    assert shown["replica1"]["HOST"] == "db-r1.internal"
    assert shown["replica1"]["TEST"]["MIRROR"] == "default"
    assert "random_page_cost" in shown["replica1"]["OPTIONS"]["options"]
    assert shown["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_without_replica_urls_there_is_one_database_and_no_router():
    shown = settings_with(DATABASE_URL="postgres://portal:pw@db-primary.internal:5432/portal")
    assert shown["aliases"] == ["default"] and shown["routers"] == []
    assert shown["sessions"] == "django.contrib.sessions.backends.db"

"""Wagtail's background tasks: inline in tests, queued in the database and run by a worker in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from news.models import ArticlePage
from news.tests.factories import ArticlePageFactory, SectionPageFactory

REPO = Path(__file__).resolve().parent.parent.parent
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def test_production_queues_tasks_in_the_database_and_tests_run_them_inline():
    show = (
        "import django, json; from django.conf import settings as s; django.setup(); "
        "print(json.dumps([s.TASKS['default']['BACKEND'], 'django_tasks_db' in s.INSTALLED_APPS]))"
    )
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY="k" * 50)
    result = subprocess.run(
        [sys.executable, "-c", show], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert json.loads(result.stdout) == [DATABASE_BACKEND, True], result.stderr
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_search_index_update_waits_in_the_queue_until_the_worker_runs_it(settings, home_page):
    settings.TASKS = {"default": {"BACKEND": DATABASE_BACKEND}}
    section = SectionPageFactory(parent=home_page, title="Tin tức")
    article = ArticlePageFactory(parent=section, title="Khánh thành cầu Sông Hậu mới")
    article.save_revision().publish()

    queued = DBTaskResult.objects.filter(task_path__contains="insert_or_update_object_task")
    assert queued.exists()
    assert set(queued.values_list("status", flat=True)) == {TaskResultStatus.READY}
    assert not ArticlePage.objects.live().search("Sông Hậu")

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
    assert [page.pk for page in ArticlePage.objects.live().search("Sông Hậu")] == [article.pk]

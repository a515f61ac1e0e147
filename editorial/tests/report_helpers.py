"""Shared set-up of the board report tests: a board from YAML, local times, exported rows, items moderated
through the real workflow at given times."""

import csv
import datetime
import io
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import TaskState

from core.tests.factories import StandardPageFactory
from editorial.board_file import load_board_file


def load_board(text, tmp_path, name="board.yaml"):
    """Load a board file; returns every user by username."""
    path = Path(tmp_path) / name
    path.write_text(text, encoding="utf-8")
    load_board_file(path)
    return {user.username: user for user in get_user_model().objects.all()}


def local(*parts):
    """An aware datetime in the portal's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.make_aware(datetime.datetime(*parts))


def csv_rows(response):
    """The rows of a CSV export, header first."""
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def moderate(section, author, title, steps):
    """Submit a new page and take it through the board's path; each step is (approver, action, started,
    finished), and a step with no approver is left waiting; a rejection gives its (required) reason. The times
    replace the real ones."""
    page = StandardPageFactory(parent=section, title=title, live=False)
    page.save_revision(user=author)
    state = page.get_workflow().start(page, author)
    for approver, action, started, finished in steps:
        task_state = state.current_task_state
        if approver is not None:
            comment = "Bổ sung nguồn tin." if action == "reject" else ""
            task_state.task.specific.on_action(task_state, approver, action, comment=comment)
        TaskState.objects.filter(pk=task_state.pk).update(started_at=started, finished_at=finished)
        state.refresh_from_db()
    return page

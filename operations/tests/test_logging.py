"""Structured logs: the JSON formatter, and Wagtail's audit events on logger "portal.audit"."""

import json
import logging
import sys

import pytest

from news.tests.factories import ArticlePageFactory
from operations.logging import JsonFormatter
from users.tests.factories import SuperuserFactory


def test_json_formatter_writes_one_object_with_extra_fields():
    record = logging.makeLogRecord(
        {
            "name": "portal.audit",
            "levelname": "INFO",
            "msg": "Đăng %s",
            "args": ("bài",),
            "audit": {"user_id": 7},
        }
    )

    line = json.loads(JsonFormatter().format(record))

    assert line["message"] == "Đăng bài"
    assert line["logger"] == "portal.audit" and line["level"] == "INFO"
    assert line["audit"] == {"user_id": 7}
    assert line["time"].endswith("+00:00")


def test_json_formatter_keeps_the_traceback():
    try:
        raise ValueError("hỏng")
    except ValueError:
        record = logging.getLogger("x").makeRecord("x", logging.ERROR, __file__, 1, "lỗi", (), sys.exc_info())

    line = json.loads(JsonFormatter().format(record))

    assert "ValueError: hỏng" in line["exception"]


@pytest.mark.django_db
def test_publishing_a_page_logs_an_audit_record(home_page, caplog):
    editor = SuperuserFactory()
    article = ArticlePageFactory(parent=home_page, live=False)

    with caplog.at_level(logging.INFO, logger="portal.audit"):
        article.save_revision(user=editor).publish(user=editor)

    records = [record.audit for record in caplog.records if record.name == "portal.audit"]
    published = [record for record in records if record["action"] == "wagtail.publish"]
    assert len(published) == 1
    assert published[0]["object_label"] == article.title
    assert published[0]["object_id"] == str(article.pk)
    assert published[0]["content_type"] == "news.articlepage"
    assert published[0]["user_id"] == editor.pk
    assert published[0]["timestamp"]
    assert JsonFormatter().format(caplog.records[-1])  # serialisable as it stands

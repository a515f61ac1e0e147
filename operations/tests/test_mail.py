"""The one mail path (operations/mail.py): every email is stored with what causes it, sent after the commit by
a task, never inside the request; a failing mail server keeps it for retries with growing waits."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from operations import mail as outbox
from operations.models import OutgoingMail
from operations.tests.mail_backends import REFUSING_BACKEND

pytestmark = pytest.mark.django_db
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def pending_command():
    out = io.StringIO()
    call_command("send_pending_mail", stdout=out)
    return out.getvalue()


def test_nothing_is_sent_before_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queued = outbox.queue_mail("dan@example.vn", "Mã tra cứu", "HD-1")
    assert len(callbacks) == 1 and mail.outbox == []
    assert OutgoingMail.objects.get().sent_at is None
    callbacks[0]()
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.attempts == 1
    (message,) = mail.outbox
    assert (message.to, message.subject, message.body) == (["dan@example.vn"], "Mã tra cứu", "HD-1")


def test_a_failing_mail_server_keeps_the_mail_and_it_is_retried_later(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_DELIVERY_BACKEND = REFUSING_BACKEND
    start = timezone.now()
    with time_machine.travel(start, tick=False), django_capture_on_commit_callbacks(execute=True):
        outbox.queue_mail(
            ["truong@example.gov.vn", "pho@example.gov.vn"], "[Ban biên tập] Báo cáo", "Nội dung"
        )
    kept = OutgoingMail.objects.get()
    assert kept.sent_at is None and kept.attempts == 1 and "SMTP down" in kept.last_error
    assert kept.next_attempt_at == start + datetime.timedelta(minutes=1)

    with time_machine.travel(start + datetime.timedelta(seconds=30), tick=False):
        assert "Đã gửi 0 thư; 0 thư" in pending_command()  # still waiting: not retried yet
    with time_machine.travel(start + datetime.timedelta(minutes=1), tick=False):
        assert "Đã gửi 0 thư; 1 thư chưa gửi được" in pending_command()
    kept.refresh_from_db()
    assert kept.attempts == 2 and kept.next_attempt_at == start + datetime.timedelta(minutes=3)

    settings.EMAIL_DELIVERY_BACKEND = LOCMEM  # the server is back
    with time_machine.travel(start + datetime.timedelta(minutes=3), tick=False):
        assert "Đã gửi 1 thư" in pending_command()
    kept.refresh_from_db()
    assert (
        kept.sent_at == start + datetime.timedelta(minutes=3) and kept.attempts == 3 and not kept.last_error
    )
    (message,) = mail.outbox
    assert message.to == ["truong@example.gov.vn", "pho@example.gov.vn"] and message.body == "Nội dung"
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        assert "Đã gửi 0 thư; 0 thư" in pending_command()  # sent once, never again
    assert len(mail.outbox) == 1


def test_waits_double_up_to_a_limit_and_retries_stop_after_the_last_attempt(settings):
    assert [outbox.wait_after(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert outbox.wait_after(20) == outbox.LONGEST_WAIT
    settings.EMAIL_DELIVERY_BACKEND = REFUSING_BACKEND
    given_up = OutgoingMail.objects.create(
        to=["a@example.vn"], subject="s", body="b", attempts=outbox.MAX_ATTEMPTS
    )
    assert outbox.send_pending() == (0, 0)
    given_up.refresh_from_db()
    assert given_up.attempts == outbox.MAX_ATTEMPTS


def test_a_mail_another_process_is_sending_is_not_sent_twice():
    queued = OutgoingMail.objects.create(to=["a@example.vn"], subject="s", body="b")
    assert outbox.claim(queued, timezone.now())
    assert outbox.deliver(queued) is False and mail.outbox == []


def test_the_smtp_connection_has_a_timeout(settings):
    assert settings.EMAIL_TIMEOUT == 10
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert outbox.delivery_connection().timeout == 10


def test_djangos_and_wagtails_own_mail_takes_the_same_path(settings, django_capture_on_commit_callbacks):
    """Password resets and Wagtail's notifications send through EMAIL_BACKEND: the outbox in every
    environment but tests (where Django's set-up puts locmem there)."""
    settings.EMAIL_BACKEND = outbox.OUTBOX_BACKEND
    message = EmailMultiAlternatives("Đặt lại mật khẩu", "Văn bản", None, ["can-bo@example.gov.vn"])
    message.attach_alternative("<p>HTML</p>", "text/html")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message.send()
        send_mail("Thông báo", "Nội dung", None, ["khac@example.gov.vn"])
    assert OutgoingMail.objects.count() == 2 and mail.outbox == []
    for callback in callbacks:
        callback()
    html, plain = mail.outbox
    assert (
        html.alternatives[0][:2] == ("<p>HTML</p>", "text/html")
        and html.from_email == settings.DEFAULT_FROM_EMAIL
    )
    assert (plain.subject, plain.to) == ("Thông báo", ["khac@example.gov.vn"])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker runs its own transaction
def test_in_production_the_task_worker_sends_it(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():
        queued = outbox.queue_mail("dan@example.vn", "Mã tra cứu", "HD-1")
    assert mail.outbox == [] and DBTaskResult.objects.get().status == TaskResultStatus.READY
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    queued.refresh_from_db()
    assert queued.sent_at is not None and [message.to for message in mail.outbox] == [["dan@example.vn"]]

"""One path for every email the portal sends, citizens' and staff's (docs/operations.md, "Mail").

An email is stored in the outbox (OutgoingMail) inside the transaction that causes it: a question and its
confirmation, a moderation step and the approvers' notification are written together or not at all. After
the commit a background task (django-tasks: `manage.py db_worker` in production) sends it through the real
backend (EMAIL_DELIVERY_BACKEND, with EMAIL_TIMEOUT on the SMTP connection); nothing is sent inside a
request. A failure is kept on the row and retried by `send_pending_mail` (run_scheduled_jobs, every minute)
after a wait that doubles with each attempt, up to MAX_ATTEMPTS: a mail server that is down neither fails
the request nor loses the mail.

Project code calls `queue_mail`; Django's and Wagtail's own emails (password reset, Wagtail's notifications)
arrive through EMAIL_BACKEND = "operations.mail.OutboxBackend" and take the same path.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import OutgoingMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
FIRST_WAIT = datetime.timedelta(minutes=1)  # then 2, 4, 8 … minutes
LONGEST_WAIT = datetime.timedelta(hours=6)
# While one process sends a mail, no other takes it; longer than an SMTP exchange bounded by EMAIL_TIMEOUT.
LEASE = datetime.timedelta(minutes=5)
OUTBOX_BACKEND = "operations.mail.OutboxBackend"


def queue_mail(recipients, subject, body, from_email=None):
    """Store a plain-text email to `recipients` (one address or a list); it is sent after the commit."""
    to = [recipients] if isinstance(recipients, str) else list(recipients)
    return queue_message(EmailMessage(subject, body, from_email, to))


def queue_message(message):
    """Store a Django EmailMessage (attachments aside) and send it once the current transaction commits."""
    if message.attachments:
        raise ValueError("Hàng đợi thư không nhận tệp đính kèm.")
    parts = {
        "from_email": message.from_email,
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }
    mail = OutgoingMail.objects.create(
        to=list(message.to), subject=str(message.subject), body=str(message.body), parts=parts
    )
    transaction.on_commit(lambda: enqueue(mail.pk))
    return mail


class OutboxBackend(BaseEmailBackend):
    """EMAIL_BACKEND for everything that sends through Django (send_mail, EmailMessage.send): queue it."""

    def send_messages(self, email_messages):
        for message in email_messages:
            queue_message(message)
        return len(email_messages)


def enqueue(mail_id):
    """Hand the mail to the task worker; if even that fails, `send_pending_mail` picks it up."""
    try:
        deliver_mail.enqueue(mail_id)
    except Exception:  # the queue's own database write: the mail is already stored
        logger.warning("Không đưa được thư #%s vào hàng đợi; sẽ gửi ở lần chạy send_pending_mail.", mail_id)


@task()
def deliver_mail(mail_id):
    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    return deliver(mail) if mail else False


def as_message(mail, connection):
    parts = mail.parts or {}
    message = EmailMultiAlternatives(
        mail.subject,
        mail.body,
        parts.get("from_email"),
        mail.to,
        bcc=parts.get("bcc") or None,
        connection=connection,
        headers=parts.get("headers") or None,
        cc=parts.get("cc") or None,
        reply_to=parts.get("reply_to") or None,
    )
    for content, mimetype in parts.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    return message


def delivery_connection():
    backend = settings.EMAIL_DELIVERY_BACKEND
    if backend == OUTBOX_BACKEND:
        raise ImproperlyConfigured(
            "EMAIL_DELIVERY_BACKEND phải là backend gửi thư thật, không phải hàng đợi."
        )
    return get_connection(backend, timeout=settings.EMAIL_TIMEOUT)


def wait_after(attempts):
    return min(FIRST_WAIT * 2 ** (attempts - 1), LONGEST_WAIT)


def claim(mail, now):
    """True if this process may send the mail now (it is unsent, due, and nobody else is sending it)."""
    due = OutgoingMail.objects.filter(
        pk=mail.pk, sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now
    )
    return due.update(next_attempt_at=now + LEASE) == 1


def deliver(mail, now=None):
    """One attempt; True when sent. Errors are logged and kept on the row, never raised."""
    now = now or timezone.now()
    if not claim(mail, now):
        return False
    mail.refresh_from_db()
    mail.attempts += 1
    try:
        connection = delivery_connection()
        as_message(mail, connection).send()
    except Exception as error:  # SMTP, DNS, socket, timeout: every failure means "retry later"
        mail.last_error = f"{type(error).__name__}: {error}"[:500]
        mail.next_attempt_at = now + wait_after(mail.attempts)
        mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
        logger.warning("Gửi thư #%s tới %s thất bại: %s", mail.pk, ", ".join(mail.to), mail.last_error)
        return False
    mail.sent_at = now
    mail.last_error = ""
    mail.save(update_fields=["attempts", "sent_at", "last_error"])
    return True


def send_pending(now=None):
    """(sent, still pending) after one attempt at every unsent mail that is due and has attempts left."""
    now = now or timezone.now()
    sent = failed = 0
    pending = OutgoingMail.objects.filter(
        sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    for mail in pending.iterator():
        if deliver(mail, now):
            sent += 1
        else:
            failed += 1
    return sent, failed

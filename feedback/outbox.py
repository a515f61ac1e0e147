"""Queue mail inside the submission's transaction; send it once that transaction has committed.

A citizen's question or comment must never be lost because the mail server is down: the row and its
mail are written together, sending happens after the commit, and a failure leaves the mail pending for
`python manage.py send_pending_mail` (cron) to retry.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10


def queue_mail(recipient, subject, body):
    """Store the mail now and try to send it after the current transaction commits."""
    mail = OutgoingMail.objects.create(recipient=recipient, subject=subject[:255], body=body)
    transaction.on_commit(lambda: deliver(mail))
    return mail


def deliver(mail):
    """One attempt; True when sent. Errors are logged and kept on the row, never raised."""
    mail.attempts += 1
    try:
        send_mail(mail.subject, mail.body, None, [mail.recipient])
    except Exception as error:  # SMTP, DNS, socket: every failure means "retry later"
        mail.last_error = f"{type(error).__name__}: {error}"[:500]
        mail.save(update_fields=["attempts", "last_error"])
        logger.warning("Gửi thư #%s tới %s thất bại: %s", mail.pk, mail.recipient, mail.last_error)
        return False
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["attempts", "sent_at", "last_error"])
    return True


def send_pending():
    """(sent, still pending) after one attempt at every unsent mail that has not used up its attempts."""
    sent = failed = 0
    pending = OutgoingMail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    for mail in pending.order_by("created_at").iterator():
        if deliver(mail):
            sent += 1
        else:
            failed += 1
    return sent, failed

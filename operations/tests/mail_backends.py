"""Mail backends for tests of the outbox (operations/mail.py): a mail server that refuses every message."""

from django.core.mail.backends.base import BaseEmailBackend

REFUSING_BACKEND = "operations.tests.mail_backends.RefusingBackend"


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP down")

"""Wagtail's audit trail (page and snippet log entries) copied to the log, on logger "portal.audit".

The admin's history views only show entries to editors; a copy in the central log survives a restored or
tampered database and can be correlated with web-server logs.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from wagtail.models import ModelLogEntry, PageLogEntry

logger = logging.getLogger("portal.audit")


def audit_record(entry):
    """The structured fields of one log entry; the content type comes from Django's per-process cache."""
    content_type = ContentType.objects.get_for_id(entry.content_type_id)
    return {
        "action": entry.action,
        "object_label": entry.label,
        "object_id": str(entry.object_id),  # an int for pages, a string for snippets: one type in the log
        "content_type": f"{content_type.app_label}.{content_type.model}",
        "user_id": entry.user_id,
        "timestamp": entry.timestamp.isoformat(),
    }


def log_audit_entry(sender, instance, created, raw=False, **kwargs):
    """Log each new entry once (a later save of the same entry, e.g. marking it deleted, is not an action)."""
    if created and not raw:
        record = audit_record(instance)
        logger.info("%s: %s", record["action"], record["object_label"], extra={"audit": record})


def connect():
    for model in (PageLogEntry, ModelLogEntry):
        post_save.connect(log_audit_entry, sender=model, dispatch_uid=f"portal-audit-{model.__name__}")

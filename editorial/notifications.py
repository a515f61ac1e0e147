"""Signal handlers: email the approvers of a board step when an item reaches it (Wagtail's own notifier only
knows group approval tasks); record each direct publication of an official-source item."""

from django.conf import settings
from django.core.mail import send_mail
from wagtail.log_actions import log
from wagtail.models import TaskState
from wagtail.signals import page_published, published, task_submitted

from legal_docs.models import LegalDocument

from .enums import Role
from .models import BoardTask
from .permissions import board_roles

OFFICIAL_SOURCE_PUBLICATION = "editorial.official_source_publication"
OFFICIAL_DOCUMENTS = "Văn bản pháp luật"


def notify_approvers(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, BoardTask) or instance.status != TaskState.STATUS_IN_PROGRESS:
        return
    item = instance.workflow_state.content_object
    recipients = [approver.email for approver in task.approvers(item) if approver.email and approver != user]
    if not recipients:
        return
    author = user.get_full_name() if user else "Tác giả"
    edit_url = f"{getattr(settings, 'WAGTAILADMIN_BASE_URL', '').rstrip('/')}/admin/"
    send_mail(
        f"[Ban biên tập] Chờ duyệt: {item}",
        f"{author} đã gửi «{item}» tới bước «{task.name}».\nXem và duyệt tại: {edit_url}",
        None,
        recipients,
        fail_silently=True,
    )


def record_direct_publication(sender, instance, revision=None, **kwargs):
    """The admin's direct publications are listed in the weekly report to the board (seed 004 Điều 4.4): pages
    marked as from an official source, and legal documents (themselves an official source)."""
    user = revision.user if revision else None
    source = getattr(instance, "official_source", None)
    source_name = source.name if source else OFFICIAL_DOCUMENTS if sender is LegalDocument else None
    if user is None or source_name is None:
        return
    roles = board_roles(user)
    if Role.ADMIN in roles and Role.HEAD not in roles:
        log(instance, OFFICIAL_SOURCE_PUBLICATION, user=user, data={"source": source_name})


def connect():
    task_submitted.connect(notify_approvers, sender=TaskState, dispatch_uid="editorial-notify-approvers")
    page_published.connect(record_direct_publication, dispatch_uid="editorial-direct-publication")
    published.connect(
        record_direct_publication, sender=LegalDocument, dispatch_uid="editorial-direct-document-publication"
    )

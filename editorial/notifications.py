"""Signal handlers: email the approvers of a board step when an item reaches it (Wagtail's own notifier only
knows group approval tasks); record each direct publication of an official-source item."""

from django.conf import settings
from django.core.mail import send_mail
from wagtail.log_actions import log
from wagtail.models import TaskState
from wagtail.signals import page_published, task_submitted

from .enums import Role
from .models import BoardTask
from .permissions import board_roles

OFFICIAL_SOURCE_PUBLICATION = "editorial.official_source_publication"


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
    """The admin's direct publications are listed in the weekly report to the board (seed 004 Điều 4.4)."""
    user = revision.user if revision else None
    source = getattr(instance, "official_source", None)
    if (
        user is None
        or source is None
        or Role.ADMIN not in board_roles(user)
        or Role.HEAD in board_roles(user)
    ):
        return
    log(instance, OFFICIAL_SOURCE_PUBLICATION, user=user, data={"source": source.name})


def connect():
    task_submitted.connect(notify_approvers, sender=TaskState, dispatch_uid="editorial-notify-approvers")
    page_published.connect(record_direct_publication, dispatch_uid="editorial-direct-publication")

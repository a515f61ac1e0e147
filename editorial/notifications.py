"""Email the approvers of a board step when an item reaches it (Wagtail's own notifier only knows group
approval tasks)."""

from django.conf import settings
from django.core.mail import send_mail
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from .models import BoardTask


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


def connect():
    task_submitted.connect(notify_approvers, sender=TaskState, dispatch_uid="editorial-notify-approvers")

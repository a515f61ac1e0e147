"""Signal handlers: email the approvers of a board step when an item reaches it (Wagtail's own notifier only
knows group approval tasks); record each direct publication of an official-source item."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db.models.signals import post_save
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry, TaskState
from wagtail.signals import task_submitted

from legal_docs.models import LegalDocument

from .enums import Role
from .models import BoardTask
from .permissions import board_roles
from .workflows import COMPLETING_WORKFLOW

OFFICIAL_SOURCE_PUBLICATION = "editorial.official_source_publication"
OFFICIAL_DOCUMENTS = "Văn bản pháp luật"


def notify_approvers(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, BoardTask) or instance.status != TaskState.STATUS_IN_PROGRESS:
        return
    item = instance.workflow_state.content_object
    # Four eyes: nobody is asked to approve an item they wrote, submitted or took another step of.
    recipients = [
        approver.email for approver in task.approvers_for(instance) if approver.email and approver != user
    ]
    if not recipients:
        return
    author = user.get_full_name() if user else "Tác giả"
    edit_url = f"{getattr(settings, 'WAGTAILADMIN_BASE_URL', '').rstrip('/')}/admin/"
    # Queued with the step (operations/mail.py): a mail server that is down neither blocks the submission
    # nor loses the notification.
    send_mail(
        f"[Ban biên tập] Chờ duyệt: {item}",
        f"{author} đã gửi «{item}» tới bước «{task.name}».\nXem và duyệt tại: {edit_url}",
        None,
        recipients,
    )


# What Wagtail logs, with the person who acted, when something is published now or scheduled for later. The
# publish signals carry only the revision, whose author may be someone else (the submitter of an item the
# board approved, the writer of a draft the admin bulk-published). The scheduled go-live itself
# (publish_scheduled, no person) decides nothing new and is not recorded again.
PUBLISH_ACTIONS = frozenset({"wagtail.publish", "wagtail.publish.schedule"})


def record_direct_publication(sender, instance, created=False, **kwargs):
    """The admin's direct publications are listed in the weekly report to the board (docs/requirements.md,
    Direct publication): pages marked as from an official source, and legal documents (themselves an official
    source), with the person who published. A publication by the completed moderation path
    (editorial.workflows.publish_approved) went through the board: it is not direct, whoever wrote or
    submitted the item."""
    if not created or instance.action not in PUBLISH_ACTIONS or instance.user_id is None:
        return
    if COMPLETING_WORKFLOW.get():
        return
    item = published_item(instance)
    source = getattr(item, "official_source", None)
    source_name = source.name if source else OFFICIAL_DOCUMENTS if isinstance(item, LegalDocument) else None
    if source_name is None:
        return
    roles = board_roles(instance.user)
    if Role.ADMIN in roles and Role.HEAD not in roles:
        log(item, OFFICIAL_SOURCE_PUBLICATION, user=instance.user, data={"source": source_name})


def published_item(entry):
    """The page or legal document a publish log entry is about (None for other snippets)."""
    if isinstance(entry, PageLogEntry):
        return entry.page.specific
    if entry.content_type_id == ContentType.objects.get_for_model(LegalDocument).pk:
        return LegalDocument.objects.filter(pk=entry.object_id).first()
    return None


def connect():
    task_submitted.connect(notify_approvers, sender=TaskState, dispatch_uid="editorial-notify-approvers")
    post_save.connect(
        record_direct_publication, sender=PageLogEntry, dispatch_uid="editorial-direct-publication"
    )
    post_save.connect(
        record_direct_publication, sender=ModelLogEntry, dispatch_uid="editorial-direct-document-publication"
    )

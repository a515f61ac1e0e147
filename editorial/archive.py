"""Archive, never delete (docs/requirements.md, Removal and archiving): what was ever submitted or ever live
leaves the site by being archived. An archived item is offline (unpublished, so neither served nor listed,
searched, mapped or fed), keeps every revision, is logged in Wagtail's audit log, and stays read-only until a
superuser or the head of its board restores it, as a draft that must go through the board again.

The record lives beside the item (pages and every moderated snippet alike), so no app's model changes.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import LogFormatter, log

ARCHIVE_ACTION = "editorial.archive"
RESTORE_ACTION = "editorial.restore"
ARCHIVE_LABEL = "Lưu trữ (gỡ khỏi cổng, giữ lại)"
RESTORE_LABEL = "Khôi phục từ lưu trữ (thành bản nháp)"


def base_content_type(obj):
    """Pages share Page's content type (as in Wagtail's revisions and workflow states)."""
    return obj.get_base_content_type()


class ArchivedItemQuerySet(models.QuerySet):
    def active(self):
        return self.filter(restored_at__isnull=True)

    def for_instance(self, obj):
        return self.filter(content_type=base_content_type(obj), object_id=str(obj.pk))


def archived_ids(model, ids):
    """Of the pks of objects of model, those archived now, as strings (an archive record's object_id)."""
    return set(
        ArchivedItem.objects.active()
        .filter(content_type=model.get_base_content_type(), object_id__in=[str(pk) for pk in ids])
        .values_list("object_id", flat=True)
    )


class ArchivedItem(models.Model):
    """An item taken off the site and kept: by the removal path (`removal`), or by a "delete" of something
    that was ever submitted or live. Restoring closes the record (it is kept for the history)."""

    content_type = models.ForeignKey(
        ContentType, verbose_name="loại nội dung", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField("mã nội dung", max_length=255)
    title = models.CharField("tiêu đề", max_length=255)
    board = models.ForeignKey(
        "editorial.EditorialBoard",
        verbose_name="ban biên tập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lưu trữ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    archived_at = models.DateTimeField("ngày lưu trữ", default=timezone.now)
    reason = models.TextField("lý do", blank=True)
    removal = models.OneToOneField(
        "editorial.RemovalProposal",
        verbose_name="đề nghị gỡ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="archived_item",
    )
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người khôi phục",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    restored_at = models.DateTimeField("ngày khôi phục", null=True, blank=True)

    objects = ArchivedItemQuerySet.as_manager()

    class Meta:
        verbose_name = "tin, bài đã lưu trữ"
        verbose_name_plural = "tin, bài đã lưu trữ"
        ordering = ["-archived_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(restored_at__isnull=True),
                name="editorial_one_active_archive",
            )
        ]

    def __str__(self):
        return f"Lưu trữ «{self.title}» ({timezone.localtime(self.archived_at):%d/%m/%Y})"

    @property
    def item(self):
        """The archived page (specific) or snippet, or None if it no longer exists."""
        model = self.content_type.model_class()
        obj = model.objects.filter(pk=self.object_id).first() if model else None
        return getattr(obj, "specific", obj)


def archive_record(obj):
    """The item's active archive record, or None."""
    return ArchivedItem.objects.active().for_instance(obj).first()


def is_archived(obj):
    return ArchivedItem.objects.active().for_instance(obj).exists()


def title_of(obj):
    return str(getattr(obj, "title", None) or obj)[:255]


@transaction.atomic
def archive(obj, user=None, reason="", board=None, removal=None):
    """Take obj off the site and keep it: unpublish it (Wagtail logs that), stop any review in progress and
    any scheduled publication, record (under the board of obj, unless given) and log the archiving.
    Revisions are left untouched."""
    from wagtail.actions.unpublish import UnpublishAction
    from wagtail.actions.unpublish_page import UnpublishPageAction
    from wagtail.models import Page

    from .deletion import board_of  # editorial.deletion reads the archive

    obj = getattr(obj, "specific", obj)
    board = board or board_of(obj)
    if obj.live:
        action = UnpublishPageAction if isinstance(obj, Page) else UnpublishAction
        action(obj, user=user).execute(skip_permission_checks=True)
    workflow_state = getattr(obj, "current_workflow_state", None)
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    obj.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
    record = ArchivedItem.objects.create(
        content_type=base_content_type(obj),
        object_id=str(obj.pk),
        title=title_of(obj),
        board=board,
        archived_by=user,
        reason=(reason or "").strip(),
        removal=removal,
    )
    log(obj, ARCHIVE_ACTION, user=user, data={"reason": record.reason, "archive": record.pk})
    return record


@transaction.atomic
def restore(record, user):
    """Close the archive record: the item is a draft again (never live directly), editable and submittable."""
    record.restored_by, record.restored_at = user, timezone.now()
    record.save(update_fields=["restored_by", "restored_at"])
    obj = record.item
    if obj is not None:
        log(obj, RESTORE_ACTION, user=user, data={"archive": record.pk})
    return obj


class ArchivedFormatter(LogFormatter):
    label = ARCHIVE_LABEL

    def format_message(self, log_entry):
        reason = log_entry.data.get("reason")
        return f"{ARCHIVE_LABEL}: {reason}" if reason else ARCHIVE_LABEL


class RestoredFormatter(LogFormatter):
    label = RESTORE_LABEL

    def format_message(self, log_entry):
        return RESTORE_LABEL

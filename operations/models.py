"""Planned-downtime and alert notices shown as a banner on every public page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.models import DraftStateMixin, RevisionMixin

from editorial.calendar import add_working_days

# Nghị định 224/2026, Điều 13: planned downtime is announced at least this many working days ahead.
DOWNTIME_NOTICE_WORKING_DAYS = 7


class MaintenanceNotice(DraftStateMixin, RevisionMixin, models.Model):
    """A banner with a start and an end: public from when it is published until `ends_at`.

    Draft state gives editors publish/unpublish and scheduled publishing (go_live_at, run by
    `publish_scheduled`), and the publication moment is what the advance-notice rule measures from.
    """

    class Kind(models.TextChoices):
        PLANNED_DOWNTIME = "planned", "Tạm ngừng hoạt động theo kế hoạch"
        ALERT = "alert", "Cảnh báo"

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="trang",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text="Để trống: hiển thị trên mọi trang của cổng.",
    )
    kind = models.CharField(
        "loại thông báo", max_length=10, choices=Kind.choices, default=Kind.PLANNED_DOWNTIME
    )
    message = models.TextField("nội dung", max_length=500)
    starts_at = models.DateTimeField("bắt đầu")
    ends_at = models.DateTimeField("kết thúc")

    class Meta:
        verbose_name = "thông báo vận hành"
        verbose_name_plural = "thông báo vận hành"
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {timezone.localtime(self.starts_at):%d/%m/%Y %H:%M}"

    def announced_at(self):
        """When the public first sees the notice: its scheduled publication, its first one, or now."""
        return self.go_live_at or self.first_published_at or timezone.now()

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "Thời điểm kết thúc phải sau thời điểm bắt đầu."})
        if self.kind == self.Kind.PLANNED_DOWNTIME and self.starts_at:
            self.check_advance_notice()

    def check_advance_notice(self):
        earliest = add_working_days(self.announced_at(), DOWNTIME_NOTICE_WORKING_DAYS)
        if self.starts_at < earliest:
            raise ValidationError(
                {
                    "starts_at": (
                        f"Việc tạm ngừng hoạt động theo kế hoạch phải được thông báo trước ít nhất "
                        f"{DOWNTIME_NOTICE_WORKING_DAYS} ngày làm việc (Nghị định 224/2026, Điều 13): "
                        f"thời điểm bắt đầu sớm nhất là {timezone.localtime(earliest):%H:%M ngày %d/%m/%Y}."
                    )
                }
            )


class ScheduledJobRun(models.Model):
    """When each scheduled job last started: claimed with one conditional UPDATE, so that of several
    instances running `run_scheduled_jobs` only one runs a given job in a given slot."""

    name = models.CharField("công việc", max_length=100, primary_key=True)
    last_started_at = models.DateTimeField("lần chạy gần nhất", null=True, blank=True)

    class Meta:
        verbose_name = "lần chạy công việc định kỳ"
        verbose_name_plural = "lần chạy công việc định kỳ"

    def __str__(self):
        return self.name


class OutgoingMail(models.Model):
    """One email, citizens' or staff's, waiting to be sent or sent (operations/mail.py): written in the
    transaction that causes it, sent by a worker after the commit, retried with growing waits on failure."""

    to = models.JSONField("người nhận", default=list)
    subject = models.TextField("tiêu đề")
    body = models.TextField("nội dung")
    # The rest of the message as Django built it: sender, cc, bcc, reply-to, headers, HTML alternatives.
    parts = models.JSONField("phần khác của thư", default=dict, blank=True)
    created_at = models.DateTimeField("tạo lúc", default=timezone.now)
    next_attempt_at = models.DateTimeField("gửi (lại) từ lúc", default=timezone.now)
    sent_at = models.DateTimeField("gửi lúc", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("số lần gửi", default=0)
    last_error = models.CharField("lỗi lần gửi cuối", max_length=500, blank=True)

    class Meta:
        verbose_name = "thư đi"
        verbose_name_plural = "thư đi"
        ordering = ["created_at"]
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"], name="operations_mail_pending_idx")]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

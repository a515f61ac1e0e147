"""Mail to citizens and staff goes through an outbox: a submission is committed first, its mail after."""

from django.db import models


class OutgoingMail(models.Model):
    """One message waiting to be sent, or sent. Failures stay here for `send_pending_mail` to retry."""

    recipient = models.EmailField("người nhận", max_length=254)
    subject = models.CharField("tiêu đề", max_length=255)
    body = models.TextField("nội dung")
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    sent_at = models.DateTimeField("gửi lúc", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("số lần gửi", default=0)
    last_error = models.CharField("lỗi lần gửi cuối", max_length=500, blank=True)

    class Meta:
        verbose_name = "thư đi"
        verbose_name_plural = "thư đi"
        ordering = ["created_at"]
        indexes = [models.Index(fields=["sent_at", "created_at"], name="feedback_mail_pending_idx")]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"

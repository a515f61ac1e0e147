"""The anonymous "Thông tin có hữu ích không?" rating under articles and legal documents."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

COMMENT_MAX_LENGTH = 500


class PageRating(models.Model):
    """One reader's yes/no, with an optional short comment. Articles are pages and legal documents are
    snippets, so the rated item is a content type and an id; nothing about the reader is stored."""

    content_type = models.ForeignKey(
        ContentType, verbose_name="loại nội dung", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField("mã nội dung")
    target = GenericForeignKey("content_type", "object_id")
    useful = models.BooleanField("hữu ích")
    comment = models.CharField("góp ý thêm", max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField("lúc", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "đánh giá trang"
        verbose_name_plural = "đánh giá trang"
        indexes = [models.Index(fields=["content_type", "object_id"], name="feedback_rating_target_idx")]

    def __str__(self):
        return f"{'Có' if self.useful else 'Không'} hữu ích ({self.content_type_id}:{self.object_id})"


class UsedRatingToken(models.Model):
    """The id of a rating form's single-use token once a rating was stored with it (feedback/single_use.py):
    a replayed form is refused. Kept in the database, not the cache, so a cache outage never lets a replay
    through; rows older than a token's lifetime are purged as new ones come."""

    nonce = models.CharField("mã dùng một lần", max_length=32, primary_key=True)
    used_at = models.DateTimeField("lúc dùng", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "mã đánh giá đã dùng"
        verbose_name_plural = "mã đánh giá đã dùng"

    def __str__(self):
        return self.nonce

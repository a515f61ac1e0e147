from django.db import models


class Status(models.TextChoices):
    """Where a royalty proposal stands: the secretariat proposes, the head decides (docs/requirements.md,
    Royalties)."""

    PROPOSED = "proposed", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    REJECTED = "rejected", "Từ chối"

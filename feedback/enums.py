"""Choices of the citizens' channels."""

from django.db import models


class QuestionStatus(models.TextChoices):
    """Where a question or petition stands (docs/requirements.md, Citizens' questions and consultations): mới
    → đã phân loại → đã chuyển → đã trả lời → đã đăng; or closed as outside the agency's remit (the sender is
    told at once) or as spam."""

    NEW = "new", "Mới"
    CLASSIFIED = "classified", "Đã phân loại"
    ROUTED = "routed", "Đã chuyển"
    ANSWERED = "answered", "Đã trả lời"
    PUBLISHED = "published", "Đã đăng"
    OUT_OF_SCOPE = "out_of_scope", "Ngoài phạm vi"
    SPAM = "spam", "Thư rác"


# Still waiting for an answer: these count against the 15-working-day deadline.
OPEN_QUESTION_STATUSES = (QuestionStatus.NEW, QuestionStatus.CLASSIFIED, QuestionStatus.ROUTED)


class QuestionEventKind(models.TextChoices):
    STATUS = "status", "Chuyển trạng thái"
    REPLY = "reply", "Lưu bản trả lời"
    NOTE = "note", "Ghi chú nội bộ"


class ConsultationStatus(models.TextChoices):
    """Values double as the index's ?status= parameter, hence Vietnamese slugs."""

    UPCOMING = "sap-mo", "Sắp mở"
    OPEN = "dang-lay-y-kien", "Đang lấy ý kiến"
    CLOSED = "da-ket-thuc", "Đã kết thúc"


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt, công khai"
    REJECTED = "rejected", "Không công khai"

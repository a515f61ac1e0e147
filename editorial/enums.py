from django.db import models


class Role(models.TextChoices):
    """Board roles (seed 002, seed 003); a member may hold several."""

    HEAD = "head", "Trưởng ban"
    STANDING_DEPUTY = "standing_deputy", "Phó trưởng ban thường trực"
    DEPUTY = "deputy", "Phó trưởng ban"
    MEMBER = "member", "Thành viên"
    SECRETARY = "secretary", "Thư ký"
    ADMIN = "admin", "Quản trị"
    CONTRIBUTOR = "contributor", "Cộng tác viên"


class Classification(models.TextChoices):
    """Độ mật (seed 003 Điều 5): anything but UNCLASSIFIED is never published."""

    UNCLASSIFIED = "unclassified", "Không mật"
    CONFIDENTIAL = "confidential", "Mật"
    SECRET = "secret", "Tối mật"
    TOP_SECRET = "top_secret", "Tuyệt mật"

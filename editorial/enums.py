from django.db import models


class Role(models.TextChoices):
    """Board roles (docs/requirements.md, Editorial board); a member may hold several."""

    HEAD = "head", "Trưởng ban"
    STANDING_DEPUTY = "standing_deputy", "Phó trưởng ban thường trực"
    DEPUTY = "deputy", "Phó trưởng ban"
    MEMBER = "member", "Thành viên"
    SECRETARY = "secretary", "Thư ký"
    ADMIN = "admin", "Quản trị"
    CONTRIBUTOR = "contributor", "Cộng tác viên"

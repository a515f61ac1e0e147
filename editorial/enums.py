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

from django.db import models


class UnitKind(models.TextChoices):
    """The tiers of a department's structure, top to bottom of its organisation chart."""

    LEADERSHIP = "leadership", "Ban lãnh đạo"
    DEPARTMENT = "department", "Phòng chuyên môn, nghiệp vụ"
    AFFILIATED = "affiliated", "Đơn vị sự nghiệp trực thuộc"

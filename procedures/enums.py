from django.db import models


class ImplementationLevel(models.TextChoices):
    """Since 07/2025 local government has two tiers: province and commune."""

    PROVINCE = "province", "Cấp tỉnh"
    COMMUNE = "commune", "Cấp xã"


class OnlineServiceLevel(models.TextChoices):
    """How far the procedure can be done online (Nghị định 42/2022/NĐ-CP Điều 11)."""

    FULL = "full", "Toàn trình"
    PARTIAL = "partial", "Một phần"
    OFFLINE = "offline", "Chưa trực tuyến"

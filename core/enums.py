from django.db import models


class PortalKind(models.TextChoices):
    """Whose site it is (docs/requirements.md, Province and component portals): the province's portal, or a
    component portal of a department or a commune (Nghị định 224/2026 Điều 9, 11)."""

    PROVINCE = "province", "Cổng tỉnh"
    DEPARTMENT = "department", "Sở, ban, ngành"
    COMMUNE = "commune", "Xã, phường"

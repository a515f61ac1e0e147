"""The editorial board of each site: its members, their roles and the sections they answer for."""

from django.conf import settings
from django.db import models
from wagtail.models import Page, Site

from .enums import Role


class EditorialBoard(models.Model):
    """One board per Wagtail site (a province portal and each component portal have their own)."""

    site = models.OneToOneField(Site, verbose_name="trang", on_delete=models.CASCADE, related_name="board")
    secretary_sla_days = models.PositiveSmallIntegerField("hạn thư ký (ngày làm việc)", default=1)
    deputy_sla_days = models.PositiveSmallIntegerField("hạn Phó trưởng ban (ngày làm việc)", default=1)
    head_sla_days = models.PositiveSmallIntegerField("hạn Trưởng ban (ngày làm việc)", default=2)

    class Meta:
        verbose_name = "ban biên tập"
        verbose_name_plural = "ban biên tập"

    def __str__(self):
        return f"Ban biên tập {self.site.site_name or self.site.hostname}"


class BoardMember(models.Model):
    """A user's seat on a board; leaving the board file deactivates it (never deletes it)."""

    board = models.ForeignKey(EditorialBoard, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.PROTECT,
        related_name="board_seats",
    )
    roles = models.JSONField("vai trò", default=list)
    active = models.BooleanField("đang tham gia", default=True)

    class Meta:
        verbose_name = "thành viên ban biên tập"
        verbose_name_plural = "thành viên ban biên tập"
        constraints = [models.UniqueConstraint(fields=["board", "user"], name="editorial_one_seat_per_board")]

    def __str__(self):
        labels = ", ".join(Role(role).label for role in self.roles if role in Role.values)
        return f"{self.user} ({labels})"


class SectionAssignment(models.Model):
    """A section (page subtree) a member answers for; `approves`: this deputy's approval is final there."""

    member = models.ForeignKey(BoardMember, on_delete=models.CASCADE, related_name="sections")
    section = models.ForeignKey(Page, verbose_name="chuyên mục", on_delete=models.CASCADE, related_name="+")
    approves = models.BooleanField("được ủy quyền duyệt cuối", default=False)

    class Meta:
        verbose_name = "phân công chuyên mục"
        verbose_name_plural = "phân công chuyên mục"
        constraints = [
            models.UniqueConstraint(fields=["member", "section"], name="editorial_one_assignment_per_section")
        ]

    def __str__(self):
        return f"{self.member.user} – {self.section.title}"

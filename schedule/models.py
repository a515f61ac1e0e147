from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Site

from core.models import BasePortalPage
from core.site_admin import SiteOwnedModelForm
from core.sites import owning_site


class ScheduleEntry(models.Model):
    """One engagement of the agency's leaders.

    A site has a single schedule (the agency's), so entries belong to the site, not to a page: every
    SchedulePage and the home page of that site show the same records (core/sites.py).
    """

    site = owning_site("schedule_entries", "Cổng (cơ quan) có lịch công tác này.")
    date = models.DateField("ngày")
    start_time = models.TimeField("giờ bắt đầu")
    end_time = models.TimeField("giờ kết thúc", null=True, blank=True)
    leaders = models.CharField(
        "lãnh đạo", max_length=500, help_text="Ví dụ: Đ/c Nguyễn Văn Minh - Giám đốc Sở"
    )
    content = models.TextField("nội dung", max_length=2000)
    location = models.CharField("địa điểm", max_length=255, blank=True)
    attendees = models.TextField("thành phần / đơn vị chuẩn bị", max_length=1000, blank=True)
    note = models.TextField("ghi chú", max_length=1000, blank=True)

    base_form_class = SiteOwnedModelForm
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("leaders"),
        FieldPanel("content"),
        FieldPanel("location"),
        FieldPanel("attendees"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["date", "start_time", "pk"]
        indexes = [
            models.Index(fields=["date", "start_time"], name="schedule_entry_date_time_idx"),
            models.Index(fields=["site", "date"], name="schedule_entry_site_date_idx"),
        ]
        verbose_name = "lịch công tác"
        verbose_name_plural = "lịch công tác"

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} – {self.content[:80]}"

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": "Giờ kết thúc phải sau giờ bắt đầu."})


class SchedulePage(BasePortalPage):
    """The leaders' weekly work schedule, one week at a time (?tuan=YYYY-MM-DD, any day of the week)."""

    # It belongs under the "Chỉ đạo điều hành" news section; a small agency may put it on the home page.
    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = []
    template = "schedule/schedule_page.html"

    class Meta:
        verbose_name = "trang lịch công tác"

    def get_context(self, request, *args, **kwargs):
        from .queries import (  # imports this module
            entries_for_week,
            neighbour_weeks,
            parse_week,
            schedule_days,
        )

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        site = Site.find_for_request(request) or self.get_site()
        monday, sunday, entries = entries_for_week(parse_week(request.GET.get("tuan")) or today, site.pk)
        previous_week, next_week = neighbour_weeks(monday, today, site.pk)
        context.update(
            monday=monday,
            sunday=sunday,
            days=schedule_days(monday, entries),
            today=today,
            previous_week=previous_week,
            next_week=next_week,
        )
        return context

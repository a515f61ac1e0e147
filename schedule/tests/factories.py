import datetime

import factory
import wagtail_factories
from wagtail.models import Site

from schedule.models import ScheduleEntry, SchedulePage


class ScheduleEntryFactory(factory.django.DjangoModelFactory):
    date = datetime.date(2026, 3, 2)
    start_time = datetime.time(8, 0)
    leaders = "Đ/c Nguyễn Văn Minh - Giám đốc Sở"
    content = factory.Sequence(lambda n: f"Họp giao ban số {n}")
    location = "Phòng họp tầng 3"
    attendees = "Văn phòng Sở chuẩn bị"
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))

    class Meta:
        model = ScheduleEntry


class SchedulePageFactory(wagtail_factories.PageFactory):
    title = "Lịch công tác"
    slug = "lich-cong-tac"

    class Meta:
        model = SchedulePage

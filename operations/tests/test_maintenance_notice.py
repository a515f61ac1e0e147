"""Maintenance notices: the 7-working-day rule for planned downtime, and the banner on public pages."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from core.tests.factories import HomePageFactory
from editorial.models import Holiday
from operations.models import MaintenanceNotice
from operations.tests.factories import MaintenanceNoticeFactory
from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

# A Friday: seven working days later is Tuesday of the week after next (two weekends skipped).
FRIDAY = timezone.make_aware(datetime.datetime(2026, 12, 4, 9, 0))
SEVEN_WORKING_DAYS_LATER = timezone.make_aware(datetime.datetime(2026, 12, 15, 9, 0))
SIX_WORKING_DAYS_LATER = timezone.make_aware(datetime.datetime(2026, 12, 14, 9, 0))


def planned(starts_at, **kwargs):
    """A notice published (scheduled) on FRIDAY, planned downtime unless told otherwise."""
    kwargs.setdefault("kind", MaintenanceNotice.Kind.PLANNED_DOWNTIME)
    return MaintenanceNoticeFactory.build(
        go_live_at=FRIDAY, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=4), **kwargs
    )


def test_planned_downtime_seven_working_days_ahead_is_accepted():
    planned(SEVEN_WORKING_DAYS_LATER).full_clean()


def test_planned_downtime_six_working_days_ahead_is_refused_in_vietnamese():
    with pytest.raises(ValidationError) as error:
        planned(SIX_WORKING_DAYS_LATER).full_clean()

    assert "ít nhất 7 ngày làm việc" in error.value.message_dict["starts_at"][0]
    assert "09:00 ngày 15/12/2026" in error.value.message_dict["starts_at"][0]


def test_weekend_days_do_not_count():
    # Nine calendar days after Friday, but only five working days: both weekends are skipped.
    sunday_before = timezone.make_aware(datetime.datetime(2026, 12, 13, 23, 0))
    with pytest.raises(ValidationError):
        planned(sunday_before).full_clean()


def test_a_holiday_pushes_the_earliest_start_back():
    Holiday.objects.create(day=datetime.date(2026, 12, 8), name="Ngày nghỉ bù")

    with pytest.raises(ValidationError):
        planned(SEVEN_WORKING_DAYS_LATER).full_clean()
    planned(SEVEN_WORKING_DAYS_LATER + datetime.timedelta(days=1)).full_clean()


def test_an_alert_needs_no_advance_notice():
    planned(FRIDAY + datetime.timedelta(hours=1), kind=MaintenanceNotice.Kind.ALERT).full_clean()


def test_end_must_follow_start():
    notice = planned(SEVEN_WORKING_DAYS_LATER)
    notice.ends_at = notice.starts_at

    with pytest.raises(ValidationError) as error:
        notice.full_clean()
    assert "phải sau thời điểm bắt đầu" in error.value.message_dict["ends_at"][0]


def publish_notice(**kwargs):
    notice = MaintenanceNoticeFactory(live=False, **kwargs)
    notice.save_revision().publish()
    return notice


def test_banner_shows_from_publication_until_the_end(client, home_page):
    with time_machine.travel(FRIDAY, tick=False):
        notice = publish_notice(
            message="Cổng tạm ngừng để nâng cấp",
            starts_at=SEVEN_WORKING_DAYS_LATER,
            ends_at=SEVEN_WORKING_DAYS_LATER + datetime.timedelta(hours=4),
        )
        assert "Cổng tạm ngừng để nâng cấp" in client.get("/").content.decode()

    with time_machine.travel(notice.ends_at - datetime.timedelta(minutes=1), tick=False):
        assert "Cổng tạm ngừng để nâng cấp" in client.get("/").content.decode()
    with time_machine.travel(notice.ends_at + datetime.timedelta(minutes=1), tick=False):
        assert "Cổng tạm ngừng để nâng cấp" not in client.get("/").content.decode()


def test_draft_and_unpublished_notices_are_not_shown(client, home_page):
    draft = MaintenanceNoticeFactory(live=False, message="Bản nháp chưa đăng")
    assert "Bản nháp chưa đăng" not in client.get("/").content.decode()

    draft.save_revision().publish()
    assert "Bản nháp chưa đăng" in client.get("/").content.decode()

    draft.refresh_from_db()
    draft.unpublish()
    assert "Bản nháp chưa đăng" not in client.get("/").content.decode()


def test_notice_for_one_site_is_not_shown_on_another(client, home_page, root_page):
    other_home = HomePageFactory(parent=root_page, title="Trang chủ huyện", slug="huyen")
    other = Site.objects.create(hostname="huyen.example.gov.vn", root_page=other_home)
    publish_notice(site=other, message="Chỉ trên trang huyện")

    assert "Chỉ trên trang huyện" not in client.get("/").content.decode()
    assert "Chỉ trên trang huyện" in client.get("/", HTTP_HOST="huyen.example.gov.vn").content.decode()


def test_notice_for_all_sites_is_shown_everywhere(client, home_page, root_page):
    other_home = HomePageFactory(parent=root_page, title="Trang chủ huyện", slug="huyen")
    Site.objects.create(hostname="huyen.example.gov.vn", root_page=other_home)
    publish_notice(site=None, message="Trên mọi trang")

    assert "Trên mọi trang" in client.get("/").content.decode()
    assert "Trên mọi trang" in client.get("/", HTTP_HOST="huyen.example.gov.vn").content.decode()


def test_message_is_escaped(client, home_page):
    publish_notice(message='<script>alert("x")</script> Bảo trì')

    body = client.get("/").content.decode()

    assert '<script>alert("x")</script>' not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Bảo trì" in body


def test_banner_costs_no_query_once_cached_and_is_refreshed_on_save(client, home_page):
    notice = publish_notice(message="Thông báo thứ nhất")
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [query for query in queries if "operations_maintenancenotice" in query["sql"]]

    notice.message = "Thông báo đã sửa"
    notice.save_revision().publish()
    assert "Thông báo đã sửa" in client.get("/").content.decode()

    notice.delete()
    assert "Thông báo đã sửa" not in client.get("/").content.decode()


def test_editor_sees_the_rule_in_the_admin_form(client, home_page):
    client.force_login(SuperuserFactory())
    url = "/admin/snippets/operations/maintenancenotice/add/"
    starts = timezone.localtime(timezone.now() + datetime.timedelta(days=2))

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kind": MaintenanceNotice.Kind.PLANNED_DOWNTIME,
            "site": "",
            "message": "Nâng cấp máy chủ",
            "starts_at": f"{starts:%Y-%m-%d %H:%M}",
            "ends_at": f"{starts + datetime.timedelta(hours=2):%Y-%m-%d %H:%M}",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 200
    assert "ít nhất 7 ngày làm việc" in response.content.decode()
    assert not MaintenanceNotice.objects.exists()

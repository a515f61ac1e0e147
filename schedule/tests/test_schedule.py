"""The leaders' weekly schedule as the public sees it, and the rules on its entries."""

import datetime
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from core.models import StandardPage
from core.tests.factories import StandardPageFactory, default_site_id
from news.tests.factories import SectionPageFactory
from portal.demo import schedule as demo
from schedule.models import ScheduleEntry, SchedulePage
from schedule.queries import entries_for_week

from .factories import ScheduleEntryFactory, SchedulePageFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 2)
SUNDAY = datetime.date(2026, 3, 8)
NEXT_MONDAY = datetime.date(2026, 3, 9)


@pytest.fixture
def schedule_page(home_page):
    return SchedulePageFactory(parent=home_page)


@pytest.fixture
def today_is():
    """Pins "today" in Vietnam for the page under test."""
    with mock.patch("django.utils.timezone.localdate") as localdate:
        yield lambda day: setattr(localdate, "return_value", day)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def heading(soup):
    return soup.select_one(".schedule__week").get_text(strip=True)


def day_rows(soup):
    """{"Thứ Hai, 02/03/2026": [text of each row under that day]}."""
    return {
        body.select_one("th").get_text(" ", strip=True): [
            row.get_text(" ", strip=True) for row in body.select("tr")[1:]
        ]
        for body in soup.select("tbody.schedule__day")
    }


def test_week_runs_monday_to_sunday():
    sunday_entry = ScheduleEntryFactory(date=SUNDAY)
    next_monday_entry = ScheduleEntryFactory(date=NEXT_MONDAY)
    ScheduleEntryFactory(date=MONDAY - datetime.timedelta(days=1))

    for day in (MONDAY, datetime.date(2026, 3, 5), SUNDAY):
        monday, sunday, entries = entries_for_week(day, default_site_id())
        assert (monday, sunday) == (MONDAY, SUNDAY)
        assert list(entries) == [sunday_entry]
    assert list(entries_for_week(NEXT_MONDAY, default_site_id())[2]) == [next_monday_entry]


def test_entries_are_ordered_by_date_then_time():
    late = ScheduleEntryFactory(date=MONDAY, start_time=datetime.time(14, 0))
    tuesday = ScheduleEntryFactory(date=MONDAY + datetime.timedelta(days=1), start_time=datetime.time(7, 0))
    early = ScheduleEntryFactory(date=MONDAY, start_time=datetime.time(7, 30))
    assert list(entries_for_week(MONDAY, default_site_id())[2]) == [early, late, tuesday]


def test_page_shows_the_chosen_week_grouped_by_day(client, schedule_page, today_is):
    today_is(datetime.date(2026, 6, 1))
    ScheduleEntryFactory(
        date=datetime.date(2026, 3, 4),
        start_time=datetime.time(8, 0),
        end_time=datetime.time(11, 30),
        content="Tiếp công dân định kỳ",
        leaders="Đ/c Nguyễn Văn Minh - Giám đốc Sở",
        location="Phòng Tiếp công dân",
        attendees="Thanh tra Sở",
    )
    ScheduleEntryFactory(date=NEXT_MONDAY, content="Hội nghị xúc tiến đầu tư")

    soup = soup_of(client.get(schedule_page.url, {"tuan": "2026-03-05"}))

    assert heading(soup) == "Lịch công tác tuần từ 02/03/2026 đến 08/03/2026"
    days = day_rows(soup)
    assert list(days) == [
        "Thứ Hai, 02/03/2026",
        "Thứ Ba, 03/03/2026",
        "Thứ Tư, 04/03/2026",
        "Thứ Năm, 05/03/2026",
        "Thứ Sáu, 06/03/2026",
        "Thứ Bảy, 07/03/2026",
        "Chủ Nhật, 08/03/2026",
    ]
    assert days["Thứ Tư, 04/03/2026"] == [
        "08:00 – 11:30 Tiếp công dân định kỳ Đ/c Nguyễn Văn Minh - Giám đốc Sở "
        "Phòng Tiếp công dân Thanh tra Sở"
    ]
    assert days["Thứ Hai, 02/03/2026"] == ["Không có lịch"]
    assert "Hội nghị xúc tiến đầu tư" not in soup.select_one(".schedule__table").get_text()


def test_default_week_is_this_week_in_vietnam(client, schedule_page):
    # 18:00 UTC on Sunday 01/03 is already 01:00 on Monday 02/03 in Hà Nội.
    server_now = datetime.datetime(2026, 3, 1, 18, 0, tzinfo=datetime.UTC)
    ScheduleEntryFactory(date=MONDAY, content="Họp giao ban đầu tuần")
    with mock.patch("django.utils.timezone.now", return_value=server_now):
        soup = soup_of(client.get(schedule_page.url))
    assert heading(soup) == "Lịch công tác tuần từ 02/03/2026 đến 08/03/2026"
    today = soup.select_one("tbody.is-today th").get_text(" ", strip=True)
    assert today == "Thứ Hai, 02/03/2026 (hôm nay)"
    assert "Họp giao ban đầu tuần" in soup.select_one(".schedule__table").get_text()


def test_week_navigation_links(client, schedule_page, today_is):
    today_is(datetime.date(2026, 6, 3))
    ScheduleEntryFactory(date=datetime.date(2026, 1, 5), content="Họp đầu năm")
    soup = soup_of(client.get(schedule_page.url, {"tuan": "2026-03-04"}))
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".schedule__nav a")}
    assert links == {
        "‹ Tuần trước": "?tuan=2026-02-23",
        "Tuần này": schedule_page.url,
        "Tuần sau ›": "?tuan=2026-03-09",
    }
    button = soup.select_one("button[data-print]")
    assert button.get_text() == "In lịch" and button.has_attr("hidden")  # shown by the site script
    scripts = [script.get("src", "") for script in soup.find_all("script")]
    assert sum("print" in src or src.endswith(("portal.js", "schedule.js")) for src in scripts) == 1
    assert all(script.get("src") for script in soup.find_all("script")), "no inline scripts"


def test_week_links_lead_only_to_weeks_with_entries_and_back(client, schedule_page, today_is):
    """No endless walk through empty weeks (a crawler followed 2,287 of them): the way back to this week and
    on to the next, and otherwise only towards entries."""
    today_is(datetime.date(2026, 6, 3))

    def links(week=None):
        soup = soup_of(client.get(schedule_page.url, {"tuan": week} if week else {}))
        return {a.get_text(strip=True): a["href"] for a in soup.select(".schedule__nav a")}

    assert links() == {"Tuần này": schedule_page.url, "Tuần sau ›": "?tuan=2026-06-08"}
    assert links("2026-06-08") == {"‹ Tuần trước": "?tuan=2026-06-01", "Tuần này": schedule_page.url}
    assert "Tuần sau ›" not in links("2030-01-02") and "‹ Tuần trước" in links("2030-01-02")
    ScheduleEntryFactory(date=datetime.date(2026, 9, 1), content="Họp quý III")
    assert links("2026-06-08")["Tuần sau ›"] == "?tuan=2026-06-15"  # towards September's entry
    assert "Tuần sau ›" not in links("2026-08-31")


@pytest.mark.parametrize(
    "value", ["", "tuan-nay", "2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "2026"]
)
def test_invalid_week_falls_back_to_this_week(client, schedule_page, today_is, value):
    today_is(datetime.date(2026, 3, 8))
    soup = soup_of(client.get(schedule_page.url, {"tuan": value}))
    assert heading(soup) == "Lịch công tác tuần từ 02/03/2026 đến 08/03/2026"


def test_end_time_must_be_after_start_time():
    entry = ScheduleEntryFactory.build(start_time=datetime.time(14, 0), end_time=datetime.time(14, 0))
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert error.value.message_dict == {"end_time": ["Giờ kết thúc phải sau giờ bắt đầu."]}

    entry.end_time = datetime.time(16, 0)
    entry.full_clean()
    entry.end_time = None
    entry.full_clean()


def test_leaders_and_content_are_required():
    entry = ScheduleEntry(date=MONDAY, start_time=datetime.time(8, 0), site_id=default_site_id())
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert set(error.value.message_dict) == {"leaders", "content"}


def count_queries(client, url):
    """Queries of one request, once a first request has warmed the per-process caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_entries(client, home_page, schedule_page, today_is):
    today_is(MONDAY)
    plain_page = count_queries(client, StandardPageFactory(parent=home_page).url)
    ScheduleEntryFactory(date=MONDAY)
    few = count_queries(client, schedule_page.url)
    ScheduleEntryFactory.create_batch(30, date=SUNDAY)
    assert count_queries(client, schedule_page.url) <= few
    assert few <= plain_page + 1, "one query for the whole week"


def test_admin_lists_entries_filtered_by_date(admin_client):
    ScheduleEntryFactory(date=MONDAY, content="Họp giao ban thứ Hai")
    ScheduleEntryFactory(date=SUNDAY, content="Trực lãnh đạo Chủ nhật")
    response = admin_client.get(
        "/admin/snippets/schedule/scheduleentry/", {"date_from": "2026-03-08", "date_to": "2026-03-08"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Trực lãnh đạo Chủ nhật" in text and "Họp giao ban thứ Hai" not in text


def test_schedule_page_is_a_leaf(home_page, root_page, schedule_page):
    assert SchedulePage.can_create_at(home_page) and not SchedulePage.can_create_at(root_page)
    assert not StandardPage.can_create_at(schedule_page) and not SchedulePage.can_create_at(schedule_page)


def test_demo_is_stable_and_goes_under_the_direction_section(home_page, today_is):
    today_is(MONDAY)
    section = SectionPageFactory(parent=home_page, slug="chi-dao-dieu-hanh")
    demo.load_demo(home_page)
    counts = (ScheduleEntry.objects.count(), SchedulePage.objects.count())
    demo.load_demo(home_page)
    assert (ScheduleEntry.objects.count(), SchedulePage.objects.count()) == counts
    assert counts[0] >= 10 and counts[1] == 1

    page = SchedulePage.objects.get()
    assert page.slug == "lich-cong-tac" and page.live and page.get_parent().pk == section.pk
    assert (
        entries_for_week(MONDAY, default_site_id())[2].exists()
        and entries_for_week(NEXT_MONDAY, default_site_id())[2].exists()
    )
    assert not entries_for_week(NEXT_MONDAY + datetime.timedelta(days=7), default_site_id())[2].exists()


def test_demo_run_a_week_later_keeps_earlier_entries(home_page, today_is):
    today_is(MONDAY)
    demo.load_demo(home_page)
    first_run = set(ScheduleEntry.objects.values_list("pk", flat=True))
    today_is(NEXT_MONDAY)
    demo.load_demo(home_page)
    assert first_run <= set(ScheduleEntry.objects.values_list("pk", flat=True))
    assert SchedulePage.objects.get().get_parent().pk == home_page.pk
    assert entries_for_week(NEXT_MONDAY + datetime.timedelta(days=7), default_site_id())[2].exists()
    slots = ScheduleEntry.objects.values("date", "start_time").annotate(n=Count("pk"))
    assert not slots.filter(n__gt=1).exists(), "no slot is double-booked"


def test_admin_rejects_an_entry_that_ends_before_it_starts(admin_client):
    url = "/admin/snippets/schedule/scheduleentry/add/"
    data = {
        "site": default_site_id(),
        "date": "02/03/2026",
        "start_time": "14:00",
        "end_time": "08:00",
        "leaders": "Đ/c Nguyễn Văn Minh - Giám đốc Sở",
        "content": "Họp giao ban",
    }
    response = admin_client.post(url, data)
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    assert not ScheduleEntry.objects.exists()

    admin_client.post(url, {**data, "end_time": "16:30"})
    entry = ScheduleEntry.objects.get()
    assert (entry.date, entry.start_time, entry.end_time) == (
        MONDAY,
        datetime.time(14),
        datetime.time(16, 30),
    )

"""The working-day calendar (editorial/calendar.py): Vietnam's public holidays from the `holidays` package,
without any row, and the editors' adjustments on top (an extra day off, a làm-bù Saturday, a cancelled
holiday), as every deadline uses it: moderation steps, citizens' questions, downtime notices."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from editorial.calendar import add_working_days, working_calendar, working_days_between
from editorial.models import Holiday
from feedback.tests.factories import QuestionFactory, QuestionIndexPageFactory

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
day = datetime.date


def at(year, month, date, hour=10):
    return datetime.datetime(year, month, date, hour, tzinfo=HANOI)


def test_tet_2027_on_the_lunar_calendar_is_off_without_any_row():
    """Tết Nguyên đán 2027: 1 Tháng Giêng is Saturday 6 February; the days off run from Thursday 4 to
    Wednesday 10 February."""
    assert not Holiday.objects.exists()
    calendar = working_calendar()
    assert [calendar.is_working_day(day(2027, 2, n)) for n in range(3, 12)] == [
        True,  # Wednesday 3
        *[False] * 7,  # Thursday 4 … Wednesday 10
        True,  # Thursday 11
    ]
    assert add_working_days(at(2027, 2, 3), 1) == at(2027, 2, 11)


def test_gio_to_hung_vuong_is_off_without_any_row():
    """10 Tháng Ba âm lịch: Friday 16 April 2027."""
    assert not working_calendar().is_working_day(day(2027, 4, 16))
    assert add_working_days(at(2027, 4, 15), 1) == at(2027, 4, 19)


def test_a_lam_bu_saturday_is_a_working_day():
    Holiday.objects.create(day=day(2027, 1, 9), kind=Holiday.Kind.WORKING_DAY, name="Làm bù cho ngày 04/02")
    assert working_calendar().is_working_day(day(2027, 1, 9))
    assert add_working_days(at(2027, 1, 8), 1) == at(2027, 1, 9)
    assert working_days_between(day(2027, 1, 7), day(2027, 1, 11)) == 3


def test_a_day_off_the_government_adds_counts():
    Holiday.objects.create(day=day(2027, 3, 8), name="Nghỉ theo thông báo của Chính phủ")
    assert not working_calendar().is_working_day(day(2027, 3, 8))
    assert add_working_days(at(2027, 3, 5), 1) == at(2027, 3, 9)


def test_a_cancelled_public_holiday_is_worked():
    Holiday.objects.create(day=day(2027, 4, 16), kind=Holiday.Kind.WORKING_DAY, name="Hủy ngày nghỉ")
    assert add_working_days(at(2027, 4, 15), 1) == at(2027, 4, 16)


def test_a_question_received_before_tet_is_due_after_it(home_page):
    """15 working days from Monday 1 February 2027: 2 before Tết, 13 after it (from Thursday 11 February)."""
    index = QuestionIndexPageFactory(parent=home_page)
    question = QuestionFactory(page=index, received_at=at(2027, 2, 1))
    assert question.due_at == at(2027, 3, 1)

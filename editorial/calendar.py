"""Working days for deadlines (moderation steps, citizens' questions, downtime notices, the board's reports).

A day is a working day when it is Monday to Friday and not one of Vietnam's public holidays, as the
`holidays` package computes them (Tết on the lunar calendar, Giỗ Tổ Hùng Vương, the days off given in
place of a holiday that falls on a weekend). Editors adjust that calendar with `Holiday` rows
(Snippets › Ngày nghỉ, làm bù): a day off the government adds (a bridge day), or a working day (a Saturday
worked in exchange for a bridge day — làm bù — or a holiday that is cancelled). An adjustment always wins.
"""

import datetime
import functools

import holidays as public_holidays
from django.utils import timezone

COUNTRY = "VN"


@functools.lru_cache(maxsize=64)
def national_holidays(year):
    """{date: Vietnamese name} of Vietnam's public holidays in `year` (computed, no database)."""
    return dict(public_holidays.country_holidays(COUNTRY, years=year, language="vi"))


class WorkingCalendar:
    """Which days are working days: weekdays, minus the public holidays (if `national`), with the editors'
    adjustments on top (`days_off` and `working_days`, sets of dates)."""

    def __init__(self, days_off=(), working_days=(), national=True):
        self.days_off = frozenset(days_off)
        self.working_days = frozenset(working_days)
        self.national = national

    def is_working_day(self, day):
        if day in self.working_days:
            return True
        if day in self.days_off:
            return False
        return day.weekday() < 5 and not (self.national and day in national_holidays(day.year))


def working_calendar():
    """Vietnam's public holidays with the editors' adjustments (one query)."""
    from .models import Holiday

    days_off, working_days = set(), set()
    for day, kind in Holiday.objects.values_list("day", "kind"):
        (working_days if kind == Holiday.Kind.WORKING_DAY else days_off).add(day)
    return WorkingCalendar(days_off, working_days)


def as_calendar(off):
    """`off` as callers give it: None (the portal's calendar), a WorkingCalendar, or a plain set of days off
    besides weekends (only those: no public holidays; for fixed examples)."""
    if off is None:
        return working_calendar()
    if isinstance(off, WorkingCalendar):
        return off
    return WorkingCalendar(days_off=off, national=False)


def is_working_day(day, off):
    return as_calendar(off).is_working_day(day)


def add_working_days(start, days, off=None):
    """The moment `days` working days after `start` (an aware datetime), at the same local time."""
    calendar = as_calendar(off)
    local = timezone.localtime(start)
    day = local.date()
    while days > 0:
        day += datetime.timedelta(days=1)
        if calendar.is_working_day(day):
            days -= 1
    return local.replace(year=day.year, month=day.month, day=day.day)


def start_of_day(day):
    """Local midnight at the start of `day`, as an aware datetime (report periods are local days)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def working_days_between(first, last, off=None):
    """Working days after `first` up to and including `last` (dates): issued on Friday and online on
    Tuesday is 2, the same as add_working_days counts a deadline."""
    calendar = as_calendar(off)
    span = (last - first).days
    return sum(calendar.is_working_day(first + datetime.timedelta(days=n)) for n in range(1, span + 1))


def working_time(start, end, off=None):
    """The part of [start, end) (aware datetimes) that falls on working days: the time a step really took,
    measured the way add_working_days sets its deadline (a weekend or holiday does not count)."""
    calendar = as_calendar(off)
    total = datetime.timedelta()
    day = timezone.localtime(start).date()
    while day <= timezone.localtime(end).date():
        if calendar.is_working_day(day):
            begin = max(start, start_of_day(day))
            finish = min(end, start_of_day(day + datetime.timedelta(days=1)))
            total += max(finish - begin, datetime.timedelta())
        day += datetime.timedelta(days=1)
    return total

"""Working days (Mon–Fri, minus the holidays editors enter) for moderation deadlines."""

import datetime

from django.utils import timezone


def holidays():
    from .models import Holiday

    return set(Holiday.objects.values_list("day", flat=True))


def is_working_day(day, off):
    return day.weekday() < 5 and day not in off


def add_working_days(start, days, off=None):
    """The moment `days` working days after `start` (an aware datetime), at the same local time."""
    off = holidays() if off is None else off
    local = timezone.localtime(start)
    day = local.date()
    while days > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, off):
            days -= 1
    return local.replace(year=day.year, month=day.month, day=day.day)


def start_of_day(day):
    """Local midnight at the start of `day`, as an aware datetime (report periods are local days)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def working_days_between(first, last, off=None):
    """Working days after `first` up to and including `last` (dates): issued on Friday and online on
    Tuesday is 2, the same as add_working_days counts a deadline."""
    off = holidays() if off is None else off
    span = (last - first).days
    return sum(is_working_day(first + datetime.timedelta(days=n), off) for n in range(1, span + 1))


def working_time(start, end, off=None):
    """The part of [start, end) (aware datetimes) that falls on working days: the time a step really took,
    measured the way add_working_days sets its deadline (a weekend or holiday does not count)."""
    off = holidays() if off is None else off
    total = datetime.timedelta()
    day = timezone.localtime(start).date()
    while day <= timezone.localtime(end).date():
        if is_working_day(day, off):
            begin = max(start, start_of_day(day))
            finish = min(end, start_of_day(day + datetime.timedelta(days=1)))
            total += max(finish - begin, datetime.timedelta())
        day += datetime.timedelta(days=1)
    return total

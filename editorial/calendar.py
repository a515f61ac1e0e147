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

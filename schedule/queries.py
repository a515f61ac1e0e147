"""The week of the leaders' schedule: what the schedule page and the home page show."""

from datetime import date, datetime, timedelta

from .models import ScheduleEntry

WEEK = timedelta(days=7)
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def monday_of(day):
    """Weeks start on Monday, as Vietnamese agencies plan them."""
    return day - timedelta(days=day.weekday())


def entries_for_week(day, site_id):
    """(Monday, Sunday, entries ordered by date and time) of the site's week that contains `day`.

    Pass `timezone.localdate()` for this week: "today" is the date in Asia/Ho_Chi_Minh, not on the
    server's clock.
    """
    monday = monday_of(day)
    sunday = monday + timedelta(days=6)
    entries = ScheduleEntry.objects.filter(site_id=site_id, date__range=(monday, sunday))
    entries = entries.order_by("date", "start_time", "pk")
    return monday, sunday, entries


def parse_week(value):
    """The day a `?tuan=YYYY-MM-DD` value names, or None when it names none (the caller shows this week).

    Years at the very ends of the calendar are refused too, so the previous and next weeks always exist.
    """
    try:
        day = datetime.strptime(value or "", "%Y-%m-%d").date()
    except ValueError:
        return None
    return day if date.min.year < day.year < date.max.year else None


def schedule_days(monday, entries):
    """The seven days from `monday`, each as (weekday name, date, its entries), empty days included."""
    by_date = {}
    for entry in entries:
        by_date.setdefault(entry.date, []).append(entry)
    days = (monday + timedelta(days=offset) for offset in range(7))
    return [(WEEKDAY_NAMES[day.weekday()], day, by_date.get(day, [])) for day in days]


def neighbour_weeks(monday, today, site_id):
    """(previous Monday or None, next Monday or None): a week is offered when the site has entries that way,
    or to walk back to this week and on to the next. Offering every week sent crawlers through thousands
    of empty ones."""
    this_monday = monday_of(today)
    entries = ScheduleEntry.objects.filter(site_id=site_id)
    earlier = monday > this_monday or entries.filter(date__lt=monday).exists()
    later = monday < this_monday + WEEK or entries.filter(date__gte=monday + WEEK).exists()
    return (monday - WEEK if earlier else None), (monday + WEEK if later else None)

"""Paging for long listings without COUNT(*): asking for one row more tells whether a next page exists."""

from dataclasses import dataclass
from urllib.parse import urlencode

MAX_PAGE = 1000


@dataclass
class Pager:
    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


def page_number(raw):
    """The requested page, forgiving: junk, zero and negatives mean page 1."""
    try:
        return min(max(int(raw), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def paginate_without_count(queryset, raw_page, per_page):
    number = page_number(raw_page)
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return Pager(object_list=rows[:per_page], number=number, has_next=len(rows) > per_page)


def query_prefix(params):
    """The current filters as "a=1&b=2&", so pagination links keep them (empty when there are none)."""
    return f"{urlencode(params)}&" if params else ""

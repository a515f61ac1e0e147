"""English pages of a Vietnamese portal: dates and times as on the Vietnamese pages (Django's own English
formats gave "12/07/2026 9:07 a.m." next to them); numbers in English style."""

from config.formats.vi.formats import (  # noqa: F401 (Django reads these names from this module)
    DATE_FORMAT,
    DATETIME_FORMAT,
    FIRST_DAY_OF_WEEK,
    MONTH_DAY_FORMAT,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
    TIME_FORMAT,
    YEAR_MONTH_FORMAT,
)

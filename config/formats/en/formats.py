"""English pages of a Vietnamese portal: day first and a 24-hour clock, as the Vietnamese pages ("12/07/2026
9:07 a.m." from Django's own English formats read wrong next to them); numbers in English style."""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "d/m"
YEAR_MONTH_FORMAT = "m/Y"
FIRST_DAY_OF_WEEK = 1

"""The page django-axes answers with once a username or an address has too many failed logins."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """429 with the wait in minutes, in Vietnamese; rendered at once: it replaces the login view's page."""
    minutes = max(1, round(get_cool_off(request).total_seconds() / 60))
    context = {"failure_limit": settings.LOGIN_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "users/lockout.html", context, status=429)


def failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def failure_limit(request, credentials):
    """AXES_FAILURE_LIMIT as a callable: django-axes locks once the larger count of its lockout parameters
    (this username from this address; this address) reaches one limit, so the limit is the per-pair one
    once that pair is spent, the larger per-address one otherwise."""
    pair, _address = AxesDatabaseHandler().get_user_attempts(request, credentials)
    if failures(pair) >= settings.LOGIN_FAILURE_LIMIT:
        return settings.LOGIN_FAILURE_LIMIT
    return max(settings.LOGIN_FAILURE_LIMIT, settings.LOGIN_ADDRESS_FAILURE_LIMIT)

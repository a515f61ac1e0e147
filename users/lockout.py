"""The page django-axes answers with once a username or an address has too many failed logins."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """429 with the wait in minutes, in Vietnamese; rendered at once: it replaces the login view's page."""
    minutes = max(1, round(get_cool_off(request).total_seconds() / 60))
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "users/lockout.html", context, status=429)

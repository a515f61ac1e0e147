"""Admin sessions: signed out after inactivity, and held at the second factor until it is given."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.deprecation import MiddlewareMixin

from .two_factor import pending_step, step_url

LAST_ACTIVITY = "portal_last_activity"
# The last-activity stamp is rewritten at most once a minute, not on every request.
ACTIVITY_RESOLUTION = 60
# Requests an open editor sends by itself: they keep no one signed in.
BACKGROUND_VIEWS = {"wagtailadmin_editing_sessions:ping", "wagtailadmin_editing_sessions:release"}
# Reachable before the second factor: signing in and out, the steps themselves, the admin's JS translations.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "two_factor_verify",
    "two_factor_setup",
    "admin:login",
    "admin:logout",
}


class IdleSessionMiddleware(MiddlewareMixin):
    """Ends a signed-in session unused for SESSION_IDLE_TIMEOUT s; the next admin page asks to log in."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Only requests that carry a session: an anonymous visitor's page never touches (or varies on) it.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES or not request.user.is_authenticated:
            return None
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY)
        if last is not None and now - last > settings.SESSION_IDLE_TIMEOUT:
            logout(request)
        elif request.resolver_match.view_name in BACKGROUND_VIEWS:
            return None
        elif last is None or now - last >= ACTIVITY_RESOLUTION:
            request.session[LAST_ACTIVITY] = now
        return None


class TwoFactorMiddleware(MiddlewareMixin):
    """Sends a signed-in user who owes the second factor to it before any admin page (Wagtail's, Django's)."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        step = pending_step(request.user)
        return redirect(step_url(step, request.get_full_path())) if step else None

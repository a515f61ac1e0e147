"""Whole public pages kept in the default cache (Redis in production) for anonymous visitors.

Django's per-site cache middleware in spirit, with the rules a portal with editors needs:

- Only a visitor without a session (never an editor: the userbar, drafts and previews are theirs), without
  messages waiting and without a language cookie is served from the cache or has his page stored; the
  admin is never cached.
- Only a plain HTML 200 that sets no cookie is stored: a page with a form carries a CSRF token, which sets
  the CSRF cookie, so it is never handed to another visitor. Other cookies the visitor sends are left out
  of the key (they change nothing on a page that passes these rules), so all visitors share one copy; a
  page that varies on anything else (a header) is not stored.
- The key holds the content generation (operations/generation.py): a publish, unpublish, move or delete
  shows on the next request. The generation is read once per request, so a page rendered from rows that
  changed meanwhile is stored under the old generation, where nobody reads it.
- An entry lives at most PAGE_CACHE_SECONDS, and never past midnight (pages show "today") nor past the
  next start or end of a maintenance notice (the banner follows the clock, not a save).

Browsers get no caching headers from this: a publish is visible to them on their next request too.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from operations import generation, notices

MAX_QUERY_LENGTH = 200
NOT_STORED = ("private", "no-cache", "no-store")
# What a stored page may vary on: cookies are left out of the key (see above) and the language is in it.
KEYED_VARY = {"cookie", "accept-language"}


def personal_cookies():
    """Cookies that make a page personal: the session (editors, passed view restrictions), flash
    messages, a chosen language."""
    return (settings.SESSION_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME, "messages")


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and "HTTP_AUTHORIZATION" not in request.META
        and not any(name in request.COOKIES for name in personal_cookies())
    )


def cacheable_response(request, response):
    messages = getattr(request, "_messages", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (messages is not None and len(messages))
        and not any(word in response.get("Cache-Control", "").lower() for word in NOT_STORED)
        and vary(response) <= KEYED_VARY
    )


def vary(response):
    return {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}


def seconds_until_change(now=None):
    """How long a page rendered now stays right: until PAGE_CACHE_SECONDS, local midnight or the next
    start or end of a live maintenance notice, whichever comes first."""
    now = now or timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    moments = [
        now + datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS),
        midnight + datetime.timedelta(days=1),
    ]
    for notice in notices.live_notices():
        moments += [moment for moment in (notice["starts_at"], notice["ends_at"]) if moment > now]
    return int((min(moments) - now).total_seconds())


def page_key(request, generation_id):
    """The generation, the language and the full URL (host and query string included)."""
    url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}page:{generation_id}:{request.LANGUAGE_CODE}:{url}"


class PageCacheMiddleware:
    """Sits right below the language middleware (the key holds the URL's language): a hit skips CSRF,
    authentication and the view, and the security headers above it are added to every response.

    A hit is one cache round trip: the generation and the page under the generation this process saw
    last are read together, and only when the generation has moved on is the page read again under the
    new one. (Django's own cache middleware makes two reads per hit, three with a generation.)"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.last_generation = ""

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key, cached = self.lookup(request)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if cacheable_response(request, response):
            timeout = seconds_until_change()
            if timeout > 0:
                cache.set(key, response, timeout)
        return response

    def lookup(self, request):
        """(key of the page under the current generation, the cached response or None)."""
        key = page_key(request, self.last_generation)
        found = cache.get_many([generation.KEY, key])
        current = found.get(generation.KEY) or generation.current()
        generation.hold(current)
        if current == self.last_generation:
            return key, found.get(key)
        self.last_generation = current
        key = page_key(request, current)
        return key, cache.get(key)

"""Whole public pages kept in the default cache (Redis in production) for anonymous visitors.

Django's per-site cache middleware in spirit, with the rules a portal with editors needs:

- Only a visitor without a session (never an editor: the userbar, drafts and previews are theirs), without
  messages waiting and without a language cookie is served from the cache or has his page stored; the
  admin is never cached.
- Only a plain HTML 200 that sets no cookie is stored: a page with a form carries a CSRF token, which sets
  the CSRF cookie, so it is never handed to another visitor. Other cookies the visitor sends are left out
  of the key (they change nothing on a page that passes these rules), so all visitors share one copy; a
  page that varies on anything else (a header) is not stored.
- The key holds the content generation (core/generation.py): a publish, unpublish, move or delete
  shows on the next request. The generation is read once per request, so a page rendered from rows that
  changed meanwhile is stored under the old generation, where nobody reads it.
- An entry lives at most PAGE_CACHE_SECONDS, and never past midnight (pages show "today") nor past the
  next start or end of a maintenance notice (the banner follows the clock, not a save).

- Query parameters only count when the page reads them: tracking parameters (utm_*, fbclid, gclid...) are
  left out of the key, and a page is not stored when the request carries a parameter the page never read
  (or when it read a tracking one), so random parameters can neither fill the cache nor be served back.
- A cache that fails (operations/cache.py) is a miss: the page is rendered and served as without a cache.

Browsers get no caching headers from this: a publish is visible to them on their next request too.

The middleware sits high in MIDDLEWARE (config/settings/base.py), below only what a hit still needs (the
HTTPS redirect and security headers, the body limit, the generation, the rating form's single-use token):
the Content-Security-Policy, Permissions-Policy, session and language middleware run once, when the page
is rendered, and their headers are stored with it, so a hit answers the same headers without computing
them again (docs/benchmarks.md, bench/load.sh). The language is then read from the URL, as the language
middleware below reads it; a page that used a CSP nonce is never stored (the nonce must be new each time).
"""

import datetime
import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import QueryDict
from django.utils import timezone, translation
from wagtail.models import Site

from core import generation
from operations import notices

MAX_QUERY_LENGTH = 200
MAX_HOSTS = 100  # hosts this process remembers the generation of
NOT_STORED = ("private", "no-cache", "no-store")
# What a stored page may vary on: cookies are left out of the key (see above) and the language is in it.
KEYED_VARY = {"cookie", "accept-language"}


# Added by links in newsletters, social networks and ads; no page reads them.
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid"}
)
TRACKING_PREFIXES = ("utm_", "mc_", "_ga", "_gl")


def tracking(name):
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


class ReadQueryDict(QueryDict):
    """request.GET that remembers which parameters the view (or anything below the page cache) read:
    by name (get, [], getlist, in) or all at once (iteration, items, urlencode, copy)."""

    def __init__(self, *args, **kwargs):
        self.read = set()  # parsing the query string goes through __contains__: what it marks is forgotten
        super().__init__(*args, **kwargs)
        self.read = set()

    def read_all(self):
        self.read.update(dict.keys(self))

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def __iter__(self):
        self.read_all()
        return super().__iter__()

    def keys(self):
        self.read_all()
        return super().keys()

    def lists(self):
        self.read_all()
        return super().lists()

    def __deepcopy__(self, memo):
        self.read_all()
        return super().__deepcopy__(memo)

    def unread(self):
        """Parameters the request carries that nothing read."""
        return set(dict.keys(self)) - self.read


def record_reads(request):
    """Replace request.GET (parsed again, as Django parses it) by one that records what is read."""
    request.GET = ReadQueryDict(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
    return request.GET


def reads_only_its_own_parameters(request):
    """True unless the request carries a parameter of the key that the page did not read, or the page
    read a tracking parameter (left out of the key)."""
    query = request.GET
    if not isinstance(query, ReadQueryDict):
        return not query
    return not any(not tracking(name) for name in query.unread()) and not any(map(tracking, query.read))


def personal_cookies():
    """Cookies that make a page personal: the session (editors, passed view restrictions), flash
    messages, a chosen language."""
    return (settings.SESSION_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME, "messages")


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
        and not request.path_info.startswith(settings.STATIC_URL)  # WhiteNoise's, below: no cache lookup
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
        and not getattr(request, "csp_nonce", None)  # django-csp's lazy nonce: true once a template used it
        and not (messages is not None and len(messages))
        and not any(word in response.get("Cache-Control", "").lower() for word in NOT_STORED)
        and vary(response) <= KEYED_VARY
        and reads_only_its_own_parameters(request)
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


def url_language(request):
    """The language of the URL, as the language middleware below the page cache reads it: public URLs sit
    in i18n_patterns without a prefix for Vietnamese, and a request with a language cookie (the only other
    thing it reads, the browser's Accept-Language being ignored) never reaches the cache."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def page_key(request, generation_id):
    """The generation, the language and the full URL (host and query string but tracking parameters).
    "page2": entries stored before the security headers were stored with the page are never read."""
    query = request.META.get("QUERY_STRING", "")
    if query:
        kept = [(name, value) for name, value in request.GET.lists() if not tracking(name)]
        query = urlencode(kept, doseq=True)
    address = request.build_absolute_uri(request.path) + (f"?{query}" if query else "")
    url = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}page2:{generation_id}:{url_language(request)}:{url}"


class PageCacheMiddleware:
    """Sits above the CSP, session and language middleware (see the module docstring): a hit skips them,
    CSRF, authentication and the view, and answers the headers they gave the page when it was stored.

    A hit is one cache round trip: the shared generation, the site's own and the page under the generation
    this process saw last for the host are read together, and only when the generation has moved on is the
    page read again under the new one. (Django's own cache middleware makes two reads per hit, three with a
    generation.)"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.last_generation = {}  # host: (its site's id, the generation seen last for it)

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key, cached = self.lookup(request)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        record_reads(request)
        response = self.get_response(request)
        if key is not None and cacheable_response(request, response):
            timeout = seconds_until_change()
            if timeout > 0:
                cache.set(key, response, timeout)
        return response

    def lookup(self, request):
        """(key of the page under the generation of the request's site, the cached response or None). Which
        site a host is for, and the generation this process saw last for it, are kept per host."""
        host = request.get_host()
        site_id, last = self.last_generation.get(host, (None, ""))
        key = page_key(request, last)
        own_key = generation.site_key(site_id)
        found = cache.get_many([generation.KEY, key] + ([own_key] if site_id is not None else []))
        shared = found.get(generation.KEY)
        current = shared if site_id is None or not shared else f"{shared}.{found.get(own_key)}"
        if last and current == last:
            generation.for_site(site_id)
            generation.hold(current, shared)
            return key, found.get(key)
        if shared:
            generation.hold(shared, shared)
        try:
            site = Site.find_for_request(request)  # kept on the request: Wagtail's serve() reads it there
        except DatabaseError:
            return None, None
        generation.for_site(getattr(site, "pk", None))
        current = generation.current()
        if len(self.last_generation) >= MAX_HOSTS:
            self.last_generation.clear()
        self.last_generation[host] = (getattr(site, "pk", None), current)
        key = page_key(request, current)
        return key, cache.get(key)

"""One generation per site for everything the public sees: a change the public can see starts a new one for
the sites that show it (operations/invalidation.py says which changes, and where).

Caches of rendered output (the layout's menu in core/chrome.py, parts of pages in core/fragments.py, whole
pages in operations/page_cache.py) put the generation in their keys, and so does what each process keeps
for the requests that follow (remembered(): the menu, the emblem). A site's generation is made of two
parts: the shared one (KEY), renewed by what every site shows (a shared snippet, a file, the sites
themselves), and the site's own (site_key()), renewed by its pages and settings. A publish is then visible on
the next request, without having to know which pages display what (index pages and the home page list
articles and documents), and a publish on one site leaves the other sites' caches alone. Old entries
expire; a process drops its own once past LOCAL_GENERATIONS newer ones.
"""

import contextvars
import uuid

from django.core.cache import cache
from django.db import DatabaseError
from wagtail.models import Site

KEY = "portal:content-generation"

# Only while a request is served (GenerationMiddleware): {"request": the request, "shared": the shared
# generation, "site": the request's site id, "id": the generation of that site}, each read once.
_held = contextvars.ContextVar("portal_generation", default=None)
# What remembered() built in this process: {generation: {key: value}}, so that a thread still on a previous
# generation never writes into the new one's values, and requests for several sites keep theirs.
_local = {}
LOCAL_LIMIT = 5000  # entries; more in one generation (a crawl of every page) starts the dict again
LOCAL_GENERATIONS = 50  # the oldest are dropped past this many


def site_key(site_id):
    """Where one site's own generation is kept: renewed by what only that site shows."""
    return f"{KEY}:{site_id}"


def shared():
    """The generation of what every site shows (renewed by a change to a shared snippet, a setting or a
    file): read once per request."""
    held = _held.get()
    if held and "shared" in held:
        return held["shared"]
    value = cache.get_or_set(KEY, lambda: uuid.uuid4().hex, None)
    if held is not None:
        held["shared"] = value
    return value


def of_site(site_id):
    """The generation of everything one site shows: the shared one and the site's own."""
    held = _held.get()
    if held and held.get("site") == site_id and "id" in held:
        return held["id"]
    own = cache.get_or_set(site_key(site_id), lambda: uuid.uuid4().hex, None)
    return f"{shared()}.{own}"


def current():
    """The generation now in force for the request's site (the shared one alone outside a request, or for a
    host no site answers): read once per request, so a request sees one generation throughout."""
    held = _held.get()
    if held and "id" in held:
        return held["id"]
    if held and "site" not in held and "request" in held:
        for_site(site_id_of(held["request"]))
    site_id = held.get("site") if held else None
    value = shared() if site_id is None else of_site(site_id)
    hold(value)
    return value


def site_id_of(request):
    """The request's site, as Wagtail finds it (and keeps on the request for its own routing), or None."""
    try:
        site = Site.find_for_request(request)
    except DatabaseError:  # the database away: the shared generation, the page served uncached
        return None
    return site.pk if site else None


def for_site(site_id):
    """The request is for this site (Site.find_for_request found it: current(), core/fragments.py, the page
    cache): its generation is the site's from now on."""
    held = _held.get()
    if held is not None and ("site" not in held or held["site"] != site_id):
        held["site"] = site_id
        held.pop("id", None)


def hold(value, shared_value=None):
    """Make value the generation of the request being served (the page cache read it with the page)."""
    held = _held.get()
    if held is not None:
        held["id"] = value
        if shared_value is not None:
            held["shared"] = shared_value


def renew(site_ids=None):
    """Start a new generation for these sites, or for every site (None). The request being served reads
    the new one next."""
    keys = [KEY] if site_ids is None else [site_key(site_id) for site_id in site_ids]
    cache.set_many({key: uuid.uuid4().hex for key in keys}, None)
    held = _held.get()
    if held is not None:
        held.pop("id", None)
        if site_ids is None:
            held.pop("shared", None)


def remembered(name, *parts, build, generation=None):
    """build() once per process and generation (the request's, unless another is given: shared() for what
    every site reads, of_site() for another site's), kept in this process's memory: for what every request
    reads (the menu, the emblem) and a cache round trip would cost more than the lookup. The
    value is shared by the requests that follow: callers must not change it."""
    generation = generation or current()
    values = _local.get(generation)
    if values is None:
        values = _local.setdefault(generation, {})
        for old in list(_local)[:-LOCAL_GENERATIONS]:
            _local.pop(old, None)
    key = (name, *parts)
    if key not in values:
        if len(values) >= LOCAL_LIMIT:
            values.clear()
        values[key] = build()
    return values[key]


class GenerationMiddleware:
    """Holds the generation a request reads first for the rest of it (above the page cache, which reads it
    together with the page). The request's site is looked up when a cache first needs the generation, so
    that a page cache hit, which reads it with the page, costs no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _held.set({"request": request})
        try:
            return self.get_response(request)
        finally:
            _held.reset(token)

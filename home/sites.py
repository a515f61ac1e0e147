"""The site a request is for and its settings, from this process's memory.

Wagtail looks the site up with a query on every request, then its root page, then the portal's settings
and their emblem: four queries for rows that change only when an administrator edits them, which renews the
content generation (operations/generation.py) these are kept under.
"""

import contextlib
import copy

from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site

from operations import generation


def site_for(request):
    """Site.find_for_request(request), the root page read with it. Which site a host is kept under the
    generation all sites share (a change to any site renews it); the site and its root page under the
    site's own generation, which a publish of its home page renews. From here on the request reads its
    site's generation (operations/generation.py)."""
    hostname = split_domain_port(request._get_raw_host())[0]

    def find():
        site = Site._find_for_request(request)
        return None if site is None else site.pk

    site_id = generation.remembered(
        "site-id", hostname, request.get_port(), build=find, generation=generation.shared()
    )
    generation.for_site(site_id)
    if site_id is None:
        return None

    def build():
        site = Site.objects.select_related("root_page").get(pk=site_id)
        site.root_page = site.root_page.specific  # Wagtail routes from it: read once, kept on the site
        return site

    return generation.remembered("site", site_id, build=build)


def portal_settings_for(site, build):
    """A copy of the site's PortalSettings (for_request marks its copy with the request), the emblem read
    with it."""

    def read():
        settings = build()
        settings.emblem  # noqa: B018
        return settings

    return copy.copy(
        generation.remembered("portal-settings", site.pk, build=read, generation=generation.of_site(site.pk))
    )


class SiteMiddleware:
    """Gives Wagtail the request's site before anything asks for it (below the page cache: a hit needs
    none)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A failing database leaves the site to Wagtail: what needs it fails as before; /healthz says so.
        with contextlib.suppress(DatabaseError):
            request._wagtail_site = site_for(request)
        return self.get_response(request)

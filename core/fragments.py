"""Rendered parts of public pages kept in Django's cache under the content generation of the request's site.

Blocks that read the same rows on every request (the home page's news and documents, an article's related
articles) are rendered once per generation and read back as HTML: a publish, unpublish, move or delete on
the site starts a new generation (core/generation.py), so its fragments miss and the change shows on
the next request. Keys also hold the language and the host (page URLs are relative to the request's site).
"""

from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core import generation

TIMEOUT = 60 * 60


def site_generation(request):
    """The content generation of the request's site (Site.find_for_request, which Wagtail keeps on the
    request for its own routing); the shared one when no site answers."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        generation.for_site(site.pk)
    return generation.current()


def fragment(request, name, *parts, build):
    """The HTML build() returns, once per site generation, language, host and parts (what else the
    fragment depends on: a page's pk). build() must not depend on the visitor (no CSRF token, no user).
    A preview renders a draft: built every time, never stored where visitors would read it."""
    if getattr(request, "is_preview", False):
        return build()
    host = request.get_host() if request is not None else ""
    key = ":".join(
        ["fragment", name, site_generation(request), translation.get_language() or "", host, *map(str, parts)]
    )
    html = cache.get(key)
    if html is None:
        html = build()
        cache.set(key, str(html), TIMEOUT)
    return mark_safe(html)  # noqa: S308 (HTML the templates above escaped)

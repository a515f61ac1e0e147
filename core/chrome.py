"""The layout's navigation data (menu, breadcrumb trail, language links), cached.

Every public page shows them and building them costs several page queries. The cache holds plain titles
and URLs (never page content) under the portal's content generation (core/generation.py), which any
page or view-restriction change renews (that of the request's site: core/fragments.py), so an edit shows on
the next request.
"""

from collections import defaultdict

from django.core.cache import cache
from wagtail.models import Page

from core import generation
from core.fragments import site_generation
from core.tree import descendants_q

TIMEOUT = 60 * 60


def cached(name, request, *parts, build):
    """build() once per page generation, per host (page URLs are relative to the request's site): kept in
    this process (generation.remembered) and in the shared cache for the other processes."""
    host = request.get_host() if request else ""
    current = site_generation(request)
    return generation.remembered(
        name, host, *parts, build=lambda: shared(name, current, host, parts, build), generation=current
    )


def shared(name, current, host, parts, build):
    key = ":".join(["portal", name, current, host, *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def menu_items(root, request):
    """[{pk, title, url, path, children: [{pk, title, url, path}]}]: root's in-menu sections."""

    def build():
        sections = root.get_children().live().public().in_menu()
        children = Page.objects.live().public().in_menu().filter(descendants_q(root), depth=root.depth + 2)
        by_parent = defaultdict(list)
        for child in children:
            by_parent[child.path[: -Page.steplen]].append(link(child, request))
        return [{**link(section, request), "children": by_parent[section.path]} for section in sections]

    return cached("menu", request, root.pk, build=build)


def trail(page, root, request):
    """Links to the ancestors of page below root, top first."""

    def build():
        return [link(ancestor, request) for ancestor in page.get_ancestors().filter(depth__gt=root.depth)]

    return cached("trail", request, page.pk, root.pk, build=build)


def translations(page, request):
    """{language code: URL} of the live translations of page (page itself included)."""

    def build():
        pages = Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
        return {translation.locale.language_code: link(translation, request) for translation in pages}

    return cached("translations", request, page.translation_key, build=build)


def link(page, request):
    return {"pk": page.pk, "title": page.title, "url": page.get_url(request), "path": page.path}

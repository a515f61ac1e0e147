"""Page routing with one query for the whole URL.

Wagtail routes a URL one level at a time: the child with the next slug, then that child's specific page,
two queries per level (six for an article three levels down). Here the pages every component may name
are read at once, with their specific types; Wagtail's own routing still decides (routable pages' own
URLs first, a missing page gives its 404).
"""

from django.db.models import Q
from wagtail.models import Page

from home.tree import descendants_q


def pages_along(page, components):
    """{(parent path, slug): specific page} for the pages that `components` may name below page."""
    named = Q(pk__in=[])
    for level, slug in enumerate(components, start=1):
        named |= Q(depth=page.depth + level, slug=slug)
    found = Page.objects.filter(descendants_q(page)).filter(named).specific()
    return {(child.path[: -Page.steplen], child.slug): child for child in found}


def child_named(page, request, components):
    """The child of page named by components[0], or None when it is not among the pages read for request."""
    along = getattr(request, "_portal_pages_along", None)
    if along is None:
        along = request._portal_pages_along = pages_along(page, components)
    child = along.get((page.path, components[0]))
    if child is not None:
        child._cached_parent_obj = page  # as Wagtail does: get_parent() needs no query
    return child

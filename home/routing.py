"""Page routing with the pages along the whole URL read at once.

Wagtail routes a URL one level at a time: the child with the next slug, then that child's specific page,
two queries per level (six for an article three levels down). Here the pages every component may name are
located at once, then read as their specific types, a query per type, with SQL compiled once per content
generation (home/compiled.py). Wagtail's own routing still decides (routable pages' own URLs first, a
missing page gives its 404).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from home import compiled
from home.tree import descendants_q

SLUG_LENGTH = Page._meta.get_field("slug").max_length
MAX_DEPTH = Page._meta.get_field("path").max_length // Page.steplen


def pages_along(page, components):
    """{(parent path, slug): specific page} for the pages that `components` may name below page."""
    if len(components) > MAX_DEPTH or any(len(component) > SLUG_LENGTH for component in components):
        return {}  # names no page; and a made-up URL keeps no compiled SQL in memory

    def located():
        named = Q(pk__in=[])
        for level, slug in enumerate(components, start=1):
            named |= Q(depth=page.depth + level, slug=slug)
        return Page.objects.filter(descendants_q(page)).filter(named).values("pk", "content_type")

    by_type = defaultdict(list)
    for row in compiled.rows(("route", page.pk, *components), located):
        by_type[row["content_type"]].append(row["pk"])
    found = []
    for content_type_id, pks in by_type.items():
        found += specific_pages(content_type_id, sorted(pks))
    return {(child.path[: -Page.steplen], child.slug): child for child in found}


def specific_pages(content_type_id, pks):
    """The pages of pks, all of one content type, as instances of its model (Page if it is gone)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
    return compiled.instances(("pages", model._meta.label, *pks), lambda: model.objects.filter(pk__in=pks))


def child_named(page, request, components):
    """The child of page named by components[0], or None when it is not among the pages read for request."""
    along = getattr(request, "_portal_pages_along", None)
    if along is None:
        along = request._portal_pages_along = pages_along(page, components)
    child = along.get((page.path, components[0]))
    if child is not None:
        child._cached_parent_obj = page  # as Wagtail does: get_parent() needs no query
    return child

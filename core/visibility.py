"""Which pages are private (under a view restriction), read from the cache instead of the database.

Wagtail asks the database for every restriction each time a listing calls `.public()` and twice for every
page it serves (the page's restrictions, then its ancestors'). The restricted paths change only when a
restriction or a page changes, which renews the content generation the layout's cache is keyed on
(core/chrome.py), so they are cached with it.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from core import chrome


def restricted_paths():
    """{"pages": paths of restricted pages, "served": those plus the paths of their aliases}.

    A listing hides the subtrees of restricted pages (Wagtail's `.public()`); serving a page also checks
    the restrictions of the page an alias copies, for the alias and the pages below it.
    """

    def build():
        restricted = dict(PageViewRestriction.objects.values_list("page_id", "page__path"))
        aliases = Page.objects.filter(alias_of__in=restricted).values_list("path", flat=True)
        pages = sorted(set(restricted.values()))
        return {"pages": pages, "served": sorted({*pages, *aliases})}

    return chrome.cached("restricted-paths", None, build=build)


def may_be_restricted(page):
    """False when no view restriction can apply to page, so that serving it needs no query about them."""
    return any(page.path.startswith(path) for path in restricted_paths()["served"])


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's condition (the restricted pages and their descendants) from the cached paths."""
        q = Q()
        for path in restricted_paths()["pages"]:
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])

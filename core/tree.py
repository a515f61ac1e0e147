"""Page-tree filters the database answers from the path index.

Wagtail's descendant_of()/child_of() filter with `path LIKE 'prefix%'`, which SQLite (and PostgreSQL outside
the C collation) cannot serve from an index: at 50,000 articles every listing became a full table scan. A
path range selects the same pages and uses the unique index on `path`.
"""

from collections import defaultdict
from urllib.parse import quote

from django.db.models import Q
from django.db.models.functions import Substr
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Page

PATH_LENGTH = Page._meta.get_field("path").max_length
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what reverse() leaves unquoted in a page's URL


def descendants_q(page):
    low = page.path + Page.alphabet[0] * Page.steplen
    high = page.path + Page.alphabet[-1] * (PATH_LENGTH - len(page.path))
    return Q(path__range=(low, high))


def below_any(pages, roots):
    """The pages of queryset `pages` below any of `roots` (a province's component portals' home pages): one
    IN list of path prefixes per depth of root. An OR of one path range per root costs the database a range
    test per root and row: at a hundred roots it was most of a province home page's time."""
    by_depth = defaultdict(list)
    for root in roots:
        by_depth[root.depth].append(root.path)
    prefixes = {f"root_prefix_{depth}": Substr("path", 1, len(paths[0])) for depth, paths in by_depth.items()}
    wanted = Q(pk__in=[])
    for depth, paths in by_depth.items():
        wanted |= Q(depth__gt=depth, **{f"root_prefix_{depth}__in": paths})
    return pages.alias(**prefixes).filter(wanted)


def children_q(page):
    return descendants_q(page) & Q(depth=page.depth + 1)


def url_below(url_path, root, root_url, request):
    """Page.get_url(request) of the page at url_path, without a page object: below root, root's URL and the
    rest of the url_path quoted as reverse() quotes it; elsewhere (another tree or site) Wagtail's way."""
    if root_url and url_path.startswith(root.url_path):
        return root_url + quote(url_path[len(root.url_path) :], safe=URL_SAFE)
    return Page(url_path=url_path).get_url(request)

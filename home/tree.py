"""Page-tree filters the database answers from the path index.

Wagtail's descendant_of()/child_of() filter with `path LIKE 'prefix%'`, which SQLite (and PostgreSQL outside
the C collation) cannot serve from an index: at 50,000 articles every listing became a full table scan. A
path range selects the same pages and uses the unique index on `path`.
"""

from django.db.models import Q
from wagtail.models import Page

PATH_LENGTH = Page._meta.get_field("path").max_length


def descendants_q(page):
    low = page.path + Page.alphabet[0] * Page.steplen
    high = page.path + Page.alphabet[-1] * (PATH_LENGTH - len(page.path))
    return Q(path__range=(low, high))


def children_q(page):
    return descendants_q(page) & Q(depth=page.depth + 1)

"""core.tree.below_any: the pages below any of many roots, as the province's home page asks for its component
portals' articles (portal/home_blocks.py)."""

import pytest
from wagtail.models import Page

from core.tree import below_any, descendants_q

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_below_any_finds_what_one_range_per_root_finds_at_any_depth(home_page):
    """Roots at two depths: their descendants, not the roots themselves, nor a sibling's tree."""
    first = StandardPageFactory(parent=home_page, slug="mot")
    second = StandardPageFactory(parent=home_page, slug="hai")
    outside = StandardPageFactory(parent=home_page, slug="ba")
    deeper = StandardPageFactory(parent=second, slug="sau")
    for root in (first, second, outside, deeper):
        StandardPageFactory(parent=StandardPageFactory(parent=root), slug="chau")
    roots = [Page.objects.get(pk=page.pk) for page in (first, deeper)]
    expected = Page.objects.filter(descendants_q(roots[0]) | descendants_q(roots[1]))
    found = below_any(Page.objects.all(), roots)
    assert set(found) == set(expected) and len(expected) == 4
    assert not below_any(Page.objects.all(), []).exists()

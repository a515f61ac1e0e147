"""The organisation demo next to pages an agency already has (apart from test_demo.py, whose module loads the
demo once for all its tests)."""

import pytest
from wagtail.models import Page

from core.tests.factories import StandardPageFactory
from organisation.models import ContactPage, LeadersPage
from portal.demo.organisation import load_demo

pytestmark = pytest.mark.django_db


def test_existing_pages_at_the_demo_slugs_are_left_alone(home_page):
    introduction = StandardPageFactory(parent=home_page, slug="gioi-thieu", title="Giới thiệu chung")
    old_contact = StandardPageFactory(parent=home_page, slug="lien-he", title="Liên hệ cũ")
    load_demo(home_page)
    assert LeadersPage.objects.get().get_parent().pk == introduction.pk
    assert not ContactPage.objects.exists()
    assert Page.objects.get(pk=old_contact.pk).title == "Liên hệ cũ"

"""The demo projects: a realistic spread over the three status groups, and loading twice changes nothing."""

import pytest
from wagtail.models import Revision

from core.tests.factories import StandardPageFactory
from portal.demo.projects import load_demo
from projects.enums import ProjectStatus
from projects.models import BiddingPackage, ProjectIndexPage, ProjectPage

pytestmark = pytest.mark.django_db


def counts():
    return (
        ProjectIndexPage.objects.count(),
        ProjectPage.objects.count(),
        BiddingPackage.objects.count(),
        Revision.objects.count(),
    )


def test_loading_twice_leaves_the_same_projects(home_page):
    index = load_demo(home_page)
    first = counts()
    assert load_demo(home_page).pk == index.pk
    assert counts() == first
    assert first[:2] == (1, 12)


def test_demo_section_is_in_the_menu_with_every_status_group(client, home_page):
    index = load_demo(home_page)

    assert (index.slug, index.title, index.live, index.show_in_menus) == (
        "du-an-dau-tu",
        "Dự án đầu tư, đấu thầu, mua sắm công",
        True,
        True,
    )
    projects = ProjectPage.objects.live().child_of(index)
    for status in ProjectStatus:
        assert projects.filter(status=status).count() >= 3
    for project in projects:
        assert 1 <= project.bidding_packages.count() <= 3
        project.full_clean()
    assert client.get(index.url).status_code == 200
    assert client.get(projects.first().url).status_code == 200


def test_another_page_type_at_the_section_slug_is_reported_not_replaced(home_page):
    StandardPageFactory(parent=home_page, slug="du-an-dau-tu")

    with pytest.raises(RuntimeError, match="du-an-dau-tu"):
        load_demo(home_page)
    assert not ProjectPage.objects.exists()

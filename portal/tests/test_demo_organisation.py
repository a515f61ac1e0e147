"""The organisation demo: realistic content in place, and loading it again changes nothing."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from organisation.models import ContactPage, LeadersPage, Official, OrganisationChartPage, OrganisationUnit
from portal.demo.organisation import OFFICIALS, load_demo

# One xdist worker runs the module (make test: --dist loadgroup), so that the demo is loaded once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("organisation-demo")]


def counts():
    return tuple(model.objects.count() for model in (OrganisationUnit, Official, Page, get_image_model()))


@pytest.fixture(scope="module")
def demo(module_db):
    """The organisation demo, loaded once for the tests that only read it or load it again."""
    with module_db.unblock():
        load_demo(Site.objects.get(is_default_site=True).root_page.specific)


def test_loading_twice_changes_nothing(demo, home_page):
    first = counts()
    load_demo(home_page)
    assert counts() == first
    units, officials, *_ = first
    assert units >= 6 and officials >= 20


def test_demo_pages_sit_in_their_places_and_render(demo, home_page, client):
    leaders = LeadersPage.objects.get(slug="lanh-dao", title="Lãnh đạo Sở")
    chart = OrganisationChartPage.objects.get(slug="so-do-to-chuc", title="Sơ đồ tổ chức")
    contact = ContactPage.objects.get(slug="lien-he", title="Liên hệ")
    assert leaders.get_parent().slug == chart.get_parent().slug == "gioi-thieu"
    assert contact.get_parent().pk == home_page.pk
    leaders_html = client.get(leaders.url).content.decode()
    assert leaders_html.count('class="leader"') == 4 and "Nguyễn Văn Minh" in leaders_html
    assert client.get(chart.url).status_code == 200
    found = client.get(contact.url, {"q": "nguyen van minh"}).content.decode()
    assert "minhnv.skhdt@example.gov.vn" in found


def test_demo_emails_are_unique_and_every_official_has_a_portrait(demo):
    assert Official.objects.values("email").distinct().count() == len(OFFICIALS)
    assert not Official.objects.filter(photo=None).exists()

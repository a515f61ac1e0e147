"""View restrictions read from the cache (core/visibility.py) still keep private pages private."""

import pytest
from wagtail.models import PageViewRestriction

from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_a_restriction_added_after_a_visit_hides_the_section_at_once(client, home_page):
    news = SectionPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    internal = SectionPageFactory(parent=news, title="Nội bộ", slug="noi-bo")
    secret = publish(ArticlePageFactory(parent=internal, title="Tin nội bộ"))
    publish(ArticlePageFactory(parent=news, title="Tin công khai"))
    assert client.get(secret.url).status_code == 200  # the cache now holds "no restriction anywhere"
    assert "Tin nội bộ" in client.get(news.url).content.decode()

    restrict(internal)
    assert client.get(secret.url).status_code == 302  # to the login page
    listing = client.get(news.url).content.decode()
    assert "Tin nội bộ" not in listing and "Tin công khai" in listing
    assert "Tin nội bộ" not in client.get("/").content.decode()


def test_an_alias_of_a_restricted_page_is_restricted_too(client, home_page):
    news = SectionPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    secret = publish(ArticlePageFactory(parent=news, title="Tin nội bộ", slug="tin-noi-bo"))
    restrict(secret)
    alias = secret.create_alias(update_slug="ban-sao-tin-noi-bo")
    assert client.get(alias.url).status_code == 302
    PageViewRestriction.objects.filter(page=secret).delete()
    assert client.get(alias.url).status_code == 200


def test_a_password_protected_page_asks_in_vietnamese_inside_the_portal(client, home_page):
    news = SectionPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
    )
    html = client.get(news.url).content.decode()
    assert "Yêu cầu mật khẩu" in html and "Tiếp tục" in html
    assert "Password required" not in html and "You need a password" not in html and "Continue" not in html
    assert 'class="site-header' in html or "<header" in html  # the portal's layout, not a bare page

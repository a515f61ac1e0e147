"""The full-page cache: anonymous visitors share one copy, editors and forms never do, and every publish,
unpublish, move or delete (of a page or of a snippet pages show) is visible on the next request."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from core import generation
from feedback.models import PageRating
from feedback.tests.factories import QuestionIndexPageFactory
from legal_docs.models import LegalDocument
from legal_docs.tests.factories import LegalDocumentFactory, LegalDocumentIndexPageFactory
from news.tests.factories import ArticlePageFactory, SectionPageFactory
from operations import page_cache
from operations.tests.factories import MaintenanceNoticeFactory
from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

BANNER = "Hệ thống đang được bảo trì"
ASK = "/hoi-dap/gui-cau-hoi/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def news(home_page):
    return SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")


@pytest.fixture
def article(news):
    return ArticlePageFactory(parent=news, title="Khai mạc hội chợ thương mại")


@pytest.fixture
def editor_client():
    editor = Client()
    editor.force_login(SuperuserFactory())
    return editor


def hit(response):
    return response.get("X-Cache") == "HIT"


def read(client, url):
    """The text of url for an anonymous visitor, after checking that it came from the cache or not."""
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def warm(client, *urls):
    """Fill the cache with urls and prove that the next request is served from it."""
    for url in urls:
        client.get(url)
        assert hit(client.get(url)), url


def test_second_anonymous_request_comes_from_the_cache_without_a_query(
    client, home_page, article, django_assert_max_num_queries
):
    first = client.get("/")
    assert first.status_code == 200 and not hit(first)
    with django_assert_max_num_queries(0):
        second = client.get("/")
    assert hit(second)
    assert second.content == first.content


def test_other_cookies_share_the_copy_but_a_session_bypasses_it(client, home_page, article):
    warm(client, "/")
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["_ga"] = "GA1.2.3"
    assert hit(client.get("/"))
    client.cookies["sessionid"] = "anything"
    assert not hit(client.get("/"))


def test_an_editor_never_gets_the_cached_copy_and_his_view_is_never_stored(
    client, editor_client, home_page, article
):
    warm(client, "/")
    editor_view = editor_client.get("/")
    assert not hit(editor_view)
    assert b"wagtail-userbar" in editor_view.content

    client.get(article.url)  # any change: the next anonymous request renders anew
    article.save_revision().publish()
    editor_client.get("/")
    anonymous = client.get("/")
    assert not hit(anonymous)
    assert b"wagtail-userbar" not in anonymous.content


def test_drafts_and_previews_never_reach_visitors(client, editor_client, news):
    warm(client, news.url)
    news.title = "Bản nháp chưa duyệt"
    news.save_revision()
    assert generation.current() == generation.current()  # a draft keeps the cached copies
    draft = editor_client.get(f"/admin/pages/{news.pk}/view_draft/")
    assert "Bản nháp chưa duyệt" in draft.content.decode()
    assert hit(client.get(news.url))
    assert "Bản nháp chưa duyệt" not in read(client, news.url)
    client.get("/admin/login/")
    assert not hit(client.get("/admin/login/"))


def test_a_draft_save_keeps_the_generation_a_publish_renews_it(article, site):
    before = generation.of_site(site.pk)
    article.title = "Tiêu đề mới"
    revision = article.save_revision()
    assert generation.of_site(site.pk) == before
    revision.publish()
    assert generation.of_site(site.pk) != before


def test_a_publish_shows_on_the_article_its_index_and_the_home_page(client, home_page, news, article):
    warm(client, "/", news.url)
    article.title = "Hội chợ thương mại kéo dài thêm hai ngày"
    article.save_revision().publish()
    for url in ("/", news.url, article.url):
        assert "Hội chợ thương mại kéo dài thêm hai ngày" in read(client, url)


def test_an_unpublished_article_leaves_the_index_and_the_home_page(client, home_page, news, article):
    warm(client, "/", news.url)
    article.unpublish()
    for url in ("/", news.url):
        assert article.title not in read(client, url)


def test_a_deleted_article_leaves_the_index_and_the_home_page(client, home_page, news, article):
    warm(client, "/", news.url)
    article.delete()
    for url in ("/", news.url):
        assert "Khai mạc hội chợ thương mại" not in read(client, url)


def test_a_moved_article_follows_to_its_new_section(client, home_page, news, article):
    other = SectionPageFactory(parent=home_page, title="Chỉ đạo điều hành", slug="chi-dao")
    warm(client, news.url, other.url)
    article.move(other, pos="last-child")
    assert article.title not in read(client, news.url)
    assert article.title in read(client, other.url)


def test_a_legal_document_shows_once_published_and_leaves_once_unpublished(client, home_page):
    index = LegalDocumentIndexPageFactory(parent=home_page)
    warm(client, "/", index.url)
    document = LegalDocumentFactory(live=False, number="77/QĐ-UBND", summary="Về việc ban hành quy chế mới")
    document.save_revision().publish()
    for url in ("/", index.url):
        assert "77/QĐ-UBND" in read(client, url)
    warm(client, "/", index.url)
    LegalDocument.objects.get(pk=document.pk).unpublish()
    for url in ("/", index.url):
        assert "77/QĐ-UBND" not in read(client, url)


def test_a_page_with_a_csrf_form_is_never_shared(client, home_page):
    """The question form carries a CSRF token: each visitor gets his own, nothing is stored."""
    QuestionIndexPageFactory(parent=home_page)
    first = client.get(ASK)
    assert b"csrfmiddlewaretoken" in first.content and "csrftoken" in first.cookies
    other = Client()
    second = other.get(ASK)
    assert not hit(second) and not hit(client.get(ASK))
    assert "csrftoken" in second.cookies


def test_an_article_with_its_rating_form_is_shared_and_the_rating_still_counts(client, article):
    """No token in the rating form, so articles are cached; a rating sent from the cached copy counts."""
    warm(client, article.url)
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    form = page.select_one(".page-rating form")
    assert form is not None and not form.select("[name=csrfmiddlewaretoken]")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=30)):
        response = Client(enforce_csrf_checks=True).post(form["action"], {**data, "useful": "co"})
    assert response.status_code == 200
    assert PageRating.objects.filter(object_id=article.pk, useful=True).count() == 1


def test_rendering_public_pages_never_renews_the_generation(client, site, home_page, news, article):
    """Nothing a visitor's request saves (renditions, search entries, ratings' counters) flushes the cache."""
    index = LegalDocumentIndexPageFactory(parent=home_page)
    LegalDocumentFactory()
    before = generation.of_site(site.pk)
    for url in ("/", news.url, article.url, index.url, "/tim-kiem/?q=h%E1%BB%99i+ch%E1%BB%A3"):
        client.get(url)
    assert generation.of_site(site.pk) == before


def test_a_notice_disappears_at_its_end_without_any_save(client, home_page):
    start = timezone.make_aware(datetime.datetime(2026, 12, 4, 9, 0))
    with time_machine.travel(start, tick=False) as traveller:
        MaintenanceNoticeFactory(live=True, starts_at=start, ends_at=start + datetime.timedelta(minutes=90))
        warm(client, "/")
        assert BANNER in read(client, "/")
        traveller.shift(datetime.timedelta(minutes=91))
        assert BANNER not in read(client, "/")


def test_a_scheduled_notice_appears_once_publish_scheduled_runs(client, home_page):
    start = timezone.make_aware(datetime.datetime(2026, 12, 4, 9, 0))
    with time_machine.travel(start, tick=False) as traveller:
        notice = MaintenanceNoticeFactory(live=False, ends_at=start + datetime.timedelta(days=1))
        notice.go_live_at = start + datetime.timedelta(minutes=30)
        notice.save_revision().publish()
        warm(client, "/")
        assert BANNER not in read(client, "/")
        traveller.shift(datetime.timedelta(minutes=31))
        call_command("publish_scheduled")
        assert BANNER in read(client, "/")


def test_entries_never_outlive_midnight_or_the_next_notice_change(settings):
    evening = timezone.make_aware(datetime.datetime(2026, 12, 4, 23, 58))
    assert page_cache.seconds_until_change(evening) == 120
    morning = timezone.make_aware(datetime.datetime(2026, 12, 4, 9, 0))
    with time_machine.travel(morning, tick=False):
        MaintenanceNoticeFactory(
            live=True, starts_at=morning, ends_at=morning + datetime.timedelta(seconds=90)
        )
        assert page_cache.seconds_until_change() == 90

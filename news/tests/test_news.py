"""News sections and articles: listing, tags, related items, RSS, print and save."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import StandardPage
from core.tests.factories import StandardPageFactory, SubjectAreaFactory
from news.models import ARTICLES_PER_PAGE, ArticlePage, SectionPage

from .factories import ArticlePageFactory, SectionPageFactory, publish

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 3, 2, 8, 0))


def titles(response, selector=".article-list .article-card h3 a"):
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in BeautifulSoup(response.content, "html.parser").select(selector)]


@pytest.fixture
def news(home_page):
    return SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")


@pytest.fixture
def activities(news):
    return SectionPageFactory(parent=news, title="Hoạt động của Sở", slug="hoat-dong")


def make_articles(parent, count, prefix="Tin số", **fields):
    return [
        publish(
            ArticlePageFactory(parent=parent, title=f"{prefix} {i:02d}", **fields), START + timedelta(hours=i)
        )
        for i in range(count)
    ]


def test_section_lists_articles_of_its_subtree_newest_first_and_pages(client, news, activities):
    make_articles(activities, ARTICLES_PER_PAGE + 2)
    first = titles(client.get(news.url))
    assert first == [f"Tin số {i:02d}" for i in range(ARTICLES_PER_PAGE + 1, 1, -1)]
    second = titles(client.get(news.url, {"page": 2}))
    assert second == ["Tin số 01", "Tin số 00"]
    assert titles(client.get(news.url, {"page": "xyz"})) == first


def test_drafts_are_not_listed(client, news):
    draft = ArticlePageFactory(parent=news, title="Bản thảo chưa duyệt")
    draft.unpublish()
    assert titles(client.get(news.url)) == []
    assert "Chuyên mục chưa có tin, bài nào" in client.get(news.url).content.decode()


def listing_queries(client, url):
    client.get(url)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_listing_queries_do_not_grow_with_the_number_of_articles(client, news):
    area = SubjectAreaFactory()
    make_articles(news, 2, main_image=wagtail_factories.ImageFactory(), subject_area=area)
    few = listing_queries(client, news.url)
    for article in make_articles(news, ARTICLES_PER_PAGE, prefix="Tin thêm"):
        ArticlePage.objects.filter(pk=article.pk).update(
            main_image=wagtail_factories.ImageFactory(), subject_area=SubjectAreaFactory()
        )
    assert listing_queries(client, news.url) <= few
    assert few <= 22


def test_tag_page_lists_only_tagged_articles(client, news):
    tagged, untagged = make_articles(news, 2)
    tagged.tags.add("xúc tiến đầu tư")
    publish(tagged)
    response = client.get(f"{news.url}the/xuc-tien-dau-tu/")
    assert titles(response) == [tagged.title]
    assert "xúc tiến đầu tư" in response.content.decode()
    assert client.get(f"{news.url}the/khong-co/").status_code == 404


def test_article_page_shows_provenance_tags_and_related(client, news, activities):
    area = SubjectAreaFactory(name="Đầu tư công")
    article = ArticlePageFactory(
        parent=activities,
        title="Giải ngân vốn đầu tư công quý I",
        subject_area=area,
        event_date=datetime(2026, 3, 1).date(),
        source="Báo An Khánh",
        collector="Trần Thị Hoa",
    )
    article.tags.add("đầu tư công")
    publish(article)
    sharing_tag = publish(ArticlePageFactory(parent=news, title="Kế hoạch vốn năm 2026"))
    sharing_tag.tags.add("đầu tư công")
    publish(sharing_tag)
    sibling = publish(ArticlePageFactory(parent=activities, title="Giao ban tháng 3"))
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    text = soup.get_text(" ", strip=True)
    for expected in (
        "Đầu tư công",
        "01/03/2026",
        "Minh Anh",
        "Văn phòng Sở Kế hoạch và Đầu tư",
        "Nguồn: Báo An Khánh",
        "Người sưu tầm: Trần Thị Hoa",
    ):
        assert expected in text
    related = [a.get_text(strip=True) for a in soup.select("#related-title ~ ul h3 a")]
    assert related == [sibling.title, sharing_tag.title] or set(related) == {sibling.title, sharing_tag.title}
    assert related[0] in {sibling.title, sharing_tag.title} and article.title not in related
    dc_creator = soup.select_one('meta[name="DC.creator"]')["content"]
    assert dc_creator == "Minh Anh"


def test_related_prefers_articles_sharing_a_tag(client, news, activities):
    article = ArticlePageFactory(parent=activities)
    article.tags.add("hợp tác xã")
    publish(article)
    make_articles(activities, 5)
    far = ArticlePageFactory(parent=news, title="Hợp tác xã kiểu mới")
    far.tags.add("hợp tác xã")
    publish(far, START - timedelta(days=300))
    related = article.specific.related_articles(sorted(article.tagged_items.values_list("tag_id", flat=True)))
    assert related[0].pk == far.pk and len(related) == 4


def test_rss_feed_is_valid_xml_with_newest_items_first(client, news, activities):
    make_articles(activities, 25)
    response = client.get(f"{news.url}rss/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert len(items) == 20
    assert items[0].findtext("title") == "Tin số 24"
    assert items[0].findtext("link").endswith("/tin-tuc/hoat-dong/tin-so-24/")
    assert channel.findtext("language") == "vi"
    section_feed = ET.fromstring(client.get(f"{activities.url}rss/").content)
    assert section_feed.find("channel").findtext("title") == "Hoạt động của Sở"


def test_print_button_and_download(client, news):
    article = publish(
        ArticlePageFactory(parent=news, title="Thông báo tuyển dụng", slug="thong-bao-tuyen-dung")
    )
    page = client.get(article.url).content.decode()
    assert "data-print" in page and 'href="/tin-tuc/thong-bao-tuyen-dung/luu/"' in page
    download = client.get(f"{article.url}luu/")
    assert download["Content-Disposition"] == 'attachment; filename="thong-bao-tuyen-dung.html"'
    body = download.content.decode()
    assert "Thông báo tuyển dụng" in body and "Minh Anh" in body and "<nav" not in body
    assert "'unsafe-inline'" in download["Content-Security-Policy"].split("style-src")[1].split(";")[0]


def test_a_saved_article_is_named_in_plain_letters_and_shows_its_address_readably(client, news):
    """Not an RFC 2047 header (browsers saved "download.html"), nor a percent-encoded address."""
    article = publish(ArticlePageFactory(parent=news, title="Đầu tư công tháng 10/2026"))
    article.slug = "đầu-tư-công-tháng-102026"  # an address made before they were không-dấu
    article.save()
    download = client.get(f"{article.url}luu/")
    assert download["Content-Disposition"] == 'attachment; filename="dau-tu-cong-thang-102026.html"'
    assert "Địa chỉ bài viết:" in download.content.decode()
    assert "/tin-tuc/đầu-tư-công-tháng-102026/</a>" in download.content.decode()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"intro": ""}, "intro", "Tin, bài phải có phần tóm tắt (sa-pô)."),
        ({"source": "Báo Nhân Dân"}, "collector", "Tin sưu tầm phải ghi rõ người sưu tầm."),
        ({"collector": "Lê Văn Tám"}, "source", "Tin sưu tầm phải ghi rõ nguồn tin."),
    ],
)
def test_article_validation_messages_are_vietnamese(news, fields, field, message):
    article = ArticlePage(
        title="Tin mới", slug="tin-moi", author_name="A", author_address="B", **{"intro": "Tóm tắt", **fields}
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert error.value.message_dict[field] == [message]


def test_author_name_and_address_are_required(news):
    article = ArticlePage(title="Tin mới", slug="tin-moi", intro="Tóm tắt")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert {"author_name", "author_address"} <= set(error.value.message_dict)


def test_pages_only_live_in_their_place(home_page, news):
    standard = StandardPageFactory(parent=home_page)
    assert SectionPage.can_create_at(home_page) and SectionPage.can_create_at(news)
    assert ArticlePage.can_create_at(news)
    assert not ArticlePage.can_create_at(home_page)
    assert not ArticlePage.can_create_at(standard)
    assert not StandardPage.can_create_at(news)


def test_a_new_article_names_its_writer_as_author_until_they_change_it(news, client):
    from users.tests.factories import SuperuserFactory

    writer = SuperuserFactory(
        username="viet.nt", first_name="Viết", last_name="Nguyễn Thị", unit="Phòng Tổng hợp"
    )
    client.force_login(writer)
    html = client.get(f"/admin/pages/add/news/articlepage/{news.pk}/").content.decode()
    assert 'value="Nguyễn Thị Viết"' in html and 'value="Phòng Tổng hợp"' in html
    article = ArticlePageFactory(parent=news, author_name="Cộng tác viên Hà")
    edit = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'value="Cộng tác viên Hà"' in edit and 'value="Nguyễn Thị Viết"' not in edit

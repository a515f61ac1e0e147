"""Queries per public page: a fixed number, whatever the number of items shown (docs/requirements.md,
Performance and availability).

Each page is requested three times with the full-page cache off, and two counts are asserted: the first
request's (it also fills the layout's cache: menu, breadcrumb, restricted paths, locales, and stores new
image renditions) and a warm request's, the third (see counted()). The limits are the counts measured after
the speed work; an N+1 (a query per article card, image, file, relation or facet) breaks them, and every
test adds ten more items to show that the warm count does not grow.
"""

import datetime
from datetime import timedelta

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from documents.models import PortalDocument
from feedback.tests.factories import AnsweredQuestionPageFactory, QuestionIndexPageFactory
from legal_docs.enums import RelationKind
from legal_docs.models import DocumentFile, DocumentRelation
from legal_docs.tests.factories import LegalDocumentFactory, LegalDocumentIndexPageFactory, document_type
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish

from .factories import PortalSettingsFactory, StandardPageFactory, SubjectAreaFactory

pytestmark = pytest.mark.django_db

# (first request, warm request), upper bounds: the counts measured with Wagtail's own routing and site
# lookup. The warm count is the page's own work plus what Wagtail reads on every request (the site, the active
# locale, a query per level of the URL and one for the specific page, the portal settings); the layout
# (core/chrome.py) and the rendered fragments (core/fragments.py) come from the cache. The first adds filling
# those caches and the renditions Wagtail stores for new images.
HOME = (59, 4)  # target: at most 15 queries (docs/requirements.md, Performance and availability)
ARTICLE = (55, 13)
NEWS_INDEX = (39, 7)
DOCUMENT = (50, 14)  # the first request also reads which province shares its documents (core/sites.py)
DOCUMENT_SEARCH = (35, 15)  # the first request also reads the site's component portals (core/sites.py)
QUESTIONS = (25, 8)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # uncached rendering is what is counted


@pytest.fixture
def portal(site, home_page):
    """A small portal: agency settings with an emblem, two news sections (one nested) with illustrated
    articles, a plain page in the menu and the document database's index page."""
    PortalSettingsFactory(site=site, emblem=wagtail_factories.ImageFactory())
    StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    news = SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")
    activities = SectionPageFactory(parent=news, title="Hoạt động của Sở", slug="hoat-dong")
    direction = SectionPageFactory(parent=home_page, title="Chỉ đạo điều hành", slug="chi-dao")
    for section in (activities, direction):
        add_articles(section, 3)
    LegalDocumentIndexPageFactory(parent=home_page)
    return {"news": news, "activities": activities, "direction": direction}


def add_articles(section, count, start=0):
    """Published articles with their own image, field and tag, newest last."""
    articles = []
    for number in range(start, start + count):
        article = ArticlePageFactory(
            parent=section,
            title=f"{section.title}: tin số {number}",
            main_image=wagtail_factories.ImageFactory(),
            subject_area=SubjectAreaFactory(),
        )
        article.tags.add("đầu tư công", f"từ khóa {number}")
        articles.append(publish(article, timezone.now() - timedelta(hours=1000 - number)))
    return articles


def add_documents(count, start=0):
    """Published documents, each with a file, the odd ones replacing the one before."""
    documents = []
    for number in range(start, start + count):
        document = LegalDocumentFactory(
            number=f"{number + 1}/QĐ-UBND",
            summary=f"Về việc phê duyệt kế hoạch đầu tư công số {number}",
            issued_on=datetime.date(2024, 1, 1) + timedelta(days=number),
        )
        stored = PortalDocument(title=f"Quyết định số {number + 1}")
        stored.file.save(f"quyet-dinh-{number}.pdf", ContentFile(b"%PDF-1.4 quyet dinh"), save=False)
        stored.save()
        DocumentFile.objects.create(legal_document=document, document=stored)
        if documents and number % 2:
            DocumentRelation.objects.create(source=document, kind=RelationKind.REPLACES, target=documents[-1])
        documents.append(document)
    return documents


def counted(client, url):
    """(queries of a first request, queries of a warm request).

    The first request fills the layout's cache and may store what Wagtail computes lazily (image renditions,
    a file's size); such a save renews the content generation, so the second request fills the cache once
    more and the third is the warm one.
    """
    first = queries_of(client, url)
    queries_of(client, url)
    warm = queries_of(client, url)
    return first, warm


def queries_of(client, url):
    """Counted at once: the next request clears the connection's query log the context reads from."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def assert_counts(client, url, limits):
    """Both counts within their limits; returns the warm one."""
    first, warm = counted(client, url)
    first_limit, warm_limit = limits
    assert warm <= warm_limit, f"{url}: {warm} queries on a warm request, limit {warm_limit}"
    assert first <= first_limit, f"{url}: {first} queries on a first request, limit {first_limit}"
    return warm


def test_home_page(client, portal):
    warm = assert_counts(client, "/", HOME)
    add_articles(portal["activities"], 10, start=3)
    add_articles(portal["direction"], 10, start=3)
    add_documents(10)
    assert counted(client, "/")[1] <= warm


def test_article(client, portal):
    first, *others = add_articles(portal["activities"], 3, start=10)
    warm = assert_counts(client, first.url, ARTICLE)
    add_articles(portal["activities"], 10, start=20)  # related articles: tags shared, same section
    assert counted(client, first.url)[1] <= warm


def test_news_index(client, portal):
    warm = assert_counts(client, portal["news"].url, NEWS_INDEX)
    add_articles(portal["activities"], 10, start=3)
    assert counted(client, portal["news"].url)[1] <= warm


def test_legal_document_detail(client, portal):
    documents = add_documents(4)
    DocumentRelation.objects.create(source=documents[3], kind=RelationKind.AMENDS, target=documents[1])
    url = f"/van-ban/{documents[1].slug}/"  # has a file, replaces one document and is amended by another
    warm = assert_counts(client, url, DOCUMENT)
    for document in add_documents(10, start=10):
        DocumentRelation.objects.create(source=document, kind=RelationKind.AMENDS, target=documents[1])
    assert counted(client, url)[1] <= warm


def test_document_search_with_words_and_filters(client, portal):
    add_documents(6)
    url = f"/van-ban/?q=dau+tu+cong&type={document_type('Quyết định').slug}&year=2024&status=in_force"
    warm = assert_counts(client, url, DOCUMENT_SEARCH)
    add_documents(10, start=10)
    assert counted(client, url)[1] <= warm


def test_questions_list(client, home_page, portal):
    index = QuestionIndexPageFactory(parent=home_page)
    for _ in range(3):
        AnsweredQuestionPageFactory(parent=index)
    warm = assert_counts(client, index.url, QUESTIONS)
    for _ in range(10):
        AnsweredQuestionPageFactory(parent=index)
    assert counted(client, index.url)[1] <= warm

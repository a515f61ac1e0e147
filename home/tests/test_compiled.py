"""Queries compiled once per content generation (home/compiled.py) give what Django's own evaluation gives,
read the database every time, and are compiled again only for a new generation."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from home import compiled
from news.cards import card_values
from news.models import ArticlePage
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from operations import generation

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(home_page):
    section = SectionPageFactory(parent=home_page, slug="tin-tuc")
    now = timezone.now()
    return [publish(ArticlePageFactory(parent=section), now - timedelta(hours=hours)) for hours in (5, 1, 3)]


def newest():
    return card_values(ArticlePage.objects.live().order_by("-first_published_at"))


def test_rows_are_what_the_queryset_gives_dates_included(articles):
    rows = compiled.rows(("test-newest",), newest)

    assert rows == list(newest())
    assert [row["pk"] for row in rows] == [articles[1].pk, articles[2].pk, articles[0].pk]
    assert all(timezone.is_aware(row["first_published_at"]) for row in rows)


def test_rows_are_read_again_on_every_call_not_kept(articles):
    compiled.rows(("test-newest",), newest)
    ArticlePage.objects.filter(pk=articles[0].pk).update(
        title="Tiêu đề mới", first_published_at=timezone.now()
    )

    with CaptureQueriesContext(connection) as queries:
        rows = compiled.rows(("test-newest",), newest)

    assert len(queries) == 1
    assert rows[0]["pk"] == articles[0].pk and rows[0]["title"] == "Tiêu đề mới"


def test_the_sql_is_built_once_per_generation_and_again_after_a_change(articles):
    built = []

    def counted():
        built.append(1)
        return newest()

    compiled.rows(("test-built",), counted)
    compiled.rows(("test-built",), counted)
    assert len(built) == 1
    generation.renew()
    compiled.rows(("test-built",), counted)
    assert len(built) == 2


def test_an_empty_condition_asks_nothing(articles):
    with CaptureQueriesContext(connection) as queries:
        rows = compiled.rows(("test-empty",), lambda: ArticlePage.objects.filter(pk__in=[]).values("pk"))
    assert rows == [] and len(queries) == 0


def test_instances_are_the_specific_pages_with_their_fields(articles):
    pks = sorted(article.pk for article in articles)
    pages = compiled.instances(("test-pages", *pks), lambda: ArticlePage.objects.filter(pk__in=pks))

    assert sorted(page.pk for page in pages) == pks
    for page in pages:
        expected = ArticlePage.objects.get(pk=page.pk)
        assert isinstance(page, ArticlePage) and page._state.db == "default" and not page._state.adding
        assert (page.title, page.path, page.intro, page.first_published_at, page.live) == (
            expected.title,
            expected.path,
            expected.intro,
            expected.first_published_at,
            expected.live,
        )
        assert page.get_parent().slug == "tin-tuc"


def test_instances_refuse_what_they_would_build_wrongly(articles):
    with pytest.raises(ValueError):
        compiled.instances(("test-related",), lambda: Page.objects.select_related("owner"))
    with pytest.raises(ValueError):
        compiled.instances(("test-prefetch",), lambda: Page.objects.prefetch_related("owner"))

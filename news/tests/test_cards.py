"""Article cards (news/includes/article_cards.html): the date in Hà Nội's time, the summary cut to 40
words, the field, and Wagtail's own image tag for the main image."""

from datetime import UTC, datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation

from core.tests.factories import SubjectAreaFactory
from news.models import CARD_IMAGE, ArticlePage, for_cards

from .factories import ArticlePageFactory, SectionPageFactory, publish

pytestmark = pytest.mark.django_db

INTRO = " ".join(f"từ{number}" for number in range(50))


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")


def card_of(article):
    cards = for_cards(ArticlePage.objects.filter(pk=article.pk))
    html = render_to_string("news/includes/article_cards.html", {"cards": cards})
    return BeautifulSoup(html, "html.parser").select_one(".article-card")


def test_a_card_shows_the_date_in_hanoi_the_summary_the_field_and_the_image(section):
    image = wagtail_factories.ImageFactory()
    article = ArticlePageFactory(
        parent=section, intro=INTRO, main_image=image, subject_area=SubjectAreaFactory(name="Đầu tư công")
    )
    publish(article, datetime(2026, 11, 22, 23, 30, 5, tzinfo=UTC))  # the next day in Hà Nội

    with translation.override("vi"):
        card = card_of(article)

    assert card.select_one("time").get_text() == "06:30 23/11/2026"
    assert card.select_one("time")["datetime"].startswith("2026-11-23T06:30:05")
    assert "Đầu tư công" in card.select_one(".meta").get_text()
    summary = card.select("p")[-1].get_text()
    assert summary.split()[:40] == INTRO.split()[:40] and summary.endswith(" …") and "từ40" not in summary
    img = card.select_one("img")
    assert img["src"] == image.get_rendition(CARD_IMAGE).url and img["alt"] == "" and img["loading"] == "lazy"


def test_a_card_without_image_date_or_intro_shows_none(section):
    article = ArticlePageFactory(parent=section)
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=None, intro="")

    card = card_of(article)

    assert card.select_one("img") is None and card.select_one("time") is None
    assert len(card.select("p")) == 1  # the meta line alone


def test_a_list_of_cards_reads_its_images_and_renditions_at_once(section, django_assert_max_num_queries):
    for _ in range(5):
        publish(ArticlePageFactory(parent=section, main_image=wagtail_factories.ImageFactory()))

    def cards():
        articles = for_cards(ArticlePage.objects.all())
        return render_to_string("news/includes/article_cards.html", {"cards": articles})

    cards()  # the renditions exist from here on
    with django_assert_max_num_queries(4):  # the articles with their field, the images, the renditions
        html = cards()
    assert html.count("<img") == 5

import pytest

from news.models import ArticlePage, SectionPage
from portal.demo.news import load_demo

pytestmark = pytest.mark.django_db


def test_news_demo_has_sixty_articles_over_several_sections_and_is_stable(home_page):
    load_demo(home_page)
    counts = ArticlePage.objects.count(), SectionPage.objects.count()
    load_demo(home_page)
    assert (ArticlePage.objects.count(), SectionPage.objects.count()) == counts
    assert counts[0] >= 60
    parents = set(ArticlePage.objects.values_list("path", flat=True))
    assert len({path[:-4] for path in parents}) >= 5
    assert all(article.author_name and article.author_address for article in ArticlePage.objects.all())

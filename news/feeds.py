from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_SIZE = 20


class SectionFeed(Feed):
    """RSS 2.0 of a section's newest articles (the top news section's feed covers all news)."""

    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, section):
        self.request = request
        return section

    def title(self, section):
        return section.title

    def link(self, section):
        return section.get_url(self.request)

    def description(self, section):
        return section.intro or section.title

    def items(self, section):
        return section.articles()[:FEED_SIZE]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return article.first_published_at

    def item_author_name(self, article):
        return article.author_name

    def item_categories(self, article):
        return [article.subject_area.name] if article.subject_area else []

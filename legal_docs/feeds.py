import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from core.sites import shown_on

from .models import LegalDocument

FEED_SIZE = 30


class LatestDocumentsFeed(Feed):
    """RSS of the newest documents (văn bản mới)."""

    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, index_page):
        self.request = request
        self.site_id = index_page.get_site().pk
        return index_page

    def title(self, index_page):
        return f"{index_page.title}: văn bản mới"

    def link(self, index_page):
        return index_page.get_url(self.request)

    def description(self, index_page):
        return index_page.intro or index_page.title

    def items(self):
        documents = LegalDocument.objects.filter(live=True).filter(shown_on(self.site_id))
        return documents.select_related("doc_type", "issuer")[:FEED_SIZE]

    def item_title(self, document):
        return f"{document.doc_type.name} {document.number}"

    def item_description(self, document):
        return document.summary

    def item_link(self, document):
        return document.get_url(self.request)

    def item_pubdate(self, document):
        """The day the document was issued (its date in every register), not the day it was put online."""
        return timezone.make_aware(datetime.datetime.combine(document.issued_on, datetime.time()))

    def item_categories(self, document):
        return [document.issuer.name]

"""What the home page shows besides its own fields: news, this week's schedule, quick links."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.images.models import Filter

from . import compiled
from .tree import children_q, descendants_q, url_below

LATEST_PER_SECTION = 4
LATEST_DOCUMENTS = 5
LATEST_DOCUMENT_FIELDS = ("slug", "number", "issued_on", "summary", "doc_type__name")
FEATURED_IMAGE = "fill-800x450"  # the featured article's image, above the latest news
FEATURED_FILTER = Filter(FEATURED_IMAGE)


@dataclass(frozen=True)
class SectionLink:
    pk: int
    title: str
    url: str
    path: str  # what descendants_q() reads

    FIELDS = ("pk", "title", "url_path", "path")


def _sections(home, home_url, request):
    from news.models import SectionPage

    def sections():
        in_menu = SectionPage.objects.live().public().filter(children_q(home)).in_menu()
        return in_menu.values(*SectionLink.FIELDS)

    return [
        SectionLink(row["pk"], row["title"], url_below(row["url_path"], home, home_url, request), row["path"])
        for row in compiled.rows(("home-sections", home.pk), sections)
    ]


def _featured(home):
    """The chosen article if it is live, else the newest one: a card_values() row."""
    from news.cards import card_values
    from news.models import ArticlePage, articles_below

    if home.featured_article_id:
        chosen = compiled.rows(
            ("home-featured", home.featured_article_id),
            lambda: card_values(ArticlePage.objects.live().filter(pk=home.featured_article_id)),
        )
        if chosen:
            return chosen[0]
    newest = compiled.rows(("home-newest", home.pk), lambda: card_values(articles_below(home))[:1])
    return newest[0] if newest else None


def _page_url(name, pages, home, home_url, request):
    """URL of the first of pages() (live pages of one model) below home, by tree order, or None: read as
    values, no page object. name keys its compiled SQL."""
    found = compiled.rows(
        ("page-url", name, home.pk),
        lambda: pages().filter(descendants_q(home)).order_by("path").values("url_path")[:1],
    )
    return found and url_below(found[0]["url_path"], home, home_url, request)


def _latest_documents():
    """The newest published documents, as values."""
    from legal_docs.models import LegalDocument

    def newest():
        return LegalDocument.objects.filter(live=True).values(*LATEST_DOCUMENT_FIELDS)[:LATEST_DOCUMENTS]

    return compiled.rows(("home-documents",), newest)


def _news(sections, home, request):
    """The featured article's card and image, and each section's newest cards but the featured one, from
    one query (a sliced subquery per section), the featured one's and two for all their images."""
    from news.cards import article_cards, card_values, images_for_cards, img_tag
    from news.models import ArticlePage, articles_below

    def newest():
        wanted = Q(pk__in=[])
        for section in sections:
            wanted |= Q(pk__in=articles_below(section).values("pk")[: LATEST_PER_SECTION + 1])
        return card_values(ArticlePage.objects.filter(wanted).order_by("-first_published_at", "-pk"))

    featured = _featured(home)
    rows = compiled.rows(("home-news", home.pk), newest)
    rows = [row for row in rows if not featured or row["pk"] != featured["pk"]]
    image_ids = [row["main_image_id"] for row in rows] + [featured and featured["main_image_id"]]
    images = images_for_cards(image_ids, FEATURED_IMAGE)
    cards = article_cards(rows, request, home, images)
    return {
        # Its image shows at FEATURED_IMAGE (featured_image), so the card itself has none.
        "featured_article": featured
        and article_cards([{**featured, "main_image_id": None}], request, home, images)[0],
        "featured_image": featured
        and img_tag(images.get(featured["main_image_id"]), FEATURED_FILTER, {"alt": ""}),
        "latest_by_section": [
            {
                "section": section,
                "articles": [card for card in cards if card.path.startswith(section.path)][
                    :LATEST_PER_SECTION
                ],
            }
            for section in sections
        ],
    }


def home_page_blocks(home, request):
    """Context for the home page template; each block renders an empty state when it has nothing."""
    from legal_docs.models import LegalDocumentIndexPage
    from schedule.models import SchedulePage
    from schedule.queries import entries_for_week

    home_url = home.get_url(request)
    monday, sunday, entries = entries_for_week(timezone.localdate())
    documents_url = _page_url(
        "documents", lambda: LegalDocumentIndexPage.objects.live(), home, home_url, request
    )
    return {
        **_news(_sections(home, home_url, request), home, request),
        "documents_url": documents_url,
        "latest_documents": _latest_documents() if documents_url else [],
        "week": {"monday": monday, "sunday": sunday, "entries": entries},
        "schedule_url": _page_url(
            "schedule", lambda: SchedulePage.objects.live().public(), home, home_url, request
        ),
    }

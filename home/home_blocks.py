"""What the home page shows besides its own fields: news, this week's schedule, quick links."""

from django.utils import timezone

from .tree import children_q, descendants_q

LATEST_PER_SECTION = 4
LATEST_DOCUMENTS = 5


def _sections(home):
    from news.models import SectionPage

    return list(SectionPage.objects.live().public().filter(children_q(home)).in_menu())


def _featured(home, sections):
    from news.models import ArticlePage

    featured = home.featured_article
    if featured and featured.live:
        return featured
    return (
        ArticlePage.objects.live()
        .public()
        .filter(descendants_q(home))
        .order_by("-first_published_at")
        .first()
    )


def _latest_documents(home):
    from legal_docs.models import LegalDocument, LegalDocumentIndexPage

    index_page = LegalDocumentIndexPage.objects.live().filter(descendants_q(home)).first()
    if index_page is None:
        return None, []
    documents = LegalDocument.objects.filter(live=True).select_related("doc_type")[:LATEST_DOCUMENTS]
    return index_page, list(documents)


def home_page_blocks(home):
    """Context for the home page template; each block renders an empty state when it has nothing."""
    from schedule.models import SchedulePage
    from schedule.queries import entries_for_week

    sections = _sections(home)
    featured = _featured(home, sections)
    latest = []
    for section in sections:
        newest = section.articles()[: LATEST_PER_SECTION + 1]
        articles = [article for article in newest if not featured or article.pk != featured.pk]
        latest.append({"section": section, "articles": articles[:LATEST_PER_SECTION]})
    monday, sunday, entries = entries_for_week(timezone.localdate())
    documents_page, latest_documents = _latest_documents(home)
    return {
        "documents_page": documents_page,
        "latest_documents": latest_documents,
        "featured_article": featured,
        "latest_by_section": latest,
        "week": {"monday": monday, "sunday": sunday, "entries": entries},
        "schedule_page": SchedulePage.objects.live().public().filter(descendants_q(home)).first(),
    }

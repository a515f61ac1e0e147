"""What the home page shows besides its own fields: news, the newest documents, this week's schedule, and on a
province portal the newest news of its component portals.

The news and the documents are rendered once per content generation of the site (core/fragments.py): a
publish shows on the next request, and the requests in between read them as HTML, without a query.
"""

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Site

from core.fragments import fragment
from core.models import PortalSettings
from core.sites import shown_on
from core.tree import below_any, children_q, descendants_q
from feedback.enums import ConsultationStatus
from feedback.models import ConsultationIndexPage, ConsultationPage
from feedback.models.consultations import status_q
from legal_docs.models import LegalDocument, LegalDocumentIndexPage
from news.models import ArticlePage, SectionPage, articles_below, for_cards
from schedule.models import SchedulePage
from schedule.queries import entries_for_week

LATEST_PER_SECTION = 4
LATEST_DOCUMENTS = 5
LATEST_FROM_COMPONENTS = 6
FEATURED_IMAGE = "fill-800x450"  # the featured article's image, above the latest news


def sections(home):
    return list(SectionPage.objects.live().public().filter(children_q(home)).in_menu())


def featured(home):
    """The chosen article if it is live, else the newest one, ready for a card."""
    if home.featured_article_id:
        chosen = for_cards(ArticlePage.objects.live().filter(pk=home.featured_article_id), FEATURED_IMAGE)
        if chosen := chosen.first():
            return chosen
    return for_cards(articles_below(home), FEATURED_IMAGE).first()


def news(home):
    """The featured article, and each in-menu section's newest articles but the featured one, from one
    query (a sliced subquery per section) and two for all their images and renditions."""
    shown = sections(home)
    top = featured(home)
    wanted = Q(pk__in=[])
    for section in shown:
        wanted |= Q(pk__in=articles_below(section).values("pk")[: LATEST_PER_SECTION + 1])
    newest = for_cards(ArticlePage.objects.filter(wanted).order_by("-first_published_at", "-pk"))
    articles = [article for article in newest if not top or article.pk != top.pk]
    return {
        "featured_article": top,
        "latest_by_section": [
            {
                "section": section,
                "articles": [article for article in articles if article.path.startswith(section.path)][
                    :LATEST_PER_SECTION
                ],
            }
            for section in shown
        ],
    }


def first_url(pages, home, request):
    """URL of the first of pages (live pages of one model) below home, by tree order, or None."""
    found = pages.filter(descendants_q(home)).order_by("path").first()
    return found and found.get_url(request)


def documents(home, request, site_id):
    """The document database's URL and its newest published documents (the site's and the shared)."""
    documents_url = first_url(LegalDocumentIndexPage.objects.live(), home, request)
    shown = LegalDocument.objects.filter(shown_on(site_id), live=True)
    newest = shown.select_related("doc_type")[:LATEST_DOCUMENTS]
    return {"documents_url": documents_url, "latest_documents": list(newest) if documents_url else []}


def components_news(site_id, request):
    """The newest articles of the site's component portals (a province's departments and communes), each
    linked to its own site and named with its agency (docs/requirements.md, Province and component
    portals). A publish on a component portal renews its province's pages (operations/invalidation.py)."""
    components = PortalSettings.objects.filter(parent_site_id=site_id).select_related("site__root_page")
    agencies = [(settings.site.root_page.path, settings.agency_name) for settings in components]
    if not agencies:
        return {"component_articles": []}
    roots = [settings.site.root_page for settings in components]
    newest = below_any(ArticlePage.objects.live().public(), roots).order_by("-first_published_at", "-pk")
    return {
        "component_articles": [
            {
                "article": article,
                "url": article.get_url(request),
                "agency": next(name for path, name in agencies if article.path.startswith(path)),
            }
            for article in newest.defer_streamfields()[:LATEST_FROM_COMPONENTS]
        ]
    }


def consultations(home, request, now):
    """The drafts open for comment on this site now, closing soonest first, and its consultations section."""
    open_now = ConsultationPage.objects.live().public().filter(descendants_q(home))
    open_now = open_now.filter(status_q(ConsultationStatus.OPEN, now)).order_by("closes_at", "pk")
    return {
        "open_consultations": list(open_now.defer_streamfields()[:LATEST_DOCUMENTS]),
        "consultations_url": first_url(ConsultationIndexPage.objects.live().public(), home, request),
    }


def home_page_blocks(home, request):
    """Context for the home page template: its blocks as HTML, each with an empty state when it has
    nothing. This week's schedule is kept per day as well ("this week" follows the calendar)."""

    def rendered(name, build, *parts):
        def render():
            return render_to_string(f"home/includes/{name}.html", {"page": home, **build()}, request)

        return fragment(request, name, home.pk, *parts, build=render)

    def schedule():
        monday, sunday, entries = entries_for_week(today, site_id)
        return {
            "week": {"monday": monday, "sunday": sunday, "entries": entries},
            "schedule_url": first_url(SchedulePage.objects.live().public(), home, request),
        }

    now = timezone.now()
    today = timezone.localdate()
    site_id = (Site.find_for_request(request) or home.get_site()).pk
    return {
        "home_news": rendered("home_news", lambda: news(home)),
        "home_schedule": rendered("home_schedule", schedule, today.isoformat()),
        "home_documents": rendered("home_documents", lambda: documents(home, request, site_id)),
        "home_components": rendered("home_components", lambda: components_news(site_id, request)),
        # A consultation opens and closes by the clock, with no publish: the block is kept a minute at most.
        "home_consultations": rendered(
            "home_consultations", lambda: consultations(home, request, now), now.strftime("%Y%m%d%H%M")
        ),
        "home_links": rendered("home_links", dict),
    }

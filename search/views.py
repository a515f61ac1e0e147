from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from core.pagination import query_prefix
from core.text import MAX_QUERY_LENGTH, folded_query

RESULTS_PER_PAGE = 10


def _specific_in_order(pages):
    """One query per page type for the whole result page, not one per result."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [specific[pk] for pk in ids if pk in specific]


def search(request):
    """Site-wide search over every live public page (/tim-kiem/?q=...)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = folded_query(query)
    page_obj = None
    if words:
        results = Page.objects.live().public().search(words, operator="and")
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = _specific_in_order(page_obj.object_list)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": page_obj,
            "query_prefix": query_prefix({"q": query}),
            "page_title": "Tìm kiếm",
        },
    )

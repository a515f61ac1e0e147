"""Site-wide search (/tim-kiem/?q=...): the site's legal documents and officials, then its pages."""

from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from core.pagination import query_prefix
from core.text import MAX_QUERY_LENGTH, folded_query
from legal_docs.models import index_url
from legal_docs.numbers import looks_like_number
from legal_docs.search import find
from organisation.models import Official

RESULTS_PER_PAGE = 10
GROUP_SIZE = 5


def _specific_in_order(pages):
    """One query per page type for the whole result page, not one per result."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [specific[pk] for pk in ids if pk in specific]


def documents_found(query, site_id, request):
    """(the first documents, how many, the document search's URL for the query) among those the site shows."""
    results, _facets = find({"q": query}, site_id)
    base = index_url(site_id, request)
    if base is None:
        return [], 0, None
    shown = list(results[:GROUP_SIZE])
    for document in shown:
        document.link = f"{base}{document.slug}/"
    return shown, results.count(), f"{base}?{query_prefix({'q': query})}"


def search(request):
    """A document number goes straight to its document; otherwise the matching documents and officials of
    the site come first, then its pages."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    words = folded_query(query)
    site = Site.find_for_request(request)
    context = {"search_query": query, "page_obj": None, "query_prefix": query_prefix({"q": query})}
    if words and site is not None:
        documents, document_count, documents_url = documents_found(query, site.pk, request)
        if looks_like_number(query) and document_count == 1 and documents:
            return redirect(documents[0].link)
        officials = Official.objects.filter(site=site).matching_name(query).select_related("unit")
        results = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        page_obj = Paginator(results.search(words, operator="and"), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        page_obj.object_list = _specific_in_order(page_obj.object_list)
        context.update(
            page_obj=page_obj,
            documents=documents,
            document_count=document_count,
            documents_url=documents_url,
            officials=list(officials[:GROUP_SIZE]),
        )
        context["found"] = page_obj.paginator.count + document_count + len(context["officials"])
    return TemplateResponse(request, "search/search.html", {**context, "page_title": "Tìm kiếm"})

"""GET /api/van-ban/: the public document search as JSON, with the page's exact semantics.

Same form (DocumentSearchForm: type, issuer and field are slugs), same `search.find()`, same 20 per page,
so a query returns the same documents in the same order as /van-ban/?…; unlike the page, an invalid
value is an error (HTTP 400, Vietnamese messages) instead of being dropped, so a client never mistakes
a typo for "no filter".
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from core.sites import component_portals

from .enums import ValidityStatus
from .forms import DocumentSearchForm
from .models import component_index_urls
from .models import index_url as site_index_url
from .search import find
from .views import PER_PAGE, request_site_id

PAGE_ERROR = "Số trang không hợp lệ."
PAGE_MISSING = "Trang này không có kết quả."
UNKNOWN_ERROR = "Tham số không được hỗ trợ."
PARAMETERS = {
    "q",
    "type",
    "issuer",
    "field",
    "signer",
    "status",
    "year",
    "issued_from",
    "issued_to",
    "sort",
    "page",
    "cong",
}


def _date(value):
    return value.isoformat() if value else None


def _page_url(request, number):
    params = request.GET.copy()
    params["page"] = number
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def serialize(document, request, index_url):
    return {
        "number": document.number,
        "doc_type": document.doc_type.name,
        "issuer": document.issuer.name,
        "signer": document.signer,
        "issued_on": _date(document.issued_on),
        "effective_on": _date(document.effective_on),
        "expires_on": _date(document.expires_on),
        "status": document.status,
        "status_label": ValidityStatus(document.status).label,
        "summary": document.summary,
        # document.get_url(request) without its one query per document (same URL: index page + slug).
        "url": request.build_absolute_uri(f"{index_url}{document.slug}/") if index_url else None,
        "files": [
            {
                "title": attachment.display_title(),
                "url": request.build_absolute_uri(attachment.document.url),
                "format": attachment.document.file_extension.lower(),
                "size": attachment.document.file_size,
            }
            for attachment in document.files.all()
        ],
    }


@require_GET
def document_list(request):
    site_id = request_site_id(request)
    form = DocumentSearchForm(request.GET, components=component_portals(site_id))
    errors = {} if form.is_valid() else {name: list(messages) for name, messages in form.errors.items()}
    errors.update({name: [UNKNOWN_ERROR] for name in request.GET if name not in PARAMETERS})
    page_number = request.GET.get("page") or 1
    if errors:
        return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})

    results, _facets = find(form.valid_filters() if request.GET else {}, site_id)
    try:
        page = Paginator(results, PER_PAGE).page(page_number)
    except PageNotAnInteger:
        return JsonResponse(
            {"errors": {"page": [PAGE_ERROR]}}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    except EmptyPage:
        return JsonResponse(
            {"errors": {"page": [PAGE_MISSING]}}, status=404, json_dumps_params={"ensure_ascii": False}
        )
    documents = list(page.object_list)
    # One query per relation whatever the page size (the number matches come from a separate list).
    prefetch_related_objects(documents, "files__document")
    # This site's /van-ban/ for what it shows; a component portal's own for that portal's documents, all
    # read at once (legal_docs.models.component_index_urls).
    shown = {document.site_id for document in documents if document.shown_on(site_id)}
    components = component_portals(site_id)
    others = component_index_urls(site_id, components, request) if components else {}
    index_urls = {
        pk: site_index_url(site_id, request) if pk in shown else others.get(pk) or site_index_url(pk, request)
        for pk in {document.site_id for document in documents}
    }
    return JsonResponse(
        {
            "count": page.paginator.count,
            "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
            "previous": _page_url(request, page.previous_page_number()) if page.has_previous() else None,
            "results": [serialize(document, request, index_urls[document.site_id]) for document in documents],
        },
        json_dumps_params={"ensure_ascii": False},
    )

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.models import Site

from core.models import PortalSettings
from core.pagination import query_prefix
from core.sites import component_portals, shown_on

from .enums import ValidityStatus
from .forms import DocumentSearchForm
from .models import LegalDocument, component_index_urls
from .search import find

PER_PAGE = 20


def facet_choices(counts, form):
    """Facet counts with names, for the filter sidebar: the names come from the rows the form's selects
    read anyway (every type and issuer, a few dozen rows)."""
    types = {item.pk: item for item in form.fields["type"].queryset}
    issuers = {item.pk: item for item in form.fields["issuer"].queryset}
    return {
        "type": [(types[pk].slug, types[pk].name, n) for pk, n in counts["type"].items() if pk in types],
        "issuer": [
            (issuers[pk].slug, issuers[pk].name, n) for pk, n in counts["issuer"].items() if pk in issuers
        ],
        "status": [
            (value, ValidityStatus(value).label, n)
            for value, n in counts["status"].items()
            if value in ValidityStatus.values
        ],
    }


def request_site_id(request):
    """The site whose /van-ban/ is asked for (Wagtail keeps it on the request once found)."""
    site = Site.find_for_request(request)
    return site.pk if site else None


def search_context(request):
    site_id = request_site_id(request)
    components = component_portals(site_id)
    form = DocumentSearchForm(request.GET or None, components=components)
    filters = form.valid_filters() if request.GET else {}
    results, counts = find(filters, site_id)
    page_obj = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    agencies = {site.pk: name for site, name in components}
    urls = component_index_urls(site_id, components, request) if components else {}
    for document in page_obj.object_list:  # a component portal's document, on its own site
        if document.site_id in agencies:
            document.portal_name = agencies[document.site_id]
            base = urls.get(document.site_id)
            document.link = f"{base}{document.slug}/" if base else None
    kept = [(key, value) for key, value in request.GET.items() if key != "page" and value]
    return {
        "form": form,
        "filters": filters,
        "page_obj": page_obj,
        "facets": facet_choices(counts, form),
        "query_prefix": query_prefix(kept),
    }


def document_list(request, index_page):
    context = index_page.get_context(request)
    context.update(search_context(request))
    return TemplateResponse(request, index_page.template, context)


def document_detail(request, index_page, slug):
    document = get_object_or_404(
        LegalDocument.objects.filter(live=True)
        .filter(shown_on(request_site_id(request)))
        .select_related("doc_type", "issuer", "site")
        .prefetch_related(
            "subject_areas", "files__document", "relations__target", "incoming_relations__source"
        ),
        slug=slug,
    )
    context = index_page.get_context(request)
    context.update(
        {"document": document, "dc_record": document, "page_title": document.number, "index_page": index_page}
    )
    if document.site_id != request_site_id(request):  # shared by the province (core/sites.py)
        context["shared_by"] = PortalSettings.for_site(document.site).agency_name
    return TemplateResponse(request, "legal_docs/legal_document_detail.html", context)

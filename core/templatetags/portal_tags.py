"""Site-wide navigation and metadata used by the base layout."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Page, Site

from core import chrome, generation
from core.formatting import format_vnd
from core.fragments import site_generation
from core.locales import language_code
from core.models import PortalSettings

register = template.Library()
register.filter("vnd", format_vnd)


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _site_root(request):
    """The home page in the language being served (its translation, when one exists): the site's root page,
    read with the site (Site.find_for_request keeps both on the request)."""
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_page if site else None
    if root and language_code(root.locale_id) != translation.get_language():
        root = root.localized
    return root


@register.simple_tag(takes_context=True)
def emblem(context, portal):
    """The agency's emblem (the portal's own when none is chosen), rendered once per process and content
    generation of the site (core/fragments.py): its rendition lookup cost every page about two
    milliseconds."""
    return generation.remembered(
        "emblem",
        portal.emblem_id,
        build=lambda: render_to_string("includes/emblem.html", {"portal": portal}),
        generation=site_generation(context.get("request")),
    )


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level sections marked "show in menus", each with its own in-menu children."""
    request = context.get("request")
    root = _site_root(request)
    current = _current_page(context)
    items = []
    if root:
        for item in chrome.menu_items(root, request):
            active = bool(current and current.path.startswith(item["path"]))
            items.append({**item, "active": active})
    return {"root": root, "items": items, "request": request, "current": current}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Home → … → current page, for pages below the site root; views pass `page_title`."""
    request = context.get("request")
    root = _site_root(request)
    page = _current_page(context)
    trail = []
    if page and root and page.path.startswith(root.path) and page.depth > root.depth:
        trail = chrome.trail(page, root, request)
    return {"root": root, "trail": trail, "page": page, "page_title": context.get("page_title")}


@register.simple_tag(takes_context=True)
def dublin_core(context):
    """The six mandatory Dublin Core elements (Thông tư 24/2011), never left empty: of the page, or of the
    record the view puts in the context as `dc_record` (its dublin_core(request) says them), whose address is
    then the canonical one."""
    request = context.get("request")
    page = _current_page(context)
    agency = PortalSettings.for_request(request).agency_name if request else ""
    record = context.get("dc_record")  # a record shown at its own address under a page (a legal document)
    if record is not None and request is not None:
        return {"publisher": agency, **record.dublin_core(request)}
    if page:
        title = page.seo_title or page.title
        published = page.last_published_at or page.first_published_at or timezone.now()
        description = page.search_description or getattr(page, "intro", "") or ""
        identifier = request.build_absolute_uri(page.get_url(request)) if request else page.full_url
    else:
        title = context.get("page_title") or agency
        published = timezone.now()
        description = ""
        identifier = request.build_absolute_uri() if request else ""
    return {
        "title": title,
        "creator": (getattr(page, "author_name", "") if page else "") or agency,
        "date": timezone.localtime(published).date().isoformat(),
        "description": description.strip() or f"{title} – {agency}",
        "publisher": agency,
        "identifier": identifier,
    }


LANGUAGE_LABELS = {"vi": "Tiếng Việt", "en": "English"}


@register.simple_tag(takes_context=True)
def language_links(context):
    """A link per content language: the current page's translation, else that language's home page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if not site:
        return []
    page = _current_page(context)
    targets = chrome.translations(page, request) if page else {}
    if len(targets) < len(LANGUAGE_LABELS):
        targets = {**chrome.translations(site.root_page, request), **targets}
    if len(targets) < 2:
        return []
    return [
        {
            "code": code,
            "label": label,
            "url": targets[code]["url"],
            "current": bool(page) and targets[code]["pk"] == page.pk,
        }
        for code, label in LANGUAGE_LABELS.items()
        if code in targets
    ]

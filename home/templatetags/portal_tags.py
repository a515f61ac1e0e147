"""Site-wide navigation and metadata used by the base layout."""

from collections import defaultdict

from django import template
from django.utils import timezone
from wagtail.models import Page, Site

from home.formatting import format_vnd
from home.models import PortalSettings
from home.tree import descendants_q

register = template.Library()
register.filter("vnd", format_vnd)


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _site_root(request):
    """The home page in the language being served (its translation, when one exists), once per request."""
    if request is None:
        return None
    if not hasattr(request, "_portal_site_root"):
        site = Site.find_for_request(request)
        request._portal_site_root = site.root_page.localized if site else None
    return request._portal_site_root


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level sections marked "show in menus", each with its own in-menu children."""
    request = context.get("request")
    root = _site_root(request)
    current = _current_page(context)
    items = []
    if root:
        sections = root.get_children().live().public().in_menu()
        children = Page.objects.live().public().in_menu().filter(descendants_q(root), depth=root.depth + 2)
        by_parent = defaultdict(list)
        for child in children:
            by_parent[child.path[: -Page.steplen]].append(child)
        for section in sections:
            active = bool(current and current.path.startswith(section.path))
            items.append({"page": section, "active": active, "children": by_parent[section.path]})
    return {"root": root, "items": items, "request": request, "current": current}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Home → … → current page, for pages below the site root; views pass `page_title`."""
    request = context.get("request")
    root = _site_root(request)
    page = _current_page(context)
    trail = []
    if page and root and page.path.startswith(root.path) and page.depth > root.depth:
        trail = list(page.get_ancestors().filter(depth__gt=root.depth))
    return {"root": root, "trail": trail, "page": page, "page_title": context.get("page_title")}


@register.simple_tag(takes_context=True)
def dublin_core(context):
    """The six mandatory Dublin Core elements (Thông tư 24/2011), never left empty."""
    request = context.get("request")
    page = _current_page(context)
    agency = PortalSettings.for_request(request).agency_name if request else ""
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


def _live_translations(page):
    """{language code: live page} for a page and its translations, in one query."""
    pages = Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
    return {translation.locale.language_code: translation for translation in pages}


@register.simple_tag(takes_context=True)
def language_links(context):
    """A link per content language: the current page's translation, else that language's home page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if not site:
        return []
    page = _current_page(context)
    targets = _live_translations(page) if page else {}
    if len(targets) < len(LANGUAGE_LABELS):
        targets = {**_live_translations(site.root_page), **targets}
    if len(targets) < 2:
        return []
    return [
        {
            "code": code,
            "label": label,
            "url": targets[code].get_url(request),
            "current": bool(page) and targets[code].pk == page.pk,
        }
        for code, label in LANGUAGE_LABELS.items()
        if code in targets
    ]

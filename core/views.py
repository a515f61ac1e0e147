from django.http import HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from .tree import descendants_q

# Sections and their sub-sections; individual articles are left to listings and sitemap.xml.
SITEMAP_DEPTH = 3


def html_sitemap(request):
    """A text tree of the site's sections (Sơ đồ trang), built in one query."""
    site = Site.find_for_request(request)
    nodes = []
    if site:
        root = site.root_page
        pages = (
            Page.objects.live()
            .public()
            .filter(descendants_q(root), depth__lte=root.depth + SITEMAP_DEPTH)
            .in_menu()
        )
        nodes = _tree(list(pages), root.depth + 1)
    return TemplateResponse(request, "home/html_sitemap.html", {"nodes": nodes, "page_title": "Sơ đồ trang"})


def _tree(pages, depth):
    """Nest path-ordered pages: [{"page": p, "children": [...]}, ...]; orphans of hidden parents drop."""
    tree, by_path = [], {}
    for page in pages:
        node = {"page": page, "children": []}
        if page.depth == depth:
            tree.append(node)
        elif page.path[: -Page.steplen] in by_path:
            by_path[page.path[: -Page.steplen]]["children"].append(node)
        else:
            continue
        by_path[page.path] = node
    return tree


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

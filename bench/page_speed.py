"""Time the uncached rendering of the main public pages at the demo size (docs/requirements.md, Performance
and availability).

    .venv/bin/python bench/page_speed.py [--requests 50]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_speed .venv/bin/python bench/page_speed.py

Uses its own SQLite file under var/bench-speed/ (or DATABASE_URL), dev settings with DEBUG off, loads the
demo once (load_demo_portal, on the first run) and requests each page anonymously with the Django test
client (no network; the full-page cache off, so every request runs the view and renders its template).
Prints the median and p95 in milliseconds of the warm requests and the queries of one warm request, next
to the targets; then the same for requests that each follow a new content generation, as the first request
after a publish does (the site, its settings, the menu and the compiled listing SQL are built again).
"""

import argparse
import io

from benchkit import measure, start_django  # noqa: E402

start_django("bench-speed")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Site  # noqa: E402

from feedback.models import QuestionIndexPage  # noqa: E402
from legal_docs.models import LegalDocument, LegalDocumentIndexPage  # noqa: E402
from news.models import ArticlePage, SectionPage  # noqa: E402

# (label, target median in ms, target queries or None)
TARGETS = {
    "home": (30, 15),
    "article": (20, None),
    "document detail": (20, None),
    "news index": (40, None),
    "document search": (40, None),
    "Q&A list": (None, None),
}


def pages():
    """(label, path) of one page of each kind on the default site, picked from the demo content."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    index = LegalDocumentIndexPage.objects.live().descendant_of(home).first().relative_url(site)
    document = LegalDocument.objects.filter(live=True).order_by("-issued_on").first()
    article = ArticlePage.objects.live().descendant_of(home).order_by("-first_published_at").first()
    return [
        ("home", home.relative_url(site)),
        ("article", article.relative_url(site)),
        ("document detail", f"{index}{document.slug}/"),
        ("news index", SectionPage.objects.live().child_of(home).get(slug="tin-tuc").relative_url(site)),
        ("document search", f"{index}?q=quyet+dinh"),
        ("Q&A list", QuestionIndexPage.objects.live().descendant_of(home).first().relative_url(site)),
    ]


def shown(value, unit=""):
    return f"≤ {value}{unit}" if value is not None else "–"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not ArticlePage.objects.exists():  # once: later runs time the same content
        call_command("load_demo_portal", verbosity=0, stdout=io.StringIO())
    client = Client()
    print(f"{connection.vendor}, {options.requests} warm requests per page, DEBUG={settings.DEBUG}")
    print("after publish: every request follows a new content generation, as the first after a publish does")
    print(
        f"{'page':<17} {'median ms':>10} {'target':>8} {'p95 ms':>8} {'queries':>8} {'target':>8}"
        f" {'after publish: median':>22} {'p95':>6} {'queries':>8}  URL"
    )
    for label, url in pages():
        median, p95, queries = measure(client, url, options.requests)
        cold_median, cold_p95, cold_queries = measure(client, url, options.requests, after_publish=True)
        time_target, query_target = TARGETS[label]
        print(
            f"{label:<17} {median:>10.1f} {shown(time_target):>8} {p95:>8.1f} {queries:>8} "
            f"{shown(query_target):>8} {cold_median:>22.1f} {cold_p95:>6.1f} {cold_queries:>8}  {url}"
        )


if __name__ == "__main__":
    main()

"""A province on one installation: many component portals, their articles and documents; time the pages.

    psql -h 127.0.0.1 -U postgres -c 'create database portal_bench_province'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_province .venv/bin/python bench/province.py \
        [--sites 120] [--articles 240000] [--documents 100000] [--runs 15]

Uses its own SQLite file under var/bench-province/ (or DATABASE_URL), dev settings with DEBUG off, the
full-page cache off and the Django test client (no network), through bench/benchkit.py. Loads the demo once,
then adds component portals with portal.component_portals.add_component_portal until there are --sites sites
(each call timed), spreads --articles articles over the sites' "tin-tuc" sections (in bulk, with
bench/news_pages.py's tree paths) and --documents legal documents over the sites (bench/legal_docs.py's CSV
through legal_docs.importer.import_documents, one import per site). A re-run skips what already exists.
Then times public pages on the commune xa-tan-lap, the department (default) site and the province portal
(whose home page lists its component portals' news), cold (each request after a new content generation)
and warm, and the commune secretary's (binh.lv) admin pages. Prints median
and p95 in milliseconds and the queries of one request; no asserts beyond HTTP 200.
"""

import argparse
import importlib.util
import io
import os
import statistics
import time

from benchkit import measure, start_django  # noqa: E402

os.environ.setdefault("ALLOWED_HOSTS", "*")  # the generated portals' hosts
start_django("bench-province")

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from news_pages import BATCH, insert_articles  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from core.enums import PortalKind  # noqa: E402
from core.models import PortalSettings  # noqa: E402
from legal_docs.importer import import_documents  # noqa: E402
from legal_docs.models import LegalDocument  # noqa: E402
from news.models import ArticlePage, SectionPage  # noqa: E402
from portal.component_portals import add_component_portal  # noqa: E402

# bench/legal_docs.py by its path: the name legal_docs is the app's.
_spec = importlib.util.spec_from_file_location(
    "bench_legal_docs", os.path.join(os.path.dirname(__file__), "legal_docs.py")
)
bench_legal_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_legal_docs)
write_csv = bench_legal_docs.write_csv

COMMUNE_HOST = "xa-tan-lap.localhost"
SECRETARY = "binh.lv"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def load_demo():
    default = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if default is None or not default.root_page.get_children().exists():
        started = time.perf_counter()
        call_command("load_demo_portal", verbosity=0, stdout=io.StringIO())
        print(f"demo loaded in {time.perf_counter() - started:.1f} s")


def add_sites(total):
    """Component portals xa-NNN.ankhanh.gov.vn until there are `total` sites; seconds of each call made."""
    timings = []
    number = 0
    while Site.objects.count() < total:
        number += 1
        hostname = f"xa-{number:03d}.ankhanh.gov.vn"
        if Site.objects.filter(hostname=hostname).exists():
            continue
        started = time.perf_counter()
        add_component_portal(hostname, f"Ủy ban nhân dân xã {number:03d}", "commune")
        timings.append(time.perf_counter() - started)
        if len(timings) % 10 == 0:
            print(f"  {Site.objects.count()} sites", flush=True)
    return timings


def news_section(site):
    return SectionPage.objects.child_of(site.root_page).filter(slug="tin-tuc").first()


def seed_articles(site, section, wanted, tag):
    """`wanted` bench articles directly under the section, in bulk (bench/news_pages.insert_articles)."""
    prefix = f"tin-tinh-{tag}-"
    below = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
    have = below.filter(slug__startswith=prefix).count()
    if have >= wanted:
        return 0
    last = below.order_by("-path").first()
    position = int(last.path[-Page.steplen :], 36) if last else 0
    for start in range(have, wanted, BATCH):
        numbers = range(start, min(start + BATCH, wanted))
        with transaction.atomic():
            insert_articles(
                section, [(n, position + 1 + n - have) for n in numbers], prefix, ("Văn phòng", "Trụ sở")
            )
    Page.objects.filter(pk=section.pk).update(numchild=below.count())
    return wanted - have


def seed_documents(site, wanted, path):
    have = LegalDocument.objects.filter(site=site).count()
    if have >= wanted:
        return None
    return import_documents(path, site=site)


def generate(sites, articles, documents):
    per_site_articles = articles // len(sites)
    per_site_documents = documents // len(sites)
    started = time.perf_counter()
    added = 0
    for site in sites:
        section = news_section(site)
        if section is None:
            print(f"  {site.hostname}: no tin-tuc section, no articles")
            continue
        added += seed_articles(site, section, per_site_articles, site.pk)
    article_seconds = time.perf_counter() - started
    print(f"articles: {added} added ({per_site_articles} per site) in {article_seconds:.1f} s", flush=True)

    var = str(settings.VAR_DIR)
    os.makedirs(var, exist_ok=True)
    path = os.path.join(var, f"van-ban-{per_site_documents}.csv")
    started = time.perf_counter()
    write_csv(path, per_site_documents)
    imports = 0
    for index, site in enumerate(sites, 1):
        if seed_documents(site, per_site_documents, path) is not None:
            imports += 1
        if index % 10 == 0:
            print(f"  documents: {index} sites", flush=True)
    document_seconds = time.perf_counter() - started
    print(
        f"documents: {imports} imports of {per_site_documents} rows in {document_seconds:.1f} s", flush=True
    )
    return article_seconds + document_seconds


def relative(page, site):
    return page.url_path[len(site.root_page.url_path) - 1 :]


def public_targets(site):
    root = site.root_page
    article = ArticlePage.objects.live().descendant_of(root).order_by("-first_published_at").first()
    document = LegalDocument.objects.filter(site=site, live=True).order_by("-pk").first()
    targets = [("home /", "/"), ("documents /van-ban/", "/van-ban/")]
    if article is not None:
        targets.append(("article", relative(article, site)))
    if document is not None:
        targets.append(("document", f"/van-ban/{document.slug}/"))
    return targets


def host_of(site):
    return site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"


def row(label, figures):
    median, p95, queries = figures
    return f"{label:<44} {median:>9.1f} {p95:>9.1f} {queries:>8}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=120)
    parser.add_argument("--articles", type=int, default=240_000)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    load_demo()

    started = time.perf_counter()
    timings = add_sites(options.sites)
    sites_seconds = time.perf_counter() - started
    if timings:
        print(
            f"add_component_portal: {len(timings)} calls in {sites_seconds:.1f} s; median "
            f"{statistics.median(timings):.2f} s, p95 {percentile(timings, 0.95):.2f} s, "
            f"max {max(timings):.2f} s (target ≤ 10 s)"
        )
    else:
        print(f"add_component_portal: no call, {Site.objects.count()} sites already")

    sites = list(Site.objects.select_related("root_page").order_by("pk"))
    generation_seconds = generate(sites, options.articles, options.documents)
    print(
        f"{len(sites)} sites, {ArticlePage.objects.count()} articles, {LegalDocument.objects.count()} "
        f"documents ({connection.vendor}); generation {sites_seconds + generation_seconds:.0f} s"
    )

    commune = Site.objects.select_related("root_page").get(hostname=COMMUNE_HOST)
    department = Site.objects.select_related("root_page").get(is_default_site=True)
    province = PortalSettings.objects.get(kind=PortalKind.PROVINCE, parent_site__isnull=True).site
    print(f"\n{options.runs} runs each; median and p95 ms, queries of one request")
    print(f"{'page':<44} {'median':>9} {'p95':>9} {'queries':>8}")
    for site, kind in ((commune, "commune"), (department, "department"), (province, "province")):
        client = Client(HTTP_HOST=host_of(site))
        targets = public_targets(site)
        if site == province:
            targets.append(("documents of all portals", "/van-ban/?cong=tat-ca"))
        for label, url in targets:
            print(
                row(f"{kind} {label} cold", measure(client, url, options.runs, after_publish=True)),
                flush=True,
            )
            print(row(f"{kind} {label} warm", measure(client, url, options.runs)), flush=True)

    client = Client(HTTP_HOST=host_of(commune))
    client.force_login(get_user_model().objects.get(username=SECRETARY))
    section = news_section(commune)
    for label, url in (
        ("admin dashboard /admin/", "/admin/"),
        ("admin explorer tin-tuc", f"/admin/pages/{section.pk}/"),
        ("admin legal document listing", "/admin/snippets/legal_docs/legaldocument/"),
    ):
        print(row(f"{SECRETARY} {label}", measure(client, url, options.runs)), flush=True)


if __name__ == "__main__":
    main()

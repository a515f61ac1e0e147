"""Seed 50,000 articles and time the news listing and an article page.

    .venv/bin/python bench/news_pages.py [--articles 50000] [--requests 60]

Uses its own SQLite file under var/bench/ (or DATABASE_URL), dev settings with DEBUG off, and the Django
test client (no network). Prints median and p95 in milliseconds and the queries per request.
"""

import argparse
import io
import time
import uuid

from benchkit import measure, start_django  # noqa: E402

start_django("bench")

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from news.models import ArticlePage, SectionPage  # noqa: E402

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BATCH = 2000


def child_path(parent_path, index):
    """Treebeard's materialised path of the index-th child (1-based), four base-36 digits per level."""
    digits = ""
    for _ in range(Page.steplen):
        index, remainder = divmod(index, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return parent_path + digits


ARTICLE_COLUMNS = (
    "page_ptr_id",
    "intro",
    "body",
    "main_image_caption",
    "author_name",
    "author_address",
    "source",
    "collector",
    "classification",
)


def department():
    """The demo's default site (its communes have news sections of their own)."""
    return Site.objects.get(is_default_site=True).root_page


def insert_articles(section, placed, prefix, author=("Văn phòng Sở", "Số 12 Trần Hưng Đạo")):
    """Live articles under section in bulk (Wagtail's add_child would take an hour): page rows, then article
    rows; placed is [(number, child position)]. The caller sets the section's numchild afterwards."""
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    pages = []
    for number, position in placed:
        slug = f"{prefix}{number}"
        published = now - timezone.timedelta(minutes=number)
        pages.append(
            Page(
                title=f"Tin thử nghiệm số {number} về đầu tư công và cải cách hành chính",
                draft_title=f"Tin thử nghiệm số {number}",
                slug=slug,
                content_type=content_type,
                path=child_path(section.path, position),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
                live=True,
                first_published_at=published,
                last_published_at=published,
                locale=locale,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages)
    ids = Page.objects.filter(path__in=[page.path for page in pages]).values_list("id", flat=True)
    row = ("Tóm tắt tin thử nghiệm.", "[]", "", *author, "", "", "unclassified")
    placeholders = ", ".join(["%s"] * len(ARTICLE_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO news_articlepage ({', '.join(ARTICLE_COLUMNS)}) VALUES ({placeholders})",
            [(page_id, *row) for page_id in ids],
        )


def seed(total):
    """Articles spread over the news sub-sections, in batches."""
    sections = list(SectionPage.objects.descendant_of(department()).filter(depth=4))  # its news sub-sections
    have = ArticlePage.objects.count()
    if have >= total:
        return have
    for start in range(have, total, BATCH):
        with transaction.atomic():
            for index, section in enumerate(sections):
                numbers = [n for n in range(start, min(start + BATCH, total)) if n % len(sections) == index]
                placed = [(n, section.numchild + 1 + n // len(sections)) for n in numbers]
                if placed:
                    insert_articles(section, placed, "tin-thu-nghiem-")
        print(f"  {min(start + BATCH, total)} articles", flush=True)
    for section in sections:
        section.numchild = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1).count()
        Page.objects.filter(pk=section.pk).update(numchild=section.numchild)
    return ArticlePage.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=60)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo_portal", verbosity=0, stdout=io.StringIO())
    started = time.perf_counter()
    count = seed(options.articles)
    seconds = time.perf_counter() - started
    print(f"{count} articles in the database ({connection.vendor}); seeding took {seconds:.0f} s")

    client = Client()
    home = department()
    news = SectionPage.objects.child_of(home).get(slug="tin-tuc")
    section = SectionPage.objects.descendant_of(home).filter(depth=4).first()
    articles = ArticlePage.objects.live().descendant_of(home)
    article = articles.order_by("-first_published_at").first()
    deep = articles.order_by("first_published_at").first()
    targets = [
        ("news index, page 1", news.url),
        ("news index, page 50", f"{news.url}?page=50"),
        ("section page 1", section.url),
        ("article (newest)", article.url),
        ("article (oldest)", deep.url),
    ]
    print(f"{'page':<22} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for label, url in targets:
        median, p95, queries = measure(client, url, options.requests)
        print(f"{label:<22} {median:>10.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()

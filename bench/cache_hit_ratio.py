"""The cached pages' hit ratio while citizens send one question per second (docs/requirements.md, Performance
and availability).

    .venv/bin/python bench/cache_hit_ratio.py [--seconds 30] [--rate 10] [--max-requests 2000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_hits .venv/bin/python bench/cache_hit_ratio.py

Uses its own SQLite file under var/bench-hits/ (or DATABASE_URL), dev settings with DEBUG off and the
full-page cache on (operations/page_cache.py), loads the demo once (load_demo_portal, on the first run).
For --seconds (or --max-requests), anonymous visitors request the home page, the news index and an
article in turn with the Django test client, --rate requests per second (paced: at full speed a renewal
would cost a handful of requests among thousands and hide it), while a question is stored each second the
way the public form stores it (feedback.inbox.receive_question: the question, its history line and the
receipt mail).
Prints requests, hits and the hit ratio per page and in all, next to the target (≥ 95 %): a question is
not public (operations/invalidation.py), so it must leave every cached page in place.
"""

import argparse
import io
import time

from benchkit import start_django  # noqa: E402

start_django("bench-hits")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Site  # noqa: E402

from core.models import SubjectArea  # noqa: E402
from feedback.inbox import receive_question  # noqa: E402
from feedback.models import QuestionIndexPage  # noqa: E402
from news.models import ArticlePage, SectionPage  # noqa: E402

TARGET = 95.0  # per cent


def pages():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    article = ArticlePage.objects.live().descendant_of(home).order_by("-first_published_at").first()
    return [
        ("home", home.relative_url(site)),
        ("news index", SectionPage.objects.live().child_of(home).get(slug="tin-tuc").relative_url(site)),
        ("article", article.relative_url(site)),
    ]


def ask(page, field, number):
    data = {
        "name": "Nguyễn Văn Bench",
        "address": "Thôn Đông, xã Tân Lập",
        "email": f"bench-{number}@example.vn",
        "phone": "0912 345 678",
        "title": f"Câu hỏi thử tải số {number}",
        "content": "Tôi muốn hỏi về thủ tục đăng ký hộ kinh doanh.",
        "field": field,
        "consent": True,
    }
    receive_question(page, data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rate", type=float, default=10, help="page requests per second")
    parser.add_argument("--max-requests", type=int, default=2000)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not ArticlePage.objects.exists():  # once: later runs measure the same content
        call_command("load_demo_portal", verbosity=0, stdout=io.StringIO())
    settings.PAGE_CACHE_SECONDS = 600  # benchkit turns the page cache off; this bench measures it
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # receipts: not on the console
    question_page = QuestionIndexPage.objects.live().first()
    field = SubjectArea.objects.first()
    urls = pages()
    client = Client()
    counts = {label: [0, 0] for label, _ in urls}  # label: [requests, hits]
    questions = 0
    started = time.monotonic()
    next_question = started
    requests = 0
    while requests < options.max_requests and time.monotonic() - started < options.seconds:
        if time.monotonic() >= next_question:
            ask(question_page, field, questions)
            questions += 1
            next_question += 1
        time.sleep(max(0.0, started + requests / options.rate - time.monotonic()))
        label, url = urls[requests % len(urls)]
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[label][0] += 1
        counts[label][1] += response.get("X-Cache") == "HIT"
        requests += 1
    elapsed = time.monotonic() - started

    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"{connection.vendor}, cache {backend}, DEBUG={settings.DEBUG}, {options.rate:g} requests/s")
    print(f"{requests} requests and {questions} questions in {elapsed:.1f} s (one question per second)")
    print(f"{'page':<12} {'requests':>9} {'hits':>7} {'hit ratio':>10} {'target':>8}  URL")
    for label, url in urls:
        total, hits = counts[label]
        ratio = 100 * hits / max(total, 1)
        print(f"{label:<12} {total:>9} {hits:>7} {ratio:>9.1f}% {f'≥ {TARGET:.0f}%':>8}  {url}")
    hits = sum(hit for _, hit in counts.values())
    ratio = 100 * hits / max(requests, 1)
    verdict = "ok" if ratio >= TARGET else "BELOW TARGET"
    print(f"{'all':<12} {requests:>9} {hits:>7} {ratio:>9.1f}% {f'≥ {TARGET:.0f}%':>8}  {verdict}")


if __name__ == "__main__":
    main()

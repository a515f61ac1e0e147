"""Page codes and timings with the cache down: Redis stopped, paused (SIGSTOP) and full (maxmemory reached
with noeviction), on the demo portal with the full-page cache on.

    .venv/bin/python bench/cache_down.py [--requests 10]

Uses its own SQLite file under var/bench-cache-down/ (or DATABASE_URL) and, for "paused" and "full", a
redis-server of its own on a free loopback port (never the shared one). For each state it prints, per page,
the status codes and the first and median request times: every page must answer (200, /healthz 503) and
no request may wait more than one Redis timeout (0.25 s, config/settings/base.py), since after an error
operations/cache.py leaves the cache alone for a few seconds. The question form must store its submission.
"""

import argparse
import io
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_VAR_DIR", str(ROOT / "var" / "bench-cache-down"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ["PAGE_CACHE_SECONDS"] = "600"
os.environ["FEEDBACK_CAPTCHA"] = "0"  # no person reads the image here (the CAPTCHA has its own tests)
os.environ["FEEDBACK_MIN_FILL_SECONDS"] = "0"
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from core.models import SubjectArea  # noqa: E402
from feedback.models import Question, QuestionIndexPage  # noqa: E402
from news.models import ArticlePage  # noqa: E402

TIMEOUT = 0.25


def redis_cache(url):
    return {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": TIMEOUT, "SOCKET_TIMEOUT": TIMEOUT},
        }
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def own_redis(*config):
    """A redis-server of this bench's own: (process, url)."""
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            *config,
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    return process, f"redis://127.0.0.1:{port}/0"


def timed(client, method, url, data=None):
    started = time.perf_counter()
    response = client.post(url, data) if method == "POST" else client.get(url)
    return response.status_code, (time.perf_counter() - started) * 1000


def question_data(client, url):
    html = client.get(url).content.decode()
    started = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
    return {
        "name": "Nguyễn Văn Bình",
        "address": "Số 7 đường Hùng Vương",
        "email": "binh.nv@example.vn",
        "phone": "0987 654 321",
        "field": str(SubjectArea.objects.first().pk),
        "title": f"Câu hỏi khi bộ nhớ đệm hỏng {time.time()}",
        "content": "Tôi muốn mở quán cà phê tại nhà thì cần giấy tờ gì, nộp ở đâu?",
        "consent": "on",
        "website": "",
        "form_started": started,
    }


def run(state, requests):
    client = Client()
    article = ArticlePage.objects.live().first().url
    ask = QuestionIndexPage.objects.live().first().url + "gui-cau-hoi/"
    print(f"\n{state}")
    print(f"{'page':<10} {'codes':<14} {'first ms':>9} {'median ms':>10} {'max ms':>8}")
    for label, url in (("home", "/"), ("article", article), ("form", ask), ("healthz", "/healthz")):
        results = [timed(client, "GET", url) for _ in range(requests)]
        codes = sorted({code for code, _ in results})
        times = [ms for _, ms in results]
        print(
            f"{label:<10} {','.join(map(str, codes)):<14} {times[0]:>9.1f} {statistics.median(times):>10.1f}"
            f" {max(times):>8.1f}"
        )
    before = Question.objects.count()
    code, ms = timed(client, "POST", ask, question_data(client, ask))
    stored = Question.objects.count() - before
    print(f"{'question':<10} {code:<14} {ms:>9.1f} {'':>10} {'':>8}  stored: {stored}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    options = parser.parse_args()
    if not shutil.which("redis-server"):
        sys.exit("redis-server is needed for the paused and full states")

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not ArticlePage.objects.exists():
        call_command("load_demo_portal", verbosity=0, stdout=io.StringIO())

    with override_settings(CACHES=redis_cache("redis://127.0.0.1:1/0")):
        run("stopped (connection refused)", options.requests)

    process, url = own_redis()
    try:
        with override_settings(CACHES=redis_cache(url)):
            Client().get("/")  # connected, pages stored
            process.send_signal(signal.SIGSTOP)
            run("paused (SIGSTOP: connections accepted, no answer)", options.requests)
    finally:
        process.send_signal(signal.SIGCONT)
        process.terminate()
        process.wait()

    process, url = own_redis("--maxmemory", "1", "--maxmemory-policy", "noeviction")
    try:
        with override_settings(CACHES=redis_cache(url)):
            run("full (maxmemory reached, noeviction)", options.requests)
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    main()

"""Latency while gunicorn's workers recycle under a steady load (docs/requirements.md, Performance and
availability).

    .venv/bin/python bench/worker_recycle.py [--seconds 90] [--warm-up 10] [--rate 16] [--clients 4]
        [--max-requests 150]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_recycle .venv/bin/python bench/worker_recycle.py

Uses its own SQLite file under var/bench-recycle/ (or DATABASE_URL), dev settings with DEBUG off, the
embedded defaults otherwise (the file cache under var/, the full-page cache on: REDIS_URL is ignored), and
loads the demo once (load_demo_portal, on the first run); the page cache is emptied before each run so that
every run starts from the same cold pages. Starts gunicorn with the project's gunicorn.conf.py (2 workers as
on a 2-core node, GUNICORN_MAX_REQUESTS=--max-requests so that the workers recycle several times during the
run, a free loopback port), then --clients threads send --rate requests per second in all, one connection
each (no keep-alive), over a mix of home, news, articles, legal documents, document and site searches.
The first --warm-up seconds of that load are not counted (a node that has just started renders every page
for the first time, with empty caches; their figures are printed apart): the figures are the next --seconds.

Reads gunicorn's log as it is written: when each worker said "Autorestarting worker", when its replacement
said "Booting worker" and when that replacement answered its first request. Prints the requests, errors,
p50/p99/max latency, the requests over 2 s, every recycle with the time its worker was away, the number of
recycles, the shortest gap between two recycles and the time both workers were away together.
Exits 1 when a request took over 2 s or failed: a check to run by hand (not a test: it is timed).
"""

import argparse
import io
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_VAR_DIR", str(ROOT / "var" / "bench-recycle"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.pop("REDIS_URL", None)  # the embedded setup: the file cache under PORTAL_VAR_DIR
os.environ["PAGE_CACHE_SECONDS"] = "600"  # the default, whatever the shell says

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from wagtail.models import Site  # noqa: E402

from legal_docs.models import LegalDocument, LegalDocumentIndexPage  # noqa: E402
from news.models import ArticlePage, SectionPage  # noqa: E402

LIMIT = 2.0  # seconds: no request may wait longer, recycles or not
WORDS = ["quyet dinh", "ke hoach", "thong bao", "dau tu", "giao duc", "y te", "dat dai", "thue", "xay dung"]
# "[2026-12-07 06:50:00 +0000] [1234] [INFO] Booting worker with pid: 1234"
LOG_LINE = re.compile(r"^\[[^]]+\] \[(\d+)\] \[\w+\] (.*)$")
# The access lines this bench asks gunicorn for: "ACCESS <pid> status seconds".
ACCESS_FORMAT = "ACCESS %(p)s %(s)s %(L)s"
ACCESS_LINE = re.compile(r"^ACCESS <(\d+)> (\d+) ([\d.]+)")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def paths():
    """The pages a crawler would walk through: most are rendered once then served from the page cache,
    the searches (and their pages of results) mostly miss it."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    index = LegalDocumentIndexPage.objects.live().descendant_of(home).first().relative_url(site)
    news = SectionPage.objects.live().child_of(home).get(slug="tin-tuc").relative_url(site)
    articles = [page.relative_url(site) for page in ArticlePage.objects.live().descendant_of(home)[:40]]
    documents = [
        f"{index}{slug}/"
        for slug in LegalDocument.objects.filter(live=True).values_list("slug", flat=True)[:40]
    ]
    searches = [f"{index}?q={word.replace(' ', '+')}&page={page}" for page in (1, 2, 3) for word in WORDS]
    searches += [f"/tim-kiem/?q={word.replace(' ', '+')}&page={page}" for page in (1, 2) for word in WORDS]
    mix = []
    for number in range(max(len(articles), len(documents), len(searches))):
        mix.append(home.relative_url(site) if number % 2 else news)
        mix.append(articles[number % len(articles)])
        mix.append(documents[number % len(documents)])
        mix.append(index)
        mix.append(searches[number % len(searches)])
    return mix


class Log:
    """gunicorn's output, read line by line as it comes, each event stamped with the bench's clock."""

    def __init__(self, stream, copy):
        self.autorestarts = []  # (time, pid)
        self.boots = []  # (time, pid)
        self.first_answer = {}  # pid: (time, seconds the worker took for it)
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self.read, args=(stream, copy), daemon=True)
        self.thread.start()

    def read(self, stream, copy):
        for raw in stream:
            now = time.monotonic()
            line = raw.decode(errors="replace").rstrip("\n")
            copy.write(line + "\n")
            access = ACCESS_LINE.match(line)
            if access:
                self.first_answer.setdefault(int(access.group(1)), (now, float(access.group(3))))
                continue
            match = LOG_LINE.match(line)
            if not match:
                continue
            pid, message = int(match.group(1)), match.group(2)
            if message.startswith("Autorestarting worker"):
                self.autorestarts.append((now, pid))
            elif message.startswith("Booting worker with pid"):
                self.boots.append((now, pid))
            elif message.startswith("Listening at"):
                self.ready.set()


def start_server(max_requests, log_path):
    port = free_port()
    env = {
        **os.environ,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_MAX_REQUESTS": str(max_requests),
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),  # as production
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi",
        "--config",
        str(ROOT / "gunicorn.conf.py"),
        "--access-logformat",
        ACCESS_FORMAT,
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    log = Log(server.stdout, log_path.open("w"))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/healthz", timeout=30, headers={"Connection": "close"}).ok:
                return server, log, url
        except requests.RequestException:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not start (see {log_path})")


def drive(url, mix, clients, rate, seconds):
    """clients threads, rate requests per second in all, each request on a new connection: returns
    [(started, seconds, status or error name, path)] and the time the load started."""
    results = []
    lock = threading.Lock()
    started = time.monotonic() + 0.5
    interval = clients / rate

    def client(number):
        session_results = []
        count = 0
        while True:
            due = started + (count + number / clients) * interval
            if due > started + seconds:
                break
            time.sleep(max(0.0, due - time.monotonic()))
            path = mix[(count * clients + number) % len(mix)]
            begin = time.monotonic()
            try:
                response = requests.get(url + path, timeout=60, headers={"Connection": "close"})
                outcome = response.status_code
            except requests.RequestException as error:
                outcome = type(error).__name__
            session_results.append((begin, time.monotonic() - begin, outcome, path))
            count += 1
        with lock:
            results.extend(session_results)

    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(results), started


def recycles(log, until):
    """One row per worker that recycled: (autorestart time, old pid, new pid or None, back time or None,
    seconds of the replacement's first request or None). A worker is away from its "Autorestarting" line
    to the moment its replacement took its first request."""
    rows = []
    boots = list(log.boots)
    for moment, pid in log.autorestarts:
        replacement = next(((at, new) for at, new in boots if at >= moment), None)
        if replacement:
            boots.remove(replacement)
            new = replacement[1]
            answered, took = log.first_answer.get(new, (None, None))
            rows.append((moment, pid, new, answered - took if answered else None, took))
        else:
            rows.append((moment, pid, None, None, None))
    return [row for row in rows if row[0] <= until]


def overlap(rows, until):
    """Seconds during which two workers were away at once."""
    spans = [(moment, back if back is not None else until) for moment, _, _, back, _ in rows]
    total = 0.0
    for index, (start, end) in enumerate(spans):
        for other_start, other_end in spans[index + 1 :]:
            total += max(0.0, min(end, other_end) - max(start, other_start))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--warm-up", type=float, default=10, help="seconds of load not counted, first")
    parser.add_argument("--rate", type=float, default=16, help="requests per second, all clients together")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=150, help="GUNICORN_MAX_REQUESTS")
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not ArticlePage.objects.exists():  # once: later runs measure the same content
        call_command("load_demo_portal", verbosity=0, stdout=io.StringIO())
    cache.clear()  # every run starts from cold pages
    mix = paths()

    log_path = Path(os.environ["PORTAL_VAR_DIR"]) / "gunicorn.log"
    server, log, url = start_server(options.max_requests, log_path)
    try:
        results, started = drive(url, mix, options.clients, options.rate, options.warm_up + options.seconds)
        ended = time.monotonic()
        time.sleep(0.5)  # the last log lines
    finally:
        server.terminate()
        server.wait()
    log.thread.join(timeout=5)
    warm_up = [row for row in results if row[0] < started + options.warm_up]
    results = results[len(warm_up) :]
    started += options.warm_up

    latencies = sorted(seconds for _, seconds, _, _ in results)
    errors = [row for row in results if not (isinstance(row[2], int) and row[2] < 400)]
    slow = [row for row in results if row[1] > LIMIT]
    rows = recycles(log, ended)
    gaps = [later[0] - earlier[0] for earlier, later in zip(rows, rows[1:], strict=False)]
    preload = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            "-c",
            "import runpy; print(runpy.run_path('gunicorn.conf.py').get('preload_app', False))",
        ],
        cwd=ROOT,
        env={**os.environ, "GUNICORN_MAX_REQUESTS": str(options.max_requests)},
        capture_output=True,
        text=True,
    ).stdout.strip()

    def ms(value):
        return f"{value * 1000:.0f} ms"

    print(
        f"gunicorn.conf.py: 2 workers, max_requests {options.max_requests}, preload_app {preload}; "
        f"{options.clients} clients, {options.rate:g} requests/s, {options.seconds:g} s, no keep-alive"
    )
    print(
        f"warm-up ({options.warm_up:g} s from start, not counted): {len(warm_up)} requests, "
        f"max {ms(max((seconds for _, seconds, _, _ in warm_up), default=0))}"
    )
    print(f"requests {len(results)}, errors {len(errors)}")
    print(
        f"latency p50 {ms(statistics.median(latencies))}, "
        f"p99 {ms(latencies[max(0, round(0.99 * len(latencies)) - 1)])}, max {ms(latencies[-1])}"
    )
    print(f"over {LIMIT:g} s: {len(slow)}")
    print(f"{'recycle at':>10} {'old pid':>8} {'new pid':>8} {'away':>9} {'first answer':>13}")
    for moment, pid, new, back, first in rows:
        print(
            f"{moment - started:>9.1f}s {pid:>8} {new or '-':>8} "
            f"{ms(back - moment) if back else 'not back':>9} {ms(first) if first is not None else '-':>13}"
        )
    print(
        f"recycles {len(rows)}, shortest gap between two {f'{min(gaps):.1f} s' if gaps else '-'}, "
        f"both workers away {overlap(rows, ended):.1f} s"
    )
    for begin, seconds, outcome, path in (slow + errors)[:20]:
        print(f"  at {begin - started:.1f} s: {outcome} in {ms(seconds)} {path}")
    print(f"gunicorn log: {log_path}")
    if slow or errors:
        print(f"FAILED: {len(slow)} requests over {LIMIT:g} s, {len(errors)} errors")
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()

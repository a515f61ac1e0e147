"""Send N valid questions with C concurrent clients to a running portal, then count what was stored.

    .venv/bin/python bench/feedback_load.py [--submissions 1000] [--clients 20] [--url http://127.0.0.1:8000]

Without --url the script starts its own gunicorn (2 workers) on a free loopback port, with its own SQLite
file under var/bench-feedback/ (or DATABASE_URL), the demo content, and for the run only: the CAPTCHA off,
the per-IP limit raised and no minimum fill time, since every client shares 127.0.0.1 and no person reads
the image (the real protections have their own tests). With --url it uses that server and the database of
this environment, which must be the server's. Loopback only: any other host is refused.

Each client GETs the form (CSRF cookie, signed start time), POSTs a question with a unique title and reads
the tracking code from the answer. At the end every accepted submission must be in the database exactly once
(by title and by code), and no code may repeat. Prints throughput and latency figures.
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORTAL_VAR_DIR", str(ROOT / "var" / "bench-feedback"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DJANGO_DEBUG", "0")

import django  # noqa: E402
import requests  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from core.models import SubjectArea  # noqa: E402
from feedback.models import Question  # noqa: E402

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
FORM_PATH = "/hoi-dap/gui-cau-hoi/"
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|form_started)" value="([^"]+)"')
CODE = re.compile(r"\bHD-[0-9A-Z]{10}\b")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server():
    """gunicorn on a free loopback port, with the run-only relaxations; returns (process, base URL)."""
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo_portal", verbosity=0)
    port = free_port()
    env = {
        **os.environ,
        "FEEDBACK_CAPTCHA": "0",
        "FEEDBACK_RATE_LIMIT": "1000000/600",
        "FEEDBACK_MIN_FILL_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--no-control-socket",
    ]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(url + FORM_PATH, timeout=10)
            return server, url
        except requests.RequestException:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def submit(url, run, number, field_id):
    """One citizen: load the form, send it, read the code. Returns (title, code or None, seconds)."""
    session = requests.Session()
    started = time.perf_counter()
    page = session.get(url + FORM_PATH, timeout=30)
    hidden = dict(HIDDEN.findall(page.text))
    title = f"Câu hỏi tải thử {run} số {number}"
    data = {
        **hidden,
        "website": "",
        "name": "Nguyễn Văn Thử",
        "address": "Số 1 đường Lê Lợi, phường Quy Nhơn",
        "email": f"thu.{number}@example.vn",
        "phone": "",
        "field": field_id,
        "title": title,
        "content": "Xin hỏi thủ tục đăng ký hộ kinh doanh cần những giấy tờ gì?",
        "consent": "on",
    }
    response = session.post(url + FORM_PATH, data=data, headers={"Referer": url + FORM_PATH}, timeout=30)
    match = CODE.search(response.text) if response.status_code == 200 else None
    return title, match.group(0) if match else None, time.perf_counter() - started, response.status_code


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--url", help="a running portal on loopback (default: start one)")
    options = parser.parse_args()
    if options.url and urlsplit(options.url).hostname not in LOOPBACK:
        raise SystemExit("Loopback only: --url must be http://127.0.0.1:PORT, localhost or [::1].")

    server, url = (None, options.url.rstrip("/")) if options.url else start_server()
    try:
        run = uuid.uuid4().hex[:8]
        field_id = str(SubjectArea.objects.order_by("pk").values_list("pk", flat=True).first())
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=options.clients) as pool:
            results = list(pool.map(lambda n: submit(url, run, n, field_id), range(options.submissions)))
        elapsed = time.perf_counter() - started
    finally:
        if server:
            server.terminate()
            server.wait()

    accepted = [(title, code) for title, code, _seconds, _status in results if code]
    refused = Counter(status for _title, code, _seconds, status in results if not code)
    stored = Question.objects.filter(title__startswith=f"Câu hỏi tải thử {run} ")
    titles = list(stored.values_list("title", flat=True))
    codes = set(stored.values_list("code", flat=True))
    missing = [title for title, code in accepted if code not in codes]
    duplicates = len(titles) - len(set(titles))
    seconds = sorted(result[2] * 1000 for result in results)
    print(
        f"{options.submissions} submissions, {options.clients} clients, {elapsed:.1f} s "
        f"({options.submissions / elapsed:.1f} submissions/s, GET form + POST each)"
    )
    print(
        f"per submission: median {statistics.median(seconds):.0f} ms, "
        f"p95 {seconds[int(0.95 * len(seconds)) - 1]:.0f} ms"
    )
    print(
        f"accepted (code shown): {len(accepted)}; rows stored: {len(titles)}; "
        f"accepted but missing: {len(missing)}; stored twice: {duplicates}; distinct codes: {len(codes)}"
    )
    if refused:
        print(
            "not accepted, by HTTP status: "
            + ", ".join(f"{code}: {n}" for code, n in sorted(refused.items()))
        )
    if missing or duplicates or len(titles) != len(accepted) or len(codes) != len(titles):
        raise SystemExit("FAILED: a submission was lost or stored twice")
    print("OK: every accepted submission is stored exactly once")


if __name__ == "__main__":
    main()

"""What the benches share: the same Django set-up (dev settings, DEBUG off, the full-page cache off) and the
same timing of warm requests, so that every figure measures the same thing."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_django(var_name):
    """Django on the bench's own data under var/<var_name>/ (or DATABASE_URL), rendering every request: a
    page served from the page cache (operations/page_cache.py) would time a cache read, not the page."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PORTAL_VAR_DIR", str(ROOT / "var" / var_name))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()


def measure(client, url, runs):
    """Median and p95 ms of warm requests, and the queries of one warm request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: the layout's cache, templates, site root paths
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, len(queries)

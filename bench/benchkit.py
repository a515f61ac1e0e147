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
    page served from the page cache (operations/page_cache.py) would time a cache read, not the page. The
    database connection is kept between requests, as production keeps it (config/settings/production.py)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PORTAL_VAR_DIR", str(ROOT / "var" / var_name))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")  # as production keeps its connections
    import django

    django.setup()


def measure(client, url, runs, after_publish=False):
    """Median and p95 ms of warm requests, and the queries of one warm request.

    after_publish: each request comes right after a new content generation (core/generation.py), as
    the first one after an editor publishes does: the layout, the site, its settings and the compiled
    listing SQL that warm requests reuse are all built again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core import generation

    client.get(url)  # warm: templates, Django's own caches
    timings = []
    for _ in range(runs):
        if after_publish:
            generation.renew()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    if after_publish:
        generation.renew()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, len(queries)

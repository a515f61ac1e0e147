"""Public endpoints of the operations app: the health check a load balancer or monitor polls."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_ok():
    """A trivial query: proves a connection can be opened and answers, without touching any table."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def cache_ok():
    """Set and read back a short-lived key unique to this call, so that concurrent checks never collide."""
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    found = cache.get(key) == "ok"
    cache.delete(key)
    return found


CHECKS = {"database": database_ok, "cache": cache_ok}


def run_check(name, check):
    """'ok' or 'error'; the reason goes to the log only, because the body is public."""
    try:
        return "ok" if check() else "error"
    except Exception:
        logger.exception("Health check %s failed", name)
        return "error"


@never_cache
@require_safe
def healthz(request):
    """200 when every dependency answers, 503 naming the parts that do not (never why: no hostnames,
    exception text or versions reach an anonymous caller)."""
    results = {name: run_check(name, check) for name, check in CHECKS.items()}
    healthy = all(value == "ok" for value in results.values())
    body = {"status": "ok" if healthy else "error", **results}
    return JsonResponse(body, status=200 if healthy else 503)

"""Public endpoints of the operations app: the health check a load balancer or monitor polls, and the
error page served when a request fails."""

import logging
import sys
import uuid

from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import JsonResponse
from django.views import defaults
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


def database_answers():
    """True when the database answers now: the error was in a query (SQLite reports a query too large as an
    OperationalError too), not in reaching the server."""
    try:
        return database_ok()
    except Exception:
        return False


# A database that cannot be reached (down, restarting, locked): the visitor is told to come back shortly.
UNAVAILABLE_RETRY_SECONDS = 60


def server_error(request):
    """handler500: 503 with Retry-After and a Vietnamese "try again shortly" page when the failure is the
    database's connection (docs/operations.md, "The database down"), Django's 500 page otherwise. The page
    is static: it must render with neither database nor cache."""
    failure = sys.exception()
    if not isinstance(failure, OperationalError | InterfaceError) or database_answers():
        return defaults.server_error(request)
    response = defaults.server_error(request, template_name="503.html")
    response.status_code = 503
    response["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
    return response

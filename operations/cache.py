"""Cache backends for which the cache is an optimisation, never a condition of serving (docs/operations.md).

Every operation of the default cache goes through ResilientCacheMixin: an error (Redis stopped, paused or
full, a full disk under var/cache) is logged once as a warning and answered as a miss, so pages are rendered
from the database, forms are stored and the health check reports the cache. After an error the process
leaves the cache alone for RETRY_SECONDS: with Redis's socket timeouts (config/settings/base.py) an outage
costs a request at most one timeout, not one per cache call.
"""

import logging
import time

from django.conf import settings
from django.core.cache.backends.filebased import FileBasedCache
from django.utils.module_loading import import_string
from django_redis.cache import RedisCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5

# What each operation answers while the cache is unavailable: a miss, nothing stored. add() answers True
# because the portal uses it as a lock whose work is claimed in the database too (operations/jobs.py);
# incr() answers 0, which a counter reads as "nothing counted" (feedback/protection.py fails open).
FALLBACKS = {
    "get_many": {},
    "has_key": False,
    "set": None,
    "set_many": [],
    "add": True,
    "touch": False,
    "delete": False,
    "delete_many": None,
    "incr": 0,
    "clear": None,
}


class ResilientCacheMixin:
    """Wraps the backend's operations: an error is a warning line and a miss (see the module docstring)."""

    unavailable_until = 0.0

    def available(self):
        """False while this process leaves the cache alone after an error."""
        return time.monotonic() >= self.unavailable_until

    def guarded(self, operation, fallback, method, *args, **kwargs):
        """method(*args, **kwargs), or fallback when the cache failed now or a moment ago."""
        if self.available():
            try:
                return method(*args, **kwargs)
            except ValueError:
                if operation == "incr":  # a missing key: the API's answer, not a failure
                    raise
                self.failed(operation, "ValueError")
            except Exception as error:  # connection refused, timeout, out of memory, full disk
                self.failed(operation, type(error).__name__)
        return fallback.copy() if isinstance(fallback, (dict, list)) else fallback

    def failed(self, operation, error):
        self.unavailable_until = time.monotonic() + RETRY_SECONDS
        logger.warning(
            "Cache unavailable (%s on %s): pages served uncached for %d s",
            error,
            operation,
            RETRY_SECONDS,
            extra={"cache_operation": operation, "cache_error": error},
        )

    def get(self, key, default=None, version=None):
        return self.guarded("get", default, super().get, key, default, version=version)


def guard(operation, fallback):
    def method(self, *args, **kwargs):
        parent = getattr(super(ResilientCacheMixin, self), operation)
        return self.guarded(operation, fallback, parent, *args, **kwargs)

    method.__name__ = operation
    method.__doc__ = f"The backend's {operation}(), guarded."
    return method


for name, value in FALLBACKS.items():
    setattr(ResilientCacheMixin, name, guard(name, value))


class ResilientRedisCache(ResilientCacheMixin, RedisCache):
    """Production's cache (REDIS_URL), on django-redis: one client and connection pool per process, where
    Django's own Redis backend builds a client for every call (a quarter of a page cache hit's time)."""


class ResilientFileBasedCache(ResilientCacheMixin, FileBasedCache):
    """The embedded default: files under var/cache, shared by every process of the installation."""


def eviction_warning():
    """What is wrong with production's Redis as a cache, or None: with no maxmemory it grows until the
    machine runs out, and with the noeviction policy a full Redis refuses every write (docs/deployment.md
    sets maxmemory and allkeys-lru). One round trip, at start-up (OperationsConfig.ready)."""
    config = settings.CACHES["default"]
    if not issubclass(import_string(config["BACKEND"]), RedisCache):
        return None
    import redis

    location = config["LOCATION"]
    url = location.split(",")[0] if isinstance(location, str) else location[0]
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        found = client.config_get("maxmemory*")
    except redis.RedisError as error:
        return f"Redis maxmemory not checked ({type(error).__name__}): see docs/deployment.md"
    finally:
        client.close()
    if str(found.get("maxmemory", "0")) == "0":
        return "Redis has no maxmemory: it grows without bound (docs/deployment.md sets it with allkeys-lru)"
    if found.get("maxmemory-policy") == "noeviction":
        return "Redis maxmemory-policy is noeviction: once full, every cache write fails (use allkeys-lru)"
    return None


def warn_without_eviction():
    message = eviction_warning()
    if message:
        logger.warning(message)

"""Gunicorn settings for production: `gunicorn config.wsgi` reads this file from the working directory.

Every value can be tuned from the environment, so that the same file serves a 2-core VM and a larger node.
Beside gunicorn, production runs `python manage.py db_worker --no-reload` (Wagtail's background tasks,
queued in the database) and `python manage.py run_scheduled_jobs` (docs/operations.md).
"""

import contextlib
import gc
import os
import random
import socket
import time

DEFAULT_BIND = "0.0.0.0:8000 [::]:8000"


def worker_count(cpus=None, cap=None):
    """2 × cores + 1 (gunicorn's rule of thumb for sync workers), never more than WEB_CONCURRENCY."""
    cpus = cpus or os.cpu_count() or 1
    count = 2 * cpus + 1
    cap = os.environ.get("WEB_CONCURRENCY") if cap is None else cap
    return min(count, int(cap)) if cap else count


def ipv6_available():
    """False on a host with IPv6 switched off, where binding [::] would stop gunicorn from starting."""
    try:
        socket.socket(socket.AF_INET6).close()
    except OSError:
        return False
    return True


def dual_stack():
    """True when an IPv6 wildcard socket also accepts IPv4 (Linux's default, bindv6only=0): 0.0.0.0 and
    [::] on the same port would then clash with "Address already in use"."""
    try:
        with open("/proc/sys/net/ipv6/bindv6only") as flag:
            return flag.read().strip() == "0"
    except OSError:
        return False


def bind_addresses(value=None, ipv6=None, shared_stack=None):
    """The addresses of BIND (space separated), minus those this host cannot bind: IPv6 ones without IPv6,
    and 0.0.0.0:PORT when a dual-stack [::]:PORT already takes IPv4 on that port."""
    addresses = (value if value is not None else os.environ.get("BIND", DEFAULT_BIND)).split()
    ipv6 = ipv6_available() if ipv6 is None else ipv6
    if not ipv6:
        return [address for address in addresses if not address.startswith("[")]
    shared_stack = dual_stack() if shared_stack is None else shared_stack
    if not shared_stack:
        return addresses
    shadowed = {
        "0.0.0.0:" + address.rsplit(":", 1)[1] for address in addresses if address.startswith("[::]:")
    }
    return [address for address in addresses if address not in shadowed]


bind = bind_addresses()
workers = worker_count()
# A request taking longer than this is stuck (a page renders in tens of milliseconds): restart the worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Behind a load balancer that reuses connections; longer than nothing, shorter than its idle timeout.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so that a slow leak never takes a node down, but never several at once:
# a restart takes seconds, and workers restarting together stall the whole site (see pre_fork below).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 20
# Workers spawned within this many seconds of each other count as one batch to stagger.
STAGGER_WINDOW = 30.0
# Django and Wagtail are loaded once, in the arbiter, and every worker is a fork of it: a recycled worker is
# replaced in milliseconds instead of by a new interpreter importing the whole project (5–20 s of CPU on a
# busy 2-core node, taken from the workers still serving; docs/benchmarks.md, bench/worker_recycle.py).
# New code then needs a restart of gunicorn, not a HUP (docs/deployment.md restarts the nodes);
# GUNICORN_PRELOAD=0 for gunicorn's --reload, which cannot reload a preloaded application.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
# Logs to stdout/stderr, for the process manager (systemd, container runtime) to collect.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# No runtime control socket, like `make run`'s --no-control-socket: nothing to manage workers from outside.
control_socket_disable = True


def staggered_max_requests(batch_index, worker_total, base=None, jitter=None):
    """The request budget of the batch_index-th worker of a batch spawned together (start-up, reload, or
    recycles close in time): budgets spread by base / worker_total, so that under an even load the
    workers reach their budget one after the other, each restart seconds apart from the next."""
    base = max_requests if base is None else base
    jitter = max_requests_jitter if jitter is None else jitter
    if base <= 0:
        return None
    step = base // max(worker_total, 1)
    return base + (batch_index % max(worker_total, 1)) * step + random.randint(0, jitter)


def pre_fork(server, worker):
    """Gunicorn hook, run in the arbiter before each fork: give the new worker a budget staggered against
    the other workers born in the same window (gunicorn's own random jitter alone lets two workers
    recycle within a second of each other)."""
    now = time.monotonic()
    births = [getattr(sibling, "born", None) for sibling in server.WORKERS.values()]
    recent = sum(1 for born in births if born is not None and now - born < STAGGER_WINDOW)
    worker.born = now
    budget = staggered_max_requests(recent, server.num_workers)
    if budget is not None:
        worker.max_requests = budget
    if server.cfg.preload_app:
        # What the arbiter loaded is never freed: out of the collector's sight, a worker's collections skip
        # it, and so does its exit, which otherwise walks all of it (seconds during which the worker neither
        # serves nor is replaced). Python's gc.freeze() documentation recommends it before fork().
        gc.freeze()


def when_ready(server):
    """Gunicorn hook, run in the arbiter once the application is loaded, before the first fork: load the
    URLconf (every view module: most of a new worker's first request), then close any database connection
    or cache client that opened, so that no two workers share one socket (Django opens them at first use,
    so this normally finds none)."""
    if not server.cfg.preload_app:
        return
    from django.core.cache import caches
    from django.db import connections
    from django.urls import Resolver404, resolve

    with contextlib.suppress(Resolver404):  # the URLconf is loaded all the same
        resolve("/")
    connections.close_all()
    caches.close_all()

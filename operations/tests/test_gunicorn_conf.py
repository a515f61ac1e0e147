"""gunicorn.conf.py at the repository root: the values gunicorn would run with."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from gunicorn.config import Config

CONF_PATH = Path(settings.BASE_DIR) / "gunicorn.conf.py"


def load_conf():
    """Import the file as gunicorn does (it is not a package module: its name has a dot)."""
    spec = importlib.util.spec_from_file_location("portal_gunicorn_conf", CONF_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def conf(monkeypatch):
    for name in ("WEB_CONCURRENCY", "BIND", "GUNICORN_TIMEOUT", "GUNICORN_PRELOAD"):
        monkeypatch.delenv(name, raising=False)
    return load_conf()


def test_settings_are_real_gunicorn_settings(conf):
    gunicorn = Config()
    for name in ("bind", "workers", "timeout", "graceful_timeout", "keepalive", "accesslog", "errorlog"):
        gunicorn.set(name, getattr(conf, name))
    gunicorn.set("control_socket_disable", conf.control_socket_disable)

    assert gunicorn.control_socket_disable is True
    assert gunicorn.accesslog == "-"
    assert gunicorn.timeout == 30 and gunicorn.graceful_timeout == 30


def test_workers_follow_cpu_count_capped_by_web_concurrency(conf, monkeypatch):
    assert conf.worker_count(cpus=2) == 5
    assert conf.worker_count(cpus=4, cap="3") == 3
    assert conf.worker_count(cpus=1, cap="8") == 3

    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    monkeypatch.setattr("os.cpu_count", lambda: 16)
    assert load_conf().workers == 2


def test_default_bind_covers_ipv4_and_ipv6(conf):
    assert conf.DEFAULT_BIND == "0.0.0.0:8000 [::]:8000"
    # A host whose [::] socket takes IPv4 too (Linux's default): binding 0.0.0.0 as well would fail.
    assert conf.bind_addresses(conf.DEFAULT_BIND, ipv6=True, shared_stack=True) == ["[::]:8000"]
    assert conf.bind_addresses(conf.DEFAULT_BIND, ipv6=True, shared_stack=False) == [
        "0.0.0.0:8000",
        "[::]:8000",
    ]
    assert conf.bind_addresses(conf.DEFAULT_BIND, ipv6=False) == ["0.0.0.0:8000"]


def test_bind_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("BIND", "127.0.0.1:9000 [::1]:9000")

    assert load_conf().bind in (["127.0.0.1:9000", "[::1]:9000"], ["127.0.0.1:9000"])


def test_pre_fork_is_a_real_gunicorn_hook(conf):
    gunicorn = Config()
    gunicorn.set("pre_fork", conf.pre_fork)
    assert gunicorn.pre_fork is conf.pre_fork


class FakeWorker:
    max_requests = 0


class FakeArbiter:
    def __init__(self, num_workers, preload_app=True):
        self.num_workers = num_workers
        self.WORKERS = {}
        self.cfg = SimpleNamespace(preload_app=preload_app)

    def spawn(self, conf):
        """What Arbiter.spawn_worker does around the hook: build, call pre_fork, register."""
        worker = FakeWorker()
        conf.pre_fork(self, worker)
        self.WORKERS[len(self.WORKERS) + 1] = worker
        return worker


def test_workers_spawned_together_get_budgets_far_apart(conf):
    arbiter = FakeArbiter(num_workers=2)
    first, second = arbiter.spawn(conf), arbiter.spawn(conf)
    # With an even load, each budget is reached at a different time: at least a third of the base apart,
    # far more than gunicorn's random jitter would give.
    assert abs(first.max_requests - second.max_requests) >= conf.max_requests // 3
    assert min(first.max_requests, second.max_requests) >= conf.max_requests


def test_a_lone_replacement_keeps_the_base_budget(conf):
    arbiter = FakeArbiter(num_workers=2)
    arbiter.spawn(conf)
    arbiter.spawn(conf)
    for worker in arbiter.WORKERS.values():
        worker.born -= conf.STAGGER_WINDOW + 1
    replacement = arbiter.spawn(conf)
    # Equal budgets after the first staggered batch keep the workers' phases apart.
    assert conf.max_requests <= replacement.max_requests <= conf.max_requests + conf.max_requests_jitter


def test_budgets_spread_over_every_worker(conf):
    budgets = sorted(conf.staggered_max_requests(index, 5, base=1000, jitter=0) for index in range(5))
    assert budgets == [1000, 1200, 1400, 1600, 1800]
    assert conf.staggered_max_requests(0, 5, base=0) is None


def test_the_application_is_loaded_once_in_the_arbiter(conf, monkeypatch):
    gunicorn = Config()
    gunicorn.set("preload_app", conf.preload_app)
    gunicorn.set("when_ready", conf.when_ready)
    # A recycled worker is replaced by a fork, not by a new interpreter importing the project.
    assert gunicorn.preload_app is True
    assert gunicorn.when_ready is conf.when_ready

    monkeypatch.setenv("GUNICORN_PRELOAD", "0")  # for gunicorn's --reload
    assert load_conf().preload_app is False


def test_forks_leave_what_the_arbiter_loaded_to_the_collector_alone(conf, monkeypatch):
    frozen = []
    monkeypatch.setattr(conf.gc, "freeze", lambda: frozen.append(True))

    FakeArbiter(num_workers=2, preload_app=False).spawn(conf)
    assert frozen == []
    FakeArbiter(num_workers=2).spawn(conf)
    assert frozen == [True]


def test_no_worker_inherits_a_connection_from_the_arbiter(conf, monkeypatch):
    from django.core.cache import caches
    from django.db import connections

    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append("databases"))
    monkeypatch.setattr(caches, "close_all", lambda: closed.append("caches"))

    conf.when_ready(FakeArbiter(num_workers=2, preload_app=False))
    assert closed == []
    conf.when_ready(FakeArbiter(num_workers=2))
    assert closed == ["databases", "caches"]

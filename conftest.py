"""Fixtures shared by every app's tests."""

import os
import shutil
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from wagtail.models import Page, Site

# Playwright's sync API runs an event loop in the test thread; the ORM calls around it are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


def pytest_unconfigure(config):
    """Uploaded files of this run go with it: each process (every xdist worker, and the controller that
    imported the settings too) made its own temporary directories in config/settings/test.py."""
    if not settings.configured:
        return  # the settings were never read, so no directory was made
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        shutil.rmtree(root, ignore_errors=True)


def pytest_make_parametrize_id(config, val, argname):
    """File contents in a test's parameters are named by the argument, not spelled out: a zip file made at
    collection time carries the time, and xdist refuses to run when its workers collect different ids."""
    if isinstance(val, bytes | bytearray):
        return argname
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """`make test` runs modules marked xdist_group on one worker each (--dist loadgroup), so that their
    module-scoped data (the demo, a crawled portal) is built once. pytest-xdist marks them by editing node
    ids, which some pytest releases no longer allow: fail loudly rather than build it on every worker."""
    if not getattr(config.option, "loadgroup", False):
        return
    untagged = [
        item.nodeid for item in items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
    ]
    if untagged:
        raise pytest.UsageError(
            f"pytest-xdist could not tag {len(untagged)} grouped tests (e.g. {untagged[0]}): "
            "check the pytest pin in requirements-dev.txt."
        )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the layout caches its menu, and ids repeat across tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _mail_through_the_outbox(settings):
    """Django's test set-up replaces EMAIL_BACKEND with locmem; put the outbox (operations/mail.py) back, so
    that tests send mail the way production does (it delivers to locmem: EMAIL_DELIVERY_BACKEND)."""
    settings.EMAIL_BACKEND = "operations.mail.OutboxBackend"


@pytest.fixture
def mailoutbox(mailoutbox, monkeypatch):
    """pytest-django's, with every email sent as soon as it is queued: the outbox (operations/mail.py) sends
    after the commit, and a test's transaction never commits. operations/tests/test_mail.py tests the wait."""
    from operations import mail as outbox

    monkeypatch.setattr(outbox, "transaction", SimpleNamespace(on_commit=lambda callback, **_: callback()))
    return mailoutbox


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the migrated-data snapshot on the connection class, not just on one connection object.

    Browser tests run on a transactional database that is flushed afterwards and restored from this
    snapshot (serialized_rollback). Django stores the snapshot on the connection object, but the test
    thread can be handed a new object once Playwright and the live server are running, and the restore
    would then silently do nothing, leaving every later test without its home page and site.
    """
    for connection in connections.all():
        snapshot = getattr(connection, "_test_serialized_contents", None)
        if snapshot is not None:
            type(connection)._test_serialized_contents = snapshot


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Data made once for all of a module's tests, the way Django's TestCase.setUpTestData works.

    A module-scoped fixture that asks for this one writes inside `with module_db.unblock():`; its rows
    live in a transaction rolled back after the module's last test. Each test (`db`) runs in a savepoint
    of it, so what one test changes is gone before the next. Not for transactional tests.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield django_db_blocker
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, offline: no browser download, no background calls to the internet."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }

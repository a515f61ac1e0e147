"""One generation for everything the public sees: any change to published content starts a new one.

Caches of rendered output (the layout's menu in home/chrome.py, whole pages in operations/page_cache.py)
put the generation in their keys, and so does what each process keeps for the requests that follow
(remembered(): the site and its settings, the menu, compiled SQL). A publish, unpublish, move or delete of a
page, or a change to a snippet, setting, image or document that pages may show, is then visible on the next
request, without having to know which pages display what (index pages and the home page list articles and
documents). Old entries expire; a process drops its own at its first request under a new generation.
"""

import contextvars
import functools
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

KEY = "portal:content-generation"

# Saves that touch only what editors see (a new draft, a lock), never the published version.
EDITOR_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# Wagtail and Django models the public sees; the rest of them (revisions, logs, workflow states,
# renditions, search entries, sessions) change all the time without changing a public page.
FRAMEWORK_PUBLIC_MODELS = (
    Page,
    Site,
    Locale,
    Collection,
    PageViewRestriction,
    CollectionViewRestriction,
    AbstractImage,
    AbstractDocument,
)
# The portal's own models that no public page shows, some saved on every citizen's action or login.
PRIVATE_APPS = frozenset({"users", "royalties"})
PRIVATE_MODELS = frozenset(
    {"feedback.pagerating", "feedback.outgoingmail", "feedback.questionevent", "operations.scheduledjobrun"}
)


# Only while a request is served (GenerationMiddleware): {"id": the generation it read first}.
_held = contextvars.ContextVar("portal_generation", default=None)
# What remembered() built in this process, for one generation: (generation, {key: value}), replaced whole so
# that a thread still on the previous generation never writes into the new one's values.
_local = (None, {})
LOCAL_LIMIT = 5000  # entries; more in one generation (a crawl of every page) starts the dict again


def current():
    """The generation now in force (one is started if the cache has none): read once per request, so a
    request sees one generation throughout and costs one cache read for it."""
    held = _held.get()
    if held and "id" in held:
        return held["id"]
    value = cache.get_or_set(KEY, lambda: uuid.uuid4().hex, None)
    hold(value)
    return value


def hold(value):
    """Make value the generation of the request being served (the page cache read it with the page)."""
    held = _held.get()
    if held is not None:
        held["id"] = value


def renew():
    value = uuid.uuid4().hex
    cache.set(KEY, value, None)
    hold(value)


def remembered(name, *parts, build):
    """build() once per process and generation, kept in this process's memory: for what every request
    reads (the site, its settings, the menu) and a cache round trip would cost more than the lookup. The
    value is shared by the requests that follow: callers must not change it."""
    global _local
    generation = current()
    kept, values = _local
    if kept != generation:
        values = {}
        _local = (generation, values)
    key = (name, *parts)
    if key not in values:
        if len(values) >= LOCAL_LIMIT:
            values.clear()
        values[key] = build()
    return values[key]


class GenerationMiddleware:
    """Holds the generation a request reads first for the rest of it (above the page cache, which reads it
    together with the page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _held.set({})
        try:
            return self.get_response(request)
        finally:
            _held.reset(token)


@functools.cache
def shown_publicly(model):
    """Whether saving a `model` may change a public page: any of the portal's own models (apps at the
    repository root) but a few private ones, and the Wagtail models listed above. Migrations' historical
    models belong to no app and show nothing."""
    meta = model._meta
    try:
        if apps.get_registered_model(meta.app_label, meta.model_name) is not model:
            return False
    except LookupError:
        return False
    if Path(apps.get_app_config(meta.app_label).path).parent == Path(settings.BASE_DIR):
        return meta.app_label not in PRIVATE_APPS and meta.label_lower not in PRIVATE_MODELS
    return issubclass(model, FRAMEWORK_PUBLIC_MODELS)


def changed(**kwargs):
    """Start a new generation now, and again when the transaction commits: a request that read the new
    generation before the commit still saw the old rows, and must not be the one kept under it."""
    renew()
    transaction.on_commit(renew)


def saved(sender, created=False, update_fields=None, **kwargs):
    """A new draft or lock changes no public page, nor does a settings row that Wagtail creates with its
    defaults the first time a page reads it."""
    if update_fields and EDITOR_ONLY_FIELDS.issuperset(update_fields):
        return
    if created and issubclass(sender, (BaseSiteSetting, BaseGenericSetting)):
        return
    if shown_publicly(sender):
        changed()


def deleted(sender, **kwargs):
    if shown_publicly(sender):
        changed()


def connect():
    """Saves and deletes of public models, plus Wagtail's own publishing signals (scheduled publishing
    and moves go through them too)."""
    post_save.connect(saved, dispatch_uid="portal-generation-save")
    post_delete.connect(deleted, dispatch_uid="portal-generation-delete")
    signals = (page_published, page_unpublished, published, unpublished, post_page_move)
    for number, signal in enumerate(signals):
        signal.connect(changed, dispatch_uid=f"portal-generation-{number}")

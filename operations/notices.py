"""The notices a public page shows, read from the default cache: at most one query per cache lifetime.

All live, unfinished notices of every site sit under one key (there are only ever a handful), so a save or
delete invalidates a single entry, and the time window is applied at render time: a notice disappears at
`ends_at` even while the entry is still cached.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .models import MaintenanceNotice

CACHE_KEY = "operations:maintenance-notices"
CACHE_SECONDS = 300


def live_notices():
    """Every published notice not yet over, as plain values (cheap to pickle, safe to share)."""
    notices = cache.get(CACHE_KEY)
    if notices is None:
        notices = list(
            MaintenanceNotice.objects.filter(live=True, ends_at__gt=timezone.now()).values(
                "pk", "site_id", "kind", "message", "starts_at", "ends_at"
            )
        )
        cache.set(CACHE_KEY, notices, CACHE_SECONDS)
    return notices


def active_notices(site):
    """The notices to show on `site` now: its own and those for every site."""
    now = timezone.now()
    site_id = site.pk if site else None
    return [
        notice
        for notice in live_notices()
        if notice["ends_at"] > now and notice["site_id"] in (None, site_id)
    ]


def forget_notices(**kwargs):
    cache.delete(CACHE_KEY)


def connect():
    post_save.connect(forget_notices, sender=MaintenanceNotice, dispatch_uid="operations-notices-saved")
    post_delete.connect(forget_notices, sender=MaintenanceNotice, dispatch_uid="operations-notices-deleted")

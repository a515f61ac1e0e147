"""The portal's periodic jobs and when each is due, for `run_scheduled_jobs` (the alternative to cron).

Due-ness is a threshold per job: a job is due when it last started before it (an interval ago, or the most
recent daily/weekly slot). The start is claimed with one conditional UPDATE on ScheduledJobRun, which is
atomic on every database, so several instances never run the same slot twice; a cache lock taken with
add() also keeps a long run from overlapping the next slot of the same job.
"""

import dataclasses
import datetime
import logging
import time

from django.core.cache import cache
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from .models import ScheduledJobRun

logger = logging.getLogger(__name__)

# Longer than any job takes; a crashed instance's lock then lapses on its own.
LOCK_SECONDS = 6 * 3600


@dataclasses.dataclass(frozen=True)
class Job:
    """A management command and its schedule: `every` an interval, or at `hour` (local) daily or on
    `weekday` (0 = Monday) weekly."""

    command: str
    every: datetime.timedelta | None = None
    hour: int = 0
    weekday: int | None = None

    def threshold(self, now):
        """The job is due when it last started before this moment."""
        if self.every is not None:
            return now - self.every
        local = timezone.localtime(now)
        slot = local.replace(hour=self.hour, minute=0, second=0, microsecond=0)
        if slot > local:
            slot -= datetime.timedelta(days=1)
        if self.weekday is not None:
            slot -= datetime.timedelta(days=(slot.weekday() - self.weekday) % 7)
        return slot


JOBS = [
    # Pages and snippets (legal documents, maintenance notices) scheduled by editors go live on time.
    Job("publish_scheduled", every=datetime.timedelta(minutes=1)),
    # Citizens' confirmations and replies that the mail server refused earlier.
    Job("send_pending_mail", every=datetime.timedelta(minutes=5)),
    Job("send_moderation_reminders", hour=8),
    # Legal documents whose effective or expiry date is today.
    Job("refresh_legal_document_status", hour=1),
    Job("send_direct_publications_report", hour=8, weekday=0),
    # Index updates run as tasks that only log failures (WAGTAIL8.md): rebuild weekly so drift is repaired.
    Job("update_index", hour=2, weekday=6),
]


def claim(job, now):
    """True if this process won the job's current slot (and recorded its start)."""
    ScheduledJobRun.objects.get_or_create(name=job.command)
    due = Q(last_started_at__isnull=True) | Q(last_started_at__lt=job.threshold(now))
    return ScheduledJobRun.objects.filter(due, name=job.command).update(last_started_at=now) == 1


def run(job):
    """Run one job; a failure is logged and does not stop the others."""
    started = time.monotonic()
    try:
        call_command(job.command)
    except Exception:
        logger.exception("Scheduled job %s failed", job.command, extra={"job": job.command})
        return False
    duration_ms = round((time.monotonic() - started) * 1000)
    logger.info("Scheduled job %s done", job.command, extra={"job": job.command, "duration_ms": duration_ms})
    return True


def run_due_jobs(now=None, jobs=JOBS):
    """Run every job that is due and not running elsewhere; {command: succeeded} for those run."""
    now = now or timezone.now()
    results = {}
    for job in jobs:
        lock = f"operations:job-running:{job.command}"
        if not cache.add(lock, now.isoformat(), LOCK_SECONDS):
            continue
        try:
            if claim(job, now):
                results[job.command] = run(job)
        finally:
            cache.delete(lock)
    return results

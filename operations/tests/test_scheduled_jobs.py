"""run_scheduled_jobs: each job at its own interval, once per slot across instances."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from operations.jobs import JOBS, Job, claim, run_due_jobs

pytestmark = pytest.mark.django_db

EVERY = {"publish_scheduled", "send_pending_mail"}
DAILY = {"send_moderation_reminders", "refresh_legal_document_status"}
ALL = {job.command for job in JOBS}

MONDAY_9AM = timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 0))


def local(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime(2026, 12, day, hour, minute))


def run_once_at(moment):
    """The commands `run_scheduled_jobs --once` calls at `moment`."""
    with time_machine.travel(moment, tick=False), mock.patch("operations.jobs.call_command") as command:
        call_command("run_scheduled_jobs", "--once", stdout=mock.Mock())
    names = [call.args[0] for call in command.call_args_list]
    assert len(names) == len(set(names)), "a job ran twice in one pass"
    return set(names)


def test_first_pass_runs_every_job_once():
    assert (
        run_once_at(MONDAY_9AM)
        == ALL
        == {
            "publish_scheduled",
            "send_pending_mail",
            "send_moderation_reminders",
            "refresh_legal_document_status",
            "send_direct_publications_report",
            "update_index",
        }
    )


def test_jobs_not_due_are_skipped():
    run_once_at(MONDAY_9AM)

    assert run_once_at(MONDAY_9AM + datetime.timedelta(seconds=30)) == set()
    assert run_once_at(MONDAY_9AM + datetime.timedelta(minutes=2)) == {"publish_scheduled"}
    assert run_once_at(MONDAY_9AM + datetime.timedelta(minutes=6)) == EVERY
    # Tuesday before 08:00 only the legal-status refresh (01:00) is due; after 08:00 the reminders too.
    assert run_once_at(local(1, 7, 30)) == EVERY | {"refresh_legal_document_status"}
    assert run_once_at(local(1, 8, 1)) == EVERY | {"send_moderation_reminders"}
    # The weekly index rebuild on Sunday night, the weekly report on Monday morning, not before.
    assert run_once_at(local(6, 9)) == EVERY | DAILY | {"update_index"}
    assert run_once_at(local(7, 7, 50)) == EVERY | {"refresh_legal_document_status"}
    assert run_once_at(local(7, 8, 0)) == EVERY | {
        "send_moderation_reminders",
        "send_direct_publications_report",
    }


def test_weekly_slot_is_the_latest_monday_at_its_hour():
    report = Job("send_direct_publications_report", hour=8, weekday=0)

    assert report.threshold(local(2, 12)) == local(1, 8) - datetime.timedelta(days=1)  # Wed → Mon 30/11
    assert report.threshold(local(7, 7)) == local(1, 8) - datetime.timedelta(days=1)  # Mon, before 08:00
    assert report.threshold(local(7, 9)) == local(7, 8)


def test_a_slot_is_claimed_by_one_instance_only():
    job = Job("send_moderation_reminders", hour=8)

    assert claim(job, MONDAY_9AM) is True
    assert claim(job, MONDAY_9AM + datetime.timedelta(seconds=1)) is False


def test_a_job_still_running_elsewhere_is_skipped():
    cache.add("operations:job-running:send_pending_mail", "another instance", timeout=None)

    assert "send_pending_mail" not in run_once_at(MONDAY_9AM)


def test_a_failing_job_does_not_stop_the_others(caplog):
    def fail_on_reminders(name):
        if name == "send_moderation_reminders":
            raise RuntimeError("máy chủ thư không trả lời")

    with mock.patch("operations.jobs.call_command", side_effect=fail_on_reminders) as command:
        results = run_due_jobs(MONDAY_9AM)

    assert results["send_moderation_reminders"] is False
    assert {name for name, succeeded in results.items() if succeeded} == ALL - {"send_moderation_reminders"}
    assert command.call_count == len(JOBS)
    assert "send_moderation_reminders failed" in caplog.text


def test_every_scheduled_command_exists():
    from django.core.management import get_commands

    assert set(get_commands()) >= ALL

"""What an approver sees first on their dashboard: every item waiting at a step they act on, with its author,
section, step, deadline in working days (overdue first, marked), and whether approving publishes it or takes
it off the site; approving from the list says what was done (docs/requirements.md, Moderation and four eyes).
It replaces Wagtail's "Awaiting your review" panel, the overdue panel and the removals panel."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from .calendar import working_calendar, working_days_between
from .models import BoardTask, RemovalProposal
from .removal import notice

DONE_PARAMETER = "da-xu-ly"  # /admin/?da-xu-ly=<task state id>: where an approval from the list lands
# Wagtail's own panels this one replaces.
REPLACED_PANELS = ("workflow_objects_to_moderate",)


def section_of(obj):
    """Where the item is filed: a page's parent (its section), else the kind of record (legal documents)."""
    if isinstance(obj, Page):
        parent = obj.get_parent()
        return parent.title if parent else ""
    return obj._meta.verbose_name_plural.capitalize()


def approve_url(obj, task_state):
    """Wagtail's workflow action URL (page or snippet), coming back to the dashboard with a confirmation."""
    if isinstance(obj, Page):
        url = reverse("wagtailadmin_pages:workflow_action", args=(obj.pk, "approve", task_state.pk))
    else:
        url = reverse(
            obj.snippet_viewset.get_url_name("workflow_action"), args=(obj.pk, "approve", task_state.pk)
        )
    back = f"{reverse('wagtailadmin_home')}?{DONE_PARAMETER}={task_state.pk}"
    return f"{url}?{urlencode({'next': back})}"


def due_in(due, today, off):
    """Working days left until the deadline (negative once past it)."""
    due_day = timezone.localdate(due)
    if due_day >= today:
        return working_days_between(today, due_day, off)
    return -working_days_between(due_day, today, off)


def awaiting(user, now=None):
    """Rows of the items waiting for user at one of their steps, overdue first, then by deadline."""
    now = now or timezone.now()
    off = working_calendar()
    today = timezone.localdate(now)
    finder = AdminURLFinder(user)
    removals = {
        proposal.workflow_state_id: notice(proposal)
        for proposal in RemovalProposal.objects.pending().select_related("proposed_by")
    }
    states = TaskState.objects.reviewable_by(user).select_related("task", "workflow_state__requested_by")
    rows = []
    for state in states:
        obj = state.workflow_state.content_object
        task = state.task.specific
        if obj is None or not isinstance(task, BoardTask) or user not in task.approvers_for(state):
            continue
        due = task.due_at(state, off)
        actions = {name for name, _label, _modal in task.get_actions(obj, user)}
        rows.append(
            {
                "title": str(obj),
                "edit_url": finder.get_edit_url(obj),
                "author": state.workflow_state.requested_by,
                "section": section_of(obj),
                "step": task.name,
                "due": due,
                "days_left": due_in(due, today, off),
                "overdue": due < now,
                "removal": removals.get(state.workflow_state_id, ""),
                "approve_url": approve_url(obj, state) if "approve" in actions else "",
            }
        )
    return sorted(rows, key=lambda row: (not row["overdue"], row["due"]))


def confirmation(request):
    """What the user just did from the list (the task state named in the URL, finished by them), in words."""
    state_id = request.GET.get(DONE_PARAMETER, "")
    if not state_id.isdigit():
        return ""
    state = TaskState.objects.filter(pk=state_id, finished_by=request.user).select_related("task").first()
    if state is None or state.status not in (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED):
        return ""
    verb = "đã duyệt" if state.status == TaskState.STATUS_APPROVED else "đã trả lại"
    item = state.workflow_state.content_object
    return f"Bạn {verb} «{item}» ở bước «{state.task.name}»."


class AwaitingReviewPanel(Component):
    name = "board_awaiting_review"
    order = 5
    template_name = "editorial/awaiting_panel.html"

    def __init__(self, rows, done):
        self.rows, self.done = rows, done

    def get_context_data(self, parent_context):
        return {
            "rows": self.rows,
            "done": self.done,
            "overdue": sum(row["overdue"] for row in self.rows),
            "csrf_token": parent_context.get("csrf_token"),
        }


def add_awaiting_panel(request, panels):
    """The construct_homepage_panels hook: this panel first, in place of Wagtail's."""
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    rows, done = awaiting(request.user), confirmation(request)
    if rows or done:
        panels.insert(0, AwaitingReviewPanel(rows, done))

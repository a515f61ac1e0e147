"""Late moderation steps, in the reminder emails (the dashboard: editorial/dashboard.py)."""

from django.core.mail import send_mail
from wagtail.admin.admin_url_finder import AdminURLFinder

from .models import overdue_task_states


def late_items(user=None, now=None):
    """[{title, step, due, edit_url, approvers}] of the overdue steps (only those `user` acts on, if any)."""
    items = []
    finder = AdminURLFinder(user) if user else None
    for state, task, due in overdue_task_states(now):
        obj = state.workflow_state.content_object
        approvers = task.approvers_for(state)  # four eyes: not who wrote, submitted or took a step of it
        if user is not None and user not in approvers:
            continue
        edit_url = finder.get_edit_url(obj) if finder else ""
        items.append(
            {"title": str(obj), "step": task.name, "due": due, "edit_url": edit_url, "approvers": approvers}
        )
    return items


def send_reminders(now=None):
    """One email per late approver listing their overdue items (queued, operations/mail.py); returns the
    number of emails."""
    by_approver = {}
    for item in late_items(now=now):
        for approver in item["approvers"]:
            if approver.email:
                by_approver.setdefault(approver, []).append(item)
    for approver, items in by_approver.items():
        lines = [
            f"- {item['title']} (bước «{item['step']}», hạn {item['due']:%d/%m/%Y %H:%M})" for item in items
        ]
        send_mail(
            f"[Ban biên tập] {len(items)} tin, bài quá hạn duyệt",
            f"Kính gửi {approver},\n\nCác tin, bài sau đã quá hạn duyệt:\n" + "\n".join(lines),
            None,
            [approver.email],
        )
    return len(by_approver)

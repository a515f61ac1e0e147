"""The board's steps in the admin, on every route (docs/requirements.md, Moderation and four eyes): the
workflow action URLs and the editor's workflow button refuse in words (core.refusals) what BoardTask refuses,
the editor tells a refused approver why and the author why their item came back, and the dashboard lists the
items sent back with their reasons.

BoardTask.on_action is the last gate whatever the route; these views only turn its refusals, and the empty
reason of a rejection that Wagtail would drop silently, into a page that says why."""

import json

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.deprecation import MiddlewareMixin
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowMixin, WorkflowState

from core.refusals import refused

from .four_eyes import COMMENT_REQUIRED, NOT_AT_STEP, classification_refusal
from .models import BoardTask, last_rejection

NOT_DONE = "Chưa thực hiện được"
BAD_EXTRA_DATA = "Dữ liệu kèm theo thao tác duyệt không hợp lệ: mở lại tin, bài và thao tác lại."
SENT_BACK = (
    "Bị trả lại ngày {day} ở bước «{step}» bởi {who}. Lý do: {reason} "
    "Sửa xong, gửi duyệt lại: tin, bài đi lại từ bước đầu của quy trình."
)


WORKFLOW_VIEWS = ("workflow_action", "collect_workflow_action_data")


class WorkflowRefusalMiddleware(MiddlewareMixin):
    """The workflow action URLs of pages and every moderated snippet (/admin/pages/workflow/action/…, the
    snippets' …/workflow/action/…): a refused step answers 403 with its reason instead of Wagtail's redirect
    to the dashboard, and a form Wagtail would drop (a rejection without a reason) is refused in words.
    BoardTask.on_action stays the last gate; its PermissionDenied becomes the same page."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_workflow_view(request) or not request.user.is_authenticated:
            return None
        task_state = TaskState.objects.filter(pk=view_kwargs.get("task_state_id")).first()
        task = task_state.task.specific if task_state is not None else None
        if not isinstance(task, BoardTask):
            return None  # Wagtail's own answer
        run = task_state.workflow_state
        model = getattr(view_func, "view_initkwargs", {}).get("model") or Page
        item_id = unquote(str(view_kwargs.get("page_id", view_kwargs.get("pk"))))
        if run.object_id != item_id or not isinstance(run.content_object, model):
            return refused(request, NOT_AT_STEP.format(item=run.content_object, step=task.name))
        action = view_kwargs.get("action_name", "")
        refusal = task.refusal(task_state, request.user, action)
        if refusal:
            return refused(request, refusal)
        form_class = task.get_form_for_action(action)
        xhr = request.headers.get("x-requested-with") == "XMLHttpRequest"
        if request.method == "POST" and form_class and not xhr:
            form = form_class(request.POST)
            if not form.is_valid():
                errors = " ".join(message for messages_ in form.errors.values() for message in messages_)
                return refused(request, errors, title=NOT_DONE)
        return None

    def process_exception(self, request, exception):
        if is_workflow_view(request) and isinstance(exception, PermissionDenied) and str(exception):
            return refused(request, str(exception))
        return None


def is_workflow_view(request):
    match = request.resolver_match
    return match is not None and match.url_name in WORKFLOW_VIEWS


# The editor: its workflow button, and what it tells whoever opens the item --------------------------------
def refuse_workflow_action(request, obj):
    """before_edit_page / before_edit_snippet: the editor's own workflow button (action-workflow-action) is
    refused with its reason; Wagtail would quietly save a draft instead, or act on a rejection without one."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    task_state = getattr(obj, "current_workflow_task_state", None)
    task = task_state.task.specific if task_state is not None else None
    if not isinstance(task, BoardTask):
        return None
    action = request.POST.get("workflow-action-name", "")
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = None
    if not isinstance(extra, dict):
        return refused(request, BAD_EXTRA_DATA, title=NOT_DONE)
    refusal = task.refusal(task_state, request.user, action)
    if refusal is None and action == "reject" and not str(extra.get("comment") or "").strip():
        return refused(request, COMMENT_REQUIRED, title=NOT_DONE)
    return refused(request, refusal) if refusal else None


def moderation_notice(request, obj):
    """before_edit_page / before_edit_snippet, on opening the editor: an approver of the waiting step learns
    why they may not take it (four eyes) or may only send it back (classification); anyone learns why the
    item came back from its last run."""
    if request.method != "GET" or not isinstance(obj, WorkflowMixin):
        return
    task_state = obj.current_workflow_task_state
    task = task_state.task.specific if task_state is not None else None
    if isinstance(task, BoardTask) and task.is_approver(obj, request.user):
        refusal = task.refusal(task_state, request.user, "reject") or classification_refusal(obj)
        if refusal:
            messages.warning(request, refusal)
    rejection = last_rejection(obj) if task_state is None else None
    if rejection is not None:
        messages.warning(request, sent_back_notice(rejection))


def sent_back_notice(task_state):
    return SENT_BACK.format(
        day=f"{timezone.localtime(task_state.finished_at):%d/%m/%Y}",
        step=task_state.task.name,
        who=task_state.finished_by or "Ban biên tập",
        reason=task_state.comment.strip().rstrip(".") + "." if task_state.comment.strip() else "(không ghi).",
    )


# The author's dashboard ----------------------------------------------------------------------------------
def sent_back(user, limit=20):
    """[(item, rejecting task state)] of the items the user wrote (a page they own) or submitted whose latest
    run ended sent back to them, newest first."""
    owned = Page.objects.filter(owner=user).annotate(key=Cast("pk", CharField())).values("key")
    newer = WorkflowState.objects.filter(
        base_content_type=OuterRef("base_content_type"),
        object_id=OuterRef("object_id"),
        created_at__gt=OuterRef("created_at"),
    )
    runs = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_CANCELLED,
            current_task_state__status=TaskState.STATUS_REJECTED,
            removal_proposal__isnull=True,
        )
        .filter(
            Q(requested_by=user)
            | Q(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=owned)
        )
        .exclude(Exists(newer))
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")[:limit]
    )
    items = []
    for run in runs:
        item = run.content_object
        if item is not None and last_rejection(item) is not None:
            items.append((item, run.current_task_state))
    return items


class SentBackPanel(Component):
    """The author's items the board sent back: what, at which step, by whom, and why."""

    name = "sent_back"
    order = 7
    template_name = "editorial/sent_back_panel.html"

    def __init__(self, items, user):
        self.items, self.user = items, user

    def get_context_data(self, parent_context):
        finder = AdminURLFinder(self.user)
        return {
            "items": [
                {
                    "title": str(item),
                    "notice": sent_back_notice(task_state),
                    "edit_url": finder.get_edit_url(item),
                }
                for item, task_state in self.items
            ]
        }

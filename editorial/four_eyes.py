"""Four eyes (docs/requirements.md, Moderation and four eyes): nobody approves or sends back a step of an
item they wrote, submitted, or last edited before submitting it, and nobody takes two steps of one run of its
workflow, the acting head included. A classified item (docs/requirements.md, Classification) is only ever
sent back.

Everything here reads a step's task state and the item; editorial.models.BoardTask asks it on every route."""

from wagtail.models import Revision, TaskState

from documents.classification import REFUSED, attached_document_ids, stamp_refusals

WROTE = "Bạn là người viết «{item}», nên không duyệt hay trả lại bước «{step}» của nó (nguyên tắc bốn mắt)."
SUBMITTED = (
    "Bạn đã gửi duyệt «{item}», nên không duyệt hay trả lại bước «{step}» của nó (nguyên tắc bốn mắt)."
)
LAST_EDITED = (
    "Bạn sửa «{item}» lần cuối trước khi gửi duyệt, nên không duyệt hay trả lại bước «{step}» của nó "
    "(nguyên tắc bốn mắt)."
)
TOOK_STEP = (
    "Bạn đã làm bước «{done}» của lần duyệt này, nên không làm thêm bước «{step}» "
    "(nguyên tắc bốn mắt: mỗi người một bước)."
)
NOT_APPROVER = "Bạn không phải người duyệt bước «{step}» của «{item}»."
NOT_AT_STEP = "«{item}» không còn chờ bước «{step}»: tải lại trang để xem bước hiện tại."
ONLY_REJECT = " Chỉ có thể trả lại tác giả, ghi lý do này."
COMMENT_REQUIRED = "Nhập lý do trả lại để tác giả biết cần sửa gì."
# A step counts as taken when its person approved or sent the item back (skipped and cancelled steps do not).
TAKEN = (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED)


def authors(item):
    """Ids of who wrote item: a page's owner, and whoever saved its first revision (a legal document records
    its author nowhere else)."""
    ids = {getattr(item, "owner_id", None)}
    ids.add(
        Revision.objects.for_instance(item)
        .order_by("created_at", "pk")
        .values_list("user_id", flat=True)
        .first()
    )
    ids.discard(None)
    return ids


def four_eyes_refusal(task_state, user):
    """Why user may not act on task_state's step under four eyes (Vietnamese), or None."""
    run = task_state.workflow_state
    item = run.content_object
    names = {"item": item, "step": task_state.task.name}
    if user.pk in authors(item):
        return WROTE.format(**names)
    if run.requested_by_id == user.pk:
        return SUBMITTED.format(**names)
    first = run.task_states.order_by("started_at", "pk").select_related("revision").first()
    if first is not None and first.revision.user_id == user.pk:
        return LAST_EDITED.format(**names)
    taken = (
        run.task_states.filter(finished_by=user, status__in=TAKEN)
        .exclude(pk=task_state.pk)
        .select_related("task")
        .first()
    )
    if taken is not None:
        return TOOK_STEP.format(done=taken.task.name, step=names["step"])
    return None


def barred(run):
    """Ids of whoever may take no further step of run under four eyes: its authors, its submitter, its last
    editor before submission and whoever took a step of it already."""
    ids = authors(run.content_object) | {run.requested_by_id}
    first = run.task_states.order_by("started_at", "pk").select_related("revision").first()
    if first is not None:
        ids.add(first.revision.user_id)
    ids |= set(run.task_states.filter(status__in=TAKEN).values_list("finished_by_id", flat=True))
    ids.discard(None)
    return ids


def classification_refusal(item):
    """Why item cannot be approved because of its classification or a stamped file (Vietnamese), or None. The
    latest revision counts: that is what an approval would publish."""
    content = item.get_latest_revision_as_object()
    if getattr(content, "is_classified", False):
        return REFUSED.format(label=content.get_classification_display()) + ONLY_REJECT
    refusals = stamp_refusals(attached_document_ids(content))
    if refusals:
        return " ".join(refusals) + ONLY_REJECT
    return None

"""What may leave the site, by whom, and how (docs/requirements.md, Removal and archiving).

- Live content (pages and every moderated snippet) leaves only through the board's removal path
  (editorial.removal); a superuser alone may unpublish or take it off directly.
- "Delete" of anything that was ever submitted or ever live archives it (editorial.archive): for the head of
  its board or a superuser. An archived item is not deleted again.
- Only a never-submitted, never-live draft is really deleted: by its author (a page's owner, a snippet's
  first editor), or by a superuser.

The page permission tester, the snippets' permission policy, the admin's hooks and the refusals on direct
URLs all ask here, so a button, a bulk action and a direct POST get the same answer and the same reason.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db.models import Q
from wagtail.models import (
    DraftStateMixin,
    ModelLogEntry,
    Page,
    Revision,
    WorkflowMixin,
    WorkflowState,
    get_default_page_content_type,
)

from .archive import is_archived
from .enums import Role

DESTROY, ARCHIVE = "destroy", "archive"

UNPUBLISH_REFUSED = (
    "Tin, bài đang đăng chỉ rời khỏi cổng qua quy trình gỡ của Ban biên tập: dùng «Đề nghị gỡ» (Tổ thư ký, "
    "Phó trưởng ban hoặc Trưởng ban đề nghị, Ban biên tập duyệt, rồi tin, bài được lưu trữ). Chỉ quản trị hệ "
    "thống được gỡ trực tiếp."
)
LIVE_REFUSED = (
    "«{title}» đang đăng trên cổng nên không xóa được: tin, bài đang đăng chỉ rời khỏi cổng qua quy trình gỡ "
    "của Ban biên tập (dùng «Đề nghị gỡ»), và khi được duyệt thì được lưu trữ, không bị xóa."
)
ALREADY_ARCHIVED = (
    "«{title}» đã được lưu trữ: tin, bài đã gửi duyệt hoặc đã đăng được giữ lại, không xóa. Trưởng ban "
    "có thể khôi phục nó thành bản nháp (Báo cáo › Tin, bài đã lưu trữ)."
)
ARCHIVE_REFUSED = (
    "«{title}» đã gửi duyệt hoặc đã đăng nên không bị xóa mà được lưu trữ; chỉ Trưởng ban hoặc quản trị hệ "
    "thống được lưu trữ."
)
HAS_CHILDREN = "«{title}» còn trang con: lưu trữ hoặc xóa từng trang con trước."
NOT_YOUR_DRAFT = "Chỉ tác giả được xóa bản nháp chưa gửi duyệt của mình: «{title}» không phải của bạn."
NO_PERMISSION = "Bạn không có quyền xóa «{title}»."
PRIVACY_REFUSED = (
    "Giới hạn người xem một trang đang đăng là gỡ nó khỏi công chúng: việc đó chỉ qua quy trình gỡ của Ban "
    "biên tập (dùng «Đề nghị gỡ»). Chỉ quản trị hệ thống được đặt giới hạn trực tiếp."
)


@dataclass(frozen=True)
class Decision:
    """What a "delete" of an item does for a user: DESTROY, ARCHIVE, or nothing, with the reason."""

    outcome: str | None
    reason: str = ""

    @property
    def allowed(self):
        return self.outcome is not None


def refuse(message, obj):
    return Decision(None, message.format(title=title_of(obj)))


def title_of(obj):
    return getattr(obj, "title", None) or str(obj)


@cache
def moderated_models():
    """Snippet models that go through a workflow and have a live version (WorkflowMixin, DraftStateMixin)."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, WorkflowMixin)
        and issubclass(model, DraftStateMixin)
        and not issubclass(model, Page)
    )


def is_moderated(obj):
    return isinstance(obj, (Page, *moderated_models()))


def board_of(obj):
    """The board whose workflow moderates obj: for a page, the board of the innermost site containing it;
    for a snippet, the board of the steps of its workflow (the board file attaches it per model)."""
    from .models import BoardTask, EditorialBoard, ancestor_paths  # editorial.models imports forms → here

    if isinstance(obj, Page):
        return (
            EditorialBoard.objects.filter(site__root_page__path__in=ancestor_paths(obj.path))
            .order_by("-site__root_page__depth")
            .first()
        )
    workflow = obj.get_workflow()
    tasks = workflow.tasks.specific() if workflow is not None else []
    return next((task.board for task in tasks if isinstance(task, BoardTask)), None)


def is_head(user, board):
    from .models import BoardMember

    if board is None:
        return False
    seat = BoardMember.objects.filter(board=board, user_id=user.pk, active=True).first()
    return seat is not None and Role.HEAD in seat.roles


def may_archive(user, obj):
    """Archiving takes an item out of everyone's hands until it is restored: the head's call (or a
    superuser's)."""
    return user.is_superuser or is_head(user, board_of(obj))


def ever_live(obj):
    return bool(obj.live or obj.first_published_at or obj.last_published_at or obj.live_revision_id)


def ever_submitted(obj):
    return WorkflowState.objects.for_instance(obj).exists()


def kept_page_ids(pages):
    """Ids of the pages among `pages` that were ever live or ever submitted."""
    ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    submitted = WorkflowState.objects.filter(
        base_content_type=get_default_page_content_type(), object_id__in=ids
    ).values_list("object_id", flat=True)
    published = Q(live=True) | Q(first_published_at__isnull=False) | Q(last_published_at__isnull=False)
    return set(pages.filter(published).values_list("pk", flat=True)) | {int(pk) for pk in submitted}


def author_id(obj):
    """Who wrote a snippet: the author of its first revision, else whoever created it."""
    first = Revision.objects.for_instance(obj).order_by("created_at", "pk").values_list("user_id", flat=True)
    created = ModelLogEntry.objects.for_instance(obj).filter(action="wagtail.create").order_by("timestamp")
    return first.first() or created.values_list("user_id", flat=True).first()


def unpublish_refusal(user, obj):
    """Why user may not unpublish live obj directly (None: a superuser may)."""
    return None if user.is_superuser else UNPUBLISH_REFUSED


def privacy_refusal(user, page):
    """A view restriction on a live page (or above live pages) takes it out of public sight: a removal."""
    if user.is_superuser or not page.get_descendants(inclusive=True).live().exists():
        return None
    return PRIVACY_REFUSED


def deletion(user, obj):
    """What "delete" of obj (a page with its subtree, or a moderated snippet) does for user. A live item is
    never archived (archiving unpublishes, and nothing archived is published), so a listing's live rows cost
    no query here."""
    if not obj.live and is_archived(obj):
        return refuse(ALREADY_ARCHIVED, obj)
    if isinstance(obj, Page):
        return page_deletion(user, obj)
    return snippet_deletion(user, obj)


def page_deletion(user, page):
    pages = page.get_descendants(inclusive=True)
    if not user.is_superuser and (page.live or pages.live().exists()):
        return refuse(LIVE_REFUSED, page)
    kept = kept_page_ids(pages)
    if not kept:
        mine = not pages.exclude(owner_id=user.pk).exists()
        return Decision(DESTROY) if user.is_superuser or mine else refuse(NOT_YOUR_DRAFT, page)
    if page.get_children().exists():
        return refuse(HAS_CHILDREN, page)
    return Decision(ARCHIVE) if may_archive(user, page) else refuse(ARCHIVE_REFUSED, page)


def snippet_deletion(user, obj):
    if obj.live and not user.is_superuser:
        return refuse(LIVE_REFUSED, obj)
    if ever_live(obj) or ever_submitted(obj):
        return Decision(ARCHIVE) if may_archive(user, obj) else refuse(ARCHIVE_REFUSED, obj)
    if user.is_superuser or author_id(obj) == user.pk:
        return Decision(DESTROY)
    return refuse(NOT_YOUR_DRAFT, obj)

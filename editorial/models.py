"""The editorial board of each site: its members, their roles and the sections they answer for."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Site, Task, TaskState, WorkflowState

from .calendar import add_working_days, holidays
from .enums import Role

ON_BEHALF_OF_HEAD = "editorial.on_behalf_of_head"


class EditorialBoard(models.Model):
    """One board per Wagtail site (a province portal and each component portal have their own)."""

    site = models.OneToOneField(Site, verbose_name="trang", on_delete=models.CASCADE, related_name="board")
    secretary_sla_days = models.PositiveSmallIntegerField("hạn thư ký (ngày làm việc)", default=1)
    deputy_sla_days = models.PositiveSmallIntegerField("hạn Phó trưởng ban (ngày làm việc)", default=1)
    head_sla_days = models.PositiveSmallIntegerField("hạn Trưởng ban (ngày làm việc)", default=2)

    class Meta:
        verbose_name = "ban biên tập"
        verbose_name_plural = "ban biên tập"

    def __str__(self):
        return f"Ban biên tập {self.site.site_name or self.site.hostname}"


class BoardMember(models.Model):
    """A user's seat on a board; leaving the board file deactivates it (never deletes it)."""

    board = models.ForeignKey(EditorialBoard, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.PROTECT,
        related_name="board_seats",
    )
    roles = models.JSONField("vai trò", default=list)
    active = models.BooleanField("đang tham gia", default=True)

    class Meta:
        verbose_name = "thành viên ban biên tập"
        verbose_name_plural = "thành viên ban biên tập"
        constraints = [models.UniqueConstraint(fields=["board", "user"], name="editorial_one_seat_per_board")]

    def __str__(self):
        labels = ", ".join(Role(role).label for role in self.roles if role in Role.values)
        return f"{self.user} ({labels})"


class SectionAssignment(models.Model):
    """A section (page subtree) a member answers for; `approves`: this deputy's approval is final there."""

    member = models.ForeignKey(BoardMember, on_delete=models.CASCADE, related_name="sections")
    section = models.ForeignKey(Page, verbose_name="chuyên mục", on_delete=models.CASCADE, related_name="+")
    approves = models.BooleanField("được ủy quyền duyệt cuối", default=False)

    class Meta:
        verbose_name = "phân công chuyên mục"
        verbose_name_plural = "phân công chuyên mục"
        constraints = [
            models.UniqueConstraint(fields=["member", "section"], name="editorial_one_assignment_per_section")
        ]

    def __str__(self):
        return f"{self.member.user} – {self.section.title}"


class HeadDelegation(models.Model):
    """The head's stand-in for a period (seed 000 Điều 7.3, seed 001 Điều 6.1): during it the delegate acts on
    the head's steps, and each such action is logged as taken on the head's behalf."""

    board = models.ForeignKey(EditorialBoard, verbose_name="ban biên tập", on_delete=models.CASCADE)
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người được ủy quyền",
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    reason = models.CharField("lý do", max_length=255)

    class Meta:
        verbose_name = "ủy quyền Trưởng ban"
        verbose_name_plural = "ủy quyền Trưởng ban"
        ordering = ["-starts_on"]

    def __str__(self):
        return f"{self.delegate} thay mặt Trưởng ban {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "Ngày kết thúc ủy quyền phải từ ngày bắt đầu trở đi."
        seated = BoardMember.objects.filter(board_id=self.board_id, user_id=self.delegate_id, active=True)
        if self.board_id and self.delegate_id and not seated.exists():
            errors["delegate"] = "Người được ủy quyền phải là thành viên đang tham gia Ban biên tập."
        if errors:
            raise ValidationError(errors)

    @classmethod
    def current(cls, board, day=None):
        day = day or timezone.localdate()
        return cls.objects.filter(board=board, starts_on__lte=day, ends_on__gte=day)


class OfficialSource(models.Model):
    """A source whose items the admin may post directly (seed 004 Điều 4.4); the list is editable."""

    name = models.CharField("tên nguồn", max_length=255, unique=True)
    url = models.URLField("địa chỉ", blank=True)

    class Meta:
        verbose_name = "nguồn tin chính thức"
        verbose_name_plural = "nguồn tin chính thức"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Holiday(models.Model):
    """A day off (Tết, national holidays, compensatory days) that deadlines skip."""

    day = models.DateField("ngày", unique=True)
    name = models.CharField("tên ngày nghỉ", max_length=100)

    class Meta:
        verbose_name = "ngày nghỉ"
        verbose_name_plural = "ngày nghỉ"
        ordering = ["day"]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} – {self.name}"


# Moderation tasks ---------------------------------------------------------------------------------------
class BoardTask(Task):
    """A step of a board's moderation path whose approvers depend on the item (its section), not on a fixed
    group. Subclasses say who approves; the rest (editor access, locking, actions, the approver's
    dashboard) follows from that."""

    board = models.ForeignKey(
        EditorialBoard, verbose_name="ban biên tập", on_delete=models.CASCADE, related_name="+"
    )

    admin_form_fields = Task.admin_form_fields + ["board"]

    class Meta:
        abstract = True

    sla_field = None  # the board's field holding this step's time limit, in working days

    def approvers(self, obj):
        """Users who may act on this step for obj."""
        raise NotImplementedError

    def due_at(self, task_state, off=None):
        return add_working_days(task_state.started_at, getattr(self.board, self.sla_field), off)

    def is_approver(self, obj, user):
        return user.is_active and self.approvers(obj).filter(pk=user.pk).exists()

    def user_can_access_editor(self, obj, user):
        return self.is_approver(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_approver(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_approver(obj, user)

    def get_actions(self, obj, user):
        if not self.is_approver(obj, user):
            return []
        return [
            ("reject", "Yêu cầu sửa (trả lại tác giả)", True),
            ("approve", "Duyệt", False),
            ("approve", "Duyệt và ghi ý kiến", True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related("workflow_state")
        ids = [state.pk for state in states if self.is_approver(state.workflow_state.content_object, user)]
        return TaskState.objects.filter(pk__in=ids)

    def members(self, *roles):
        """The board's active members holding any of roles (a board has a few dozen members; JSON lookups
        differ between SQLite and PostgreSQL)."""
        seats = BoardMember.objects.filter(board=self.board, active=True, user__is_active=True)
        return seats.filter(pk__in=[seat.pk for seat in seats if set(seat.roles) & set(roles)])

    def users(self, members):
        return get_user_model().objects.filter(pk__in=members.values("user_id"))


class SecretariatTask(BoardTask):
    """The secretariat edits and verifies the item."""

    class Meta:
        verbose_name = "bước Tổ thư ký biên tập, kiểm tra"
        verbose_name_plural = "bước Tổ thư ký biên tập, kiểm tra"

    sla_field = "secretary_sla_days"

    def approvers(self, obj):
        return self.users(self.members(Role.SECRETARY))


class SectionDeputyTask(BoardTask):
    """The deputy in charge of the item's section; skipped when the section has none."""

    class Meta:
        verbose_name = "bước Phó trưởng ban phụ trách chuyên mục"
        verbose_name_plural = "bước Phó trưởng ban phụ trách chuyên mục"

    sla_field = "deputy_sla_days"

    def assignments(self, obj):
        return section_assignments(self.board, obj).filter(
            member__in=self.members(Role.DEPUTY, Role.STANDING_DEPUTY)
        )

    def approvers(self, obj):
        return get_user_model().objects.filter(pk__in=self.assignments(obj).values("member__user_id"))

    def start(self, workflow_state, user=None):
        if self.assignments(workflow_state.content_object).exists():
            return super().start(workflow_state, user=user)
        return finished_state(self, workflow_state, TaskState.STATUS_SKIPPED)


class HeadTask(BoardTask):
    """The head's final approval, skipped when the deputy who approved the previous step holds the final
    approval of the item's section (`approves` in the board file)."""

    class Meta:
        verbose_name = "bước Trưởng ban duyệt"
        verbose_name_plural = "bước Trưởng ban duyệt"

    sla_field = "head_sla_days"

    def approvers(self, obj):
        delegates = HeadDelegation.current(self.board).values("delegate_id")
        heads = self.members(Role.HEAD).values("user_id")
        return (
            get_user_model()
            .objects.filter(
                models.Q(pk__in=heads)
                | models.Q(pk__in=delegates, board_seats__board=self.board, board_seats__active=True),
                is_active=True,
            )
            .distinct()
        )

    def on_action(self, task_state, user, action_name, **kwargs):
        super().on_action(task_state, user, action_name, **kwargs)
        if not self.members(Role.HEAD).filter(user=user).exists():
            heads = ", ".join(str(member.user) for member in self.members(Role.HEAD).select_related("user"))
            log(
                task_state.workflow_state.content_object,
                ON_BEHALF_OF_HEAD,
                user=user,
                data={"action": action_name, "head": heads, "step": self.name},
            )

    def start(self, workflow_state, user=None):
        obj = workflow_state.content_object
        final = section_assignments(self.board, obj).filter(approves=True).values("member__user_id")
        deputy_approved = workflow_state.task_states.filter(
            status=TaskState.STATUS_APPROVED, finished_by__in=final
        ).exists()
        if deputy_approved:
            return finished_state(self, workflow_state, TaskState.STATUS_SKIPPED)
        return super().start(workflow_state, user=user)


def overdue_task_states(now=None):
    """[(task state, its BoardTask, due time)] of the steps waiting past their deadline."""
    now = now or timezone.now()
    off = holidays()
    late = []
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).select_related(
        "task", "workflow_state"
    )
    for state in states:
        task = state.task.specific
        if isinstance(task, BoardTask):
            due = task.due_at(state, off)
            if due < now:
                late.append((state, task, due))
    return late


def section_assignments(board, obj):
    """Assignments of the board whose section contains obj: a page by its place in the tree, a legal document
    (a snippet) by the page serving it, the live legal-documents page of the board's site (/van-ban/), so a
    deputy of section `van-ban` approves documents; none for other objects."""
    from legal_docs.models import LegalDocument, LegalDocumentIndexPage  # legal_docs imports editorial

    path = getattr(obj, "path", None)
    if isinstance(obj, LegalDocument):
        index_pages = LegalDocumentIndexPage.objects.live().descendant_of(board.site.root_page)
        path = index_pages.values_list("path", flat=True).first()
    if not path:
        return SectionAssignment.objects.none()
    return SectionAssignment.objects.filter(
        member__board=board, member__active=True, section__path__in=ancestor_paths(path)
    )


def ancestor_paths(path):
    """Tree paths of the page at `path` and of its ancestors (one query then finds whatever contains it)."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def finished_state(task, workflow_state, status):
    """A task state closed as soon as it starts (a step with nobody to act on it)."""
    return TaskState.objects.create(
        workflow_state=workflow_state,
        task=task,
        status=status,
        revision=workflow_state.content_object.get_latest_revision(),
        finished_at=timezone.now(),
    )


# Removal of outdated content --------------------------------------------------------------------------
ALREADY_PROPOSED = "Trang này đã có đề nghị gỡ đang chờ duyệt."
REASON_REQUIRED = "Nhập lý do đề nghị gỡ (ví dụ: thông tin đã lạc hậu)."


class RemovalProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(outcome=RemovalProposal.Outcome.PENDING)

    def for_workflow_state(self, workflow_state):
        """The pending proposal a finished, rejected or cancelled workflow ran for, if any. While
        `Workflow.start` runs, the proposal has no state yet: it is then the page's pending one without a
        state, so a path that finished at once still removes rather than publishes."""
        if not isinstance(workflow_state.content_object, Page):
            return None
        return (
            self.pending()
            .filter(page_id=workflow_state.object_id)
            .filter(models.Q(workflow_state=workflow_state) | models.Q(workflow_state__isnull=True))
            .first()
        )


class RemovalProposal(models.Model):
    """A proposal to take an outdated page off the site (seed 001 Điều 9.5, 11.2). It runs through the board's
    moderation path; approved at the end, the page is unpublished and kept with its revisions (archived,
    never deleted)."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Đang chờ duyệt"
        REMOVED = "removed", "Đã gỡ (lưu trữ)"
        REJECTED = "rejected", "Không đồng ý gỡ"
        CANCELLED = "cancelled", "Đã hủy"

    page = models.ForeignKey(
        Page, verbose_name="trang", on_delete=models.CASCADE, related_name="removal_proposals"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người đề nghị", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField("lý do", error_messages={"blank": REASON_REQUIRED, "null": REASON_REQUIRED})
    created_at = models.DateTimeField("ngày đề nghị", auto_now_add=True)
    workflow_state = models.OneToOneField(
        WorkflowState,
        verbose_name="quy trình duyệt",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="removal_proposal",
    )
    outcome = models.CharField("kết quả", max_length=20, choices=Outcome.choices, default=Outcome.PENDING)

    objects = RemovalProposalQuerySet.as_manager()

    class Meta:
        verbose_name = "đề nghị gỡ tin, bài"
        verbose_name_plural = "đề nghị gỡ tin, bài"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page"],
                condition=models.Q(outcome="pending"),
                name="editorial_one_pending_removal",
                violation_error_message=ALREADY_PROPOSED,
            )
        ]

    def __str__(self):
        return f"Đề nghị gỡ «{self.page.title}»"

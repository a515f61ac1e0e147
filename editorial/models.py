"""The editorial board of each site: its members, their roles and the sections they answer for."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Site, Task, TaskState, WorkflowState

from .calendar import add_working_days, working_calendar
from .enums import Role
from .four_eyes import (
    COMMENT_REQUIRED,
    NOT_APPROVER,
    NOT_AT_STEP,
    barred,
    classification_refusal,
    four_eyes_refusal,
)

ON_BEHALF_OF_HEAD = "editorial.on_behalf_of_head"
# Who may stand in for the head (docs/requirements.md, Editorial board): a deputy of the same board.
DELEGATE_ROLES = (Role.STANDING_DEPUTY, Role.DEPUTY)
DELEGATE_NOT_SEATED = "Người được ủy quyền phải là thành viên đang tham gia Ban biên tập."
DELEGATE_NOT_DEPUTY = (
    "Chỉ ủy quyền cho Phó trưởng ban thường trực hoặc Phó trưởng ban của chính Ban biên tập này."
)
DELEGATION_ENDS_BEFORE = "Ngày kết thúc ủy quyền phải từ ngày bắt đầu trở đi."
DELEGATION_TOO_LONG = "Mỗi lần ủy quyền tối đa {days} ngày (tính cả ngày bắt đầu và ngày kết thúc)."
DELEGATION_OVERLAPS = (
    "Trùng thời gian với ủy quyền đã có: {other}. Mỗi lúc chỉ một người thay mặt Trưởng ban."
)


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
    """The head's stand-in for a period (docs/requirements.md, Editorial board): during it the delegate acts
    on the head's steps, and each such action is logged as taken on the head's behalf."""

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
        """A deputy of the same board, for at most EDITORIAL_MAX_DELEGATION_DAYS days, never overlapping
        another delegation of the board (docs/requirements.md, Editorial board). Who may delegate is the
        admin's check (editorial.delegation): the model does not know who is saving it."""
        errors = {}
        if self.starts_on and self.ends_on:
            days = settings.EDITORIAL_MAX_DELEGATION_DAYS
            if self.ends_on < self.starts_on:
                errors["ends_on"] = DELEGATION_ENDS_BEFORE
            elif (self.ends_on - self.starts_on).days + 1 > days:
                errors["ends_on"] = DELEGATION_TOO_LONG.format(days=days)
            else:
                overlapping = self.overlapping().first()
                if overlapping is not None:
                    errors["starts_on"] = DELEGATION_OVERLAPS.format(other=overlapping)
        if self.board_id and self.delegate_id:
            seat = BoardMember.objects.filter(
                board_id=self.board_id, user_id=self.delegate_id, active=True, user__is_active=True
            ).first()
            if seat is None:
                errors["delegate"] = DELEGATE_NOT_SEATED
            elif not set(DELEGATE_ROLES) & set(seat.roles):
                errors["delegate"] = DELEGATE_NOT_DEPUTY
        if errors:
            raise ValidationError(errors)

    def overlapping(self):
        """The board's other delegations sharing a day with this one."""
        return HeadDelegation.objects.filter(
            board_id=self.board_id, starts_on__lte=self.ends_on, ends_on__gte=self.starts_on
        ).exclude(pk=self.pk)

    @classmethod
    def current(cls, board, day=None):
        day = day or timezone.localdate()
        return cls.objects.filter(board=board, starts_on__lte=day, ends_on__gte=day)


class OfficialSource(models.Model):
    """A source whose items the admin may post directly (docs/requirements.md, Direct publication); the list
    is editable."""

    name = models.CharField("tên nguồn", max_length=255, unique=True)
    url = models.URLField("địa chỉ", blank=True)

    class Meta:
        verbose_name = "nguồn tin chính thức"
        verbose_name_plural = "nguồn tin chính thức"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Holiday(models.Model):
    """An adjustment to the working-day calendar (editorial/calendar.py), which already knows Vietnam's public
    holidays: a day off the government adds, or a working day (a làm-bù Saturday, a cancelled holiday)."""

    class Kind(models.TextChoices):
        DAY_OFF = "off", "Ngày nghỉ"
        WORKING_DAY = "working", "Ngày làm việc (làm bù, hủy ngày nghỉ)"

    day = models.DateField("ngày", unique=True)
    kind = models.CharField(
        "loại",
        max_length=10,
        choices=Kind.choices,
        default=Kind.DAY_OFF,
        help_text=(
            "Các ngày lễ, Tết theo Bộ luật Lao động (kể cả Tết Nguyên đán, Giỗ Tổ Hùng Vương và ngày nghỉ "
            "bù) được tính tự động; chỉ nhập ở đây ngày nghỉ thêm theo thông báo của Chính phủ, hoặc ngày "
            "làm việc thay (thứ Bảy làm bù, ngày nghỉ bị hủy)."
        ),
    )
    name = models.CharField("tên ngày, lý do", max_length=100)

    class Meta:
        verbose_name = "ngày nghỉ, ngày làm bù"
        verbose_name_plural = "ngày nghỉ, ngày làm bù"
        ordering = ["day"]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} – {self.get_kind_display()}: {self.name}"


# Moderation tasks ---------------------------------------------------------------------------------------
def seated_board_ids(user):
    """The boards the user has an active seat on, once per user object: the dashboard asks each step of
    every board's path (three per site, hundreds in a province)."""
    if getattr(user, "seated_board_ids", None) is None:
        seats = BoardMember.objects.filter(user_id=user.pk, active=True)
        user.seated_board_ids = frozenset(seats.values_list("board_id", flat=True))
    return user.seated_board_ids


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
        """user holds this step's role for obj (four eyes aside)."""
        return user.is_active and self.approvers(obj).filter(pk=user.pk).exists()

    def current_state(self, obj):
        """obj's task state on this step while it waits here, else None."""
        state = obj.current_workflow_task_state if obj.pk else None
        return state if state is not None and state.task_id == self.pk else None

    def refusal(self, task_state, user, action="approve"):
        """Why user may not take `action` on task_state (Vietnamese), or None. Every route asks this: the
        action buttons and the dashboard (get_actions, get_task_states_user_can_moderate), the editor
        (locked_for_user), and on_action itself, which each admin view ends in."""
        item = task_state.workflow_state.content_object
        names = {"item": item, "step": self.name}
        if task_state.status != TaskState.STATUS_IN_PROGRESS or task_state.task_id != self.pk:
            return NOT_AT_STEP.format(**names)
        if not self.is_approver(item, user):
            return NOT_APPROVER.format(**names)
        refusal = four_eyes_refusal(task_state, user)
        if refusal is None and action != "reject":
            refusal = classification_refusal(item)
        return refusal

    def may_act(self, obj, user):
        """user may take this step on obj, at least to send it back."""
        state = self.current_state(obj)
        return state is not None and self.refusal(state, user, "reject") is None

    def approvers_for(self, task_state):
        """The approvers of task_state who may act on it under four eyes (whom to tell and remind)."""
        return [
            user
            for user in self.approvers(task_state.workflow_state.content_object)
            if four_eyes_refusal(task_state, user) is None
        ]

    def user_can_access_editor(self, obj, user):
        return self.may_act(obj, user)

    def locked_for_user(self, obj, user):
        return not self.may_act(obj, user)

    def user_can_lock(self, obj, user):
        return self.may_act(obj, user)

    def get_actions(self, obj, user):
        state = self.current_state(obj)
        if state is None or self.refusal(state, user, "reject"):
            return []
        actions = [("reject", "Yêu cầu sửa (trả lại tác giả)", True)]
        if classification_refusal(state.workflow_state.content_object) is None:
            actions += [("approve", "Duyệt", False), ("approve", "Duyệt và ghi ý kiến", True)]
        return actions

    def get_form_for_action(self, action):
        if action == "reject":
            from .forms import RejectionForm  # forms import the permissions, which import these models

            return RejectionForm
        return super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.board_id not in seated_board_ids(user):
            return TaskState.objects.none()  # every approver, the acting head included, sits on the board
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).select_related(
            "workflow_state", "task"
        )
        ids = [state.pk for state in states if self.refusal(state, user, "reject") is None]
        return TaskState.objects.filter(pk__in=ids)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """The last gate of every route: a refused action raises PermissionDenied with its reason. A rejection
        needs a reason and ends the run, so that the resubmitted item starts again at the secretariat."""
        refusal = self.refusal(task_state, user, action_name)
        if refusal is None and action_name == "reject" and not str(kwargs.get("comment") or "").strip():
            refusal = COMMENT_REQUIRED
        if refusal:
            raise PermissionDenied(refusal)
        super().on_action(task_state, user, action_name, **kwargs)
        if action_name == "reject":
            close_rejected_run(task_state.workflow_state)

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
    """The deputy in charge of the item's section; skipped when the section has none, or when four eyes leave
    none of its deputies (a secretary who is also the section's only deputy took the secretariat step, or
    wrote the item): the path then goes on to the head rather than waiting for ever."""

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
        deputies = set(self.approvers(workflow_state.content_object).values_list("pk", flat=True))
        if deputies - barred(workflow_state):
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
        """The heads, and whoever stands in for them today: a deputy of this board (a delegation recorded
        before that rule held counts only for a deputy still on the board)."""
        delegates = HeadDelegation.current(self.board).values("delegate_id")
        heads = self.members(Role.HEAD).values("user_id")
        deputies = self.members(*DELEGATE_ROLES).values("user_id")
        return (
            get_user_model()
            .objects.filter(
                models.Q(pk__in=heads) | (models.Q(pk__in=delegates) & models.Q(pk__in=deputies)),
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
    off = working_calendar()
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


def close_rejected_run(workflow_state):
    """A run sent back to its author ends there: the resubmitted item starts again at the secretariat
    (docs/requirements.md, Moderation and four eyes). Wagtail would keep it "needing changes" and resume it at
    the step that rejected it, with that step's earlier approvals standing; closed, the next submission starts
    a new run at the first step. The audit log already holds the truth (the rejection, who made it, its
    reason); the run is only marked finished, without the "cancelled" entry that would say the rejecting
    person withdrew the item. A removal proposal's rejection already closed its run (editorial.removal)."""
    WorkflowState.objects.filter(pk=workflow_state.pk, status=WorkflowState.STATUS_NEEDS_CHANGES).update(
        status=WorkflowState.STATUS_CANCELLED
    )
    workflow_state.refresh_from_db(fields=["status"])


def last_rejection(obj):
    """The task state that sent obj back to its author, while that is where its latest run ended and nothing
    was published since; else None."""
    run = (
        WorkflowState.objects.for_instance(obj)
        .filter(removal_proposal__isnull=True)
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-created_at", "-pk")
        .first()
    )
    state = (
        run.current_task_state if run is not None and run.status == WorkflowState.STATUS_CANCELLED else None
    )
    if state is None or state.status != TaskState.STATUS_REJECTED:
        return None
    published = getattr(obj, "last_published_at", None)
    return None if published and published > state.finished_at else state


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

    def for_instance(self, obj):
        """Proposals for a page or a moderated snippet, by base content type (as workflow states name it)."""
        return self.filter(content_type=obj.get_base_content_type(), object_id=str(obj.pk))

    def for_workflow_state(self, workflow_state):
        """The pending proposal a finished, rejected or cancelled workflow ran for, if any. While
        `Workflow.start` runs, the proposal has no state yet: it is then the item's pending one without a
        state, so a path that finished at once still removes rather than publishes."""
        return (
            self.pending()
            .filter(content_type_id=workflow_state.base_content_type_id, object_id=workflow_state.object_id)
            .filter(models.Q(workflow_state=workflow_state) | models.Q(workflow_state__isnull=True))
            .first()
        )


class RemovalProposal(models.Model):
    """A proposal to take a live page or moderated snippet off the site (docs/requirements.md, Removal and
    archiving). It runs through the board's moderation path; approved at the end, the item is archived
    (editorial.archive): unpublished and kept with its revisions, never deleted. `page` is set for pages;
    every proposal names its item by base content type and id, as Wagtail's workflow states do."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Đang chờ duyệt"
        REMOVED = "removed", "Đã gỡ (lưu trữ)"
        REJECTED = "rejected", "Không đồng ý gỡ"
        CANCELLED = "cancelled", "Đã hủy"

    page = models.ForeignKey(
        Page,
        verbose_name="trang",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="removal_proposals",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name="loại nội dung", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField("mã nội dung", max_length=255)
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
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(outcome="pending"),
                name="editorial_one_pending_removal_of_item",
                violation_error_message=ALREADY_PROPOSED,
            ),
        ]

    def __str__(self):
        return f"Đề nghị gỡ «{self.title}»"

    @property
    def item(self):
        """The page (specific) or snippet proposed for removal, or None if it no longer exists."""
        model = self.content_type.model_class()
        obj = model.objects.filter(pk=self.object_id).first() if model else None
        return getattr(obj, "specific", obj)

    @property
    def title(self):
        item = self.item
        return (getattr(item, "title", None) or str(item)) if item is not None else f"#{self.object_id}"


from .archive import ArchivedItem  # noqa: E402, F401  (a model of this app, in its own module)

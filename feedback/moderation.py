"""Moderation of comments on drafts in the Wagtail admin: who may, the list, bulk approve/reject, XLSX export.

A SnippetViewSet, not wagtail_modeladmin: Wagtail's bulk-action framework (select rows, act on all) only
serves snippet and page listings, and the viewset's index exports the filtered list to XLSX/CSV by itself;
modeladmin has neither bulk actions nor a maintained future (it is in maintenance mode).

Who moderates: the secretariat (Tổ thư ký; docs/requirements.md, Citizens' questions and consultations), for
the consultations of the sites whose board they sit on; and any staff account given the "change ý kiến góp ý
dự thảo" permission, for every site. Nobody adds a comment in the admin: comments come from citizens only.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core.exports import LabelledExportButtons
from core.refusals import refused
from editorial.enums import Role
from editorial.models import BoardMember
from editorial.reports.access import BoardReportMixin

from .attachments import download
from .enums import CommentStatus
from .models import ConsultationComment, ConsultationPage

MODERATION_ACTIONS = frozenset({"view", "change"})
REFUSED = (
    "Chỉ Tổ thư ký Ban biên tập (với dự thảo trên trang của mình) và cán bộ được giao quyền kiểm duyệt "
    "ý kiến góp ý dự thảo mới được xem, duyệt và xuất ý kiến."
)
LOGGED = {
    CommentStatus.APPROVED: ("feedback.comment.approve", "Duyệt, công khai ý kiến góp ý"),
    CommentStatus.REJECTED: ("feedback.comment.reject", "Không công khai ý kiến góp ý"),
}


def secretariat_roots(user):
    """Paths of the site roots whose board has `user` as secretary (active seat), once per user object."""
    if not hasattr(user, "_secretariat_roots"):
        seats = BoardMember.objects.filter(user_id=user.pk, active=True, user__is_active=True)
        user._secretariat_roots = [
            seat.board.site.root_page.path
            for seat in seats.select_related("board__site__root_page")
            if Role.SECRETARY in seat.roles
        ]
    return user._secretariat_roots


def under_roots(prefix, roots):
    """A Q for rows whose page (reached through `prefix`) lies under one of the tree paths `roots`."""
    query = Q(pk__in=[])
    for root in roots:
        query |= Q(**{f"{prefix}path__startswith": root})
    return query


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, plus view/change for the secretariat on their own sites; "add" for
    nobody."""

    def has_model_permission(self, user, action):
        """The Django permission alone, valid on every site."""
        return action != "add" and super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        if self.has_model_permission(user, action):
            return True
        return action in MODERATION_ACTIONS and bool(secretariat_roots(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if self.has_model_permission(user, action):
            return True
        roots = secretariat_roots(user) if action in MODERATION_ACTIONS else []
        return any(instance.consultation.path.startswith(root) for root in roots)

    def instances_user_has_any_permission_for(self, user, actions):
        comments = ConsultationComment.objects.all()
        if any(self.has_model_permission(user, action) for action in actions):
            return comments
        if not set(actions) & MODERATION_ACTIONS:
            return comments.none()
        return comments.filter(under_roots("consultation__", secretariat_roots(user)))


comment_policy = CommentPermissionPolicy(ConsultationComment)


def moderated_view(view):
    """Wraps every view of the viewset. Wagtail checks the model permission only, so a comment (pk) outside
    the user's sites is refused here; and a refusal is a 403 page, not Wagtail's redirect to the dashboard."""

    def wrapped(request, *args, **kwargs):
        try:
            if "pk" in kwargs:
                in_scope(request.user, kwargs["pk"])
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return refused(request, REFUSED)

    return wrapped


def in_scope(user, pk):
    comment = ConsultationComment.objects.select_related("consultation").filter(pk=pk).first()
    if comment is not None and not comment_policy.user_has_permission_for_instance(user, "view", comment):
        raise PermissionDenied


def may_moderate(user):
    return user.is_active and comment_policy.user_has_permission(user, "change")


def moderate(comments, status, user):
    """Set the status of `comments` (a list), stamp who and when, and log it in each comment's history."""
    now = timezone.now()
    for comment in comments:
        comment.status, comment.moderated_at, comment.moderated_by = status, now, user
        comment.save(update_fields=["status", "moderated_at", "moderated_by"])
        log(comment, LOGGED[status][0], user=user)
    return len(comments)


class CommentModerationForm(WagtailAdminModelForm):
    """The edit view is the moderation view: only the status changes, and the change is stamped."""

    def save(self, commit=True):
        if "status" in self.changed_data:
            self.instance.moderated_at, self.instance.moderated_by = timezone.now(), self.for_user
        return super().save(commit)


class CommentFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        label="Dự thảo",
        queryset=lambda request: moderated_consultations(request.user),
        empty_label="Tất cả dự thảo",
    )
    status = django_filters.ChoiceFilter(
        label="Trạng thái", choices=CommentStatus.choices, empty_label="Tất cả"
    )

    class Meta:
        model = ConsultationComment
        fields = ["consultation", "status"]


def moderated_consultations(user):
    """The consultations whose comments `user` moderates, newest first."""
    consultations = ConsultationPage.objects.order_by("-opens_at", "-pk")
    if comment_policy.has_model_permission(user, "change"):
        return consultations
    return consultations.filter(under_roots("", secretariat_roots(user)))


class AttachmentColumn(Column):
    """A link to the staff-only download of the comment's file (never a public URL)."""

    cell_template_name = "feedback/admin/attachment_cell.html"

    def __init__(self, name, url_name, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse(self.url_name, args=(instance.pk,)) if instance.attachment else ""
        return context


class CommentIndexView(LabelledExportButtons, IndexView):
    """Only the comments the user moderates; the export of one consultation is named after it."""

    # Local time in the spreadsheet (Wagtail writes UTC): the drafting team reads the clock on the wall.
    custom_value_preprocess = BoardReportMixin.custom_value_preprocess

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(
                pk__in=comment_policy.instances_user_has_any_permission_for(
                    self.request.user, MODERATION_ACTIONS
                )
            )
        )

    def get_filename(self):
        valid = self.filters is not None and self.filters.form.is_valid()
        consultation = valid and self.filters.form.cleaned_data.get("consultation")
        return f"gop-y-{consultation.slug}" if consultation else "gop-y-du-thao"


class CommentViewSet(SnippetViewSet):
    model = ConsultationComment
    icon = "comment"
    menu_label = "Góp ý dự thảo"
    menu_order = 310
    add_to_admin_menu = True
    url_prefix = "gop-y-du-thao"
    url_namespace = "feedback_comments"
    index_view_class = CommentIndexView
    filterset_class = CommentFilterSet
    inspect_view_enabled = True
    inspect_view_fields = [
        "consultation",
        "created_at",
        "name",
        "organisation",
        "email",
        "clause",
        "content",
        "status",
        "moderated_at",
        "moderated_by",
    ]
    copy_view_enabled = False
    ordering = ["-created_at"]
    list_per_page = 50
    list_export = ["created_at", "name", "organisation", "email", "clause", "content", "get_status_display"]
    export_headings = {
        "created_at": "Thời gian",
        "name": "Họ và tên",
        "organisation": "Cơ quan, tổ chức",
        "email": "Thư điện tử",
        "clause": "Điều, khoản",
        "content": "Nội dung góp ý",
        "get_status_display": "Trạng thái",
    }
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("consultation", read_only=True),
            FieldPanel("name", read_only=True),
            FieldPanel("organisation", read_only=True),
            FieldPanel("email", read_only=True),
            FieldPanel("clause", read_only=True),
            FieldPanel("content", read_only=True),
        ],
        base_form_class=CommentModerationForm,
    )

    @cached_property
    def list_display(self):
        return [
            "name",
            "organisation",
            "consultation",
            "clause",
            "status",
            "created_at",
            AttachmentColumn("attachment", self.get_url_name("attachment"), label="Tệp"),
        ]

    def attachment_view(self, request, pk):
        """The comment's file, to whoever moderates it (moderated_view checks); files live outside the public
        media path, so this is the only way to them."""
        comment = get_object_or_404(ConsultationComment, pk=pk)
        return download(comment.attachment, "Ý kiến này không có tệp đính kèm.")

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns() + [
            path("tep/<int:pk>/", self.attachment_view, name="attachment")
        ]
        return decorate_urlpatterns(patterns, moderated_view)


class ModerateCommentsBulkAction(SnippetBulkAction):
    """Approve or reject the selected comments in one go; refused (403) to whoever does not moderate."""

    models = [ConsultationComment]
    template_name = "feedback/admin/confirm_comment_moderation.html"
    new_status = None

    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            return refused(request, REFUSED)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment):
        return comment_policy.user_has_permission_for_instance(self.request.user, "change", comment)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    def get_execution_context(self):
        return {"user": self.request.user, "status": self.new_status}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        return moderate(objects, status, user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{LOGGED[self.new_status][1]}: {num_parent_objects} ý kiến."


class ApproveCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = "Duyệt, công khai"
    action_type = "approve"
    aria_label = "Duyệt và công khai các ý kiến đã chọn"
    new_status = CommentStatus.APPROVED
    action_priority = 10


class RejectCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = "Không công khai"
    action_type = "reject"
    aria_label = "Không công khai các ý kiến đã chọn"
    new_status = CommentStatus.REJECTED
    action_priority = 20


def consultation_comments_button(page, user, next_url=None):
    """ "Ý kiến góp ý" in a consultation's page-listing menu: its comments, filtered, ready to export."""
    if issubclass(page.specific_class or type(page), ConsultationPage) and may_moderate(user):
        url = reverse("feedback_comments:list") + f"?consultation={page.pk}"
        yield Button("Ý kiến góp ý", url, icon_name="comment", priority=70)

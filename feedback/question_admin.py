"""The secretariat's inbox of citizens' questions in the Wagtail admin
(docs/requirements.md, Citizens' questions and consultations).

- The list is a wagtail_modeladmin ModelAdmin (docs/requirements.md, Technical choices): a read-only list
  with Django-admin style filters (status, field, age, overdue), search and row highlighting is exactly what
  modeladmin does.
- Handling one question is a custom view (QuestionDetailView): its actions are steps of a status flow with
  their own rules (who, from which status, what mail goes out), not edits of a model form, which is all
  modeladmin's create/edit views (or a ModelViewSet's) offer. modeladmin's create, edit, delete are refused.
- Who answers which field (FieldResponsibility) is a plain list of rows: Wagtail's own ModelViewSet, which
  needs no more than a model and its fields.

Every refusal is a 403 with its reason (Wagtail's admin would turn PermissionDenied into a redirect to the
dashboard, which a script cannot tell from success).
"""

import datetime

from django import forms
from django.contrib.admin import SimpleListFilter, display
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views import View
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from core.models import SubjectArea
from core.refusals import refuse_with_403
from editorial.models import BoardMember

from . import inbox
from .attachments import download
from .enums import OPEN_QUESTION_STATUSES, QuestionStatus
from .models import FieldResponsibility, Question
from .question_access import (
    answerers,
    may_answer,
    may_manage,
    may_use_inbox,
    may_view,
    secretary_sites,
    suggested_answerer,
    visible_questions,
)

REFUSED = (
    "Bạn không có quyền xử lý câu hỏi này: Tổ thư ký phân loại, chuyển, đóng câu hỏi; thành viên được chuyển "
    "câu hỏi soạn câu trả lời."
)
INBOX_REFUSED = (
    "Hộp thư hỏi đáp chỉ dành cho Tổ thư ký và các thành viên Ban biên tập được chuyển câu hỏi để trả lời."
)


# The inbox list (wagtail_modeladmin) -------------------------------------------------------------------
class AgeFilter(SimpleListFilter):
    title = "thời gian đã nhận"
    parameter_name = "tuoi"
    BUCKETS = {
        "7": ("Trong 7 ngày", 0, 7),
        "30": ("Từ 7 đến 30 ngày", 7, 30),
        "cu": ("Trên 30 ngày", 30, None),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _newest, _oldest) in self.BUCKETS.items()]

    def queryset(self, request, queryset):
        if self.value() not in self.BUCKETS:
            return queryset
        _label, newest, oldest = self.BUCKETS[self.value()]
        now = timezone.now()
        queryset = queryset.filter(received_at__lte=now - datetime.timedelta(days=newest))
        if oldest is not None:
            queryset = queryset.filter(received_at__gt=now - datetime.timedelta(days=oldest))
        return queryset


class OverdueFilter(SimpleListFilter):
    title = "hạn trả lời (15 ngày làm việc)"
    parameter_name = "han"

    def lookups(self, request, model_admin):
        return [("qua-han", "Quá hạn"), ("trong-han", "Chưa trả lời, còn hạn")]

    def queryset(self, request, queryset):
        if self.value() == "qua-han":
            return queryset.overdue()
        if self.value() == "trong-han":
            return queryset.open().filter(due_at__gte=timezone.now())
        return queryset


class QuestionPermissionHelper(PermissionHelper):
    """Board roles decide, not Django model permissions; nobody creates, edits or deletes a submission."""

    def user_can_list(self, user):
        return may_use_inbox(user)

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class QuestionButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        return [
            {
                "url": reverse("feedback_question_detail", args=[obj.pk]),
                "label": "Xử lý",
                "classname": "button button-small button-secondary",
                "title": f"Xử lý câu hỏi {obj.code}",
            }
        ]


class QuestionInbox(ModelAdmin):
    model = Question
    menu_label = "Hỏi đáp"
    menu_icon = "help"
    menu_order = 250
    base_url_path = "hoi-dap"
    list_display = ("code_link", "title", "field", "status_label", "received_on", "due", "assigned_to")
    list_filter = ("status", "field", AgeFilter, OverdueFilter)
    search_fields = ("code", "title", "name", "email")
    list_select_related = ("field", "assigned_to")
    list_per_page = 50
    # Open questions first, the nearest deadline first.
    ordering = ("closed", "due_at")
    history_view_enabled = False
    permission_helper_class = QuestionPermissionHelper
    button_helper_class = QuestionButtonHelper
    index_view_extra_css = ["feedback/admin/questions.css"]

    def get_queryset(self, request):
        closed = Case(When(status__in=OPEN_QUESTION_STATUSES, then=Value(0)), default=Value(1))
        queryset = Question.objects.annotate(closed=closed).order_by(*self.ordering)
        return visible_questions(queryset, request.user)

    @display(description="Mã")
    def code_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("feedback_question_detail", args=[obj.pk]), obj.code
        )

    @display(description="Trạng thái")
    def status_label(self, obj):
        return format_html(
            '<span class="question-status question-status--{}">{}</span>',
            obj.status,
            obj.get_status_display(),
        )

    @display(description="Ngày nhận", ordering="received_at")
    def received_on(self, obj):
        return f"{timezone.localtime(obj.received_at):%d/%m/%Y}"

    @display(description="Hạn trả lời", ordering="due_at")
    def due(self, obj):
        if not obj.is_open:
            return "—"
        due = f"{timezone.localtime(obj.due_at):%d/%m/%Y}"
        if obj.is_overdue():
            return format_html('<strong class="question-late">Quá hạn<br>{}</strong>', due)
        return due

    def get_extra_attrs_for_row(self, obj, context):
        return {"class": "question-overdue"} if obj.is_overdue() else {}

    def get_permissions_for_registration(self):
        return Permission.objects.none()

    def get_admin_urls_for_registration(self):
        urls = (
            *super().get_admin_urls_for_registration(),
            path("hoi-dap/<int:pk>/", QuestionDetailView.as_view(), name="feedback_question_detail"),
            path("hoi-dap/<int:pk>/tep-dinh-kem/", attachment, name="feedback_question_attachment"),
        )
        return tuple(decorate_urlpatterns(urls, refuse_with_403(INBOX_REFUSED)))


# Handling one question --------------------------------------------------------------------------------
class ClassifyForm(forms.Form):
    field = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=SubjectArea.objects.all(), empty_label="— Chọn lĩnh vực —"
    )
    note = forms.CharField(label="Ghi chú", max_length=2000, required=False)


class RouteForm(forms.Form):
    assignee = forms.ModelChoiceField(label="Chuyển cho", queryset=None, empty_label="— Chọn người trả lời —")
    note = forms.CharField(label="Ghi chú", max_length=2000, required=False)

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = answerers(question)
        self.suggested = suggested_answerer(question)
        if self.suggested is not None:
            self.fields["assignee"].initial = self.suggested.pk


class OutOfScopeForm(forms.Form):
    reason = forms.CharField(
        label="Lý do (gửi ngay cho người hỏi)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Hãy nêu lý do: người hỏi nhận được lý do này qua thư điện tử."},
    )


class SpamForm(forms.Form):
    note = forms.CharField(label="Ghi chú", max_length=2000, required=False)


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label="Câu trả lời",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": "Hãy soạn câu trả lời trước khi lưu hoặc gửi duyệt."},
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Ghi chú nội bộ",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Chỉ cán bộ xử lý câu hỏi đọc được; không gửi cho người hỏi.",
    )


class Action:
    """One thing a user may do to a question: its form, who may, in which statuses, what it runs."""

    def __init__(self, form_class, allowed, run, done, statuses=None):
        self.form_class, self.allowed, self.run, self.done = form_class, allowed, run, done
        self.statuses = statuses

    def available(self, user, question):
        in_status = self.statuses is None or question.status in self.statuses
        return in_status and self.allowed(user, question)

    def form(self, question, data=None):
        initial = {"reply": question.reply, "field": question.field_id}
        if self.form_class is RouteForm:
            return RouteForm(data, question=question, initial=initial)
        return self.form_class(data, initial=initial)


ANSWERABLE = {QuestionStatus.ROUTED}
ACTIONS = {
    "classify": Action(
        ClassifyForm,
        may_manage,
        lambda q, user, data: inbox.classify(q, user, data["field"], data["note"]),
        "Đã phân loại câu hỏi.",
        inbox.TRANSITIONS["classify"][0],
    ),
    "route": Action(
        RouteForm,
        may_manage,
        lambda q, user, data: inbox.route(q, user, data["assignee"], data["note"]),
        "Đã chuyển câu hỏi cho người trả lời.",
        inbox.TRANSITIONS["route"][0],
    ),
    "out_of_scope": Action(
        OutOfScopeForm,
        may_manage,
        lambda q, user, data: inbox.mark_out_of_scope(q, user, data["reason"]),
        "Đã đóng câu hỏi (ngoài phạm vi) và gửi thư báo lý do cho người hỏi.",
        inbox.TRANSITIONS["out_of_scope"][0],
    ),
    "spam": Action(
        SpamForm,
        may_manage,
        lambda q, user, data: inbox.mark_spam(q, user, data["note"]),
        "Đã đánh dấu thư rác.",
        inbox.TRANSITIONS["spam"][0],
    ),
    "save_reply": Action(
        ReplyForm,
        may_answer,
        lambda q, user, data: inbox.save_reply(q, user, data["reply"]),
        "Đã lưu bản trả lời.",
        ANSWERABLE,
    ),
    "send_reply": Action(
        ReplyForm,
        may_answer,
        lambda q, user, data: inbox.send_for_approval(q, user, data["reply"]),
        "Đã gửi câu trả lời để Ban biên tập duyệt đăng.",
        ANSWERABLE,
    ),
    "note": Action(
        NoteForm,
        may_view,
        lambda q, user, data: inbox.add_note(q, user, data["note"]),
        "Đã thêm ghi chú nội bộ.",
    ),
}
# The reply editor's two buttons share one form.
FORMS_SHOWN = ["classify", "route", "save_reply", "out_of_scope", "spam", "note"]


class QuestionDetailView(View):
    """One question: the sender's data and file, its history, and the actions open to the user."""

    template_name = "feedback/admin/question_detail.html"

    def dispatch(self, request, pk):
        self.question = get_object_or_404(
            Question.objects.select_related("field", "assigned_to", "published_page", "page"), pk=pk
        )
        if not may_view(request.user, self.question):
            raise PermissionDenied(REFUSED)
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return self.render(request)

    def post(self, request, pk):
        action = ACTIONS.get(request.POST.get("action"))
        if action is None or not action.allowed(request.user, self.question):
            raise PermissionDenied(REFUSED)
        form = action.form(self.question, request.POST)
        if not form.is_valid():
            name = "save_reply" if action.form_class is ReplyForm else request.POST["action"]
            return self.render(request, {name: form}, status=400)
        try:
            action.run(self.question, request.user, form.cleaned_data)
        except inbox.StepRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, action.done)
        return redirect("feedback_question_detail", pk=self.question.pk)

    def render(self, request, bound=None, status=200):
        question, user = self.question, request.user
        bound = bound or {}
        forms_shown = {
            name: bound.get(name) or ACTIONS[name].form(question)
            for name in FORMS_SHOWN
            if ACTIONS[name].available(user, question)
        }
        context = {
            "page_title": f"{question.code}: {question.title}",
            "question": question,
            "overdue": question.is_overdue(),
            "events": question.events.select_related("actor"),
            "forms": forms_shown,
            "inbox_url": QuestionInbox().url_helper.index_url,
        }
        return TemplateResponse(request, self.template_name, context, status=status)


def attachment(request, pk):
    """The sender's file, to staff who may see the question; never from a public URL."""
    question = get_object_or_404(Question.objects.select_related("page"), pk=pk)
    if not may_view(request.user, question):
        raise PermissionDenied(REFUSED)
    return download(question.attachment, "Câu hỏi này không có tệp đính kèm.")


# Who answers which field (Wagtail ModelViewSet) --------------------------------------------------------
def responsible_members(user):
    """The board seats a user may give fields to: every board's for a superuser, else those of the boards the
    user is a secretary on."""
    seats = BoardMember.objects.filter(active=True, user__is_active=True).select_related(
        "user", "board__site"
    )
    return seats if user.is_superuser else seats.filter(board__site_id__in=secretary_sites(user))


class FieldResponsibilityPolicy(BasePermissionPolicy):
    """The secretariat keeps its board's list (superusers every board's); Django permissions play no part."""

    def user_has_permission(self, user, action):
        return user.is_active and (user.is_superuser or bool(secretary_sites(user)))

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or instance.member.board.site_id in secretary_sites(user)


class FieldResponsibilityForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = responsible_members(self.for_user)


class OwnBoardsOnly:
    """A secretary lists and edits only their own boards' rows."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("member__user", "member__board__site", "field")
        return queryset.filter(member__in=responsible_members(self.request.user))


class ResponsibilityIndexView(OwnBoardsOnly, generic.IndexView):
    pass


class ResponsibilityEditView(generic.EditView):
    def get_object(self, queryset=None):
        responsibility = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", responsibility
        ):
            raise PermissionDenied(INBOX_REFUSED)
        return responsibility


class FieldResponsibilityViewSet(ModelViewSet):
    model = FieldResponsibility
    icon = "group"
    menu_label = "Phân công trả lời hỏi đáp"
    url_prefix = "hoi-dap-phan-cong"
    add_to_settings_menu = True
    index_view_class = ResponsibilityIndexView
    edit_view_class = ResponsibilityEditView
    list_display = ["member", "field"]
    list_filter = ["field"]
    edit_handler = ObjectList(
        [FieldPanel("member"), FieldPanel("field")], base_form_class=FieldResponsibilityForm
    )

    def get_permissions_to_register(self):
        return Permission.objects.none()

    def get_urlpatterns(self):
        return decorate_urlpatterns(super().get_urlpatterns(), refuse_with_403(INBOX_REFUSED))

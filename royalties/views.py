"""Admin screens: proposals (list, propose, correct, inspect), the head's decision, the published items still
waiting for a proposal, and the rate table. Every check is made in the views, not only by hiding buttons."""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, ObjectList, PageChooserPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet, ViewSetGroup
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core.exports import LabelledExportButtons
from core.refusals import refuse_with_403
from core.tree import descendants_q
from editorial.models import EditorialBoard
from editorial.reports.posting import period_code
from news.models import ArticlePage

from .enums import Status
from .forms import DecisionForm, ProposalForm
from .models import RoyaltyProposal, RoyaltyRate, vnd
from .permissions import may_decide, may_propose, visible_boards
from .reports import period_window

ITEM_MODELS = [ArticlePage]  # page types royalties are paid for; add others (photo galleries, videos) here
DECIDED_ALREADY = "Đề xuất này đã được quyết định: chỉ đề xuất đang chờ duyệt mới duyệt hoặc từ chối được."
REFUSED = (
    "Bạn không có quyền thực hiện việc này: Tổ thư ký đề xuất nhuận bút, Trưởng ban (hoặc người được "
    "Trưởng ban ủy quyền) duyệt."
)
NOT_DECIDER = (
    "Chỉ Trưởng ban, hoặc người được Trưởng ban ủy quyền trong thời gian ủy quyền, được duyệt nhuận bút."
)


def local_time(moment):
    """Wall-clock time in Việt Nam (the database keeps UTC)."""
    return f"{timezone.localtime(moment):%d/%m/%Y %H:%M}"


def decision_buttons(proposal, user, button_class):
    """Approve / reject links, for whoever may decide on a proposal still waiting."""
    if proposal.status != Status.PROPOSED or not may_decide(user, proposal.board):
        return []
    return [
        button_class(
            "Duyệt", url=reverse("royalties:approve", args=[proposal.pk]), icon_name="check", priority=5
        ),
        button_class(
            "Từ chối", url=reverse("royalties:reject", args=[proposal.pk]), icon_name="cross", priority=6
        ),
    ]


class ProposalIndexView(generic.IndexView):
    add_item_label = "Đề xuất nhuận bút"

    def get_base_queryset(self):
        boards = visible_boards(self.request.user)
        return (
            super().get_base_queryset().filter(board__in=boards).select_related("page", "payee", "category")
        )

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_list_more_buttons(self, instance):
        return [
            *decision_buttons(instance, self.request.user, MenuItem),
            *super().get_list_more_buttons(instance),
        ]

    @cached_property
    def header_buttons(self):
        pending = HeaderButton("Tin, bài chưa đề xuất", url=reverse("royalties:pending"), icon_name="list-ul")
        return [*super().header_buttons, pending]


class ProposingMixin:
    """Saving the form (a new proposal or a correction) submits it to the head again."""

    def save_instance(self):
        self.form.instance.propose(self.request.user)
        return super().save_instance()


class ProposalCreateView(ProposingMixin, generic.CreateView):
    submit_button_label = "Gửi đề xuất"
    submit_button_active_label = "Đang gửi…"
    success_message = "Đã gửi đề xuất nhuận bút “%(object)s” để Trưởng ban duyệt."
    error_message = "Chưa gửi được đề xuất nhuận bút: xem các lỗi bên dưới."

    def get_initial(self):
        """?page=<id> from the list of items still waiting: the item and its owner come filled in."""
        page_id = self.request.GET.get("page", "")
        page = Page.objects.filter(pk=page_id).first() if page_id.isdigit() else None
        return {"page": page, "payee": page.owner} if page else {}


class ProposalEditView(ProposingMixin, generic.EditView):
    page_title = "Sửa"
    submit_button_label = "Lưu và gửi lại"
    submit_button_active_label = "Đang lưu…"
    success_message = "Đã sửa đề xuất nhuận bút “%(object)s” và gửi lại Trưởng ban duyệt."
    error_message = "Chưa lưu được đề xuất nhuận bút: xem các lỗi bên dưới."

    def get_object(self, queryset=None):
        proposal = super().get_object(queryset)
        if not self.user_has_permission_for_instance("change", proposal):
            raise PermissionDenied
        return proposal


class ProposalInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        proposal = super().get_object(queryset)
        if not self.user_has_permission_for_instance("view", proposal):
            raise PermissionDenied
        return proposal

    def get_edit_url(self):
        if self.user_has_permission_for_instance("change", self.object):
            return super().get_edit_url()
        return None

    def get_amount_display_value(self):
        return vnd(self.object.amount)

    def get_month_display_value(self):
        return f"{self.object.month:%m/%Y}"

    def get_decided_by_display_value(self):
        return self.object.decided_by or "—"

    def get_proposed_at_display_value(self):
        return local_time(self.object.proposed_at)

    def get_decided_at_display_value(self):
        return local_time(self.object.decided_at) if self.object.decided_at else "—"

    @cached_property
    def header_more_buttons(self):
        return [*decision_buttons(self.object, self.request.user, Button), *super().header_more_buttons]


class DecisionView(BaseObjectMixin, WagtailAdminTemplateMixin, FormView):
    """The head (or the acting head, within the delegation's dates) approves or rejects one proposal."""

    model = RoyaltyProposal
    form_class = DecisionForm
    template_name = "royalties/decide.html"
    approve = True

    def dispatch(self, request, *args, **kwargs):
        if not may_decide(request.user, self.object.board):
            raise PermissionDenied(NOT_DECIDER)
        if self.object.status != Status.PROPOSED:
            messages.error(request, DECIDED_ALREADY)
            return redirect("royalties:index")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Duyệt nhuận bút" if self.approve else "Từ chối đề xuất nhuận bút"

    def get_page_subtitle(self):
        return self.object.page.title

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "approve": self.approve}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            proposal=self.object,
            amount=vnd(self.object.amount),
            action_url=self.request.path,
            submit_button_label="Duyệt" if self.approve else "Từ chối",
            **kwargs,
        )

    def form_valid(self, form):
        self.object.decide(self.request.user, self.approve, form.cleaned_data["note"])
        verdict = "Đã duyệt" if self.approve else "Đã từ chối"
        messages.success(self.request, f"{verdict} nhuận bút “{self.object.page.title}”.")
        return redirect("royalties:index")


class PendingItemsView(LabelledExportButtons, ReportView):
    """Items published in the month (?period=2026-11) without a proposal: the secretariat's to-do list."""

    page_title = "Tin, bài đã đăng chưa đề xuất nhuận bút"
    index_url_name = "royalties:pending"
    index_results_url_name = "royalties:pending_results"
    any_permission_required = ["view"]
    list_export = ["title", "first_published_at", "owner", "author_name"]
    custom_field_preprocess = {
        "first_published_at": {
            ReportView.FORMAT_CSV: local_time,
            ReportView.FORMAT_XLSX: timezone.make_naive,  # local wall-clock time, as the board reads it
        }
    }
    export_headings = {
        "title": "Tin, bài",
        "first_published_at": "Ngày đăng",
        "owner": "Người tạo",
        "author_name": "Tác giả",
    }

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(RoyaltyProposal)

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label="Tin, bài", get_url=self.propose_url),
            Column(
                "first_published_at",
                label="Ngày đăng",
                accessor=lambda page: local_time(page.first_published_at),
            ),
            Column("owner", label="Người tạo"),
            Column("author_name", label="Tác giả"),
        ]

    def propose_url(self, page):
        if may_propose(self.request.user, self.board_of_item[page.pk]):
            return f"{reverse('royalties:add')}?page={page.pk}"
        return None

    @cached_property
    def board_of_item(self):
        """{page id: board} of the waiting items of the boards the user sees, found by each site's subtree."""
        start, end = period_window(self.request.GET.get("period"))
        waiting = (
            ArticlePage.objects.live()
            .filter(first_published_at__gte=start, first_published_at__lt=end)
            .exclude(pk__in=RoyaltyProposal.objects.values("page_id"))
        )
        boards = EditorialBoard.objects.filter(pk__in=visible_boards(self.request.user)).select_related(
            "site__root_page"
        )
        return {
            page_id: board
            for board in boards
            for page_id in waiting.filter(descendants_q(board.site.root_page)).values_list("pk", flat=True)
        }

    def get_queryset(self):
        return (
            ArticlePage.objects.filter(pk__in=list(self.board_of_item))
            .select_related("owner")
            .order_by("first_published_at")
        )

    def get_filename(self):
        return f"chua-de-xuat-nhuan-but-{period_code(self.request.GET.get('period'))}"


class ProposalViewSet(ModelViewSet):
    model = RoyaltyProposal
    name = "royalties"
    url_prefix = "nhuan-but"
    icon = "tasks"
    menu_label = "Đề xuất nhuận bút"
    index_view_class = ProposalIndexView
    add_view_class = ProposalCreateView
    edit_view_class = ProposalEditView
    inspect_view_class = ProposalInspectView
    inspect_view_enabled = True
    copy_view_enabled = False  # one proposal per item: a copy could only be refused
    inspect_view_fields = [
        "page",
        "month",
        "payee",
        "category",
        "amount",
        "note",
        "status",
        "proposed_by",
        "proposed_at",
        "decided_by",
        "decided_at",
        "decision_note",
    ]
    list_display = [
        "page",
        "payee",
        Column("category", label="Thể loại", accessor=lambda proposal: proposal.category.name),
        Column("amount", label="Số tiền", accessor=lambda proposal: vnd(proposal.amount)),
        Column("month", label="Tháng đăng", accessor=lambda proposal: f"{proposal.month:%m/%Y}"),
        Column("status", label="Trạng thái", accessor=lambda proposal: proposal.get_status_display()),
    ]
    list_filter = ["status", "category"]
    edit_handler = ObjectList(
        [
            PageChooserPanel("page", page_type=[model._meta.label for model in ITEM_MODELS]),
            FieldPanel("payee"),
            FieldPanel("category"),
            FieldPanel("amount"),
            FieldPanel("note"),
        ],
        base_form_class=ProposalForm,
    )

    def get_permissions_to_register(self):
        """Board roles decide (ProposalPermissionPolicy): Django permissions on proposals mean nothing."""
        return Permission.objects.none()

    def get_urlpatterns(self):
        patterns = [
            *super().get_urlpatterns(),
            path("duyet/<int:pk>/", DecisionView.as_view(approve=True), name="approve"),
            path("tu-choi/<int:pk>/", DecisionView.as_view(approve=False), name="reject"),
            path("chua-de-xuat/", PendingItemsView.as_view(), name="pending"),
            path(
                "chua-de-xuat/results/", PendingItemsView.as_view(results_only=True), name="pending_results"
            ),
        ]
        return decorate_urlpatterns(patterns, refuse_with_403(REFUSED))


class RateViewSet(ModelViewSet):
    """The rate table; Django permissions on it are granted to whoever the agency names."""

    model = RoyaltyRate
    name = "royalty_rates"
    url_prefix = "muc-nhuan-but"
    icon = "table"
    menu_label = "Bảng mức nhuận bút"
    list_display = ["name", Column("amount", label="Mức", accessor=lambda rate: vnd(rate.amount)), "active"]
    form_fields = ["name", "amount", "basis", "active"]


class RoyaltiesGroup(ViewSetGroup):
    menu_label = "Nhuận bút"
    menu_icon = "tasks"
    menu_order = 450
    items = (ProposalViewSet, RateViewSet)
    submenu_hook = "register_royalties_menu_item"

"""Proposals to take outdated content off the site (seed 001 Điều 9.5, 11.2), through the board's workflow.

A proposal starts the page's board workflow on its current revision, so the same approvers act in the same
order, see it on their dashboard and get the same emails. Approved at the end, the finish action
(`editorial.workflows.publish_approved`) unpublishes the page instead of publishing it: the page stays in the
tree with its revisions (DESIGN.md: archive, never silently delete). Rejected, the page stays online.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import workflow_cancelled, workflow_rejected

from .enums import Role
from .models import (
    ALREADY_PROPOSED,
    REASON_REQUIRED,
    BoardMember,
    EditorialBoard,
    RemovalProposal,
    ancestor_paths,
)
from .permissions import board_roles

REMOVAL_PROPOSED = "editorial.removal_proposed"
PROPOSE_REMOVAL_URL = "editorial_propose_removal"
# The secretariat reviews and proposes (seed 001 Điều 9.5); the board's leaders may too.
PROPOSERS = {Role.SECRETARY, Role.DEPUTY, Role.STANDING_DEPUTY, Role.HEAD}
NOT_A_PROPOSER = "Chỉ Tổ thư ký, các Phó trưởng ban và Trưởng ban của trang này được đề nghị gỡ tin, bài."


def proposer_board_ids(user):
    """Boards on whose site the user may propose removals (a role on another board gives no right here)."""
    if not board_roles(user) & PROPOSERS:
        return set()
    seats = BoardMember.objects.filter(user_id=user.pk, active=True)
    return {seat.board_id for seat in seats if set(seat.roles) & PROPOSERS}


def board_of(page):
    """The board of the innermost site whose root contains the page."""
    return (
        EditorialBoard.objects.filter(site__root_page__path__in=ancestor_paths(page.path))
        .order_by("-site__root_page__depth")
        .first()
    )


def removal_refused(page):
    """Why the page cannot be proposed for removal now (in Vietnamese), or None."""
    if not page.live:
        return "Trang này không còn đăng trên cổng."
    if RemovalProposal.objects.pending().filter(page=page).exists():
        return ALREADY_PROPOSED
    if page.current_workflow_state is not None:
        return "Trang đang trong một quy trình duyệt khác: chờ quy trình đó kết thúc rồi đề nghị gỡ."
    if page.get_children().live().exists():
        return "Trang còn trang con đang đăng: đề nghị gỡ từng trang con trước."
    if page.get_workflow() is None:
        return "Trang không thuộc quy trình duyệt nào của Ban biên tập."
    return None


@transaction.atomic
def propose_removal(page, user, reason):
    """Record the proposal, then run it through the page's board workflow on the current revision. Raises
    ValidationError (in Vietnamese) when the reason is empty or the page cannot be proposed now."""
    page = page.specific  # a revision of the base Page would lose the page's own fields
    problem = removal_refused(page)
    if problem:
        raise ValidationError(problem)
    proposal = RemovalProposal(page=page, proposed_by=user, reason=(reason or "").strip())
    proposal.full_clean(exclude=["workflow_state"])
    proposal.save()
    log(page, REMOVAL_PROPOSED, user=user, data={"reason": proposal.reason, "proposal": proposal.pk})
    current_revision(page, user)
    proposal.workflow_state = page.get_workflow().start(page, user)
    proposal.save(update_fields=["workflow_state"])
    return proposal


def current_revision(page, user):
    """The revision the approvers review: the latest one. A page created in code never had one (the approvers'
    dashboard needs it): it gets a copy of its live content, not marked as an unpublished change."""
    return page.get_latest_revision() or page.save_revision(
        user=user, changed=False, log_action=False, clean=False
    )


def remove_if_proposed(workflow_state, user=None):
    """The finish action's removal branch: unpublish (never delete) the page of a pending proposal; False when
    the workflow was an ordinary submission. The completed path is the authority, as for publication, so the
    last approver needs no unpublish permission of their own."""
    proposal = RemovalProposal.objects.for_workflow_state(workflow_state)
    if proposal is None:
        return False
    page = workflow_state.content_object.specific
    UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    proposal.outcome = RemovalProposal.Outcome.REMOVED
    proposal.workflow_state = workflow_state
    proposal.save(update_fields=["outcome", "workflow_state"])
    return True


def keep_on_rejection(sender, instance, user=None, **kwargs):
    """A rejected removal keeps the page online. The proposal is closed and its workflow cancelled, so the
    page is not left waiting for changes nobody will make, and it can be proposed again later."""
    proposal = RemovalProposal.objects.for_workflow_state(instance)
    if proposal is None:
        return
    proposal.outcome = RemovalProposal.Outcome.REJECTED
    proposal.save(update_fields=["outcome"])
    instance.cancel(user=user)


def close_on_cancel(sender, instance, user=None, **kwargs):
    """Withdrawn by whoever may cancel the workflow, or overtaken by a publication: nothing is pending now."""
    RemovalProposal.objects.pending().filter(workflow_state=instance).update(
        outcome=RemovalProposal.Outcome.CANCELLED
    )


def connect():
    workflow_rejected.connect(
        keep_on_rejection, sender=WorkflowState, dispatch_uid="editorial-removal-rejected"
    )
    workflow_cancelled.connect(
        close_on_cancel, sender=WorkflowState, dispatch_uid="editorial-removal-cancelled"
    )


class RemovalProposedFormatter(LogFormatter):
    """The page history says what was proposed and why."""

    label = "Đề nghị gỡ"

    def format_message(self, log_entry):
        return f"Đề nghị gỡ: {log_entry.data.get('reason', '')}"


# Admin: the proposal form, the notice in the editor, the dashboard panel ---------------------------------
class RemovalProposalForm(forms.ModelForm):
    class Meta:
        model = RemovalProposal
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"reason": {"required": REASON_REQUIRED}}


class ProposeRemovalView(WagtailAdminTemplateMixin, FormView):
    """The "Đề nghị gỡ" action of the outdated-content report: a reason, then the board's workflow."""

    template_name = "editorial/propose_removal.html"
    form_class = RemovalProposalForm
    page_title = "Đề nghị gỡ tin, bài"
    header_icon = "warning"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        board = board_of(self.page)
        if board is None or board.pk not in proposer_board_ids(request.user):
            # A plain 403: Wagtail's admin would turn PermissionDenied into a redirect to the dashboard.
            return HttpResponseForbidden(NOT_A_PROPOSER)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label="Gửi đề nghị gỡ",
            proposed_page=self.page,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            proposal = propose_removal(self.page, self.request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        step = proposal.workflow_state.current_task_state
        where = f"chờ bước «{step.task.name}»" if step else "đã xử lý xong"
        messages.success(self.request, f"Đã gửi đề nghị gỡ «{self.page.title}»: {where}.")
        return redirect("editorial_stale_report")


def removal_notice(request, page):
    """Whoever opens a page proposed for removal is told that approving it takes the page off the site."""
    if request.method != "GET":
        return
    proposal = RemovalProposal.objects.pending().filter(page=page).select_related("proposed_by").first()
    if proposal is not None:
        messages.warning(request, notice(proposal))


def notice(proposal):
    return (
        f"Đề nghị gỡ: {proposal.reason} ({proposal.proposed_by}, {proposal.created_at:%d/%m/%Y}). "
        "Duyệt hết quy trình thì trang được gỡ khỏi cổng (lưu trữ, không xóa)."
    )


def removals_awaiting(user):
    """Pending proposals whose current step the user acts on."""
    return RemovalProposal.objects.pending().filter(
        workflow_state__current_task_state__in=TaskState.objects.reviewable_by(user)
    )


class RemovalPanel(Component):
    """Above Wagtail's "Awaiting your review", which shows only titles: approving these removes the page."""

    name = "removal_proposals"
    order = 6
    template_name = "editorial/removal_panel.html"

    def __init__(self, proposals):
        self.proposals = proposals

    def get_context_data(self, parent_context):
        return {
            "items": [
                (proposal, notice(proposal), reverse("wagtailadmin_pages:edit", args=[proposal.page_id]))
                for proposal in self.proposals.select_related("page", "proposed_by")
            ]
        }

"""Proposals to take live content off the site (docs/requirements.md, Removal and archiving), through the
board's workflow: the only way a page or a moderated snippet (a legal document…) leaves the site for anyone
but a superuser (editorial.deletion).

A proposal starts the item's board workflow on its current revision, so the same approvers act in the same
order, see it on their dashboard and get the same emails. Approved at the end, the finish action
(`editorial.workflows.publish_approved`) archives the item instead of publishing it (editorial.archive): it is
unpublished and kept with its revisions: archive, never delete. Rejected, it stays online.
"""

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.views.generic import FormView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page, WorkflowState
from wagtail.signals import workflow_cancelled, workflow_rejected

from core.refusals import refused

from .archive import archive
from .deletion import board_of, moderated_models
from .enums import Role
from .models import ALREADY_PROPOSED, REASON_REQUIRED, BoardMember, RemovalProposal
from .permissions import board_roles

REMOVAL_PROPOSED = "editorial.removal_proposed"
PROPOSE_REMOVAL_URL = "editorial_propose_removal"  # a page (from the outdated-content report or the editor)
PROPOSE_SNIPPET_REMOVAL_URL = "editorial_propose_snippet_removal"  # a moderated snippet
# The secretariat reviews and proposes (docs/requirements.md, Removal and archiving); the board's leaders
# may too.
PROPOSERS = {Role.SECRETARY, Role.DEPUTY, Role.STANDING_DEPUTY, Role.HEAD}
NOT_A_PROPOSER = "Chỉ Tổ thư ký, các Phó trưởng ban và Trưởng ban của trang này được đề nghị gỡ tin, bài."


def proposer_board_ids(user):
    """Boards on whose site the user may propose removals (a role on another board gives no right here)."""
    if not board_roles(user) & PROPOSERS:
        return set()
    seats = BoardMember.objects.filter(user_id=user.pk, active=True)
    return {seat.board_id for seat in seats if set(seat.roles) & PROPOSERS}


def noun(obj):
    """How a refusal names the item: "Trang này", "Văn bản này"…"""
    return "Trang này" if isinstance(obj, Page) else f"{capfirst(obj._meta.verbose_name)} này"


def removal_refused(obj):
    """Why the page or moderated snippet cannot be proposed for removal now (in Vietnamese), or None."""
    if not obj.live:
        return f"{noun(obj)} không còn đăng trên cổng."
    if RemovalProposal.objects.pending().for_instance(obj).exists():
        return ALREADY_PROPOSED if isinstance(obj, Page) else f"{noun(obj)} đã có đề nghị gỡ đang chờ duyệt."
    if obj.current_workflow_state is not None:
        return f"{noun(obj)} đang trong một quy trình duyệt khác: chờ quy trình đó kết thúc rồi đề nghị gỡ."
    if isinstance(obj, Page) and obj.get_children().live().exists():
        return "Trang còn trang con đang đăng: đề nghị gỡ từng trang con trước."
    if obj.get_workflow() is None:
        return f"{noun(obj)} không thuộc quy trình duyệt nào của Ban biên tập."
    return None


def may_propose(user, obj):
    """Whether user may propose obj's removal now (for the buttons; the view says why not)."""
    board = board_of(obj)
    return board is not None and board.pk in proposer_board_ids(user) and removal_refused(obj) is None


def propose_url(obj):
    if isinstance(obj, Page):
        return reverse(PROPOSE_REMOVAL_URL, args=[obj.pk])
    meta = obj._meta
    return reverse(PROPOSE_SNIPPET_REMOVAL_URL, args=[meta.app_label, meta.model_name, quote(obj.pk)])


@transaction.atomic
def propose_removal(obj, user, reason):
    """Record the proposal, then run it through the item's board workflow on the current revision. Raises
    ValidationError (in Vietnamese) when the reason is empty or the item cannot be proposed now."""
    obj = getattr(obj, "specific", obj)  # a revision of the base Page would lose the page's own fields
    problem = removal_refused(obj)
    if problem:
        raise ValidationError(problem)
    proposal = RemovalProposal(
        page=obj if isinstance(obj, Page) else None,
        content_type=obj.get_base_content_type(),
        object_id=str(obj.pk),
        proposed_by=user,
        reason=(reason or "").strip(),
    )
    proposal.full_clean(exclude=["workflow_state"])
    proposal.save()
    log(obj, REMOVAL_PROPOSED, user=user, data={"reason": proposal.reason, "proposal": proposal.pk})
    current_revision(obj, user)
    proposal.workflow_state = obj.get_workflow().start(obj, user)
    proposal.save(update_fields=["workflow_state"])
    return proposal


def current_revision(obj, user):
    """The revision the approvers review: the latest one. An item created in code (or imported) never had one
    (the approvers' dashboard needs it): it gets a copy of its live content, not marked as an unpublished
    change."""
    return obj.get_latest_revision() or obj.save_revision(
        user=user, changed=False, log_action=False, clean=False
    )


def remove_if_proposed(workflow_state, user=None):
    """The finish action's removal branch: archive (never delete) the item of a pending proposal; False when
    the workflow was an ordinary submission. The completed path is the authority, as for publication, so the
    last approver needs no unpublish permission of their own."""
    proposal = RemovalProposal.objects.for_workflow_state(workflow_state)
    if proposal is None:
        return False
    obj = workflow_state.content_object
    obj = getattr(obj, "specific", obj)
    proposal.outcome = RemovalProposal.Outcome.REMOVED
    proposal.workflow_state = workflow_state
    proposal.save(update_fields=["outcome", "workflow_state"])
    archive(obj, user=user, reason=proposal.reason, board=board_of(obj), removal=proposal)
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
    """The "Đề nghị gỡ" form, from the outdated-content report, a page's editor or a moderated snippet's
    editor: a reason, then the board's workflow."""

    template_name = "editorial/propose_removal.html"
    form_class = RemovalProposalForm
    page_title = "Đề nghị gỡ tin, bài"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        self.item = self.get_item(**kwargs)
        board = board_of(self.item)
        if board is None or board.pk not in proposer_board_ids(request.user):
            # The 403 page with the reason: Wagtail's admin would turn PermissionDenied into a redirect.
            return refused(request, NOT_A_PROPOSER)
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def get_item(page_id=None, app_label=None, model_name=None, pk=None):
        if page_id is not None:
            return get_object_or_404(Page, pk=page_id).specific
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError as error:
            raise Http404 from error
        if model not in moderated_models():
            raise Http404
        return get_object_or_404(model, pk=unquote(pk))

    def get_page_subtitle(self):
        return title(self.item)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.get_full_path(),
            submit_button_label="Gửi đề nghị gỡ",
            proposed_title=title(self.item),
            proposed_url=AdminURLFinder(self.request.user).get_edit_url(self.item),
            last_published_at=self.item.last_published_at,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            proposal = propose_removal(self.item, self.request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        step = proposal.workflow_state.current_task_state
        where = f"chờ bước «{step.task.name}»" if step else "đã xử lý xong"
        messages.success(self.request, f"Đã gửi đề nghị gỡ «{title(self.item)}»: {where}.")
        next_url = get_valid_next_url_from_request(self.request)
        if next_url:
            return redirect(next_url)
        if isinstance(self.item, Page):
            return redirect("editorial_stale_report")
        return redirect(AdminURLFinder(self.request.user).get_edit_url(self.item))


def title(obj):
    return getattr(obj, "title", None) or str(obj)


def removal_notice(request, obj):
    """Whoever opens an item proposed for removal is told that approving it takes it off the site."""
    if request.method != "GET":
        return
    proposal = RemovalProposal.objects.pending().for_instance(obj).select_related("proposed_by").first()
    if proposal is not None:
        messages.warning(request, notice(proposal))


def notice(proposal):
    return (
        f"Đề nghị gỡ: {proposal.reason} ({proposal.proposed_by}, {proposal.created_at:%d/%m/%Y}). "
        "Duyệt hết quy trình thì tin, bài được gỡ khỏi cổng và lưu trữ (không xóa)."
    )

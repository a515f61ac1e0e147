"""Nothing live leaves the site but through the board, on every admin route
(docs/requirements.md, Removal and archiving).

The rules are in editorial.deletion; the page permission tester and the moderated snippets' permission
policy (editorial.permissions) apply them to Wagtail's buttons, menus and bulk actions. Here:

- Wagtail's own hooks turn a "delete" of what was ever submitted or live into archiving (single and bulk,
  pages and moderated snippets), refuse direct unpublishing to everyone but a superuser, keep archived
  snippets read-only, and offer "Đề nghị gỡ" (the removal path) on every live page and moderated snippet.
- RemovalRefusalMiddleware answers the direct URLs that Wagtail refuses with a redirect to the dashboard and
  a generic message (its views check the tester or the policy before any hook runs) with a 403 page giving
  the reason.
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.actions.delete import DeleteAction
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem

from core.refusals import refused

from .archive import (
    ARCHIVE_ACTION,
    RESTORE_ACTION,
    ArchivedFormatter,
    RestoredFormatter,
    archive,
    archive_record,
)
from .deletion import (
    ARCHIVE,
    DESTROY,
    NO_PERMISSION,
    deletion,
    is_moderated,
    moderated_models,
    privacy_refusal,
    title_of,
    unpublish_refusal,
)
from .removal import PROPOSE_SNIPPET_REMOVAL_URL, ProposeRemovalView, may_propose, propose_url, removal_notice
from .reports.archived import RESTORE_URL, RestoreArchivedView
from .reports.archived import SLUG as ARCHIVED_SLUG

REFUSED_TITLE = "Không được gỡ, xóa"
ARCHIVED_READ_ONLY = (
    "«{title}» đã được lưu trữ ngày {day:%d/%m/%Y}: không sửa, gửi duyệt hay đăng được cho đến khi Trưởng "
    "ban khôi phục nó thành bản nháp (Báo cáo › Tin, bài đã lưu trữ)."
)
ARCHIVED_DONE = "Đã lưu trữ «{title}»: gỡ khỏi cổng, giữ lại cùng các phiên bản; Trưởng ban có thể khôi phục."
DELETED_DONE = "Đã xóa bản nháp chưa gửi duyệt «{title}»."


def read_only_reason(obj):
    record = archive_record(obj)
    day = timezone.localtime(record.archived_at) if record else None
    return ARCHIVED_READ_ONLY.format(title=title_of(obj), day=day) if record else None


# Delete becomes archive ------------------------------------------------------------------------------------
def decisions(user, objects):
    return [(obj, deletion(user, obj)) for obj in (getattr(o, "specific", o) for o in objects)]


def archive_or_delete(request, objects, next_url):
    """The "delete" of `objects` once every one is allowed (the views and the tester refused the rest): ask
    for confirmation when something is archived, then archive what was ever submitted or live and delete
    the rest. None when everything is simply deleted: Wagtail's own view carries on."""
    decided = decisions(request.user, objects)
    refusals = [decision.reason for _obj, decision in decided if not decision.allowed]
    if refusals:
        return refused(request, " ".join(refusals), REFUSED_TITLE)
    if all(decision.outcome == DESTROY for _obj, decision in decided):
        return None
    if request.method != "POST":
        return confirm_archive(request, decided)
    reason = request.POST.get("reason", "")
    for obj, decision in decided:
        if decision.outcome == ARCHIVE:
            archive(obj, request.user, reason=reason)
            messages.success(request, ARCHIVED_DONE.format(title=title_of(obj)))
        else:
            action = DeletePageAction if isinstance(obj, Page) else DeleteAction
            action(obj, user=request.user).execute(skip_permission_checks=True)
            messages.success(request, DELETED_DONE.format(title=title_of(obj)))
    return redirect(get_valid_next_url_from_request(request) or next_url)


def confirm_archive(request, decided):
    context = {
        "page_title": "Lưu trữ thay vì xóa",
        "items": [(title_of(obj), decision.outcome == ARCHIVE) for obj, decision in decided],
        "action_url": request.get_full_path(),
    }
    return TemplateResponse(request, "editorial/confirm_archive.html", context)


@hooks.register("before_delete_page")
def archive_deleted_page(request, page):
    return archive_or_delete(request, [page], reverse("wagtailadmin_explore", args=[page.get_parent().pk]))


@hooks.register("before_delete_snippet")
def archive_deleted_snippets(request, instances):
    """The snippet delete view and the snippet bulk delete (whose own deletion would skip DeleteAction)."""
    instances = list(instances)
    if not instances or not all(is_moderated(obj) for obj in instances):
        return None
    viewset = type(instances[0]).snippet_viewset
    return archive_or_delete(request, instances, reverse(viewset.get_url_name("list")))


@hooks.register("before_bulk_action")
def archive_bulk_deleted_pages(request, action_type, objects, action_class_instance):
    """Page bulk delete (snippets went through before_delete_snippet already)."""
    if action_type != "delete" or not issubclass(action_class_instance.model, Page):
        return None
    return archive_or_delete(request, objects, action_class_instance.next_url)


# Unpublishing goes through the board ------------------------------------------------------------------------
@hooks.register("before_unpublish_page")
def refuse_page_unpublish(request, page):
    reason = unpublish_refusal(request.user, page)
    return refused(request, reason, REFUSED_TITLE) if reason else None


@hooks.register("before_unpublish")
def refuse_snippet_unpublish(request, obj):
    reason = is_moderated(obj) and unpublish_refusal(request.user, obj)
    return refused(request, reason, REFUSED_TITLE) if reason else None


@hooks.register("construct_snippet_action_menu")
def hide_snippet_unpublish(menu_items, request, context):
    """Wagtail shows "Unpublish" to whoever holds the model's publish permission."""
    model = context.get("model")
    if model in moderated_models() and not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]


@hooks.register("before_edit_page")
def guard_archived_page_editor(request, page):
    """An archived page is read-only (the editor, reverting a revision); its history and revisions stay open,
    which need Wagtail's can_edit, so the refusal is here rather than in the tester."""
    reason = read_only_reason(page)
    return refused(request, reason, "Đã lưu trữ") if reason else None


@hooks.register("before_copy_page")
def refuse_copying_archived_page(request, page):
    return guard_archived_page_editor(request, page)


@hooks.register("before_edit_snippet")
def guard_snippet_editor(request, instance):
    """An archived snippet is read-only, as an archived page; a pending removal is announced."""
    if not is_moderated(instance):
        return None
    reason = read_only_reason(instance)
    if reason:
        return refused(request, reason, "Đã lưu trữ")
    removal_notice(request, instance)
    return None


# "Đề nghị gỡ" on every live page and moderated snippet ---------------------------------------------------
class ProposeRemovalItem:
    label = "Đề nghị gỡ"
    name = "action-propose-removal"
    icon_name = "warning"

    def is_shown(self, context):
        obj = context.get("page") or context.get("instance")
        return context.get("view") == "edit" and obj is not None and may_propose(context["request"].user, obj)

    def get_url(self, context):
        obj = context.get("page") or context.get("instance")
        return f"{propose_url(obj)}?{urlencode({'next': context['request'].path})}"


class ProposePageRemovalMenuItem(ProposeRemovalItem, PageActionMenuItem):
    pass


class ProposeSnippetRemovalMenuItem(ProposeRemovalItem, SnippetActionMenuItem):
    pass


@hooks.register("register_page_action_menu_item")
def propose_page_removal_item():
    return ProposePageRemovalMenuItem(order=25)


@hooks.register("register_snippet_action_menu_item")
def propose_snippet_removal_item(model):
    return ProposeSnippetRemovalMenuItem(order=25) if model in moderated_models() else None


@hooks.register("register_admin_urls")
def register_removal_and_archive_urls():
    return [
        path(
            "bao-cao/de-nghi-go/<str:app_label>/<str:model_name>/<str:pk>/",
            ProposeRemovalView.as_view(),
            name=PROPOSE_SNIPPET_REMOVAL_URL,
        ),
        path(f"bao-cao/{ARCHIVED_SLUG}/<int:pk>/khoi-phuc/", RestoreArchivedView.as_view(), name=RESTORE_URL),
    ]


@hooks.register("register_log_actions")
def register_archive_log_actions(actions):
    actions.register_action(ARCHIVE_ACTION)(ArchivedFormatter)
    actions.register_action(RESTORE_ACTION)(RestoredFormatter)


# The reason on Wagtail's direct URLs ------------------------------------------------------------------------
class RemovalRefusalMiddleware:
    """A direct request to unpublish or delete what the rules refuse gets the 403 page with the reason,
    instead of Wagtail's redirect to the dashboard with "Bạn không có quyền truy cập vào khu vực này"
    (its views raise PermissionDenied before any hook can answer)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        if not match.view_name.startswith(("wagtailadmin_pages:", "wagtail_bulk_action", "wagtailsnippets_")):
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            return None  # Wagtail's own refusal
        reason = route_refusal(request, match.view_name, match.kwargs)
        return refused(request, reason, REFUSED_TITLE) if reason else None


ROUTES = ("unpublish", "delete", "set_privacy")  # the views of a page or snippet that take it off the site


def route_refusal(request, view_name, kwargs):
    user = request.user
    if view_name == "wagtail_bulk_action":
        return bulk_refusal(request, **kwargs)
    if view_name.startswith("wagtailadmin_pages:"):
        model, view, pk = Page, view_name.split(":", 1)[1], kwargs.get("page_id")
    else:
        model, view = snippet_route(view_name)
        pk = unquote(str(kwargs.get("pk", "")))
    if model is None or view not in ROUTES:
        return None
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return None
    obj = getattr(obj, "specific", obj)
    if view == "unpublish":
        return unpublish_refusal(user, obj) if obj.live else None
    if view == "set_privacy":
        return privacy_refusal(user, obj)
    return (page_delete_refusal if model is Page else snippet_delete_refusal)(user, obj)


def page_delete_refusal(user, page):
    if page.permissions_for_user(user).can_delete():
        return None
    return deletion(user, page).reason or NO_PERMISSION.format(title=title_of(page))


def snippet_delete_refusal(user, obj):
    policy = policy_registry.get_by_type(type(obj))
    if policy.user_has_permission_for_instance(user, "delete", obj):
        return None
    return deletion(user, obj).reason or NO_PERMISSION.format(title=title_of(obj))


def snippet_route(view_name):
    """(moderated snippet model, view) of a snippet admin URL name, else (None, None)."""
    namespace, _colon, view = view_name.rpartition(":")
    for model in moderated_models():
        viewset = getattr(model, "snippet_viewset", None)
        if viewset is not None and viewset.url_namespace == namespace:
            return model, view
    return None, None


def bulk_refusal(request, app_label, model_name, action):
    """Bulk unpublish of pages, bulk delete of pages or moderated snippets: refused as a whole when any item
    selected is refused, each refused item named with its reason."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    is_page = issubclass(model, Page)
    if action not in ("unpublish", "delete") or not (is_page or model in moderated_models()):
        return None
    user = request.user
    if action == "unpublish":
        return unpublish_refusal(user, None)
    ids = [pk for pk in request.GET.getlist("id") if pk != "all"]
    objects = [getattr(obj, "specific", obj) for obj in model.objects.filter(pk__in=ids)]
    check = page_delete_refusal if is_page else snippet_delete_refusal
    reasons = [reason for reason in (check(user, obj) for obj in objects) if reason]
    return " ".join(reasons) or None

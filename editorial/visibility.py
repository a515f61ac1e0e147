"""What a board member sees of others' work in the admin: contributors and members see no draft, title or
count from sections that are not theirs, and nobody sees another site's library of files: rights stop at
each site's border (docs/requirements.md, Province and component portals).

Most of Wagtail's admin already shows a user only the pages they may explore (pages they hold a permission
on, and those pages' ancestors): the explorer and its menu, the admin page search, the pages of one type, the
workflow and workflow-task reports, site history, aging and locked pages. What is left is answered here:

- the page chooser lists every page of the installation: it keeps live pages as published (a live page whose
  pending draft renames it is left out) and the pages the user may explore (`chooser_pages`);
- an admin URL naming a page the user may not see (the chooser's parent to browse, the pages "chosen", a
  page to edit, delete or act on in bulk) answers 403 without its title, unless the page waits at a step
  the user takes (`AdminVisibilityMiddleware`), before any other refusal could name it;
- the page-types usage report counts every page of every site and names the last edited one of each type,
  drafts included: superusers only;
- the dashboard's page count covers only the pages the user holds rights on (`OwnPagesSummaryItem`), not
  everything under the highest page they may explore (for a writer of two sections, the whole site);
- bulk-action confirmations name only the pages the user may see (editorial/templates/wagtailadmin/pages/
  bulk_actions/list_items_with_no_access.html);
- snippet choosers (legal documents) offer drafts only to whoever may edit that model (core/choosers.py),
  and a snippet URL naming another's draft answers 403 without its title;
- a record of another site (a legal document: core/sites.py), named by a snippet view's URL or a bulk
  action's ?id=, answers 403 with the reason; its listing and chooser hold only the user's sites' records;
- images and documents live in each site's collection (editorial.collections): a direct admin URL naming a
  file of another site's library, or asking to delete a file an item uses, answers 403 with the reason.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.db.models import F, Q
from django.utils.deprecation import MiddlewareMixin
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page
from wagtail.permissions import page_permission_policy, policy_registry

from core.choosers import visible_snippets
from core.refusals import refused
from core.sites import is_site_owned, may_edit, usable_by, user_site_ids

from .collections import OTHER_LIBRARY, delete_refusal

PAGE_HIDDEN = (
    "Trang này thuộc chuyên mục không do bạn phụ trách và chưa được đăng: bạn không xem được tiêu đề, "
    "bản nháp của nó."
)
OTHER_SITE = (
    "Mục này thuộc cổng khác (hoặc do cổng tỉnh dùng chung): chỉ Ban biên tập của cổng đó xem và sửa được "
    "trong trang quản trị."
)
ITEM_HIDDEN = "Mục này chưa được đăng và không do bạn phụ trách: bạn không xem được tiêu đề, bản nháp của nó."
PAGE_TYPES_REPORT_REFUSED = (
    "Báo cáo «Loại trang» đếm mọi trang của mọi cổng và nêu tên bản nháp mới sửa của mỗi loại, kể cả của "
    "chuyên mục khác: chỉ quản trị hệ thống xem được."
)
PAGE_TYPES_REPORT_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}
PAGE_TYPES_MENU_ITEM = "page-types-usage"
# URL parameters naming a page, and views that take a list of pages as ?id=.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
PAGE_ID_LISTS = {"wagtailadmin_choose_page_chosen_multiple"}
# The rights that make a page count as the user's own on the dashboard.
PAGE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}
FILE_ACTIONS = ["add", "change", "choose"]
FILE_DELETE_VIEWS = {
    "wagtailimages:delete",
    "wagtailimages:delete_multiple",
    "wagtaildocs:delete",
    "wagtaildocs:delete_multiple",
}
FILE_CHOSEN_VIEWS = {
    "wagtailimages_chooser:chosen": get_image_model,
    "wagtaildocs_chooser:chosen": get_document_model,
}
FILE_KWARGS = {"image_id": get_image_model, "document_id": get_document_model, "doc_id": get_document_model}


def visible_pages(user, pages):
    """`pages` narrowed to what `user` may see: live pages as published, and the pages they may explore."""
    if user.is_superuser:
        return pages
    explorable = page_permission_policy.explorable_instances(user).values("pk")
    visible = Page.objects.filter(Q(live=True, draft_title=F("title")) | Q(pk__in=explorable))
    # By id only: the chooser's search filters inside the search index, which knows Page's filter fields.
    return pages.filter(pk__in=visible.values("pk"))


def chooser_pages(pages, request):
    """The construct_page_chooser_queryset hook (browsing and searching the page chooser)."""
    return visible_pages(request.user, pages)


class OwnPagesSummaryItem(PagesSummaryItem):
    """The dashboard's "N pages", counting the pages the user holds a right on."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        context["total_pages"] = (
            page_permission_policy.instances_user_has_any_permission_for(user, PAGE_ACTIONS)
            .exclude(depth=1)
            .count()
        )
        return context


def count_own_pages(request, items):
    """The construct_homepage_summary_items hook."""
    if not request.user.is_superuser:
        items[:] = [
            OwnPagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in items
        ]


def hide_installation_reports(request, items):
    """The construct_reports_menu hook: the page-types usage report is for superusers only."""
    if not request.user.is_superuser:
        items[:] = [item for item in items if item.name != PAGE_TYPES_MENU_ITEM]


class AdminVisibilityMiddleware(MiddlewareMixin):
    """Admin URLs that name a page or a file the user may not see answer 403 with the reason, before
    Wagtail's view shows its title (the page chooser, the chosen views) or refuses without a reason."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        match = request.resolver_match
        if user is None or not user.is_authenticated or user.is_superuser or match is None:
            return None
        if not request.path_info.startswith("/admin/"):
            return None
        reason = (
            page_refusal(request, match.view_name, view_kwargs)
            or snippet_refusal(user, view_func, view_kwargs, match.view_name)
            or bulk_refusal(request, match.view_name, view_kwargs)
            or file_refusal(user, match.view_name, view_kwargs)
        )
        return refused(request, reason) if reason else None


def page_refusal(request, view_name, kwargs):
    """A page the user may not see named by the URL (a page to edit, browse in the chooser, act on in bulk,
    or the pages "chosen"); the page-types usage report."""
    if view_name in PAGE_TYPES_REPORT_VIEWS:
        return PAGE_TYPES_REPORT_REFUSED
    ids = [kwargs[name] for name in PAGE_KWARGS if name in kwargs]
    if view_name.startswith("wagtailadmin_pages:") and "pk" in kwargs:  # comparing a page's revisions
        ids.append(kwargs["pk"])
    if view_name in PAGE_ID_LISTS or (
        view_name == "wagtail_bulk_action" and kwargs.get("app_label") == "wagtailcore"
    ):
        ids += [pk for pk in request.GET.getlist("id") if pk.isdigit()]
    if not ids:
        return None
    pages = Page.objects.filter(pk__in=ids)
    for page in pages.exclude(pk__in=visible_pages(request.user, pages).values("pk")):
        if not awaits_step_of(page.specific, request.user):
            return PAGE_HIDDEN
    return None


def snippet_refusal(user, view_func, kwargs, view_name=""):
    """Another site's record (core/sites.py; in a chooser, one the province does not share either), or a
    draft-state snippet (legal document) the user may not see, named by a snippet view's URL: the viewset
    gives each of its views the model (Django keeps it in the view's `view_initkwargs`)."""
    model = getattr(view_func, "view_initkwargs", {}).get("model")
    if not isinstance(model, type) or "pk" not in kwargs:
        return None
    pk = unquote(str(kwargs["pk"]))
    if not pk.isdigit():
        return None  # Wagtail's view answers 404
    item = model.objects.filter(pk=pk).first()
    if item is not None and is_site_owned(model):
        if view_name.startswith("wagtailsnippetchoosers_"):
            if not model.objects.filter(usable_by(user, model), pk=pk).exists():
                return OTHER_SITE
        elif not may_edit(user, item):
            return OTHER_SITE
    if not issubclass(model, DraftStateMixin):
        return None
    if item is None or visible_snippets(user, model.objects.filter(pk=item.pk)).exists():
        return None
    return None if awaits_step_of(item, user) else ITEM_HIDDEN


def bulk_refusal(request, view_name, kwargs):
    """A bulk action (delete, and whatever Wagtail adds) on records of another site, named by ?id=."""
    if view_name != "wagtail_bulk_action":
        return None
    try:
        model = apps.get_model(kwargs.get("app_label", ""), kwargs.get("model_name", ""))
    except (LookupError, ValueError):
        return None
    ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
    if not ids or not is_site_owned(model):
        return None
    foreign = model.objects.filter(pk__in=ids).exclude(site_id__in=user_site_ids(request.user))
    return OTHER_SITE if foreign.exists() else None


def awaits_step_of(item, user):
    """The page or snippet waits at a moderation step this user may take (an approver opens what they
    approve)."""
    task = getattr(item, "current_workflow_task", None)
    return task is not None and task.specific.user_can_access_editor(item, user)


def file_refusal(user, view_name, kwargs):
    """A file of another site's library (no right on its collection), or a file in use to be deleted."""
    if view_name in FILE_CHOSEN_VIEWS:
        model, pk = FILE_CHOSEN_VIEWS[view_name](), kwargs.get("pk")
    else:
        found = [(getter(), kwargs[name]) for name, getter in FILE_KWARGS.items() if name in kwargs]
        if not found:
            return None
        model, pk = found[0]
    file = model.objects.filter(pk=str(pk)).first() if str(pk).isdigit() else None
    if file is None:
        return None
    policy = policy_registry.get_by_type(model)
    if not policy.user_has_any_permission_for_instance(user, FILE_ACTIONS, file):
        return OTHER_LIBRARY.format(file=file.title)
    if view_name in FILE_DELETE_VIEWS:
        return delete_refusal(user, file)
    return None

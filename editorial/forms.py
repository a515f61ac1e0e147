from django import forms
from django.apps import apps
from django.contrib.auth import get_permission_codename
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Page

from core.site_admin import limit_site_choice
from documents.classification import ClassifiedContent, refuse_classified_submission

from .four_eyes import COMMENT_REQUIRED
from .permissions import DIRECT_PUBLICATION_REFUSED, may_publish_directly

PUBLISH_PERMISSION_REFUSED = (
    "Bạn không có quyền đăng trực tiếp {name}: hãy gửi duyệt theo quy trình của Ban biên tập."
)


class ClassifiedPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prefill_author(self)

    def clean(self):
        data = super().clean()
        refuse_classified_submission(self)
        if "action-publish" in self.data and self.for_user is not None:
            source = data.get("official_source")
            if not may_publish_directly(self.for_user, source.pk if source else None):
                self.add_error(None, DIRECT_PUBLICATION_REFUSED)
        return data


def prefill_author(form):
    """A new item's author is whoever writes it, until they change it: their name, and their unit as the
    address (the royalty worksheet pays the author named here)."""
    user = form.for_user
    if form.instance.pk or user is None or "author_name" not in form.fields:
        return
    if not form.initial.get("author_name"):
        form.initial["author_name"] = user.get_full_name()
    if "author_address" in form.fields and not form.initial.get("author_address"):
        form.initial["author_address"] = user.unit


class ClassifiedModelForm(WagtailAdminModelForm):
    """A snippet's form (legal documents): besides the classification checks, a Publish request from someone
    without the publish permission is refused in words; Wagtail would quietly save a draft instead. A record
    that belongs to a site is put on one of the user's sites (core/sites.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_site_choice(self)

    def clean(self):
        data = super().clean()
        refuse_classified_submission(self)
        opts = self._meta.model._meta
        permission = f"{opts.app_label}.{get_permission_codename('publish', opts)}"
        if (
            "action-publish" in self.data
            and self.for_user is not None
            and not self.for_user.has_perm(permission)
        ):
            self.add_error(None, PUBLISH_PERMISSION_REFUSED.format(name=opts.verbose_name))
        return data


class RejectionForm(TaskStateCommentForm):
    """Sending an item back needs a reason: the author reads it on the item and on their dashboard."""

    comment = forms.CharField(
        label="Lý do trả lại",
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": COMMENT_REQUIRED},
    )


def use_board_forms():
    """Every classified model (documents/classification.py) is edited through the board's forms: its
    base_form_class is set here, from the layer above the content apps, so that they import nothing of it."""
    for model in apps.get_models():
        if issubclass(model, ClassifiedContent):
            model.base_form_class = ClassifiedPageForm if issubclass(model, Page) else ClassifiedModelForm

"""Wagtail's document admin views, firing the after-save hooks that Wagtail 8 fires for pages and snippets
but not for documents; the portal's URLs put these views in front of Wagtail's own (see wagtail_hooks)."""

from wagtail.admin.views.generic.mixins import HookResponseMixin
from wagtail.documents.views import documents, multiple


class DocumentCreateView(documents.CreateView):
    def run_after_hook(self):
        return self.run_hook("after_create_document", self.request, self.object)


class DocumentEditView(documents.EditView):
    template_name = "documents/admin/edit.html"

    def run_after_hook(self):
        return self.run_hook("after_edit_document", self.request, self.object)


class DocumentMultipleAddView(HookResponseMixin, multiple.AddView):
    """The bulk uploader answers in JSON: a hook's response is ignored, its messages show on the next page."""

    def save_object(self, form):
        document = super().save_object(form)
        self.run_hook("after_create_document", self.request, document)
        return document


class DocumentCreateFromUploadView(HookResponseMixin, multiple.CreateFromUploadedDocumentView):
    def save_object(self, form):
        super().save_object(form)
        self.run_hook("after_create_document", self.request, self.object)

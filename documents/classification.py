"""Classified content (Mật, Tối mật, Tuyệt mật) never becomes public, whatever the route: neither an item
marked classified nor one whose attached files carry a classification stamp
(docs/requirements.md, Classification)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from modelcluster.models import ClusterableModel, get_all_child_relations

from documents.stamps import document_ids_in, stamped_documents

from .enums import Classification

# Admin form buttons that move an item towards publication; sending it back to its author ("reject") does not.
PUBLISHING_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow", "action-workflow-action")
# Editors read these: they cite the regulation itself (docs/requirements.md, Sources).
REFUSED = (
    "Nội dung có độ mật «{label}» không được gửi duyệt hay đăng lên cổng "
    "(quy định về bảo vệ bí mật nhà nước)."
)
STAMPED = (
    "Tệp «{name}» mang dấu «{label}»: không được gửi duyệt hay đăng lên cổng "
    "(quy định về bảo vệ bí mật nhà nước)."
)


class ClassifiedPublicationError(PermissionDenied):
    pass


class ClassifiedContent(models.Model):
    """A classification field and a publish() that refuses a classified revision, or one attaching a stamped
    file (workflow approval, the Publish button, scheduled publishing and imports updating a document all go
    through publish())."""

    classification = models.CharField(
        "độ mật",
        max_length=20,
        choices=Classification.choices,
        default=Classification.UNCLASSIFIED,
        help_text="Thông tin có độ mật không bao giờ được đăng trên cổng.",
    )

    class Meta:
        abstract = True

    @property
    def is_classified(self):
        return self.classification != Classification.UNCLASSIFIED

    def publish(self, revision, *args, **kwargs):
        content = revision.as_object()
        if content.is_classified:
            raise ClassifiedPublicationError(REFUSED.format(label=content.get_classification_display()))
        refusals = stamp_refusals(attached_document_ids(content))
        if refusals:
            raise ClassifiedPublicationError(" ".join(refusals))
        return super().publish(revision, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if self.is_classified:
            raise Http404
        return super().serve(request, *args, **kwargs)


def attached_document_ids(obj):
    """Ids of the files obj attaches: in its own fields and in its inline children (a legal document's files).
    A revision's object carries its children in memory, so the files checked are the ones being published."""
    ids = [
        pk
        for field in obj._meta.concrete_fields
        for pk in document_ids_in(field, field.value_from_object(obj))
    ]
    if isinstance(obj, ClusterableModel):
        for relation in get_all_child_relations(obj):
            for child in getattr(obj, relation.get_accessor_name()).all():
                ids += attached_document_ids(child)
    return ids


def stamp_refusals(document_ids):
    """One message per attached file that carries a classification stamp."""
    return [
        STAMPED.format(name=document.filename, label=label)
        for document, label in stamped_documents(document_ids)
    ]


def moves_towards_publication(form):
    """The admin form was sent with a button that submits, publishes or approves the item."""
    if "action-workflow-action" in form.data and form.data.get("workflow-action-name") == "reject":
        return False
    return any(key in form.data for key in PUBLISHING_ACTIONS)


def refuse_classified_submission(form):
    """In an admin form: a classified item, or one attaching a stamped file, cannot be submitted, approved or
    published."""
    if not moves_towards_publication(form):
        return
    value = form.cleaned_data.get("classification")
    if value and value != Classification.UNCLASSIFIED:
        form.add_error("classification", ValidationError(REFUSED.format(label=Classification(value).label)))
    for message in stamp_refusals(form_document_ids(form)):
        form.add_error(None, ValidationError(message))


def form_document_ids(form):
    """Ids of the files the submitted form attaches, read from its cleaned values and those of its inline
    forms (files removed in the form no longer count); the instance is not updated yet during clean()."""
    opts = form._meta.model._meta
    field_names = {field.name for field in opts.concrete_fields}
    ids = [
        pk
        for name, value in form.cleaned_data.items()
        if name in field_names
        for pk in document_ids_in(opts.get_field(name), value)
    ]
    for formset in getattr(form, "formsets", {}).values():
        if not formset.is_valid():  # its own errors are shown; its files are checked once they are valid
            continue
        for child in formset.forms:
            if not child.cleaned_data.get("DELETE"):  # an untouched blank form has no cleaned values
                ids += form_document_ids(child)
    return ids

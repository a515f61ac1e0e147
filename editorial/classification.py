"""Classified content (Mật, Tối mật, Tuyệt mật) never becomes public, whatever the route."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404

from .enums import Classification

PUBLISHING_ACTIONS = ("action-submit", "action-publish", "action-workflow-action")
REFUSED = "Nội dung có độ mật «{label}» không được gửi duyệt hay đăng lên cổng (seed 003 Điều 5)."


class ClassifiedPublicationError(PermissionDenied):
    pass


class ClassifiedContent(models.Model):
    """A classification field and a publish() that refuses a classified revision (workflow approval, the
    Publish button and scheduled publishing all go through publish())."""

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
        return super().publish(revision, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if self.is_classified:
            raise Http404
        return super().serve(request, *args, **kwargs)


def refuse_classified_submission(form):
    """In an admin form: a classified item cannot be submitted, approved or published."""
    value = form.cleaned_data.get("classification")
    if value and value != Classification.UNCLASSIFIED and any(key in form.data for key in PUBLISHING_ACTIONS):
        form.add_error("classification", ValidationError(REFUSED.format(label=Classification(value).label)))

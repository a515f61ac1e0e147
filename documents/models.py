from django.db import models
from wagtail.documents.models import AbstractDocument, Document


class PortalDocument(AbstractDocument):
    """Every uploaded file goes through this model, so checks and text extraction have one home."""

    description = models.TextField("mô tả", blank=True, max_length=1000)

    admin_form_fields = Document.admin_form_fields + ("description",)

    class Meta(AbstractDocument.Meta):
        verbose_name = "tệp tài liệu"
        verbose_name_plural = "tệp tài liệu"

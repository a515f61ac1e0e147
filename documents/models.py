from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from .bounded import bounded_inspect
from .enums import OPEN_FORMATS, DocumentFormat, ExtractionStatus
from .inspection import Inspection
from .stamps import classification_stamp
from .uploads import safe_filename

INSPECTION_FIELDS = ("detected_format", "extraction_status", "extracted_text", "page_count")


class PortalDocument(AbstractDocument):
    """Every uploaded file goes through this model, so checks and text extraction have one home."""

    description = models.TextField("mô tả", blank=True, max_length=1000)
    detected_format = models.CharField(
        "định dạng thực tế",
        max_length=8,
        choices=DocumentFormat.choices,
        blank=True,
        editable=False,
        help_text="Đọc từ nội dung tệp, không từ tên tệp; để trống khi không nhận ra.",
    )
    extraction_status = models.CharField(
        "trích xuất nội dung",
        max_length=16,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extracted_text = models.TextField(
        "nội dung chữ",
        blank=True,
        editable=False,
        help_text="Chữ đọc được trong tệp (Unicode dựng sẵn, NFC), để tìm kiếm văn bản.",
    )
    page_count = models.PositiveIntegerField("số trang", null=True, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields + ("description",)

    class Meta(AbstractDocument.Meta):
        verbose_name = "tệp tài liệu"
        verbose_name_plural = "tệp tài liệu"

    @classmethod
    def from_db(cls, db, field_names, values):
        """Remember the stored file, so that save() reads a file again only when it was replaced."""
        document = super().from_db(db, field_names, values)
        document._inspected_file = dict(zip(field_names, values, strict=True)).get("file")
        return document

    def clean(self):
        """Wagtail's extension check needs a file: when the form has refused one, its message is enough."""
        if self.file:
            super().clean()

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # Whatever route the file came by (admin, bulk upload, import), it is stored under a clean name.
            self.file.name = safe_filename(self.file.name)
        update_fields = kwargs.get("update_fields")
        if self._needs_inspection() and (update_fields is None or "file" in update_fields):
            self.inspect_file()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *INSPECTION_FIELDS}
        super().save(*args, **kwargs)
        self._inspected_file = self.file.name

    def _needs_inspection(self):
        replaced = self.file.name != getattr(self, "_inspected_file", None)
        return bool(self.file) and (replaced or self.extraction_status == ExtractionStatus.PENDING)

    def inspect_file(self):
        """Set the real format, text and page count from the file's content; an unreadable one is a status."""
        result = self._read_and_inspect()
        self.detected_format = result.format
        self.extraction_status = result.status
        self.extracted_text = result.text
        self.page_count = result.page_count

    def keep_inspection(self, upload, inspection):
        """The upload form has read this file already (documents.forms): save() stores that result instead of
        reading the file a second time."""
        self._upload_inspection = (upload, inspection)

    def _read_and_inspect(self):
        upload, inspection = getattr(self, "_upload_inspection", (None, None))
        if upload is not None and self.file.file is upload:  # the very upload the form read
            return inspection
        try:
            with self.open_file() as file:
                data = file.read(settings.DOCUMENTS_MAX_UPLOAD_SIZE + 1)
                file.seek(0)  # the storage writes a new upload from this same file object
        except (OSError, ValueError):
            return Inspection("", ExtractionStatus.FAILED)
        if len(data) > settings.DOCUMENTS_MAX_UPLOAD_SIZE:
            return Inspection("", ExtractionStatus.FAILED)
        return bounded_inspect(data, self.file_extension.lower())

    @property
    def is_open_format(self):
        """ODF, or PDF which the rules accept alongside it (docs/requirements.md, Files)."""
        return self.detected_format in OPEN_FORMATS

    @property
    def format_label(self):
        """Short name for download links ("PDF", "ODT", "DOCX"); empty while the content is unknown."""
        return self.detected_format.upper()

    @property
    def needs_scan_review(self):
        """A PDF with no text layer is a scan: its content cannot be searched until someone runs OCR."""
        return (
            self.detected_format == DocumentFormat.PDF and self.extraction_status == ExtractionStatus.NO_TEXT
        )


STAMPED_FILE = (
    "Tệp «{name}» mang dấu «{label}»: thông tin có độ mật không được công bố "
    "(quy định về bảo vệ bí mật nhà nước)."
)


class PublishedFile(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A file published on its own (a form to fill in, a report), through the board's workflow like any item:
    while it is live its file is public (documents.access; docs/requirements.md, Files)."""

    document = models.ForeignKey(
        PortalDocument, verbose_name="tệp", on_delete=models.PROTECT, related_name="publications"
    )
    title = models.CharField("tiêu đề", max_length=255)
    description = models.TextField("mô tả", blank=True, max_length=1000)

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("description")]

    class Meta:
        verbose_name = "tệp công bố"
        verbose_name_plural = "tệp công bố"

    def __str__(self):
        return self.title

    def clean(self):
        """A stamped file is refused at upload; one stored before that rule cannot be published either."""
        super().clean()
        label = classification_stamp(self.document.extracted_text) if self.document_id else None
        if label:
            raise ValidationError({"document": STAMPED_FILE.format(name=self.document.filename, label=label)})

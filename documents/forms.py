import os

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm

from .enums import DocumentFormat
from .inspection import MAX_FILE_SIZE, identify

ACCEPTED_EXTENSIONS = ", ".join(value.upper() for value in DocumentFormat.values)


class PortalDocumentForm(BaseDocumentForm):
    """Every upload form for documents (admin, choosers, bulk upload) starts here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = (
                f"Tối đa {filesizeformat(MAX_FILE_SIZE)}; nhận tệp {ACCEPTED_EXTENSIONS}. "
                "Nên dùng định dạng mở (ODF: ODT, ODS, ODP) hoặc PDF."
            )

    def clean_file(self):
        """Refuse a new file before anything is stored, unless its content is what its name says."""
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_upload(file)
        return file


def check_upload(upload):
    name = upload.name
    extension = os.path.splitext(name)[1][1:].lower()
    if extension not in DocumentFormat.values:
        raise ValidationError(
            "Định dạng tệp không được chấp nhận: «%(name)s». Chỉ nhận tệp %(accepted)s.",
            code="invalid_extension",
            params={"name": name, "accepted": ACCEPTED_EXTENSIONS},
        )
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            "Tệp «%(name)s» có dung lượng %(size)s, vượt mức tối đa %(limit)s.",
            code="file_too_large",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_FILE_SIZE),
            },
        )
    content = identify(_read(upload), extension)
    if content.format != extension:
        raise ValidationError(
            "Tệp «%(name)s» không phải %(expected)s: nội dung là %(actual)s. "
            "Hãy tải lên đúng tệp, hoặc đặt tên tệp theo đúng định dạng của nó.",
            code="content_mismatch",
            params={"name": name, "expected": extension.upper(), "actual": content.description},
        )


def _read(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data

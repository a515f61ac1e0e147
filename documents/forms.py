import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .archive_limits import expansion_problem, refusal_message
from .bounded import bounded_inspect
from .enums import DocumentFormat
from .inspection import identify
from .stamps import classification_stamp
from .uploads import check_size

ACCEPTED_EXTENSIONS = ", ".join(value.upper() for value in DocumentFormat.values)


class PortalDocumentForm(BaseDocumentForm):
    """Every upload form for documents (admin, choosers, bulk upload) starts here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = (
                f"Tối đa {filesizeformat(settings.DOCUMENTS_MAX_UPLOAD_SIZE)}; "
                f"nhận tệp {ACCEPTED_EXTENSIONS}. "
                "Nên dùng định dạng mở (ODF: ODT, ODS, ODP) hoặc PDF."
            )

    def clean_file(self):
        """Refuse a new file (an upload or a replacement, on every route that uses this form) before anything
        is stored, unless its content is what its name says and carries no classification stamp; a refused
        replacement leaves the stored file as it was."""
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_upload(file)
            self.instance.keep_inspection(file, check_content(file))
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
    check_size(upload, settings.DOCUMENTS_MAX_UPLOAD_SIZE)
    content = identify(_read(upload), extension)
    if content.format != extension:
        raise ValidationError(
            "Tệp «%(name)s» không phải %(expected)s: nội dung là %(actual)s. "
            "Hãy tải lên đúng tệp, hoặc đặt tên tệp theo đúng định dạng của nó.",
            code="content_mismatch",
            params={"name": name, "expected": extension.upper(), "actual": content.description},
        )
    problem = expansion_problem(_read(upload))
    if problem:
        raise ValidationError(refusal_message(name, problem), code="zip_bomb")


def check_content(upload):
    """Read the upload's text and refuse it when it carries a classification stamp: classified information is
    never published (docs/requirements.md, Classification). Returns what was read."""
    inspection = bounded_inspect(_read(upload), os.path.splitext(upload.name)[1][1:].lower())
    label = classification_stamp(inspection.text)
    if label:
        raise ValidationError(
            "Tệp «%(name)s» mang dấu «%(label)s»: thông tin có độ mật không được đăng lên cổng "
            "(quy định về bảo vệ bí mật nhà nước), nên không được tải lên.",
            code="classified",
            params={"name": upload.name, "label": label},
        )
    return inspection


def _read(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


class PortalImageForm(BaseImageForm):
    """Every image upload form (admin, bulk upload): Wagtail's checks, with its messages in Vietnamese.

    Wagtail refuses an extension outside WAGTAILIMAGES_EXTENSIONS (no SVG), content that is not the image
    its extension says (read by Willow) and files over WAGTAILIMAGES_MAX_UPLOAD_SIZE; its Vietnamese
    catalogue lacks these messages.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        accepted = field.supported_formats_text
        limit = field.max_upload_size_text
        field.help_text = f"Tối đa {limit}; nhận ảnh {accepted}."
        field.error_messages.update(
            {
                "invalid_image_extension": f"Không nhận tệp này: chỉ nhận ảnh {accepted} (không nhận SVG).",
                "invalid_image_known_format": (
                    "Tệp không phải ảnh .%(extension)s như tên của nó: nội dung là ảnh %(image_format)s."
                ),
                "invalid_image": f"Tệp không phải ảnh hoặc ảnh bị hỏng: chỉ nhận ảnh {accepted}.",
                "file_too_large": "Tệp có dung lượng %(file_size)s, vượt mức tối đa %(max_filesize)s.",
                "file_too_large_unknown_size": f"Tệp vượt mức dung lượng tối đa {limit}.",
                "file_too_many_pixels": "Ảnh quá lớn (%(num_pixels)s điểm ảnh), tối đa %(max_pixels_count)s.",
            }
        )

"""Files citizens attach (a question, a comment on a draft): checked by content, kept out of public media.

They may hold personal data, so they are stored under PRIVATE_MEDIA_ROOT, never under MEDIA_ROOT, and
staff download them through a view that checks the login (feedback.views.attachment).
"""

import io
import os

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.crypto import get_random_string
from django.utils.deconstruct import deconstructible
from PIL import Image

from documents.archive_limits import expansion_problem, refusal_message
from documents.enums import DocumentFormat
from documents.inspection import identify
from documents.uploads import check_size, safe_filename

DOCUMENT_FORMATS = {DocumentFormat.PDF, DocumentFormat.ODT, DocumentFormat.DOCX}
IMAGE_FORMATS = {"jpg": "JPEG", "png": "PNG"}
EXTENSION_ALIASES = {"jpeg": "jpg"}
ACCEPTED = "PDF, ODT, DOCX, JPG, PNG"


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files outside the public media path (no base_url: nothing serves them directly)."""

    def __init__(self):
        super().__init__(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def attachment_path(instance, filename):
    """A random folder per file and a sanitised name: names are never trusted or guessable."""
    return f"{instance._meta.model_name}/{get_random_string(24)}/{safe_filename(filename)}"


def check_attachment(upload):
    """Refuse, with a message that says why, a file that is too big or not what its name says."""
    name = upload.name
    extension = os.path.splitext(name)[1][1:].lower()
    extension = EXTENSION_ALIASES.get(extension, extension)
    check_size(upload, settings.FEEDBACK_MAX_ATTACHMENT_SIZE)
    if extension not in DOCUMENT_FORMATS | IMAGE_FORMATS.keys():
        raise ValidationError(
            "Không nhận tệp «%(name)s»: chỉ nhận tệp %(accepted)s.",
            code="invalid_extension",
            params={"name": name, "accepted": ACCEPTED},
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    actual = _image_format(data) if extension in IMAGE_FORMATS else identify(data, extension).format
    if actual != extension:
        raise ValidationError(
            "Tệp «%(name)s» không phải tệp %(expected)s như tên của nó: nội dung không đúng định dạng. "
            "Hãy gửi đúng tệp.",
            code="content_mismatch",
            params={"name": name, "expected": extension.upper()},
        )
    problem = expansion_problem(data)
    if problem:
        raise ValidationError(refusal_message(name, problem), code="zip_bomb")


def _image_format(data):
    """The image's real format ("jpg", "png") if Pillow can read it whole; "" otherwise."""
    kind = filetype.guess_extension(data)
    kind = EXTENSION_ALIASES.get(kind, kind)
    if kind not in IMAGE_FORMATS:
        return ""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != IMAGE_FORMATS[kind]:
                return ""
            image.verify()
    except Exception:  # Pillow raises many kinds of errors on broken or hostile images
        return ""
    return kind


def download(file, missing_message):
    """A citizen's file for staff: always as a download (never shown inline), under its stored name."""
    if not file:
        raise Http404(missing_message)
    return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])

"""Checks every uploaded file goes through, whoever uploads it (editors' documents, citizens' attachments).

What a file really is comes from documents.inspection (its content); this module holds the rest: the
size cap message and the stored name.
"""

import os
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

MAX_STEM_LENGTH = 80
MAX_EXTENSION_LENGTH = 8
UNSAFE_RUNS = re.compile(r"[^\w.-]+")
REPEATED_SEPARATORS = re.compile(r"[-_.]*([-_.])[-_.]*")


def check_size(upload, limit):
    """Refuse a file over `limit` bytes, saying how big it is and what the cap is."""
    if upload.size > limit:
        raise ValidationError(
            "Tệp «%(name)s» có dung lượng %(size)s, vượt mức tối đa %(limit)s.",
            code="file_too_large",
            params={"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def safe_filename(name, fallback="tep"):
    """A name safe to store and to put in a URL or a Content-Disposition header.

    Path parts (either slash), control and bidirectional-override characters, markup and other punctuation,
    and leading dots (hidden files, "..") go; Vietnamese letters stay, composed (NFC), so a downloaded
    "Quyết định 12.pdf" is still readable as "Quyết-định-12.pdf".
    """
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    base = "".join(char for char in base if not unicodedata.category(char).startswith("C"))
    stem, extension = os.path.splitext(base)
    if not stem and extension:  # ".pdf": a hidden file, all stem
        stem, extension = extension, ""
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:MAX_EXTENSION_LENGTH]
    stem = REPEATED_SEPARATORS.sub(r"\1", UNSAFE_RUNS.sub("-", stem))[:MAX_STEM_LENGTH].strip("-_.")
    return f"{stem or fallback}{'.' + extension if extension else ''}"

from django.db import models


class DocumentFormat(models.TextChoices):
    """The file formats the portal accepts, as read from a file's content; the value is the extension."""

    PDF = "pdf", "PDF"
    ODT = "odt", "Văn bản ODF (ODT)"
    ODS = "ods", "Bảng tính ODF (ODS)"
    ODP = "odp", "Trình chiếu ODF (ODP)"
    DOCX = "docx", "Văn bản Word (DOCX)"
    XLSX = "xlsx", "Bảng tính Excel (XLSX)"
    PPTX = "pptx", "Trình chiếu PowerPoint (PPTX)"
    DOC = "doc", "Văn bản Word cũ (DOC)"
    XLS = "xls", "Bảng tính Excel cũ (XLS)"
    PPT = "ppt", "Trình chiếu PowerPoint cũ (PPT)"
    RTF = "rtf", "Văn bản RTF"
    TXT = "txt", "Văn bản thuần (TXT)"
    CSV = "csv", "Bảng số liệu CSV"
    ZIP = "zip", "Tệp nén ZIP"


# ODF (TCVN 7978:2009, ISO/IEC 26300) is the open format the rules ask for; PDF is accepted alongside it
# (docs/requirements.md, Files).
OPEN_FORMATS = frozenset({DocumentFormat.PDF, DocumentFormat.ODT, DocumentFormat.ODS, DocumentFormat.ODP})


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "Chưa xử lý"
    EXTRACTED = "extracted", "Đã trích xuất"
    NO_TEXT = "no_text", "Không có chữ (bản quét)"
    UNSUPPORTED = "unsupported", "Không hỗ trợ trích xuất"
    FAILED = "failed", "Lỗi trích xuất"


class Classification(models.TextChoices):
    """Độ mật (docs/requirements.md, Classification): anything but UNCLASSIFIED is never published."""

    UNCLASSIFIED = "unclassified", "Không mật"
    CONFIDENTIAL = "confidential", "Mật"
    SECRET = "secret", "Tối mật"
    TOP_SECRET = "top_secret", "Tuyệt mật"

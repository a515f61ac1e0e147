"""What an uploaded file really is, and the text in it, read from its content and never from its name.

Everything here works on the file's bytes in memory, synchronously: uploads are capped by
settings.DOCUMENTS_MAX_UPLOAD_SIZE and agencies' documents are a few MB. The limits below bound the work
a hostile or broken file can cause (zip bombs, endless PDFs, huge sheets); any parser error becomes a
status, never an exception, so that a broken file can never break an upload.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from itertools import islice

import docx
import filetype
import olefile
import openpyxl
import pypdf
from docx.text.paragraph import Paragraph
from lxml import etree
from odf import teletype
from odf.namespaces import TEXTNS
from odf.opendocument import load as load_odf

from core.text import normalize

from .archive_limits import expansion_problem
from .enums import DocumentFormat, ExtractionStatus

MAX_TEXT_CHARS = 2_000_000
MAX_PDF_PAGES = 500
MAX_SHEET_ROWS = 100_000
MAX_SHEET_COLUMNS = 1_000
# Declared sizes bound what zipfile will inflate, so they can be checked before anything is read.
MAX_UNZIPPED_SIZE = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": DocumentFormat.ODT,
    "application/vnd.oasis.opendocument.spreadsheet": DocumentFormat.ODS,
    "application/vnd.oasis.opendocument.presentation": DocumentFormat.ODP,
}
OOXML_PARTS = (("word/", DocumentFormat.DOCX), ("xl/", DocumentFormat.XLSX), ("ppt/", DocumentFormat.PPTX))
OLE2_STREAMS = (
    ("WordDocument", DocumentFormat.DOC),
    ("Workbook", DocumentFormat.XLS),
    ("Book", DocumentFormat.XLS),
    ("PowerPoint Document", DocumentFormat.PPT),
)
# Content that would be rendered or run if a browser or a user were fooled by its name.
MARKUP_TAGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<iframe")
EXECUTABLE_MIMETYPES = {"application/x-msdownload", "application/x-executable"}
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
DRAWINGML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PPTX_SLIDE = re.compile(r"ppt/slides/slide(\d+)\.xml")
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class Content:
    """A file's real format ("" when it is none the portal accepts) and words for it in messages."""

    format: str
    description: str


@dataclass(frozen=True)
class Inspection:
    format: str
    status: str
    text: str = ""
    page_count: int | None = None


class ExtractionError(Exception):
    """The file is of a known format but too big inside to be read safely."""


def identify(data, extension=""):
    """The format the content is; the extension only tells CSV from plain text, which content cannot."""
    content = _sniff(data)
    if content.format == DocumentFormat.TXT and extension == DocumentFormat.CSV:
        return Content(DocumentFormat.CSV, "tệp CSV")
    return content


def inspect(data, extension=""):
    """The format, the (NFC, capped) text and the page count of a file; never raises."""
    content = identify(data, extension)
    if not content.format:
        return Inspection("", ExtractionStatus.FAILED)
    extractor = EXTRACTORS.get(content.format)
    if extractor is None:
        return Inspection(content.format, ExtractionStatus.UNSUPPORTED)
    try:
        chunks, page_count = extractor(data)
        text = _collect(chunks)
    except Exception:  # parsers fail in many ways on broken files; each means "unreadable"
        return Inspection(content.format, ExtractionStatus.FAILED)
    status = ExtractionStatus.EXTRACTED if text else ExtractionStatus.NO_TEXT
    return Inspection(content.format, status, text, page_count)


def _sniff(data):
    if not data:
        return Content("", "tệp rỗng")
    if data.startswith(b"%PDF-"):
        return _accepted(DocumentFormat.PDF)
    if data.startswith(b"{\\rtf"):
        return _accepted(DocumentFormat.RTF)
    if data.startswith(OLE2_MAGIC):
        return _sniff_ole2(data)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if _is_markup(data):
        return Content("", "trang HTML")
    if _is_utf8_text(data):
        return _accepted(DocumentFormat.TXT)
    return Content("", _describe_foreign(data))


def _accepted(file_format):
    return Content(file_format, f"tệp {file_format.upper()}")


def _sniff_zip(data):
    """ODF names its kind in a first entry "mimetype"; OOXML has a content-types part and a main folder."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if entries and entries[0].filename == "mimetype" and entries[0].file_size <= 100:
                mimetype = archive.read(entries[0]).decode("ascii", "replace").strip()
                return (
                    _accepted(ODF_MIMETYPES[mimetype])
                    if mimetype in ODF_MIMETYPES
                    else Content("", "tệp ODF loại khác")
                )
    except Exception:  # any failure to read the directory means a broken archive
        return Content("", "tệp ZIP bị hỏng")
    names = [entry.filename for entry in entries]
    if "[Content_Types].xml" in names:
        for prefix, file_format in OOXML_PARTS:
            if any(name.startswith(prefix) for name in names):
                return _accepted(file_format)
        return Content("", "tệp Office Open XML loại khác")
    return _accepted(DocumentFormat.ZIP)


def _sniff_ole2(data):
    """Legacy Office files are OLE2 containers told apart by their main stream; installers (MSI) are too."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            for stream, file_format in OLE2_STREAMS:
                if ole.exists(stream):
                    return _accepted(file_format)
    except Exception:  # any failure to read the container means a broken file
        return Content("", "tệp OLE2 bị hỏng")
    return Content("", "tệp OLE2 loại khác (như bộ cài MSI)")


def _is_markup(data):
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and any(tag in head for tag in MARKUP_TAGS)


def _is_utf8_text(data):
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _describe_foreign(data):
    kind = filetype.guess(data)
    if kind is None:
        # Legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258) still turn up in agencies' files.
        return "dữ liệu không rõ định dạng" if b"\x00" in data else "văn bản không dùng mã Unicode UTF-8"
    if kind.mime in EXECUTABLE_MIMETYPES:
        return "tệp thực thi (chương trình)"
    if kind.mime.startswith("image/"):
        return f"ảnh {kind.extension.upper()}"
    return f"tệp {kind.extension.upper()}"


def _collect(chunks):
    """Join text until the cap, in the form the portal stores (NFC, no control characters)."""
    parts, size = [], 0
    for chunk in chunks:
        parts.append(chunk)
        size += len(chunk)
        if size >= MAX_TEXT_CHARS:
            break
    text = normalize("\n".join(parts).replace("\r\n", "\n").replace("\r", "\n"))
    return CONTROL_CHARS.sub("", text).strip()[:MAX_TEXT_CHARS]


def _check_zip(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNZIPPED_SIZE:
        raise ExtractionError("archive expands beyond the limits")
    if expansion_problem(data):  # documents/archive_limits.py: parsed XML and compression ratio
        raise ExtractionError("archive expands beyond the limits")


def _pdf(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")  # Many published PDFs are "encrypted" with an empty password against editing.
    pages = reader.pages
    return (page.extract_text() for page in islice(pages, MAX_PDF_PAGES)), len(pages)


def _odf(data):
    _check_zip(data)
    return _odf_paragraphs(load_odf(io.BytesIO(data)).body), None


def _odf_paragraphs(root):
    """Paragraphs and headings in document order: table cells, list items and slides hold them too."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.nodeType != node.ELEMENT_NODE:
            continue
        if node.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            yield teletype.extractText(node)
        else:
            stack.extend(reversed(node.childNodes))


def _docx(data):
    _check_zip(data)
    return _docx_blocks(docx.Document(io.BytesIO(data))), None


def _docx_blocks(container):
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
            continue
        seen = set()  # merged cells come back once per grid position
        for row in block.rows:
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.add(cell._tc)
                    yield from _docx_blocks(cell)


def _xlsx(data):
    _check_zip(data)
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    return _xlsx_rows(workbook), None


def _xlsx_rows(workbook):
    try:
        for sheet in workbook.worksheets:
            yield sheet.title
            sheet.reset_dimensions()  # the declared size is often wrong, and a hostile one is huge
            rows = sheet.iter_rows(max_col=MAX_SHEET_COLUMNS, values_only=True)
            for row in islice(rows, MAX_SHEET_ROWS):
                values = [str(value) for value in row if value is not None]
                if values:
                    yield "\t".join(values)
    finally:
        workbook.close()


def _pptx(data):
    _check_zip(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        slides = sorted((int(m[1]), m[0]) for name in archive.namelist() if (m := PPTX_SLIDE.fullmatch(name)))
        texts = [_slide_text(archive.read(name)) for _, name in slides]
    return texts, None


def _slide_text(xml):
    root = etree.fromstring(xml, parser=XML_PARSER)
    paragraphs = (
        "".join(run.text or "" for run in p.iter(f"{DRAWINGML}t")) for p in root.iter(f"{DRAWINGML}p")
    )
    return "\n".join(paragraphs)


def _plain_text(data):
    return [data.decode("utf-8-sig")], None


EXTRACTORS = {
    DocumentFormat.PDF: _pdf,
    DocumentFormat.ODT: _odf,
    DocumentFormat.ODS: _odf,
    DocumentFormat.ODP: _odf,
    DocumentFormat.DOCX: _docx,
    DocumentFormat.XLSX: _xlsx,
    DocumentFormat.PPTX: _pptx,
    DocumentFormat.TXT: _plain_text,
    DocumentFormat.CSV: _plain_text,
}

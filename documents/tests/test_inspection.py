"""A file's format is read from its content, and its text is read out, capped and stored in NFC."""

import unicodedata

import pytest

from documents import inspection
from documents.enums import DocumentFormat, ExtractionStatus
from documents.inspection import identify, inspect

from . import files


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (files.pdf(files.PDF_TEXT), DocumentFormat.PDF),
        (files.odt(), DocumentFormat.ODT),
        (files.ods("Biểu số 1"), DocumentFormat.ODS),
        (files.odp(), DocumentFormat.ODP),
        (files.docx_file("Công văn"), DocumentFormat.DOCX),
        (files.xlsx(["Đơn vị", "Số"]), DocumentFormat.XLSX),
        (files.pptx("Báo cáo"), DocumentFormat.PPTX),
        (files.ole2("WordDocument"), DocumentFormat.DOC),
        (files.ole2("Workbook"), DocumentFormat.XLS),
        (files.ole2("PowerPoint Document"), DocumentFormat.PPT),
        (b"{\\rtf1\\ansi Thong bao}", DocumentFormat.RTF),
        ("Thông báo lịch tiếp công dân".encode(), DocumentFormat.TXT),
        (files.zip_file({"ho-so/to-trinh.txt": "Tờ trình"}), DocumentFormat.ZIP),
    ],
)
def test_format_is_read_from_content(data, expected):
    assert identify(data).format == expected


def test_csv_and_plain_text_share_content_so_the_extension_decides():
    data = "Đơn vị,Số cán bộ\nVăn phòng,12\n".encode()
    assert identify(data, "csv").format == DocumentFormat.CSV
    assert identify(data, "txt").format == DocumentFormat.TXT


@pytest.mark.parametrize(
    ("data", "description"),
    [
        (b"MZ\x90\x00" + bytes(300), "tệp thực thi (chương trình)"),
        (b"\x7fELF\x02\x01\x01" + bytes(300), "tệp thực thi (chương trình)"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html><body>Cong van</body></html>", "trang HTML"),
        (b"\x89PNG\r\n\x1a\n" + bytes(40), "ảnh PNG"),
        (b"PK\x03\x04 truncated download", "tệp ZIP bị hỏng"),
        (files.ole2("SummaryInformation"), "tệp OLE2 loại khác (như bộ cài MSI)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "tệp OLE2 bị hỏng"),
        (b"Quy\xd5t \xae\xdenh", "văn bản không dùng mã Unicode UTF-8"),  # TCVN3 (.VnTime) bytes
        (b"", "tệp rỗng"),
    ],
)
def test_content_of_no_accepted_format_is_named_for_the_editor(data, description):
    assert identify(data) == inspection.Content("", description)


def test_pdf_text_of_every_page_and_page_count():
    result = inspect(files.pdf(files.PDF_TEXT, "Trang 2 cua van ban"), "pdf")
    assert result.status == ExtractionStatus.EXTRACTED
    assert result.text == f"{files.PDF_TEXT}\nTrang 2 cua van ban"
    assert result.page_count == 2


def test_pdf_without_text_layer_is_a_scan():
    result = inspect(files.scanned_pdf(), "pdf")
    assert (result.format, result.status, result.text, result.page_count) == (
        DocumentFormat.PDF,
        ExtractionStatus.NO_TEXT,
        "",
        1,
    )


def test_odt_text_of_headings_paragraphs_and_table_cells():
    result = inspect(files.odt(), "odt")
    assert result.status == ExtractionStatus.EXTRACTED
    assert result.text.splitlines() == [files.ODT_HEADING, files.ODT_BODY, files.ODT_CELL]


def test_ods_cells():
    assert inspect(files.ods("Thư điện tử", "Cổng thông tin"), "ods").text == "Thư điện tử\nCổng thông tin"


def test_docx_paragraphs_and_tables():
    result = inspect(files.docx_file("Quyết định số 217/QĐ-UBND", "Người ký", "Chủ tịch"), "docx")
    assert result.text.splitlines() == ["Quyết định số 217/QĐ-UBND", "Người ký", "Chủ tịch"]


def test_xlsx_sheet_title_and_values():
    result = inspect(files.xlsx(["Đơn vị", "Số cán bộ"], ["Văn phòng", 12]), "xlsx")
    assert result.text.splitlines() == ["Số liệu", "Đơn vị\tSố cán bộ", "Văn phòng\t12"]


def test_pptx_slides_in_order():
    assert inspect(files.pptx("Mục tiêu", "Kết quả"), "pptx").text == "Mục tiêu\nKết quả"


@pytest.mark.parametrize("stream", ["WordDocument", "Workbook", "PowerPoint Document"])
def test_legacy_office_files_are_accepted_but_not_read(stream):
    result = inspect(files.ole2(stream))
    assert result.status == ExtractionStatus.UNSUPPORTED
    assert result.text == ""


def test_text_is_stored_in_nfc_without_control_characters():
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân\x0c tỉnh\x1b")
    assert inspect(decomposed.encode(), "txt").text == "Ủy ban nhân dân tỉnh"


def test_text_is_capped(monkeypatch):
    monkeypatch.setattr(inspection, "MAX_TEXT_CHARS", 10)
    assert inspect(("Điều khoản " * 5).encode(), "txt").text == "Điều khoản"


def test_zip_bomb_is_not_inflated(monkeypatch):
    monkeypatch.setattr(inspection, "MAX_UNZIPPED_SIZE", 1_000)
    result = inspect(files.docx_file("Nội dung dài " * 200), "docx")
    assert (result.format, result.status) == (DocumentFormat.DOCX, ExtractionStatus.FAILED)


def test_pdf_pages_beyond_the_limit_are_counted_not_read(monkeypatch):
    monkeypatch.setattr(inspection, "MAX_PDF_PAGES", 1)
    result = inspect(files.pdf("Trang mot", "Trang hai"), "pdf")
    assert (result.text, result.page_count) == ("Trang mot", 2)


@pytest.mark.parametrize(
    ("data", "extension", "expected_format"),
    [
        (b"PK\x03\x04 truncated download", "zip", ""),
        (b"%PDF-1.4 cut off before the first object", "pdf", DocumentFormat.PDF),
        (
            files.zip_file({"[Content_Types].xml": "<Types/>", "word/document.xml": "<not-closed"}),
            "docx",
            "docx",
        ),
        (
            files.zip_file({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x"}),
            "odt",
            "odt",
        ),
    ],
)
def test_broken_file_is_a_status_not_an_exception(data, extension, expected_format):
    result = inspect(data, extension)
    assert (result.format, result.status, result.text) == (expected_format, ExtractionStatus.FAILED, "")

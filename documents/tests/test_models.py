"""Every saved file is inspected once, when it is set or replaced, and the result is on the document."""

import io

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import Collection

from documents.enums import DocumentFormat, ExtractionStatus
from documents.models import PortalDocument

from . import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def root_collection():
    return Collection.get_first_root_node()


def document_with(name, data):
    return wagtail_factories.DocumentFactory(title=name, file__filename=name, file__data=data)


def test_saved_pdf_carries_format_text_and_pages():
    document = PortalDocument.objects.get(pk=document_with("nd-43.pdf", files.pdf(files.PDF_TEXT)).pk)
    assert document.detected_format == DocumentFormat.PDF
    assert document.extraction_status == ExtractionStatus.EXTRACTED
    assert document.extracted_text == files.PDF_TEXT
    assert document.page_count == 1
    assert (document.is_open_format, document.format_label, document.needs_scan_review) == (
        True,
        "PDF",
        False,
    )


def test_scanned_pdf_is_flagged_for_review():
    document = document_with("ban-quet.pdf", files.scanned_pdf())
    assert document.extraction_status == ExtractionStatus.NO_TEXT
    assert document.needs_scan_review
    assert document.is_open_format


def test_odt_is_open_and_its_vietnamese_text_is_stored():
    document = PortalDocument.objects.get(pk=document_with("quy-che.odt", files.odt()).pk)
    assert files.ODT_HEADING in document.extracted_text
    assert (document.is_open_format, document.format_label, document.needs_scan_review) == (
        True,
        "ODT",
        False,
    )


@pytest.mark.parametrize(
    ("name", "data", "label"),
    [
        ("cong-van.docx", files.docx_file("Công văn"), "DOCX"),
        ("so-lieu.xlsx", files.xlsx(["Số liệu"]), "XLSX"),
        ("to-trinh.doc", files.ole2("WordDocument"), "DOC"),
    ],
)
def test_office_formats_are_not_open(name, data, label):
    document = document_with(name, data)
    assert (document.is_open_format, document.format_label) == (False, label)


def test_empty_docx_has_no_text_but_is_no_scan():
    document = document_with("trong.docx", files.docx_file(""))
    assert document.extraction_status == ExtractionStatus.NO_TEXT
    assert not document.needs_scan_review


def test_corrupt_zip_is_saved_with_error_status():
    document = document_with("ho-so.zip", b"PK\x03\x04 truncated download")
    assert (document.detected_format, document.extraction_status) == ("", ExtractionStatus.FAILED)
    assert (document.is_open_format, document.format_label) == (False, "")


def test_file_over_the_cap_is_not_read(settings):
    settings.DOCUMENTS_MAX_UPLOAD_SIZE = 10
    document = document_with("dai.txt", "Văn bản dài hơn giới hạn".encode())
    assert (document.extraction_status, document.extracted_text) == (ExtractionStatus.FAILED, "")


def test_missing_file_is_an_error_status_not_a_crash(root_collection):
    document = PortalDocument(title="Mất tệp", file="documents/khong-con.pdf", collection=root_collection)
    document.save()
    assert document.extraction_status == ExtractionStatus.FAILED


def test_replacing_the_file_reads_the_new_one():
    document = document_with("du-thao.docx", files.docx_file("Dự thảo lần 1"))
    document.file = ContentFile(files.odt(), name="du-thao.odt")
    document.save()
    document.refresh_from_db()
    assert document.detected_format == DocumentFormat.ODT
    assert files.ODT_BODY in document.extracted_text


def test_saving_other_fields_does_not_read_the_file_again():
    document = PortalDocument.objects.get(pk=document_with("ke-hoach.txt", "Kế hoạch".encode()).pk)
    PortalDocument.objects.filter(pk=document.pk).update(extracted_text="đã sửa tay")
    document.refresh_from_db()
    document.title = "Kế hoạch năm 2026"
    document.save()
    document.get_file_hash()  # Wagtail saves with update_fields=["file_hash"]
    document.refresh_from_db()
    assert document.extracted_text == "đã sửa tay"


def test_command_reads_files_uploaded_before_the_checks():
    document = document_with("thong-bao.txt", "Thông báo".encode())
    PortalDocument.objects.filter(pk=document.pk).update(
        extraction_status=ExtractionStatus.PENDING, detected_format="", extracted_text=""
    )
    out = io.StringIO()
    call_command("inspect_documents", stdout=out)
    assert out.getvalue().strip() == "Đã xử lý 1 tệp."
    document.refresh_from_db()
    assert (document.detected_format, document.extraction_status) == (
        DocumentFormat.TXT,
        ExtractionStatus.EXTRACTED,
    )
    assert document.extracted_text == "Thông báo"

"""Zip bombs (documents/archive_limits.py): refused from the archive's directory, before any parser runs."""

import zipfile

import pytest
from wagtail.documents.forms import get_document_form

from documents import archive_limits, inspection
from documents.bounded import bounded_inspect
from documents.enums import DocumentFormat, ExtractionStatus
from documents.inspection import inspect
from documents.models import PortalDocument
from feedback.attachments import check_attachment

from . import files

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def bomb():
    return files.zip_bomb_docx(30 * 1024 * 1024)


def test_the_bomb_is_small_on_disk_and_huge_inside(bomb):
    assert len(bomb) < 500 * 1024
    assert sum(entry.file_size for entry in zipfile.ZipFile(files.io.BytesIO(bomb)).infolist()) > 25 * 2**20


def test_the_upload_form_refuses_a_zip_bomb_with_a_vietnamese_reason(bomb, monkeypatch):
    parsed = []
    monkeypatch.setattr(inspection.docx, "Document", lambda *args: parsed.append(args))
    form = get_document_form(PortalDocument)(
        {"title": "Tờ trình"}, {"file": files.upload("to-trinh.docx", bomb)}
    )
    assert not form.is_valid()
    (error,) = form.errors["file"]
    assert error.startswith("Tệp «to-trinh.docx» không được nhận: phần văn bản khi giải nén lên tới 3")
    assert "zip bomb" in error
    assert not parsed and not PortalDocument.objects.exists()


def test_a_citizens_attachment_that_is_a_zip_bomb_is_refused(bomb):
    with pytest.raises(Exception, match="không được nhận: phần văn bản khi giải nén"):
        check_attachment(files.upload("don-kien-nghi.docx", bomb))


def test_inspection_never_parses_a_bomb(bomb, monkeypatch):
    monkeypatch.setattr(inspection.docx, "Document", lambda *args: pytest.fail("parsed"))
    result = inspect(bomb, "docx")
    assert (result.format, result.status) == (DocumentFormat.DOCX, ExtractionStatus.FAILED)


def test_an_abnormal_compression_ratio_is_refused():
    data = files.zip_file({"[Content_Types].xml": "<Types/>", "word/media/anh.png": "\0" * (2 * 2**20)})
    assert archive_limits.expansion_problem(data).startswith("tỉ lệ nén bất thường")


def test_too_many_entries_and_total_size_are_refused(monkeypatch):
    monkeypatch.setattr(archive_limits, "MAX_ENTRIES", 3)
    many = files.zip_file({f"word/p{n}.xml": "<p/>" for n in range(4)})
    assert archive_limits.expansion_problem(many).startswith("tệp nén chứa quá nhiều thành phần")
    monkeypatch.setattr(archive_limits, "MAX_EXPANDED", 1000)
    big = files.zip_file({"word/media/a.bin": bytes(range(256)) * 8})
    assert archive_limits.expansion_problem(big).startswith("khi giải nén tệp lên tới")


@pytest.mark.parametrize(
    "data",
    [files.docx_file("Quyết định", "Ô 1"), files.xlsx(["Số liệu", 1]), files.pptx("Trang 1"), files.odt()],
    ids=["docx", "xlsx", "pptx", "odt"],
)
def test_ordinary_office_files_pass(data):
    assert archive_limits.expansion_problem(data) is None
    assert archive_limits.expansion_problem(b"%PDF-1.4 not a zip") is None


# The time and memory budget (documents/bounded.py) ---------------------------------------------------------
def slow_extractor(data):
    import time

    time.sleep(30)
    return [], None


def greedy_extractor(data):
    hog = bytearray(2 * 1024 * 1024 * 1024)  # far past the child's address-space limit
    return [str(len(hog))], None


def test_an_extraction_past_its_time_budget_is_stopped_and_the_file_is_unreadable(monkeypatch, settings):
    settings.DOCUMENTS_EXTRACTION_SECONDS = 0.5
    monkeypatch.setitem(inspection.EXTRACTORS, DocumentFormat.DOCX, slow_extractor)
    result = bounded_inspect(files.docx_file("Quyết định"), "docx")
    assert (result.format, result.status) == (DocumentFormat.DOCX, ExtractionStatus.FAILED)


def test_an_extraction_past_its_memory_budget_fails_in_the_child_only(monkeypatch, settings):
    settings.DOCUMENTS_EXTRACTION_MEMORY = 200 * 1024 * 1024
    monkeypatch.setitem(inspection.EXTRACTORS, DocumentFormat.DOCX, greedy_extractor)
    result = bounded_inspect(files.docx_file("Quyết định"), "docx")
    assert (result.format, result.status) == (DocumentFormat.DOCX, ExtractionStatus.FAILED)


def test_an_ordinary_file_is_read_within_the_budget():
    result = bounded_inspect(files.docx_file("Quyết định về việc ban hành quy chế"), "docx")
    assert result.status == ExtractionStatus.EXTRACTED
    assert "Quyết định về việc ban hành quy chế" in result.text


def test_the_admin_upload_of_a_slow_file_is_stored_as_unreadable(admin_client, monkeypatch, settings):
    from django.urls import reverse

    settings.DOCUMENTS_EXTRACTION_SECONDS = 0.5
    monkeypatch.setitem(inspection.EXTRACTORS, DocumentFormat.DOCX, slow_extractor)
    upload = files.upload("to-trinh.docx", files.docx_file("Tờ trình"))
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Tờ trình", "file": upload})
    assert response.status_code == 302
    assert PortalDocument.objects.get().extraction_status == ExtractionStatus.FAILED

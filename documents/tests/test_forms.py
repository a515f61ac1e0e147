"""The upload form refuses a file whose content is not what its name says, before anything is stored."""

import pytest
import wagtail_factories
from wagtail.documents.forms import get_document_form

from documents import forms
from documents.enums import DocumentFormat
from documents.models import PortalDocument

from . import files

pytestmark = pytest.mark.django_db


def bound_form(name, data, instance=None):
    form_class = get_document_form(PortalDocument)
    return form_class({"title": name}, {"file": files.upload(name, data)}, instance=instance)


def file_errors(name, data):
    form = bound_form(name, data)
    assert not form.is_valid()
    return form.errors["file"]


def test_wagtail_builds_document_forms_on_the_portal_form():
    assert issubclass(get_document_form(PortalDocument), forms.PortalDocumentForm)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nghi-dinh.pdf", files.pdf(files.PDF_TEXT)),
        ("quy-che.odt", files.odt()),
        ("cong-van.docx", files.docx_file("Công văn")),
        ("so-lieu.xlsx", files.xlsx(["Số liệu"])),
        ("to-trinh.doc", files.ole2("WordDocument")),
        ("danh-sach.csv", "Họ tên,Chức vụ\n".encode()),
    ],
)
def test_file_whose_content_matches_its_name_is_accepted(name, data):
    form = bound_form(name, data)
    assert form.is_valid(), form.errors
    document = form.save()
    assert document.detected_format == name.rsplit(".", 1)[1]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "nghi-dinh.pdf",
            b"<!DOCTYPE html><html><body>Nghi dinh</body></html>",
            "Tệp «nghi-dinh.pdf» không phải PDF: nội dung là trang HTML.",
        ),
        (
            "bao-cao.pdf",
            b"MZ\x90\x00" + bytes(300),
            "Tệp «bao-cao.pdf» không phải PDF: nội dung là tệp thực thi (chương trình).",
        ),
        (
            "van-ban.pdf",
            bytes(range(256)) * 4,
            "Tệp «van-ban.pdf» không phải PDF: nội dung là dữ liệu không rõ định dạng.",
        ),
        (
            "cong-van.pdf",
            files.docx_file("Công văn"),
            "Tệp «cong-van.pdf» không phải PDF: nội dung là tệp DOCX.",
        ),
        (
            "trang-chu.docx",
            b"<html><head><script>alert(1)</script></head></html>",
            "Tệp «trang-chu.docx» không phải DOCX: nội dung là trang HTML.",
        ),
        (
            "ho-so.zip",
            b"PK\x03\x04 truncated download",
            "Tệp «ho-so.zip» không phải ZIP: nội dung là tệp ZIP bị hỏng.",
        ),
        (
            "cai-dat.doc",
            files.ole2("SummaryInformation"),
            "Tệp «cai-dat.doc» không phải DOC: nội dung là tệp OLE2 loại khác (như bộ cài MSI).",
        ),
    ],
)
def test_file_whose_content_disagrees_with_its_name_is_refused(name, data, message):
    (error,) = file_errors(name, data)
    assert error.startswith(message)


def test_wagtail_allows_exactly_the_formats_the_content_checks_know(settings):
    assert sorted(settings.WAGTAILDOCS_EXTENSIONS) == sorted(DocumentFormat.values)


def test_format_outside_the_list_is_refused():
    (error,) = file_errors("chuong-trinh.exe", b"MZ\x90\x00" + bytes(300))
    assert error.startswith("Định dạng tệp không được chấp nhận: «chuong-trinh.exe». Chỉ nhận tệp PDF, ODT")


def test_file_over_the_size_cap_is_refused(settings):
    settings.DOCUMENTS_MAX_UPLOAD_SIZE = 100
    (error,) = file_errors("bao-cao.txt", b"x" * 101)
    assert error.startswith("Tệp «bao-cao.txt» có dung lượng 101")
    assert "vượt mức tối đa 100" in error


def test_refused_upload_stores_nothing():
    form = bound_form("nghi-dinh.pdf", b"<html><body>gia mao</body></html>")
    assert not form.is_valid()
    assert not PortalDocument.objects.exists()


def test_editing_without_a_new_file_does_not_check_the_stored_one():
    """Files stored before the checks existed stay editable (title, tags) until someone replaces them."""
    document = wagtail_factories.DocumentFactory(file__filename="cu.pdf", file__data=b"<html>trang cu</html>")
    data = {"title": "Tài liệu cũ", "collection": document.collection_id}
    form = get_document_form(PortalDocument)(data, {}, instance=document)
    assert form.is_valid(), form.errors


def test_help_text_tells_the_size_cap_and_the_preferred_formats():
    help_text = get_document_form(PortalDocument)().fields["file"].help_text
    assert help_text.startswith("Tối đa 50")
    assert "định dạng mở (ODF" in help_text

"""Uploads through Wagtail's own admin views: checked, read, and followed by the editor's warnings."""

import pytest
from django.contrib.messages import get_messages
from django.urls import resolve, reverse

from documents import views
from documents.enums import ExtractionStatus
from documents.models import PortalDocument

from . import files

pytestmark = pytest.mark.django_db

OPEN_FORMAT_WARNING = "Quy chế khuyến khích sử dụng định dạng mở (ODF"
SCAN_WARNING = "là bản quét, không có lớp chữ"


def add(client, name, data):
    return client.post(
        reverse("wagtaildocs:add"), {"title": name, "file": files.upload(name, data)}, follow=True
    )


def messages_of(response):
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def warnings_in(response):
    return [text for level, text in messages_of(response) if level == "warning"]


@pytest.mark.parametrize(
    ("url_name", "args", "view_class"),
    [
        ("wagtaildocs:add", [], views.DocumentCreateView),
        ("wagtaildocs:edit", [1], views.DocumentEditView),
        ("wagtaildocs:add_multiple", [], views.DocumentMultipleAddView),
        ("wagtaildocs:create_multiple_from_uploaded_document", [1], views.DocumentCreateFromUploadView),
    ],
)
def test_wagtail_document_urls_lead_to_the_portal_views(url_name, args, view_class):
    assert resolve(reverse(url_name, args=args)).func.view_class is view_class


def test_docx_upload_is_stored_with_a_warning_about_open_formats(admin_client):
    response = add(admin_client, "cong-van.docx", files.docx_file("Công văn số 3241/SNV-TT"))
    document = PortalDocument.objects.get()
    assert document.extracted_text == "Công văn số 3241/SNV-TT"
    (warning,) = warnings_in(response)
    assert warning.startswith("Tệp «cong-van.docx» có định dạng DOCX.")
    assert OPEN_FORMAT_WARNING in warning
    assert OPEN_FORMAT_WARNING in response.content.decode()


def test_odt_upload_gets_no_warning(admin_client):
    response = add(admin_client, "quy-che.odt", files.odt())
    assert PortalDocument.objects.get().detected_format == "odt"
    assert [level for level, _ in messages_of(response)] == ["success"]


def test_scanned_pdf_upload_warns_that_its_content_cannot_be_searched(admin_client):
    response = add(admin_client, "ban-quet.pdf", files.scanned_pdf())
    (warning,) = warnings_in(response)
    assert SCAN_WARNING in warning


def test_broken_docx_is_stored_with_an_error_status_and_a_warning(admin_client):
    broken = files.zip_file({"[Content_Types].xml": "<Types/>", "word/document.xml": "<not-closed"})
    response = add(admin_client, "hong.docx", broken)
    assert PortalDocument.objects.get().extraction_status == ExtractionStatus.FAILED
    assert any("Không đọc được nội dung tệp «hong.docx»" in warning for warning in warnings_in(response))


def test_fake_pdf_is_refused_in_vietnamese_and_nothing_is_stored(admin_client):
    response = add(admin_client, "nghi-dinh.pdf", b"<!DOCTYPE html><html><body>Gia mao</body></html>")
    assert response.status_code == 200
    assert "Tệp «nghi-dinh.pdf» không phải PDF: nội dung là trang HTML." in response.content.decode()
    assert not PortalDocument.objects.exists()


def test_bulk_upload_checks_the_file_and_warns_on_the_next_page(admin_client):
    url = reverse("wagtaildocs:add_multiple")
    refused = admin_client.post(url, {"files[]": files.upload("gia.pdf", files.docx_file("Công văn"))})
    assert refused.json() == {
        "success": False,
        "error_message": "Tệp «gia.pdf» không phải PDF: nội dung là tệp DOCX. "
        "Hãy tải lên đúng tệp, hoặc đặt tên tệp theo đúng định dạng của nó.",
    }
    accepted = admin_client.post(url, {"files[]": files.upload("so-lieu.xlsx", files.xlsx(["Số liệu"]))})
    assert accepted.json()["success"]
    index = admin_client.get(reverse("wagtaildocs:index"))
    assert "Tệp «so-lieu.xlsx» có định dạng XLSX." in index.content.decode()
    assert PortalDocument.objects.get().detected_format == "xlsx"


def test_editing_a_document_warns_again_and_shows_its_format_and_status(admin_client):
    add(admin_client, "to-trinh.docx", files.docx_file("Tờ trình"))
    document = PortalDocument.objects.get()
    url = reverse("wagtaildocs:edit", args=[document.pk])
    page = admin_client.get(url).content.decode()
    assert "Văn bản Word (DOCX)" in page and "Đã trích xuất" in page
    response = admin_client.post(url, {"title": "Tờ trình (sửa)"}, follow=True)
    assert any(OPEN_FORMAT_WARNING in warning for warning in warnings_in(response))


def test_replacing_a_docx_with_odt_in_the_edit_view_clears_the_warning(admin_client):
    add(admin_client, "quy-che.docx", files.docx_file("Quy chế"))
    document = PortalDocument.objects.get()
    url = reverse("wagtaildocs:edit", args=[document.pk])
    response = admin_client.post(
        url, {"title": "Quy chế", "file": files.upload("quy-che.odt", files.odt())}, follow=True
    )
    document.refresh_from_db()
    assert document.detected_format == "odt" and files.ODT_HEADING in document.extracted_text
    assert warnings_in(response) == []


def test_upload_spooled_to_a_temporary_file_is_read_and_stored_whole(admin_client, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100
    text = "Biên bản họp Ban biên tập. " * 50
    add(admin_client, "bien-ban.txt", text.encode())
    document = PortalDocument.objects.get()
    assert document.extracted_text == text.strip()
    with document.open_file() as stored:
        assert stored.read() == text.encode()

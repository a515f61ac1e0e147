"""Hostile uploads: refused by content and size in Vietnamese, stored under a clean name, served safely."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from documents.models import PortalDocument
from documents.uploads import safe_filename
from feedback.attachments import attachment_path

from . import files
from .factories import publish_on_its_own

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def add_document(client, name, data):
    return client.post(reverse("wagtaildocs:add"), {"title": name, "file": files.upload(name, data)})


def add_image(client, name, data):
    return client.post(reverse("wagtailimages:add"), {"title": name, "file": files.upload(name, data)})


def png_bytes(size=(4, 4)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def stored(name, data=b"%PDF-1.4\n%%EOF\n"):
    document = PortalDocument(
        title="Tệp", file=ContentFile(data, name=name), collection=Collection.get_first_root_node()
    )
    document.save()
    publish_on_its_own(document)  # public, so that the public download's headers can be checked
    return document


def test_an_html_page_renamed_pdf_is_refused_in_vietnamese(admin_client):
    response = add_document(admin_client, "quyet-dinh.pdf", b"<!DOCTYPE html><html><script>alert(1)</script>")
    assert response.status_code == 200
    assert "Tệp «quyet-dinh.pdf» không phải PDF: nội dung là trang HTML." in response.content.decode()
    assert not PortalDocument.objects.exists()


def test_an_oversize_document_is_refused(admin_client, settings):
    settings.DOCUMENTS_MAX_UPLOAD_SIZE = 1000
    response = add_document(admin_client, "bao-cao.pdf", files.pdf("Báo cáo") + b"\n" + b"0" * 1000)
    assert "vượt mức tối đa 1000\xa0byte" in response.content.decode()
    assert not PortalDocument.objects.exists()


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_an_svg_image_is_refused_whatever_its_name(admin_client, name):
    response = add_image(admin_client, name, SVG)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Không nhận tệp này: chỉ nhận ảnh" in page or "không phải ảnh .png như tên của nó" in page
    assert not get_image_model().objects.exists()


def test_an_oversize_image_is_refused_in_vietnamese(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50
    response = add_image(admin_client, "anh.png", png_bytes())
    assert "vượt mức tối đa 50\xa0byte" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_real_png_is_accepted(admin_client):
    add_image(admin_client, "anh.png", png_bytes())
    assert get_image_model().objects.count() == 1


def test_a_docx_is_downloaded_never_displayed(client):
    document = stored("to-trinh.docx", files.docx_file("Tờ trình"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_pdf_may_be_displayed_in_the_browser(client):
    document = stored("nghi-dinh.pdf", files.pdf("Nghị định"))
    response = client.get(document.url)
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("<script>.pdf", "script.pdf"),
        (".htaccess.pdf", "htaccess.pdf"),
        ("C:\\Users\\van-thu\\Tờ trình\u202e.PDF", "Tờ-trình.pdf"),
    ],
)
def test_a_hostile_filename_is_stored_sanitised(name, expected):
    document = stored(name)
    assert document.file.name == f"documents/{expected}"
    assert document.filename == expected


def test_an_uploaded_document_keeps_a_readable_vietnamese_name(admin_client):
    add_document(admin_client, "Quyết định số 12.pdf", files.pdf("Quyết định"))
    assert PortalDocument.objects.get().filename == "Quyết-định-số-12.pdf"


def test_a_citizens_attachment_gets_the_same_clean_name():
    class Question:
        class _meta:
            model_name = "question"

    path = attachment_path(Question(), "../<script>đơn thư.pdf")
    assert path.startswith("question/") and path.endswith("/script-đơn-thư.pdf")


def test_safe_filename_never_returns_an_empty_or_hidden_name():
    assert safe_filename("...") == "tep"
    assert safe_filename(".pdf") == "pdf"
    assert safe_filename("a\x00b\x1f.txt") == "ab.txt"

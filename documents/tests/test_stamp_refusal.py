"""A file whose text carries a classification stamp is refused, with the reason in Vietnamese, on every route
a file comes in by (docs/requirements.md, Classification): the add view, the chooser's upload tab, the bulk
uploader, the edit view replacing a file, and the legal-documents import. A refused replacement keeps the
stored file, which stays served as it was."""

import csv
from unittest import mock

import pytest
import wagtail_factories
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.tests.factories import body_of
from documents.models import PortalDocument
from legal_docs.importer import HEADER
from legal_docs.models import LegalDocument
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish

from . import files
from .stamped import odt_paragraphs, vietnamese_pdf

pytestmark = pytest.mark.django_db
PLAN = "Kế hoạch bảo vệ bí mật nhà nước năm 2026"


def stamped_odt():
    return odt_paragraphs("ỦY BAN NHÂN DÂN TỈNH", "MẬT", PLAN)


def refusal(name, label="MẬT"):
    return (
        f"Tệp «{name}» mang dấu «{label}»: thông tin có độ mật không được đăng lên cổng "
        "(quy định về bảo vệ bí mật nhà nước), nên không được tải lên."
    )


def page_text(response):
    html = response if isinstance(response, str) else response.content.decode()
    return html.replace("&laquo;", "«").replace("&raquo;", "»")


def test_the_add_view_refuses_a_stamped_file_and_stores_nothing(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Kế hoạch", "file": files.upload("ke-hoach.odt", stamped_odt())}
    )
    assert response.status_code == 200
    assert refusal("ke-hoach.odt") in page_text(response)
    assert not PortalDocument.objects.exists()


def test_the_add_view_takes_the_same_file_without_its_stamp(admin_client):
    clean = odt_paragraphs("ỦY BAN NHÂN DÂN TỈNH", PLAN)
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Kế hoạch", "file": files.upload("ke-hoach-sach.odt", clean)}
    )
    assert response.status_code == 302
    assert PLAN in PortalDocument.objects.get().extracted_text


def test_an_upload_is_read_once_the_form_s_reading_is_stored(admin_client):
    """The form reads the text to look for a stamp; save() stores that reading instead of a second one."""
    with mock.patch("documents.models.bounded_inspect", side_effect=AssertionError("read twice")):
        response = admin_client.post(
            reverse("wagtaildocs:add"), {"title": "Quy chế", "file": files.upload("quy-che.odt", files.odt())}
        )
    assert response.status_code == 302
    assert files.ODT_HEADING in PortalDocument.objects.get().extracted_text


def test_the_choosers_upload_tab_refuses_a_stamped_file(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Công văn 215",
            "document-chooser-upload-file": files.upload("cv-215.pdf", vietnamese_pdf("TỐI MẬT", PLAN)),
        },
    )
    assert refusal("cv-215.pdf", "TỐI MẬT") in page_text(response.json()["htmlFragment"])
    assert not PortalDocument.objects.exists()


def test_the_bulk_uploader_refuses_a_stamped_file_and_takes_a_clean_one(admin_client):
    url = reverse("wagtaildocs:add_multiple")
    stamped = vietnamese_pdf("TUYỆT MẬT", PLAN)
    refused = admin_client.post(url, {"files[]": files.upload("cv-215.pdf", stamped)})
    assert refused.json() == {"success": False, "error_message": refusal("cv-215.pdf", "TUYỆT MẬT")}
    assert not PortalDocument.objects.exists()
    accepted = admin_client.post(url, {"files[]": files.upload("cv-216.pdf", vietnamese_pdf(PLAN))})
    assert accepted.json()["success"]
    assert PortalDocument.objects.count() == 1


@pytest.fixture
def used_file(home_page):
    """A clean file that a live article uses: public."""
    document = wagtail_factories.DocumentFactory(
        title="Kế hoạch", file__filename="ke-hoach-2026.odt", file__data=odt_paragraphs(PLAN)
    )
    section = SectionPageFactory(parent=home_page, slug="tin-tuc")
    body = body_of(("document", {"document": document.pk, "title": ""}))
    publish(ArticlePageFactory(parent=section, body=body))
    return document


def edit_data(document, name, data):
    return {"title": document.title, "collection": document.collection_id, "file": files.upload(name, data)}


def served_bytes(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ke-hoach.odt", stamped_odt(), refusal("ke-hoach.odt")),
        ("ke-hoach.pdf", b"<html><body>Gia mao</body></html>", "không phải PDF: nội dung là trang HTML"),
    ],
    ids=["stamped", "not-what-its-name-says"],
)
def test_replacing_a_used_file_reruns_every_check_and_keeps_the_old_file(
    admin_client, client, used_file, name, data, message
):
    before = served_bytes(client, used_file)
    stored_name = used_file.file.name
    url = reverse("wagtaildocs:edit", args=[used_file.pk])
    response = admin_client.post(url, edit_data(used_file, name, data))
    assert response.status_code == 200
    assert message in page_text(response)
    used_file.refresh_from_db()
    assert used_file.file.name == stored_name
    assert PLAN in used_file.extracted_text
    assert served_bytes(client, used_file) == before  # the public still gets the old, clean file


def test_replacing_a_used_file_with_a_clean_one_is_taken(admin_client, client, used_file):
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[used_file.pk]), edit_data(used_file, "quy-che.odt", files.odt())
    )
    assert response.status_code == 302
    used_file.refresh_from_db()
    assert files.ODT_HEADING in used_file.extracted_text
    with used_file.open_file() as stored:
        assert served_bytes(client, used_file) == stored.read()


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, HEADER, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


def test_the_import_refuses_a_row_with_a_stamped_file_and_writes_nothing(tmp_path):
    folder = tmp_path / "tep"
    folder.mkdir()
    (folder / "qd-217.odt").write_bytes(odt_paragraphs("Độ mật: Tuyệt mật", PLAN))
    (folder / "qd-218.odt").write_bytes(odt_paragraphs(PLAN))
    rows = [
        {
            "number": f"{number}/QĐ-UBND",
            "doc_type": "Quyết định",
            "issuer": "Ủy ban nhân dân tỉnh",
            "issued_on": "12/03/2026",
            "summary": PLAN,
            "files": f"qd-{number}.odt",
        }
        for number in ("218", "217")
    ]
    path = tmp_path / "van-ban.csv"
    write_csv(path, rows)
    with pytest.raises(CommandError) as failure:
        call_command("import_legal_documents", str(path), "--files-dir", str(folder), verbosity=0)
    assert str(failure.value).splitlines()[1:] == [
        f"Dòng 3: tệp «qd-217.odt» không hợp lệ: {refusal('qd-217.odt', 'TUYỆT MẬT')}"
    ]
    assert not LegalDocument.objects.exists() and not PortalDocument.objects.exists()

    write_csv(path, rows[:1])  # the clean row alone goes in
    call_command("import_legal_documents", str(path), "--files-dir", str(folder), verbosity=0)
    assert LegalDocument.objects.get().files.get().document.filename.startswith("qd-218")

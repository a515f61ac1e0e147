"""Attached files: their text is found by search, and downloads show format and size."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat

from documents.models import PortalDocument
from documents.tests import files
from legal_docs.forms import DocumentSearchForm
from legal_docs.models import DocumentFile
from legal_docs.search import find

from .factories import LegalDocumentFactory, LegalDocumentIndexPageFactory, default_site_id

pytestmark = pytest.mark.django_db


def attach(document, name, data):
    stored = PortalDocument(title=name)
    stored.file.save(name, ContentFile(data), save=False)
    stored.save()
    DocumentFile.objects.create(legal_document=document, document=stored)
    document.save_revision().publish()  # publishing folds the files' text into the search index
    return stored


def found(query):
    results, _ = find(DocumentSearchForm({"q": query}).valid_filters(), default_site_id())
    return [document.number for document in results[0:20]]


def test_text_of_a_pdf_and_an_odt_is_found_by_search(home_page):
    decree = LegalDocumentFactory(number="1/2024/NĐ-CP", summary="Văn bản có tệp PDF")
    decision = LegalDocumentFactory(number="2/QĐ-UBND", summary="Văn bản có tệp ODT")
    attach(decree, "nghi-dinh.pdf", files.pdf("Nghi dinh ve hoa don dien tu cho ho kinh doanh"))
    attach(decision, "quyet-dinh.odt", files.odt())
    assert found("hoa don dien tu ho kinh doanh") == ["1/2024/NĐ-CP"]
    assert found("quy che su dung he thong thu dien tu") == ["2/QĐ-UBND"]  # words only in the ODT


def test_downloads_show_format_and_size(client, home_page):
    LegalDocumentIndexPageFactory(parent=home_page)
    decision = LegalDocumentFactory(number="3/QĐ-UBND")
    stored = attach(decision, "quyet-dinh.odt", files.odt())
    page = BeautifulSoup(client.get("/van-ban/3-qd-ubnd/").content, "html.parser")
    size = filesizeformat(stored.file.size).replace("\xa0", " ")  # a new ODT's size follows the clock
    assert page.select_one(".legal-files li").get_text(" ", strip=True).replace("\xa0", " ") == (
        f"quyet-dinh.odt (ODT, {size})"
    )
    assert stored.extraction_status == "extracted"


def test_admin_list_flags_scanned_files(client, home_page):
    from users.tests.factories import SuperuserFactory

    decision = LegalDocumentFactory(number="4/QĐ-UBND")
    attach(decision, "ban-quet.pdf", files.scanned_pdf())
    client.force_login(SuperuserFactory())
    listing = client.get("/admin/snippets/legal_docs/legaldocument/").content.decode()
    assert "1 tệp · 1 bản quét" in listing

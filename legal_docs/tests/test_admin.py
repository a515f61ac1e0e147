"""Editors' side: the tabbed edit form, the chooser for related documents and the filtered list."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from legal_docs.enums import ValidityStatus
from users.tests.factories import SuperuserFactory

from .factories import LegalDocumentFactory, document_type

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/snippets/legal_docs/legaldocument/"


@pytest.fixture
def editor_client(client):
    client.force_login(SuperuserFactory())
    return client


def test_edit_form_has_metadata_tab_and_related_document_chooser(editor_client):
    document = LegalDocumentFactory(number="43/2011/NĐ-CP")
    page = editor_client.get(f"{LIST_URL}edit/{document.pk}/").content.decode()
    soup = BeautifulSoup(page, "html.parser")
    tabs = [tab.get_text(strip=True).rstrip("()0123456789") for tab in soup.select('[role="tab"]')]
    assert tabs[:4] == ["Thông tin văn bản", "Toàn văn", "Tệp đính kèm", "Văn bản liên quan"]
    assert "relations-__prefix__-target" in page  # the inline's chooser for the other document


def test_list_filters_by_type_status_and_year(editor_client):
    LegalDocumentFactory(number="1/QĐ-UBND", issued_on=datetime.date(2024, 1, 2))
    expired = LegalDocumentFactory(
        number="2/QĐ-UBND",
        issued_on=datetime.date(2020, 1, 2),
        status=ValidityStatus.EXPIRED,
        status_is_manual=True,
    )
    LegalDocumentFactory(
        number="3/2020/NĐ-CP", doc_type=document_type("Nghị định"), issued_on=datetime.date(2020, 5, 5)
    )

    def listed(**params):
        soup = BeautifulSoup(editor_client.get(LIST_URL, params).content, "html.parser")
        links = (a.get_text(strip=True) for a in soup.select("table.listing tbody td.title a"))
        return sorted(text for text in links if "/" in text)

    assert listed(status=ValidityStatus.EXPIRED) == [expired.number]
    assert len(listed(year=2020)) == 2
    assert listed(doc_type=document_type("Nghị định").pk) == ["3/2020/NĐ-CP"]


def test_saving_a_bad_date_shows_the_vietnamese_message_and_writes_nothing(editor_client):
    form = editor_client.get(f"{LIST_URL}add/")
    assert form.status_code == 200
    response = editor_client.post(
        f"{LIST_URL}add/",
        {
            "number": "9/QĐ-UBND",
            "site": Site.objects.get(is_default_site=True).pk,
            "doc_type": document_type("Quyết định").pk,
            "issuer": 1,
            "issued_on": "2026-05-10",
            "effective_on": "2026-05-01",
            "status": ValidityStatus.IN_FORCE,
            "summary": "Về việc thử",
            "files-TOTAL_FORMS": 0,
            "files-INITIAL_FORMS": 0,
            "files-MIN_NUM_FORMS": 0,
            "files-MAX_NUM_FORMS": 1000,
            "relations-TOTAL_FORMS": 0,
            "relations-INITIAL_FORMS": 0,
            "relations-MIN_NUM_FORMS": 0,
            "relations-MAX_NUM_FORMS": 1000,
        },
    )
    assert "Ngày có hiệu lực không được trước ngày ban hành." in response.content.decode()
    from legal_docs.models import LegalDocument

    assert not LegalDocument.objects.filter(number="9/QĐ-UBND").exists()


def _admin_search_fixtures():
    LegalDocumentFactory(
        number="43/2011/NĐ-CP",
        issued_on=datetime.date(2011, 6, 13),
        summary="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
    )
    LegalDocumentFactory(
        number="2154/QĐ-UBND",
        issued_on=datetime.date(2023, 8, 1),
        summary="Phê duyệt kế hoạch lựa chọn nhà thầu",
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("43-2011-nd-cp", ["43/2011/NĐ-CP"]),
        ("dich vu cong truc tuyen", ["43/2011/NĐ-CP"]),
        ("nha thau", ["2154/QĐ-UBND"]),
    ],
)
def test_list_search_uses_the_documents_own_index(editor_client, query, expected):
    """Not in Wagtail's search index: the list finds documents by number spelling and unaccented words."""
    _admin_search_fixtures()
    soup = BeautifulSoup(editor_client.get(LIST_URL, {"q": query}).content, "html.parser")
    found = [a.get_text(strip=True) for a in soup.select("table.listing tbody td.title a")]
    assert [text for text in found if "/" in text] == expected


def test_chooser_search_finds_a_document_by_number_without_diacritics(editor_client):
    _admin_search_fixtures()
    response = editor_client.get(
        "/admin/snippets/choose/legal_docs/legaldocument/results/", {"q": "43/2011/ND-CP"}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "43/2011/NĐ-CP" in text and "2154/QĐ-UBND" not in text

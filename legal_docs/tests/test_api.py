"""GET /api/van-ban/: the same documents, in the same order, as the public search page."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from legal_docs.forms import DocumentSearchForm
from legal_docs.importer import import_documents
from legal_docs.search import find

from .factories import LegalDocumentFactory, LegalDocumentIndexPageFactory, default_site_id, issuer
from .test_import import GOOD_ROWS, write_csv

pytestmark = pytest.mark.django_db
API = "/api/van-ban/"


@pytest.fixture
def library(tmp_path, home_page):
    folder = tmp_path / "tep"
    folder.mkdir()
    (folder / "nd-43-2011.pdf").write_bytes(b"%PDF-1.4\n% Nghi dinh 43/2011/ND-CP\n")
    (folder / "nd-42-2022.pdf").write_bytes(b"%PDF-1.4\n% Nghi dinh 42/2022/ND-CP\n")
    import_documents(write_csv(tmp_path, GOOD_ROWS), files_dir=folder)
    for n in range(30):
        LegalDocumentFactory(
            number=f"{100 + n}/QĐ-UBND",
            issuer=issuer("Ủy ban nhân dân tỉnh"),
            issued_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
            effective_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
            summary=f"Quyết định về việc phê duyệt kế hoạch lựa chọn nhà thầu dự án số {n}",
        )
    return LegalDocumentIndexPageFactory(parent=home_page)


def expected(params):
    form = DocumentSearchForm(params)
    results, _facets = find(form.valid_filters() if params else {}, default_site_id())
    return results


QUERIES = [
    {},
    {"q": "43/2011/ND-CP"},
    {"q": "dich vu cong truc tuyen"},
    {"q": "ke hoach lua chon nha thau", "year": "2024"},
    {"q": '"cổng thông tin điện tử"'},
    {"type": "nghi-dinh"},
    {"issuer": "chinh-phu", "status": "expired"},
    {"type": "quyet-dinh", "page": "2"},
    {"field": "cong-nghe-thong-tin", "sort": "oldest"},
]


@pytest.mark.parametrize("params", QUERIES)
def test_results_match_the_search_and_the_public_page(client, library, params):
    response = client.get(API, params)
    assert response.status_code == 200
    data = response.json()
    results = expected(params)
    page = int(params.get("page", 1))
    assert data["count"] == results.count()
    assert [item["number"] for item in data["results"]] == [
        document.number for document in results[(page - 1) * 20 : page * 20]
    ]
    page_response = client.get(library.url, params)
    assert page_response.status_code == 200
    page_obj = page_response.context["page_obj"]
    assert data["count"] == page_obj.paginator.count
    assert [item["number"] for item in data["results"]] == [document.number for document in page_obj]
    assert (data["next"] is not None) == page_obj.has_next()
    assert (data["previous"] is not None) == page_obj.has_previous()


def test_document_fields_iso_dates_urls_and_files(client, library):
    data = client.get(API, {"q": "43/2011/NĐ-CP"}).json()
    assert data["count"] == 1 and data["next"] is None and data["previous"] is None
    item = data["results"][0]
    assert item["number"] == "43/2011/NĐ-CP"
    assert item["doc_type"] == "Nghị định" and item["issuer"] == "Chính phủ"
    assert item["signer"] == "Nguyễn Tấn Dũng"
    assert (item["issued_on"], item["effective_on"], item["expires_on"]) == ("2011-06-13", "2011-08-01", None)
    assert (item["status"], item["status_label"]) == ("expired", "Hết hiệu lực toàn bộ")
    assert item["url"] == "http://testserver/van-ban/43-2011-nd-cp/"
    assert client.get(item["url"]).status_code == 200
    [attachment] = item["files"]
    assert attachment["format"] == "pdf" and attachment["size"] == len(
        b"%PDF-1.4\n% Nghi dinh 43/2011/ND-CP\n"
    )
    assert attachment["url"].startswith("http://testserver/documents/")
    assert client.get(attachment["url"]).status_code == 200


def test_next_and_previous_are_absolute_and_keep_the_filters(client, library):
    data = client.get(API, {"type": "quyet-dinh"}).json()
    assert data["count"] == 32 and len(data["results"]) == 20 and data["previous"] is None
    url = urlparse(data["next"])
    assert (url.scheme, url.netloc, url.path) == ("http", "testserver", API)
    assert parse_qs(url.query) == {"type": ["quyet-dinh"], "page": ["2"]}
    second = client.get(data["next"]).json()
    assert len(second["results"]) == 12 and second["next"] is None
    assert parse_qs(urlparse(second["previous"]).query) == {"type": ["quyet-dinh"], "page": ["1"]}


def test_url_is_null_without_an_index_page(client, db, tmp_path):
    LegalDocumentFactory(number="5/QĐ-UBND")
    [item] = client.get(API).json()["results"]
    assert item["url"] is None


@pytest.mark.parametrize(
    "written", ["quyet-dinh", "Quyết định", "quyet dinh", "QUYẾT ĐỊNH", "Quyet-Dinh", "Quyết định "]
)
def test_a_filter_takes_the_name_as_people_write_it_or_the_slug(client, library, written):
    """`?type=Thông tư` as well as `?type=thong-tu` (any case, with or without diacritics)."""
    response = client.get(API, {"type": written})
    assert response.status_code == 200
    assert response.json()["results"] == client.get(API, {"type": "quyet-dinh"}).json()["results"] != []


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"issued_from": "31/02/2024"}, "issued_from", "Ngày không hợp lệ"),
        ({"issued_from": "2024-03-01", "issued_to": "2024-02-01"}, "issued_to", "Ngày kết thúc phải sau"),
        ({"type": "khong-co-loai-nay"}, "type", "Hãy chọn"),
        ({"status": "het-han"}, "status", "Hãy chọn"),
        ({"year": "hai nghìn"}, "year", "Nhập một số"),
        ({"year": "1800"}, "year", "1945"),
        ({"page": "hai"}, "page", "Số trang không hợp lệ"),
        ({"loai": "nghi-dinh"}, "loai", "Tham số không được hỗ trợ"),
    ],
)
def test_invalid_values_are_reported_in_vietnamese(client, library, params, field, message):
    response = client.get(API, params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors and message in " ".join(errors[field])
    assert "charset=utf-8" in response["Content-Type"] or response.charset == "utf-8"


def test_a_page_past_the_end_is_not_found(client, library):
    response = client.get(API, {"page": "99"})
    assert response.status_code == 404
    assert response.json()["errors"]["page"] == ["Trang này không có kết quả."]


def test_query_count_does_not_grow_with_results(client, library):
    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            data = client.get(API, params).json()
        return len(captured), len(data["results"]), sum(len(item["files"]) for item in data["results"])

    few = queries({"type": "nghi-dinh"})  # 2 documents, both with a file
    many = queries({})  # a full page of 20
    words = queries({"q": "quy dinh cung cap thong tin"})
    assert few[1] == 2 and few[2] == 2 and many[1] == 20
    assert many[0] <= few[0]
    assert words[1] >= 2 and words[0] <= few[0] + 2  # full-text search adds its own count query

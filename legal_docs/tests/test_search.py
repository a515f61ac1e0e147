"""Search semantics with real documents: numbers in any spelling, words with or without diacritics."""

import datetime
import unicodedata

import pytest

from core.tests.factories import SubjectAreaFactory
from legal_docs.enums import ValidityStatus
from legal_docs.forms import DocumentSearchForm
from legal_docs.search import find

from .factories import LegalDocumentFactory, default_site_id, document_type, issuer

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    area = SubjectAreaFactory(name="Công nghệ thông tin", slug="cong-nghe-thong-tin")
    nd43 = LegalDocumentFactory(
        number="43/2011/NĐ-CP",
        doc_type=document_type("Nghị định"),
        issuer=issuer("Chính phủ"),
        signer="Nguyễn Tấn Dũng",
        issued_on=datetime.date(2011, 6, 13),
        effective_on=datetime.date(2011, 8, 1),
        summary="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử "
        "hoặc cổng thông tin điện tử của cơ quan nhà nước",
    )
    nd43.subject_areas.add(area)
    nd43.save()  # a ParentalManyToManyField is written on save
    tt24 = LegalDocumentFactory(
        number="24/2011/TT-BTTTT",
        doc_type=document_type("Thông tư"),
        issuer=issuer("Bộ Thông tin và Truyền thông"),
        signer="Nguyễn Minh Hồng",
        issued_on=datetime.date(2011, 9, 20),
        effective_on=datetime.date(2011, 11, 5),
        summary="Quy định về việc tạo lập, sử dụng và lưu trữ dữ liệu đặc tả trên trang thông tin điện tử",
    )
    mail = LegalDocumentFactory(
        number="2154/QĐ-UBND",
        issuer=issuer("Ủy ban nhân dân tỉnh"),
        signer="Trần Văn Phúc",
        issued_on=datetime.date(2013, 10, 4),
        effective_on=datetime.date(2013, 10, 4),
        summary="Quyết định về việc ban hành quy chế sử dụng hệ thống thư điện tử công vụ "
        "của Uỷ ban nhân dân tỉnh",
    )
    plan = LegalDocumentFactory(
        number="2722/QĐ-UBND",
        issuer=issuer("Ủy ban nhân dân tỉnh"),
        issued_on=datetime.date(2019, 12, 2),
        summary="Về việc phê duyệt kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025",
        full_text="Điều 1. Phê duyệt danh mục dự án đầu tư công trọng điểm.",
    )
    return {"nd43": nd43, "tt24": tt24, "mail": mail, "plan": plan}


def numbers(**params):
    form = DocumentSearchForm(params)
    results, _ = find(form.valid_filters(), default_site_id())
    return [document.number for document in results[0:50]]


@pytest.mark.parametrize(
    "spelling",
    [
        "43/2011/NĐ-CP",
        "43/2011/ND-CP",
        "43/2011/nd-cp",
        "43-2011-ND-CP",
        "43/2011/ÐĐ-CP".replace("ÐĐ", "NÐ"),
        " 43 / 2011 / NĐ-CP ",
    ],
)
def test_a_number_in_any_spelling_comes_first(library, spelling):
    assert numbers(q=spelling)[0] == "43/2011/NĐ-CP"


def test_a_bare_number_with_year_finds_the_document(library):
    assert numbers(q="43/2011") == ["43/2011/NĐ-CP"]
    assert numbers(q="2154/2013") == ["2154/QĐ-UBND"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("quyet dinh thu dien tu", "2154/QĐ-UBND"),
        ("QUYẾT ĐỊNH THƯ ĐIỆN TỬ", "2154/QĐ-UBND"),
        (unicodedata.normalize("NFD", "thư điện tử công vụ"), "2154/QĐ-UBND"),
        ("Ủy ban nhân dân thư điện tử", "2154/QĐ-UBND"),  # stored as "Uỷ ban"
        ("du lieu dac ta", "24/2011/TT-BTTTT"),
        ("đầu tư công trung hạn", "2722/QĐ-UBND"),
        ("danh muc du an trong diem", "2722/QĐ-UBND"),  # words of the full text
    ],
)
def test_words_with_or_without_diacritics(library, query, expected):
    assert numbers(q=query) == [expected]


def test_exact_phrase_in_quotes(library):
    assert set(numbers(q="trang thong tin dien tu")) == {"43/2011/NĐ-CP", "24/2011/TT-BTTTT"}
    assert numbers(q='"cong thong tin dien tu"') == ["43/2011/NĐ-CP"]


def test_filters_combine_with_text(library):
    assert numbers(q="trang thong tin dien tu", type="thong-tu") == ["24/2011/TT-BTTTT"]
    assert numbers(q="trang thong tin dien tu", field="cong-nghe-thong-tin") == ["43/2011/NĐ-CP"]
    assert numbers(q="quyet dinh", issuer="chinh-phu") == []


def test_filters_without_query_list_by_issue_date(library):
    assert numbers(issuer="uy-ban-nhan-dan-tinh") == ["2722/QĐ-UBND", "2154/QĐ-UBND"]
    assert numbers(year="2011") == ["24/2011/TT-BTTTT", "43/2011/NĐ-CP"]
    assert numbers(year="2011", sort="oldest") == ["43/2011/NĐ-CP", "24/2011/TT-BTTTT"]
    assert numbers(issued_from="01/01/2012", issued_to="31/12/2019") == ["2722/QĐ-UBND", "2154/QĐ-UBND"]
    assert numbers(signer="nguyen tan dung") == ["43/2011/NĐ-CP"]


def test_status_filter_and_drafts_hidden(library):
    library["plan"].status_is_manual = True
    library["plan"].status = ValidityStatus.SUSPENDED
    library["plan"].save()
    assert numbers(status=ValidityStatus.SUSPENDED) == ["2722/QĐ-UBND"]
    LegalDocumentFactory(number="99/QĐ-UBND", summary="Bản nháp thư điện tử", live=False)
    assert "99/QĐ-UBND" not in numbers(q="thu dien tu")


def test_bad_filter_values_are_reported_and_ignored(library):
    form = DocumentSearchForm({"issued_from": "31/02/2020", "year": "abc", "type": "khong-co"})
    filters = form.valid_filters()
    assert form.errors["issued_from"] == ["Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 05/01/2026."]
    assert filters == {}
    results, _ = find(filters, default_site_id())
    assert results.count() == 4


def test_facet_counts_follow_the_results(library):
    _, facets = find(DocumentSearchForm({"q": "trang thong tin dien tu"}).valid_filters(), default_site_id())
    assert sum(facets["type"].values()) == 2
    _, facets = find({}, default_site_id())
    assert facets["issuer"][issuer("Ủy ban nhân dân tỉnh").pk] == 2

"""Site-wide search at /tim-kiem/: what the public can find, with and without diacritics."""

import pytest
from bs4 import BeautifulSoup

from core.tests.factories import StandardPageFactory, body_of

pytestmark = pytest.mark.django_db


def result_titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in soup.select("ol.results h2 a")]


@pytest.fixture
def pages(home_page):
    plan = StandardPageFactory(
        parent=home_page,
        title="Kế hoạch đầu tư công trung hạn",
        intro="Kế hoạch giai đoạn 2026 - 2030 của tỉnh.",
    )
    mail = StandardPageFactory(
        parent=home_page,
        title="Hướng dẫn sử dụng thư điện tử công vụ",
        body=body_of(("paragraph", "<p>Quyết định về việc ban hành quy chế sử dụng thư điện tử.</p>")),
    )
    committee = StandardPageFactory(parent=home_page, title="Ủy ban nhân dân tỉnh Ðồng Nai")
    return plan, mail, committee


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kế hoạch đầu tư", "Kế hoạch đầu tư công trung hạn"),
        ("ke hoach dau tu", "Kế hoạch đầu tư công trung hạn"),
        ("KE HOACH DAU TU", "Kế hoạch đầu tư công trung hạn"),
        ("quyet dinh thu dien tu", "Hướng dẫn sử dụng thư điện tử công vụ"),
        ("Uỷ ban dong nai", "Ủy ban nhân dân tỉnh Ðồng Nai"),
        ("đồng nai", "Ủy ban nhân dân tỉnh Ðồng Nai"),
    ],
)
def test_finds_pages_with_or_without_diacritics(client, pages, query, expected):
    assert result_titles(client.get("/tim-kiem/", {"q": query})) == [expected]


def test_all_words_must_match(client, pages):
    assert result_titles(client.get("/tim-kiem/", {"q": "ke hoach thu dien tu"})) == []


def test_draft_and_private_pages_are_not_found(client, home_page):
    from wagtail.models import PageViewRestriction

    draft = StandardPageFactory(parent=home_page, title="Báo cáo mật chưa duyệt")
    draft.unpublish()
    private = StandardPageFactory(parent=home_page, title="Báo cáo nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert result_titles(client.get("/tim-kiem/", {"q": "bao cao"})) == []


def test_result_count_and_pagination(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Thông báo tuyển dụng đợt {number}")
    first = client.get("/tim-kiem/", {"q": "thong bao tuyen dung"})
    assert "Tìm thấy <strong>12</strong> kết quả" in first.content.decode()
    assert len(result_titles(first)) == 10
    second = client.get("/tim-kiem/", {"q": "thong bao tuyen dung", "page": 2})
    assert len(result_titles(second)) == 2
    assert not set(result_titles(first)) & set(result_titles(second))
    assert 'href="?q=thong+bao+tuyen+dung&amp;page=2"' in first.content.decode()


@pytest.mark.parametrize("query", ['"', "*", "AND OR NOT", "'; DROP TABLE x;--", "(", "a" * 1000, "   "])
def test_odd_input_never_breaks_the_page(client, pages, query):
    response = client.get("/tim-kiem/", {"q": query, "page": "abc"})
    assert response.status_code == 200


def test_query_is_escaped_in_the_page(client, pages):
    response = client.get("/tim-kiem/", {"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_no_result_says_so_honestly(client, pages):
    """A query that finds nothing is not an invalid one ("ô tô", a name, a number)."""
    for query in ("ô tô", "Nguyễn Văn Minh", "43/2011/NĐ-CP"):
        text = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert f"Không tìm thấy kết quả nào cho «{query}»" in text and "không hợp lệ" not in text, query
    assert "Hãy nhập ít nhất một chữ cái" in client.get("/tim-kiem/", {"q": "…!!"}).content.decode()


def test_documents_and_officials_come_first_and_a_number_goes_to_its_document(client, pages, home_page):
    from legal_docs.tests.factories import LegalDocumentFactory, LegalDocumentIndexPageFactory
    from organisation.tests.factories import OfficialFactory, OrganisationUnitFactory

    LegalDocumentIndexPageFactory(parent=home_page)
    decree = LegalDocumentFactory(number="43/2011/NĐ-CP", summary="Cung cấp thông tin trên cổng điện tử")
    OfficialFactory(full_name="Nguyễn Văn Minh", position="Giám đốc", unit=OrganisationUnitFactory())
    number = client.get("/tim-kiem/", {"q": "43/2011/ND-CP"})
    assert number.status_code == 302 and number["Location"] == f"/van-ban/{decree.slug}/"
    soup = BeautifulSoup(client.get("/tim-kiem/", {"q": "cong dien tu"}).content, "html.parser")
    links = [a.get_text(" ", strip=True) for a in soup.select("ul.results a")]
    assert len(links) == 1 and links[0].endswith(" 43/2011/NĐ-CP")
    people = BeautifulSoup(client.get("/tim-kiem/", {"q": "minh nguyen"}).content, "html.parser")
    officials = people.find("h2", string="Cán bộ").find_next("ul").get_text(" ", strip=True)
    assert officials.startswith("Nguyễn Văn Minh Giám đốc")


def test_another_sites_pages_are_not_found(client, pages):
    from portal.component_portals import add_component_portal

    commune = add_component_portal("tanlap.ankhanh.gov.vn", "Ủy ban nhân dân xã Tân Lập", "commune").site
    StandardPageFactory(parent=commune.root_page, title="Kế hoạch đầu tư công của xã")
    assert result_titles(client.get("/tim-kiem/", {"q": "ke hoach dau tu"})) == [
        "Kế hoạch đầu tư công trung hạn"
    ]
    on_commune = client.get("/tim-kiem/", {"q": "ke hoach dau tu"}, HTTP_HOST="tanlap.ankhanh.gov.vn")
    assert result_titles(on_commune) == ["Kế hoạch đầu tư công của xã"]

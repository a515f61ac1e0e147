"""Administrative procedures as the public finds and reads them, and the rules on their links."""

import factory
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from core.models import StandardPage, SubjectArea
from core.tests.factories import StandardPageFactory, SubjectAreaFactory
from portal.demo import procedures as demo
from procedures.enums import ImplementationLevel, OnlineServiceLevel
from procedures.models import PER_PAGE, ProcedureIndexPage, ProcedurePage

from .factories import ProcedureIndexPageFactory, ProcedurePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ProcedureIndexPageFactory(parent=home_page)


@pytest.fixture
def registration():
    return SubjectAreaFactory(slug="dang-ky-doanh-nghiep", name="Đăng ký doanh nghiệp")


@pytest.fixture
def investment():
    return SubjectAreaFactory(slug="dau-tu-tai-viet-nam", name="Đầu tư tại Việt Nam")


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(client, index, **params):
    soup = soup_of(client.get(index.url, params))
    return [link.get_text(strip=True) for link in soup.select(".procedure-list h2 a")]


def test_detail_page_shows_every_part_of_the_procedure(client, index, registration):
    procedure = ProcedurePageFactory(
        parent=index,
        title="Đăng ký thành lập doanh nghiệp tư nhân",
        code="1.001612",
        subject_area=registration,
        level=ImplementationLevel.PROVINCE,
        online_level=OnlineServiceLevel.FULL,
        processing_time="03 ngày làm việc",
        fees="Lệ phí: 50.000 đồng/lần",
        agency="Phòng Đăng ký kinh doanh",
        result="Giấy chứng nhận đăng ký doanh nghiệp",
        steps="<ol><li>Nộp hồ sơ qua mạng</li></ol>",
        dossier="<ul><li>Giấy đề nghị đăng ký doanh nghiệp tư nhân</li></ul>",
        legal_basis="<ul><li>Luật Doanh nghiệp số 59/2020/QH14</li></ul>",
    )
    soup = soup_of(client.get(procedure.url))
    facts = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in soup.select(".procedure__facts tr")
    }
    assert facts == {
        "Mã thủ tục": "1.001612",
        "Lĩnh vực": "Đăng ký doanh nghiệp",
        "Cấp thực hiện": "Cấp tỉnh",
        "Dịch vụ công trực tuyến": "Toàn trình",
        "Cơ quan thực hiện": "Phòng Đăng ký kinh doanh",
        "Thời hạn giải quyết": "03 ngày làm việc",
        "Phí, lệ phí": "Lệ phí: 50.000 đồng/lần",
        "Kết quả thực hiện": "Giấy chứng nhận đăng ký doanh nghiệp",
    }
    assert soup.select_one(".procedure__steps li").get_text() == "Nộp hồ sơ qua mạng"
    assert soup.select_one(".procedure__dossier li").get_text() == "Giấy đề nghị đăng ký doanh nghiệp tư nhân"
    assert soup.select_one(".procedure__legal-basis li").get_text() == "Luật Doanh nghiệp số 59/2020/QH14"
    button = soup.select_one("a.procedure__portal")
    assert button.get_text() == "Nộp hồ sơ trực tuyến"
    assert button["href"] == (
        "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001612"
    )


def test_editor_link_wins_and_offline_procedures_are_not_offered_online(client, index):
    procedure = ProcedurePageFactory(
        parent=index,
        online_level=OnlineServiceLevel.OFFLINE,
        fees="",
        public_service_url="https://dichvucong.ankhanh.gov.vn/thu-tuc/123",
    )
    soup = soup_of(client.get(procedure.url))
    button = soup.select_one("a.procedure__portal")
    assert button["href"] == "https://dichvucong.ankhanh.gov.vn/thu-tuc/123"
    assert button.get_text() == "Xem trên Cổng Dịch vụ công quốc gia"
    assert soup.find("th", string="Phí, lệ phí").find_next("td").get_text() == "Không"


@pytest.mark.parametrize("url", ["http://dichvucong.gov.vn/thu-tuc", "ftp://dichvucong.gov.vn/thu-tuc"])
def test_public_service_link_must_be_https(index, url):
    procedure = ProcedurePageFactory.build(public_service_url=url, subject_area=SubjectAreaFactory())
    with pytest.raises(ValidationError) as error:
        procedure.full_clean(exclude=["path", "depth"])
    assert error.value.message_dict["public_service_url"] == [
        "Đường dẫn phải là địa chỉ an toàn, bắt đầu bằng https://."
    ]


def test_code_with_spaces_or_symbols_is_rejected(index):
    procedure = ProcedurePageFactory.build(code="1.001 612?", subject_area=SubjectAreaFactory())
    with pytest.raises(ValidationError) as error:
        procedure.full_clean(exclude=["path", "depth"])
    assert "Mã thủ tục chỉ gồm chữ số" in error.value.message_dict["code"][0]


def test_filters_by_field_and_level(client, index, registration, investment):
    ProcedurePageFactory(
        parent=index,
        title="Đăng ký thành lập hợp tác xã",
        subject_area=registration,
        level=ImplementationLevel.COMMUNE,
    )
    ProcedurePageFactory(parent=index, title="Đăng ký doanh nghiệp tư nhân", subject_area=registration)
    ProcedurePageFactory(parent=index, title="Cấp giấy chứng nhận đăng ký đầu tư", subject_area=investment)

    assert titles(client, index, field="dau-tu-tai-viet-nam") == ["Cấp giấy chứng nhận đăng ký đầu tư"]
    assert titles(client, index, field="dang-ky-doanh-nghiep") == [
        "Đăng ký doanh nghiệp tư nhân",
        "Đăng ký thành lập hợp tác xã",
    ]
    assert titles(client, index, level="commune") == ["Đăng ký thành lập hợp tác xã"]
    assert titles(client, index, field="dang-ky-doanh-nghiep", level="province") == [
        "Đăng ký doanh nghiệp tư nhân"
    ]


def test_field_choices_are_the_fields_that_have_procedures(client, index, registration, investment):
    SubjectAreaFactory(slug="oda", name="ODA và vốn vay ưu đãi")
    ProcedurePageFactory(parent=index, subject_area=registration)
    ProcedurePageFactory(parent=index, subject_area=investment)
    soup = soup_of(client.get(index.url))
    options = [option.get_text() for option in soup.select("select[name=field] option")]
    assert options == ["Tất cả lĩnh vực", "Đăng ký doanh nghiệp", "Đầu tư tại Việt Nam"]


@pytest.mark.parametrize(
    "query",
    [
        "doanh nghiệp tư nhân",
        "doanh nghiep tu nhan",
        "DOANH NGHIỆP TƯ NHÂN",
        "tu nhan doanh",
        "1.001612",
        "001612",
    ],
)
def test_search_by_name_or_code_ignores_diacritics_case_and_word_order(client, index, query):
    ProcedurePageFactory(parent=index, title="Đăng ký thành lập doanh nghiệp tư nhân", code="1.001612")
    ProcedurePageFactory(parent=index, title="Đăng ký thành lập hợp tác xã", code="2.002235")
    assert titles(client, index, q=query) == ["Đăng ký thành lập doanh nghiệp tư nhân"]


def test_search_matches_đ_written_as_d(client, index):
    ProcedurePageFactory(parent=index, title="Điều chỉnh dự án đầu tư")
    assert titles(client, index, q="dieu chinh du an dau tu") == ["Điều chỉnh dự án đầu tư"]


def test_renamed_procedure_is_found_by_its_new_name(client, index):
    procedure = ProcedurePageFactory(parent=index, title="Tên cũ của thủ tục")
    procedure.title = "Thẩm định kế hoạch lựa chọn nhà thầu"
    procedure.save_revision().publish()
    assert titles(client, index, q="tham dinh nha thau") == ["Thẩm định kế hoạch lựa chọn nhà thầu"]
    assert titles(client, index, q="ten cu") == []


def test_empty_states_and_invalid_filters(client, index):
    soup = soup_of(client.get(index.url))
    assert soup.select_one(".procedure-empty").get_text() == "Chưa có thủ tục hành chính nào được đăng."

    ProcedurePageFactory(parent=index, title="Đăng ký thành lập hợp tác xã")
    soup = soup_of(client.get(index.url, {"q": "giay phep lao dong"}))
    assert "Không tìm thấy thủ tục nào phù hợp" in soup.select_one(".procedure-empty").get_text()

    # Unknown values are ignored, never an error page.
    assert titles(client, index, field="khong-co", level="huyen", page="abc") == [
        "Đăng ký thành lập hợp tác xã"
    ]


def test_lists_only_live_public_procedures_of_this_section(client, index, home_page):
    ProcedurePageFactory(parent=index, title="Thủ tục đang áp dụng")
    draft = ProcedurePageFactory(parent=index, title="Thủ tục chưa đăng")
    draft.unpublish()
    other = ProcedureIndexPageFactory(parent=home_page, slug="thu-tuc-khac", title="Thủ tục khác")
    ProcedurePageFactory(parent=other, title="Thủ tục của chuyên mục khác")
    assert titles(client, index) == ["Thủ tục đang áp dụng"]


def test_pagination_keeps_the_filters(client, index, registration):
    ProcedurePageFactory.create_batch(
        PER_PAGE + 1,
        parent=index,
        subject_area=registration,
        title=factory.Sequence(lambda n: f"Đăng ký mẫu {n}"),
    )
    soup = soup_of(client.get(index.url, {"field": "dang-ky-doanh-nghiep", "q": "đăng ký"}))
    assert len(soup.select(".procedure-list li")) == PER_PAGE
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?q=%C4%91%C4%83ng+k%C3%BD&field=dang-ky-doanh-nghiep&page=2"
    assert len(soup_of(client.get(index.url + next_link)).select(".procedure-list li")) == 1


def count_queries(client, url):
    """Queries of one request, once a first request has warmed the per-process caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_procedures(client, home_page, index, registration, investment):
    plain_page = count_queries(client, StandardPageFactory(parent=home_page).url)
    ProcedurePageFactory(parent=index, subject_area=registration)
    few = count_queries(client, index.url)
    ProcedurePageFactory.create_batch(10, parent=index, subject_area=investment)
    assert count_queries(client, index.url) <= few
    # Restrictions, field choices, count, the page of procedures with their fields.
    assert few <= plain_page + 4


def test_page_types_live_only_in_their_place(home_page, index):
    section = StandardPageFactory(parent=home_page)
    procedure = ProcedurePageFactory(parent=index)
    assert ProcedureIndexPage.can_create_at(home_page) and not ProcedureIndexPage.can_create_at(section)
    assert ProcedurePage.can_create_at(index) and not ProcedurePage.can_create_at(home_page)
    assert not StandardPage.can_create_at(index) and not ProcedurePage.can_create_at(procedure)


def test_demo_is_stable(home_page):
    demo.load_demo(home_page)
    counts = (ProcedureIndexPage.objects.count(), ProcedurePage.objects.count(), SubjectArea.objects.count())
    demo.load_demo(home_page)
    assert (
        ProcedureIndexPage.objects.count(),
        ProcedurePage.objects.count(),
        SubjectArea.objects.count(),
    ) == counts
    assert counts[:2] == (1, 8)
    index = ProcedureIndexPage.objects.get()
    assert index.slug == "thu-tuc-hanh-chinh" and index.show_in_menus and index.live
    assert ProcedurePage.objects.live().child_of(index).count() == 8
    assert ProcedurePage.objects.filter(level=ImplementationLevel.COMMUNE).exists()


def test_demo_takes_the_place_of_the_placeholder_section(home_page):
    StandardPageFactory(parent=home_page, slug="du-an-dau-tu", title="Dự án đầu tư")
    StandardPageFactory(parent=home_page, slug="thu-tuc-hanh-chinh", title="Thủ tục hành chính")
    StandardPageFactory(parent=home_page, slug="hoi-dap", title="Hỏi đáp")
    demo.load_demo(home_page)
    children = [(page.slug, type(page.specific).__name__) for page in home_page.get_children()]
    assert children == [
        ("du-an-dau-tu", "StandardPage"),
        ("thu-tuc-hanh-chinh", "ProcedureIndexPage"),
        ("hoi-dap", "StandardPage"),
    ]
    assert ProcedurePage.objects.child_of(ProcedureIndexPage.objects.get()).count() == 8


def admin_add_form(admin_client, index):
    url = f"/admin/pages/add/procedures/procedurepage/{index.pk}/"
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form").dict()
    return url, {**data, "body-count": "0"}  # the body's StreamField form is drawn by JavaScript


def test_admin_creates_a_procedure_and_rejects_a_plain_http_link(admin_client, index, registration):
    url, data = admin_add_form(admin_client, index)
    data.update(
        {
            "title": "Đăng ký thành lập hợp tác xã",
            "slug": "dang-ky-thanh-lap-hop-tac-xa",
            "code": "2.002235",
            "subject_area": str(registration.pk),
            "level": ImplementationLevel.COMMUNE,
            "online_level": OnlineServiceLevel.FULL,
            "processing_time": "03 ngày làm việc",
            "agency": "Ủy ban nhân dân cấp xã",
            "result": "Giấy chứng nhận đăng ký hợp tác xã",
            "steps": rich_text("<p>Nộp hồ sơ trực tuyến.</p>"),
            "dossier": rich_text("<p>Giấy đề nghị đăng ký hợp tác xã.</p>"),
            "public_service_url": "http://dichvucong.gov.vn/thu-tuc",
        }
    )
    response = admin_client.post(url, data)
    assert "Đường dẫn phải là địa chỉ an toàn, bắt đầu bằng https://." in response.content.decode()
    assert not ProcedurePage.objects.exists()

    data["public_service_url"] = ""
    admin_client.post(url, data)
    procedure = ProcedurePage.objects.get()
    assert procedure.subject_area == registration and procedure.folded_name == (
        "dang ky thanh lap hop tac xa 2.002235"
    )

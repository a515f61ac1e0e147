"""The anonymous "Thông tin có hữu ích không?" rating: on articles and legal documents, stored without a
CAPTCHA but behind the honeypot, the fill time and the rate limit, and counted per page in an admin report."""

import unicodedata

import pytest
from wagtail.models import Page, Site

from core.tests.factories import HomePageFactory
from editorial.tests.report_helpers import csv_rows, load_board, xlsx_rows
from feedback.consultations import CommentForm
from feedback.models import PageRating
from feedback.rating_report import rating_rows
from feedback.ratings import RatingForm
from feedback.single_use import PLACEHOLDER, fresh_token
from feedback.tests.factories import BOARD, PageRatingFactory, guard_fields
from legal_docs.tests.factories import LegalDocumentFactory, LegalDocumentIndexPageFactory
from news.tests.factories import ArticlePageFactory, SectionPageFactory
from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db
COMMUNE_BOARD = """
site: xa-tan-lap.localhost
members:
  - {username: head.xa, full_name: Nguyễn Thị Hòa, roles: [head]}
"""


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page, slug="tin-tuc")


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="Hội nghị xúc tiến đầu tư năm 2026")


@pytest.fixture
def document(home_page):
    LegalDocumentIndexPageFactory(parent=home_page)
    return LegalDocumentFactory(number="217/QĐ-UBND", summary="Về việc phê duyệt kế hoạch lựa chọn nhà thầu")


def rate_data(**extra):
    """What a reader's browser sends: no CAPTCHA fields on this form."""
    guard = {name: value for name, value in guard_fields().items() if not name.startswith("captcha")}
    return {"useful": "co", "comment": "", **guard, "rating_once": fresh_token(), **extra}


def test_the_rating_form_is_under_articles_and_legal_documents_without_a_captcha(client, article, document):
    for url, action in (
        (article.url, f"/danh-gia/bai-viet/{article.pk}/"),
        (document.get_url(), f"/danh-gia/van-ban/{document.pk}/"),
    ):
        html = client.get(url).content.decode()
        assert "Thông tin có hữu ích không?" in html
        assert f'action="{action}"' in html
        assert 'name="useful" value="co"' in html and 'name="useful" value="khong"' in html
        assert "captcha" not in html


def test_a_low_value_form_can_skip_the_captcha_that_every_other_form_keeps(settings):
    settings.FEEDBACK_CAPTCHA = True
    assert "captcha" not in RatingForm().fields
    assert "captcha" in CommentForm().fields


def test_a_rating_is_stored_with_its_comment_as_nfc_and_the_reader_is_thanked(client, article, document):
    comment = unicodedata.normalize("NFD", "Bài viết thiếu danh mục dự án kêu gọi đầu tư.")
    response = client.post(f"/danh-gia/bai-viet/{article.pk}/", rate_data(useful="khong", comment=comment))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cảm ơn bạn đã đánh giá" in html and article.url in html
    assert client.post(f"/danh-gia/van-ban/{document.pk}/", rate_data()).status_code == 200
    ratings = {rating.target: rating for rating in PageRating.objects.all()}
    assert ratings[article].useful is False
    assert ratings[article].comment == unicodedata.normalize("NFC", comment)
    assert ratings[document].useful is True and ratings[document].comment == ""


@pytest.mark.parametrize(
    "url",
    [
        "/danh-gia/bai-viet/987654/",
        "/danh-gia/trang-la/1/",
        "/danh-gia/van-ban/987654/",
        "/danh-gia/bai-viet/99999999999999999999/",
    ],
)
def test_a_rating_for_an_unknown_page_is_a_404(client, article, url):
    assert client.post(url, rate_data()).status_code == 404
    assert not PageRating.objects.exists()


def test_a_rating_for_an_unpublished_item_or_of_the_wrong_kind_is_a_404(client, article, document):
    article.unpublish()
    assert client.post(f"/danh-gia/bai-viet/{article.pk}/", rate_data()).status_code == 404
    assert client.get(f"/danh-gia/van-ban/{document.pk}/").status_code == 405
    assert not PageRating.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"website": "http://quang-cao.example"}, "Không gửi được biểu mẫu"),
        ({"form_started": "1700000000"}, "Không gửi được biểu mẫu"),
        ({"useful": ""}, "Hãy chọn «Có» hoặc «Không»."),
        ({"comment": "x" * 501}, "Góp ý thêm (không bắt buộc)"),
    ],
    ids=["honeypot", "forged start token", "no answer", "comment too long"],
)
def test_a_refused_rating_says_why_and_stores_nothing(client, article, data, message):
    response = client.post(f"/danh-gia/bai-viet/{article.pk}/", rate_data(**data))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PageRating.objects.exists()


def test_a_replayed_rating_form_is_refused_and_a_fresh_one_is_stored(client, article):
    url = f"/danh-gia/bai-viet/{article.pk}/"
    sent = rate_data()
    assert client.post(url, sent).status_code == 200
    replay = client.post(url, sent)
    assert replay.status_code == 400
    assert "Đánh giá này đã được gửi" in replay.content.decode()
    assert client.post(url, rate_data()).status_code == 200
    assert PageRating.objects.count() == 2


@pytest.mark.parametrize("once", ["", "forged-token", PLACEHOLDER], ids=["missing", "forged", "placeholder"])
def test_a_rating_without_a_valid_single_use_token_is_refused(client, article, once):
    response = client.post(f"/danh-gia/bai-viet/{article.pk}/", rate_data(rating_once=once))
    assert response.status_code == 400
    assert "Không gửi được đánh giá" in response.content.decode()
    assert not PageRating.objects.exists()


def test_a_refused_form_does_not_spend_its_token(client, article):
    url = f"/danh-gia/bai-viet/{article.pk}/"
    sent = rate_data(useful="")
    assert client.post(url, sent).status_code == 400
    assert client.post(url, {**sent, "useful": "co"}).status_code == 200


def test_every_copy_of_a_cached_page_carries_its_own_token_that_works_once(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 300
    tokens = []
    for _ in range(2):
        html = client.get(article.url).content.decode()
        assert PLACEHOLDER not in html
        tokens.append(html.split('name="rating_once" value="')[1].split('"')[0])
    assert tokens[0] != tokens[1]
    url = f"/danh-gia/bai-viet/{article.pk}/"
    for token in tokens:
        assert client.post(url, rate_data(rating_once=token)).status_code == 200
    assert client.post(url, rate_data(rating_once=tokens[0])).status_code == 400


def test_the_rate_limit_answers_429(client, article, settings):
    settings.FEEDBACK_RATE_LIMIT = "3/600"
    statuses = [client.post(f"/danh-gia/bai-viet/{article.pk}/", rate_data()).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert PageRating.objects.count() == 3


@pytest.fixture
def rated(article, document, section):
    other = ArticlePageFactory(parent=section, title="Thông báo tuyển dụng viên chức")
    for useful, comment in [(True, "Rõ ràng"), (True, ""), (True, "Cần thêm ảnh"), (False, "Thiếu số liệu")]:
        PageRatingFactory(item=article, useful=useful, comment=comment)
    PageRatingFactory(item=document, useful=False, comment="Thiếu tệp toàn văn")
    PageRatingFactory(item=other, useful=True)
    return article, document, other


def test_the_report_counts_per_page(rated):
    article, document, other = rated
    rows = {row.title: row for row in rating_rows()}
    assert list(rows) == [article.title, str(document), other.title]  # most rated, then least useful, first
    row = rows[article.title]
    assert (row.kind, row.yes, row.no, row.share) == ("Tin, bài", 3, 1, 75.0)
    assert row.comments == "Thiếu số liệu | Cần thêm ảnh | Rõ ràng"
    assert (rows[str(document)].kind, rows[str(document)].yes, rows[str(document)].no) == ("Văn bản", 0, 1)
    assert [row.title for row in rating_rows(kind_slug="van-ban")] == [str(document)]


def test_the_report_page_and_its_exports(client, rated):
    article, _document, _other = rated
    client.force_login(SuperuserFactory())
    page = client.get("/admin/bao-cao/danh-gia-trang/")
    assert page.status_code == 200
    html = page.content.decode()
    assert article.title in html and "Tổng số lượt đánh giá: 6" in html
    rows = xlsx_rows(client.get("/admin/bao-cao/danh-gia-trang/", {"export": "xlsx"}))
    assert rows[0][:6] == [
        "Loại",
        "Tin, bài / văn bản",
        "Địa chỉ",
        "Hữu ích",
        "Không hữu ích",
        "Tỷ lệ hữu ích (%)",
    ]
    assert rows[1][1] == article.title and rows[1][3:6] == [3, 1, 75]
    csv = csv_rows(client.get("/admin/bao-cao/danh-gia-trang/", {"export": "csv", "kind": "van-ban"}))
    assert [row[0] for row in csv[1:]] == ["Văn bản"]


def test_the_report_is_for_the_board_and_stops_at_the_site_border(client, rated, home_page, tmp_path):
    article, document, _other = rated
    users = load_board(BOARD, tmp_path)
    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name="UBND xã Tân Lập")
    users |= load_board(COMMUNE_BOARD, tmp_path, name="xa.yaml")
    client.force_login(users["ctv"])
    assert client.get("/admin/bao-cao/danh-gia-trang/").status_code == 403
    client.force_login(users["secretary"])
    assert article.title in client.get("/admin/bao-cao/danh-gia-trang/").content.decode()
    client.force_login(users["head.xa"])
    html = client.get("/admin/bao-cao/danh-gia-trang/").content.decode()
    assert article.title not in html and document.number in html

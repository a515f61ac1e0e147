"""A small portal with one of every public listing, search and form, built from the apps' factories, and
the lists of hostile input the security tests send to it."""

from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup

from core.tests.factories import SubjectAreaFactory
from feedback.tests.factories import (
    AnsweredQuestionPageFactory,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    QuestionIndexPageFactory,
)
from legal_docs.api import PARAMETERS as DOCUMENT_SEARCH_PARAMETERS
from legal_docs.tests.factories import LegalDocumentFactory, LegalDocumentIndexPageFactory
from news.models import NewsTag
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from organisation.tests.factories import ContactPageFactory, OfficialFactory
from procedures.tests.factories import ProcedureIndexPageFactory, ProcedurePageFactory
from projects.tests.factories import ProjectIndexPageFactory, ProjectPageFactory
from schedule.tests.factories import SchedulePageFactory

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</textarea><svg onload=alert(1)>",
    "'><body onload=alert(1)>",
]
HOSTILE_STRINGS = [
    "' OR 1=1--",
    '" OR ""="',
    "1; DROP TABLE wagtailcore_page",
    "1 UNION SELECT username, password FROM users_user--",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%00",
    "\x00",
    "-1",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "[]",
    "{}",
    "*",
    "%",
    "_",
    "\\",
    "a" * 5000,
    "Ð̵̡̛̀đ\u200b\u202e\ufeff𝕏😀",
    "ǅ\ud7ff\U0010ffff",
]
# The GET parameters each public page reads (from its view, form or get_context); the values are sent raw.
PUBLIC_QUERIES = {
    "/tim-kiem/": ["q", "page"],
    "/van-ban/": sorted(DOCUMENT_SEARCH_PARAMETERS),  # the page reads the same ones as the API
    "/van-ban/rss/": ["q", "type", "page"],
    "/hoi-dap/": ["q", "field", "page"],
    "/gop-y-du-thao/": ["status", "field", "year", "page"],
    "/gop-y-du-thao/phan-cap-dau-tu/": ["da-gui"],
    "/thu-tuc-hanh-chinh/": ["q", "field", "level", "page"],
    "/du-an-dau-tu/": ["status", "field", "type", "year", "sort", "page"],
    "/lien-he/": ["q", "unit", "page"],
    "/tin-tuc/": ["page"],
    "/tin-tuc/the/xuc-tien-dau-tu/": ["page"],
    "/tin-tuc/lich-cong-tac/": ["tuan"],
    "/so-do-trang/": ["page"],
}
API = "/api/van-ban/"
API_PARAMETERS = PUBLIC_QUERIES["/van-ban/"]


@dataclass
class Portal:
    article: object
    document: object
    consultation: object
    question_index: object


@pytest.fixture
def portal(home_page, settings):
    """Every public listing and form, with one item each. The rate limit is raised: the tests post many
    times from one address (the limit itself is tested in feedback/tests)."""
    settings.FEEDBACK_RATE_LIMIT = "10000/600"
    return build_portal(home_page)


def build_portal(home_page):
    """The `portal` fixture's content, also for a module-scoped fixture."""
    field = SubjectAreaFactory(name="Đầu tư công", slug="dau-tu-cong")
    LegalDocumentIndexPageFactory(parent=home_page)
    document = LegalDocumentFactory(number="15/2024/QĐ-UBND")
    section = SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    article = publish(ArticlePageFactory(parent=section, slug="hoi-nghi"))
    NewsTag.objects.create(name="xúc tiến đầu tư", slug="xuc-tien-dau-tu")
    SchedulePageFactory(parent=section)
    ProcedurePageFactory(parent=ProcedureIndexPageFactory(parent=home_page), subject_area=field)
    ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home_page), subject_area=field)
    ContactPageFactory(parent=home_page)
    OfficialFactory(full_name="Trần Văn Bình")
    consultations = ConsultationIndexPageFactory(parent=home_page)
    consultation = ConsultationPageFactory(parent=consultations, slug="phan-cap-dau-tu", subject_area=field)
    question_index = QuestionIndexPageFactory(parent=home_page)
    AnsweredQuestionPageFactory(parent=question_index, subject_area=field)
    return Portal(article, document, consultation, question_index)


EXECUTABLE_SCRIPT_TYPES = ("", "text/javascript", "module")
URL_ATTRIBUTES = ("href", "src", "action", "formaction")


def _attribute_text(value):
    return " ".join(value) if isinstance(value, list) else str(value)


def _injected_by(element):
    """What of `element` a payload could have put there."""
    executable = element.name == "script" and element.get("type", "") in EXECUTABLE_SCRIPT_TYPES
    if executable and "alert(" in (element.string or ""):
        yield str(element)[:120]
    for name, value in element.attrs.items():
        text = _attribute_text(value)
        handler = name.lower().startswith("on") and "alert(" in text
        script_url = name.lower() in URL_ATTRIBUTES and text.strip().lower().startswith("javascript:")
        if handler or script_url:
            yield f"<{element.name} {name}={text!r}>"


def injected_markup(html):
    """What a payload would have added if it came back unescaped: executable scripts that call alert,
    event-handler attributes, and javascript: URLs. Empty when the page is safe."""
    soup = BeautifulSoup(html, "html.parser")
    return [found for element in soup.find_all(True) for found in _injected_by(element)]


def assert_escaped(response, payloads=XSS_PAYLOADS):
    """Neither a payload's raw text (when it carries markup) nor any markup it would inject is in the page."""
    html = response.content.decode()
    for payload in payloads:
        if "<" in payload or '"' in payload:
            assert payload not in html, f"{payload!r} comes back unescaped"
    if response["Content-Type"].startswith("text/html"):
        assert not injected_markup(html), injected_markup(html)


def assert_not_a_server_error(response, what):
    assert response.status_code in (200, 301, 302, 400, 404), (what, response.status_code)


STAFF_BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: member, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
  - {username: ctv, full_name: Đỗ Thị Cộng Tác, roles: [contributor], sections: [tin-tuc]}
"""


def build_staffed_portal(portal, tmp_path):
    """`portal` with a row behind each of the board's admin pages: its members, a question in the inbox, a
    comment to moderate, a royalty proposal, a field duty, a page rating, a holiday, an image and a file."""
    import datetime

    from django.core.files.base import ContentFile
    from django.utils import timezone
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from editorial.models import BoardMember, Holiday
    from feedback.models import FieldResponsibility
    from feedback.tests.factories import (
        ConsultationCommentFactory,
        PageRatingFactory,
        QuestionFactory,
        load_question_board,
    )
    from royalties.tests.factories import RoyaltyProposalFactory, RoyaltyRateFactory

    board = load_question_board(tmp_path, STAFF_BOARD)
    question = QuestionFactory(page=portal.question_index)
    ConsultationCommentFactory(consultation=portal.consultation)
    section = portal.article.get_parent()
    article = publish(ArticlePageFactory(parent=section, owner=board["member"]), timezone.now())
    RoyaltyProposalFactory(page=article, proposed_by=board["secretary"], category=RoyaltyRateFactory())
    member = BoardMember.objects.get(user=board["member"])
    FieldResponsibility.objects.create(member=member, field=question.field)
    PageRatingFactory(item=portal.article)
    Holiday.objects.create(day=datetime.date(2026, 9, 2), name="Quốc khánh")
    get_image_model().objects.create(title="Ảnh hội nghị", file=get_test_image_file())
    pdf = ContentFile(b"%PDF-1.4\n%%EOF\n", name="bm.pdf")
    get_document_model().objects.create(title="Biểu mẫu", file=pdf)
    return portal

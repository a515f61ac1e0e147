"""The demo's Q&A section: published answers, an inbox in several states, and a second run adds nothing."""

import pytest

from core.tests.factories import StandardPageFactory
from feedback.enums import QuestionStatus
from feedback.models import AnsweredQuestionPage, Question, QuestionEvent, QuestionIndexPage
from portal.demo import questions as demo

pytestmark = pytest.mark.django_db


def counts():
    return Question.objects.count(), QuestionEvent.objects.count(), AnsweredQuestionPage.objects.count()


def test_the_demo_fills_the_section_and_inbox_once(client, home_page):
    StandardPageFactory(parent=home_page, slug="hoi-dap", title="Hỏi đáp")  # an older demo's placeholder
    demo.load_demo(home_page)
    first = counts()
    demo.load_demo(home_page)
    assert counts() == first
    index = QuestionIndexPage.objects.get()
    assert index.slug == "hoi-dap" and index.live and index.show_in_menus
    statuses = set(Question.objects.values_list("status", flat=True))
    assert {QuestionStatus.NEW, QuestionStatus.CLASSIFIED, QuestionStatus.PUBLISHED} <= statuses
    assert {QuestionStatus.OUT_OF_SCOPE, QuestionStatus.SPAM} <= statuses
    assert Question.objects.overdue().exists()
    published = Question.objects.filter(status=QuestionStatus.PUBLISHED)
    assert published.count() == AnsweredQuestionPage.objects.live().count() >= 3
    assert all(question.published_page.live for question in published)
    html = client.get("/hoi-dap/").content.decode()
    assert "Số thành viên tối thiểu để thành lập hợp tác xã" in html
    assert "Lê Thị Mai" not in html and "mai.lt@example.vn" not in html

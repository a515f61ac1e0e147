"""Test data for citizens' forms: a solved CAPTCHA and the hidden fields a real browser sends back."""

import datetime
import time

import factory
import wagtail_factories
from captcha.models import CaptchaStore
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from core.tests.factories import SubjectAreaFactory
from feedback.models import (
    AnsweredQuestionPage,
    ConsultationComment,
    ConsultationIndexPage,
    ConsultationPage,
    PageRating,
    Question,
    QuestionIndexPage,
)
from feedback.models.questions import new_code
from feedback.protection import start_token

# A site board with one secretary (moderates citizens' input) and a contributor (may not).
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: ctv, full_name: Đỗ Thị Cộng Tác, roles: [contributor]}
"""


def solved_captcha():
    """The CAPTCHA fields as a person who read the image would fill them."""
    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def guard_fields(seconds_ago=10):
    """Honeypot left empty, the form shown `seconds_ago`, the CAPTCHA solved."""
    return {"website": "", "form_started": start_token(time.time() - seconds_ago), **solved_captcha()}


# Consultations on drafts and page ratings ------------------------------------------------------------------
def in_days(days, hour=8):
    """An aware local datetime (Asia/Ho_Chi_Minh) `days` from today at `hour` o'clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Góp ý dự thảo"
    slug = "gop-y-du-thao"
    intro = "Lấy ý kiến của tổ chức, cá nhân đối với dự thảo văn bản."
    show_in_menus = True

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    """A consultation open now (since yesterday, for thirty days) unless the dates are given."""

    title = factory.Sequence(lambda n: f"Dự thảo Quyết định quy định quản lý đầu tư công số {n}")
    intro = "Dự thảo quy định phân cấp quyết định đầu tư dự án nhóm C."
    subject_area = factory.SubFactory(SubjectAreaFactory)
    drafting_agency = "Sở Kế hoạch và Đầu tư tỉnh Hòa Bình"
    opens_at = factory.LazyFunction(lambda: in_days(-1))
    closes_at = factory.LazyFunction(lambda: in_days(30, hour=17))
    receiving_agency = "Phòng Tổng hợp, Sở Kế hoạch và Đầu tư"
    receiving_address = "Số 5 đường Lê Lợi, phường Phương Lâm, tỉnh Hòa Bình"
    receiving_email = "gopy@example.gov.vn"

    class Meta:
        model = ConsultationPage


class ConsultationCommentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nguyễn Văn Góp Ý {n}")
    organisation = "Hiệp hội Doanh nghiệp tỉnh"
    email = factory.Sequence(lambda n: f"nguoi-gop-y-{n}@example.vn")
    clause = "Điều 5, khoản 2"
    content = "Đề nghị nâng mức phân cấp cho cấp xã."

    class Meta:
        model = ConsultationComment


class PageRatingFactory(factory.django.DjangoModelFactory):
    """A rating of `item` (an article page or a legal document)."""

    content_type = factory.LazyAttribute(lambda rating: ContentType.objects.get_for_model(rating.item))
    object_id = factory.LazyAttribute(lambda rating: rating.item.pk)
    useful = True

    class Params:
        item = None

    class Meta:
        model = PageRating


# Questions and petitions -----------------------------------------------------------------------------------
class QuestionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Hỏi đáp"
    slug = "hoi-dap"
    intro = "Gửi câu hỏi, phản ánh, kiến nghị và tra cứu câu trả lời."
    show_in_menus = True

    class Meta:
        model = QuestionIndexPage


class QuestionFactory(factory.django.DjangoModelFactory):
    """A new question as the public form stores it (give `page`)."""

    code = factory.LazyFunction(new_code)
    name = factory.Sequence(lambda n: f"Trần Thị Hỏi {n}")
    address = "Thôn Đông, xã Tân Lập, tỉnh Hòa Bình"
    email = factory.Sequence(lambda n: f"nguoi-hoi-{n}@example.vn")
    phone = "0912 345 678"
    field = factory.SubFactory(SubjectAreaFactory)
    title = factory.Sequence(lambda n: f"Hỏi về thủ tục đăng ký hộ kinh doanh số {n}")
    content = "Tôi muốn mở cửa hàng tạp hóa thì cần những giấy tờ gì?"
    consent = True

    class Meta:
        model = Question


class AnsweredQuestionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thời hạn cấp giấy chứng nhận đăng ký hộ kinh doanh số {n}")
    subject_area = factory.SubFactory(SubjectAreaFactory)
    question = "Cấp giấy chứng nhận đăng ký hộ kinh doanh mất bao lâu?"
    answer = "<p>Trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.</p>"
    asked_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    answered_on = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = AnsweredQuestionPage


QUESTION_BOARD = """
members:
  - {username: truong.ban, full_name: Trịnh Xuân Long, email: long.tx@example.gov.vn, roles: [head]}
  - {username: thu.ky, full_name: Lê Hoàng Trung, email: trung.lh@example.gov.vn, roles: [secretary]}
  - {username: thanh.vien, full_name: Hoàng Thị Lan, email: lan.ht@example.gov.vn, roles: [member]}
  - {username: thanh.vien.khac, full_name: Phạm Văn Cải, email: cai.pv@example.gov.vn, roles: [member]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, email: hung.dm@example.gov.vn, roles: [contributor]}
"""


def load_question_board(tmp_path, text=QUESTION_BOARD):
    """The default site's board (head, secretary, two members, a contributor): {username: user}."""
    from django.contrib.auth import get_user_model

    from editorial.board_file import load_board_file

    path = tmp_path / "board.yaml"
    path.write_text(text, encoding="utf-8")
    load_board_file(path)
    return {user.username: user for user in get_user_model().objects.all()}

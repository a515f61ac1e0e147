"""The life of a question (docs/requirements.md, Citizens' questions and consultations): received → classified
→ routed to the member of its field → answered (the answer goes through the board's moderation workflow as a
page) → published; or closed as outside the agency's remit (the sender is told at once, with the reason) or as
spam.

Every step runs in one transaction that also writes its history line and queues its mail (operations.mail),
so a step is never half done and a mail server that is down loses nothing. Who may take a step is checked by
the views (feedback.question_access); which steps follow which is checked here.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from core.models import PortalSettings
from core.text import fold
from core.workflows import submit

from .enums import OPEN_QUESTION_STATUSES, QuestionEventKind, QuestionStatus
from .models import AnsweredQuestionPage, Question, QuestionEvent
from .models.questions import new_code
from .question_access import site_of

CODE_ATTEMPTS = 5
S = QuestionStatus
# action: (the statuses it may start from, the status it leads to)
TRANSITIONS = {
    "classify": ({S.NEW, S.CLASSIFIED, S.ROUTED}, S.CLASSIFIED),
    "route": ({S.CLASSIFIED, S.ROUTED}, S.ROUTED),
    "out_of_scope": (set(OPEN_QUESTION_STATUSES), S.OUT_OF_SCOPE),
    "spam": ({S.NEW, S.CLASSIFIED}, S.SPAM),
    "answer": ({S.ROUTED}, S.ANSWERED),
    "publish": ({S.ANSWERED}, S.PUBLISHED),
}
DATE_FIELDS = {
    S.CLASSIFIED: "classified_at",
    S.ROUTED: "routed_at",
    S.ANSWERED: "answered_at",
    S.PUBLISHED: "published_at",
}
SIGNATURE = "\n\nThư này được gửi tự động, xin không trả lời. {agency}."
RECEIPT = (
    "Kính gửi {name},\n\n{agency} đã nhận câu hỏi «{title}» của Ông/Bà "
    "lúc {received:%H:%M ngày %d/%m/%Y}.\n\n"
    "Mã tra cứu: {code}\nTra cứu tình trạng xử lý (nhập mã tra cứu và địa chỉ thư điện tử này): {lookup}\n\n"
    "Câu hỏi được trả lời trong 15 ngày làm việc, chậm nhất ngày {due:%d/%m/%Y}."
)
OUT_OF_SCOPE = (
    "Kính gửi {name},\n\nCâu hỏi «{title}» (mã tra cứu {code}) không thuộc phạm vi, lĩnh vực giải quyết của "
    "{agency}.\n\nLý do: {reason}\n\nTra cứu: {lookup}"
)
PUBLISHED = (
    "Kính gửi {name},\n\nCâu hỏi «{title}» (mã tra cứu {code}) đã được trả lời và đăng trên cổng thông tin:\n"
    "{url}\n\nTra cứu: {lookup}"
)
ROUTED = (
    "Câu hỏi {code} «{title}» (lĩnh vực {field}) được chuyển cho Ông/Bà trả lời, "
    "hạn trả lời {due:%d/%m/%Y}.\n"
    "Soạn câu trả lời tại: {url}"
)


class StepRefused(Exception):
    """The step does not follow from the question's status (someone else acted first, or a stale page)."""


def receive_question(page, data):
    """Store a submission with its first history line and the sender's receipt mail, in one transaction; the
    tracking code is drawn again on the (astronomically rare) collision."""
    fields = {
        name: data.get(name) or "" for name in ("name", "address", "email", "phone", "title", "content")
    }
    question = Question(page=page, field=data.get("field"), consent=bool(data.get("consent")), **fields)
    if data.get("attachment"):
        question.attachment = data["attachment"]
    with transaction.atomic():
        _insert_with_fresh_code(question)
        QuestionEvent.objects.create(
            question=question, to_status=QuestionStatus.NEW, note="Tiếp nhận qua cổng thông tin."
        )
        _mail_sender(question, f"Đã nhận câu hỏi – mã tra cứu {question.code}", RECEIPT)
    return question


def _insert_with_fresh_code(question):
    for _ in range(CODE_ATTEMPTS):
        question.code = new_code()
        try:
            with transaction.atomic():
                question.save()
            return
        except IntegrityError:
            if not Question.objects.filter(code=question.code).exists():
                raise
    raise IntegrityError("Không tạo được mã tra cứu chưa dùng.")


def classify(question, user, field, note=""):
    with transaction.atomic():
        question = _locked(question)
        question.field = field
        return _step(question, "classify", user, note or f"Lĩnh vực: {field}.")


def route(question, user, assignee, note=""):
    with transaction.atomic():
        question = _locked(question)
        question.assigned_to = assignee
        question = _step(
            question, "route", user, note or f"Chuyển cho {assignee.get_full_name() or assignee}."
        )
        if assignee.email:
            body = ROUTED.format(
                code=question.code,
                title=question.title,
                field=question.field or "chưa phân loại",
                due=timezone.localtime(question.due_at),
                url=admin_url(question),
            )
            subject = f"[Hỏi đáp] Câu hỏi {question.code} chuyển Ông/Bà trả lời"
            send_mail(subject, body, None, [assignee.email])
        return question


def mark_out_of_scope(question, user, reason):
    """Close the question and tell the sender at once, with the reason
    (docs/requirements.md, Citizens' questions and consultations)."""
    with transaction.atomic():
        question = _locked(question)
        question.out_of_scope_reason = reason
        question = _step(question, "out_of_scope", user, reason)
        _mail_sender(
            question, f"Câu hỏi {question.code} không thuộc phạm vi giải quyết", OUT_OF_SCOPE, reason=reason
        )
        return question


def mark_spam(question, user, note=""):
    with transaction.atomic():
        return _step(_locked(question), "spam", user, note)


def save_reply(question, user, reply):
    """Keep the member's draft answer (nothing public yet)."""
    with transaction.atomic():
        question = _locked(question)
        if question.status != QuestionStatus.ROUTED:
            raise StepRefused(_refusal(question, "answer"))
        question.reply = reply
        question.save(update_fields=["reply"])
        QuestionEvent.objects.create(question=question, kind=QuestionEventKind.REPLY, actor=user)
        return question


def send_for_approval(question, user, reply):
    """The answer becomes a draft Q&A page under the section, submitted to the board's moderation workflow;
    the question is answered, and becomes published when the page is."""
    with transaction.atomic():
        question = _locked(question)
        question.reply = reply
        question = _step(question, "answer", user, "Gửi câu trả lời để Ban biên tập duyệt đăng.")
        question.published_page = _draft_answer_page(question, user)
        question.save(update_fields=["published_page"])
        return question


def add_note(question, user, note):
    return QuestionEvent.objects.create(question=question, kind=QuestionEventKind.NOTE, actor=user, note=note)


def mark_published(page):
    """page_published of an AnsweredQuestionPage: its question is published and the sender gets the link.
    Later republications of the same page change nothing. The signal does not say who published (the board's
    workflow records that on the page), so the history line has no actor."""
    with transaction.atomic():
        question = (
            Question.objects.select_for_update()
            .filter(published_page=page, status=QuestionStatus.ANSWERED)
            .first()
        )
        if question is None:
            return None
        question = _step(question, "publish", None, "Câu trả lời được đăng trên cổng thông tin.")
        _mail_sender(question, f"Câu hỏi {question.code} đã được trả lời", PUBLISHED, url=page.full_url)
        return question


def _locked(question):
    return Question.objects.select_for_update().get(pk=question.pk)


def _refusal(question, action):
    target = TRANSITIONS[action][1]
    return (
        f"Câu hỏi {question.code} đang ở trạng thái «{question.get_status_display()}»: không thể chuyển sang "
        f"«{target.label}». Có thể người khác vừa xử lý; hãy tải lại trang."
    )


def _step(question, action, user, note=""):
    allowed, target = TRANSITIONS[action]
    if question.status not in allowed:
        raise StepRefused(_refusal(question, action))
    event = QuestionEvent(
        question=question, from_status=question.status, to_status=target, actor=user, note=note
    )
    question.status = target
    if target in DATE_FIELDS:
        setattr(question, DATE_FIELDS[target], event.created_at)
    question.save()
    event.save()
    return question


def answer_html(text):
    """The reply, typed as plain text, as the answer page's rich text (escaped: input never becomes HTML)."""
    return linebreaks(text, autoescape=True)


def _draft_answer_page(question, user):
    index = question.page
    page = AnsweredQuestionPage(
        title=question.title,
        slug=find_available_slug(index, slugify(fold(question.title))[:60] or "cau-hoi"),
        subject_area=question.field,
        question=question.content,
        answer=answer_html(question.reply),
        asked_on=timezone.localdate(question.received_at),
        answered_on=timezone.localdate(question.answered_at),
        owner=user,
        live=False,
        has_unpublished_changes=True,
    )
    index.add_child(instance=page)
    return submit(page, user)


def admin_url(question):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("feedback_question_detail", args=[question.pk])


def _mail_sender(question, subject, template, **extra):
    agency = PortalSettings.for_site(site_of(question)).agency_name
    body = template.format(
        name=question.name,
        agency=agency,
        title=question.title,
        code=question.code,
        received=timezone.localtime(question.received_at),
        due=timezone.localtime(question.due_at),
        lookup=question.lookup_url(),
        **extra,
    )
    send_mail(subject, body + SIGNATURE.format(agency=agency), None, [question.email])

"""The public side of questions and petitions: the published Q&A list, the form, and the status lookup.

The sender's personal data appears on none of these pages: the list and the Q&A pages hold only what the
board published, and the lookup shows the status only to whoever gives both the tracking code and the email.
"""

from django import forms
from django.template.response import TemplateResponse

from core.forms import FilterForm, ListedModelChoiceField
from core.models import SubjectArea
from core.pagination import paginate_without_count, query_prefix
from core.text import MAX_QUERY_LENGTH, folded_query

from .attachments import ACCEPTED, check_attachment
from .enums import QuestionStatus
from .inbox import receive_question
from .models import Question
from .models.questions import PHONE, normalize_code
from .protection import GuardedForm, at_rate_limit, over_rate_limit, rate_limited_response

ANSWERED_PER_PAGE = 10
NOT_FOUND = (
    "Không tìm thấy câu hỏi có mã tra cứu và địa chỉ thư điện tử này. Hãy kiểm tra lại mã tra cứu trong thư "
    "xác nhận và địa chỉ thư điện tử đã dùng khi gửi câu hỏi."
)
STATUS_EXPLANATIONS = {
    QuestionStatus.NEW: "Câu hỏi đã được tiếp nhận, đang chờ phân loại.",
    QuestionStatus.CLASSIFIED: "Câu hỏi đã được phân loại theo lĩnh vực, đang chờ chuyển đến người trả lời.",
    QuestionStatus.ROUTED: "Câu hỏi đã được chuyển đến thành viên Ban biên tập phụ trách lĩnh vực trả lời.",
    QuestionStatus.ANSWERED: "Câu hỏi đã có câu trả lời, đang chờ Ban biên tập duyệt để đăng.",
    QuestionStatus.PUBLISHED: "Câu trả lời đã được đăng trên cổng thông tin.",
    QuestionStatus.OUT_OF_SCOPE: "Câu hỏi không thuộc phạm vi, lĩnh vực giải quyết của cơ quan.",
    QuestionStatus.SPAM: "Nội dung không phù hợp, không được xử lý.",
}


class QuestionForm(GuardedForm):
    name = forms.CharField(label="Họ và tên", max_length=100)
    address = forms.CharField(label="Địa chỉ", max_length=255)
    email = forms.EmailField(
        label="Thư điện tử",
        max_length=254,
        help_text="Mã tra cứu và câu trả lời được gửi tới địa chỉ này.",
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )
    phone = forms.CharField(label="Điện thoại", max_length=20, required=False, validators=[PHONE])
    field = ListedModelChoiceField(
        label="Lĩnh vực",
        queryset=SubjectArea.objects.all(),
        empty_label="— Chọn lĩnh vực —",
        error_messages={"required": "Hãy chọn lĩnh vực của câu hỏi."},
    )
    title = forms.CharField(label="Tiêu đề", max_length=255)
    content = forms.CharField(label="Nội dung", max_length=5000, widget=forms.Textarea(attrs={"rows": 10}))
    attachment = forms.FileField(
        label="Tệp đính kèm",
        required=False,
        max_length=200,
        validators=[check_attachment],
        help_text=f"Không bắt buộc. Một tệp {ACCEPTED}, tối đa 10 MB; không công khai.",
    )
    consent = forms.BooleanField(
        label="Tôi đồng ý để cơ quan xử lý dữ liệu cá nhân nêu trên nhằm trả lời câu hỏi.",
        error_messages={
            "required": "Cần đồng ý xử lý dữ liệu cá nhân thì cơ quan mới tiếp nhận được câu hỏi."
        },
    )


class LookupForm(forms.Form):
    code = forms.CharField(label="Mã tra cứu", max_length=30, help_text="Ví dụ: HD-7K3M9Q2X0A")
    email = forms.EmailField(
        label="Thư điện tử đã dùng khi gửi câu hỏi",
        max_length=254,
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )


class AnsweredFilterForm(FilterForm):
    q = forms.CharField(label="Từ khóa", max_length=MAX_QUERY_LENGTH, required=False)
    field = ListedModelChoiceField(
        label="Lĩnh vực",
        queryset=SubjectArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả lĩnh vực",
    )


def answered_list(request, page):
    """/hoi-dap/: the published Q&A, newest answer first, by field and words (with or without diacritics)."""
    form = AnsweredFilterForm(request.GET)
    filters, params = form.chosen()
    answered = page.answered()
    if "field" in filters:
        answered = answered.filter(subject_area=filters["field"])
    words = folded_query(filters.get("q", ""))
    if words:
        answered = answered.search(words, operator="and", order_by_relevance=False)
    pager = paginate_without_count(answered, request.GET.get("page"), ANSWERED_PER_PAGE)
    context = page.get_context(request)
    context.update(form=form, pager=pager, query_prefix=query_prefix(params), filtered=bool(params))
    return TemplateResponse(request, page.get_template(request), context)


def ask(request, page):
    """The form; a valid submission is stored and answered with its tracking code on the page itself (no
    redirect: the code must reach the sender even when cookies or the mail server fail)."""
    if request.method == "POST":
        if over_rate_limit(request, "question"):
            return rate_limited_response(request)
        form = QuestionForm(request.POST, request.FILES)
        if form.is_valid():
            question = receive_question(page, form.cleaned_data)
            context = {**page.get_context(request), "question": question, "page_title": "Đã gửi câu hỏi"}
            return TemplateResponse(request, "feedback/questions/thanks.html", context)
    else:
        form = QuestionForm()
    context = {**page.get_context(request), "form": form, "page_title": "Gửi câu hỏi"}
    return TemplateResponse(request, "feedback/questions/ask.html", context)


def lookup(request, page):
    """The status of one submission, for whoever gives its code and the sender's email; one neutral message
    otherwise, whichever of the two was wrong. The form is posted, so the email stays out of URLs and logs."""
    question = not_found = None
    if request.method == "POST":
        # Only a miss counts: guessing codes is what the limit stops, and the people behind one office's
        # address looking up their own questions must not lock each other out.
        if at_rate_limit(request, "question-lookup"):
            return rate_limited_response(request)
        form = LookupForm(request.POST)
        if form.is_valid():
            question = find_question(page, form.cleaned_data["code"], form.cleaned_data["email"])
            if question is None:
                over_rate_limit(request, "question-lookup")
                not_found = NOT_FOUND
    else:
        form = LookupForm()
    context = {
        **page.get_context(request),
        "form": form,
        "question": question,
        "not_found": not_found,
        "page_title": "Tra cứu câu hỏi",
    }
    if question is not None:
        context["explanation"] = STATUS_EXPLANATIONS[question.status]
        answer = question.published_page
        context["answer"] = answer if answer is not None and answer.live else None
    return TemplateResponse(request, "feedback/questions/lookup.html", context)


def find_question(page, code, email):
    """One query on both values: a wrong code and a wrong email take the same path."""
    return (
        Question.objects.filter(page=page, code=normalize_code(code), email__iexact=email.strip())
        .select_related("field", "published_page")
        .first()
    )

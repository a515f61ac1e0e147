"""The public side of consultations: the index filters and the comment form, and taking a comment in.

A comment is stored (pending moderation) and its acknowledgement queued in one transaction; the mail goes
after the commit (operations.mail), so a mail server that is down loses nothing.
"""

from django import forms
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from core.forms import FilterForm, ListedModelChoiceField, PlainSelect
from core.models import SubjectArea

from .attachments import ACCEPTED, check_attachment
from .enums import ConsultationStatus
from .models import ConsultationComment
from .models.consultations import status_q
from .protection import GuardedForm, over_rate_limit, rate_limited_response

SENT = "da-gui"  # ?da-gui=1 after a comment was taken: the page thanks the sender
NOT_OPEN = {
    ConsultationStatus.UPCOMING: "Dự thảo chưa đến thời gian lấy ý kiến, chưa nhận góp ý.",
    ConsultationStatus.CLOSED: "Đã hết thời gian lấy ý kiến đối với dự thảo này, không nhận thêm góp ý.",
}
ACKNOWLEDGEMENT = """Kính gửi {name},

{agency} đã nhận ý kiến góp ý của Ông/Bà đối với dự thảo «{title}» lúc {received:%H:%M ngày %d/%m/%Y}.

Ý kiến sẽ được tổng hợp, nghiên cứu tiếp thu, giải trình. Ý kiến được công khai trên cổng thông tin sau khi \
Tổ thư ký kiểm duyệt (chỉ họ tên, cơ quan, tổ chức và nội dung; thư điện tử và tệp đính kèm không công khai).

Nội dung góp ý:
{content}

Thư này được gửi tự động, xin không trả lời. Mọi thông tin xin gửi {agency}: {address}, thư điện tử {email}.
"""


class ConsultationFilterForm(FilterForm):
    status = forms.ChoiceField(
        label="Trạng thái",
        choices=[("", "Tất cả"), *ConsultationStatus.choices],
        required=False,
        widget=PlainSelect,
    )
    field = ListedModelChoiceField(
        label="Lĩnh vực",
        queryset=SubjectArea.objects.all(),
        to_field_name="slug",
        empty_label="Tất cả lĩnh vực",
        required=False,
    )
    year = forms.TypedChoiceField(
        label="Năm", coerce=int, empty_value=None, required=False, widget=PlainSelect
    )

    def __init__(self, data, years):
        super().__init__(data)
        self.fields["year"].choices = [("", "Tất cả các năm"), *((year, year) for year in years)]


def filter_consultations(consultations, filters, now):
    if "status" in filters:
        consultations = consultations.filter(status_q(filters["status"], now))
    if "field" in filters:
        consultations = consultations.filter(subject_area=filters["field"])
    if "year" in filters:
        consultations = consultations.filter(opens_at__year=filters["year"])
    return consultations


class CommentForm(GuardedForm):
    name = forms.CharField(label="Họ và tên", max_length=100)
    organisation = forms.CharField(
        label="Cơ quan, tổ chức",
        max_length=255,
        required=False,
        help_text="Để trống nếu góp ý với tư cách cá nhân.",
    )
    email = forms.EmailField(
        label="Thư điện tử",
        max_length=254,
        help_text="Để nhận thư xác nhận; không công khai.",
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )
    clause = forms.CharField(
        label="Điều, khoản góp ý", max_length=255, required=False, help_text="Ví dụ: Điều 5, khoản 2."
    )
    content = forms.CharField(
        label="Nội dung góp ý", max_length=10000, widget=forms.Textarea(attrs={"rows": 8})
    )
    attachment = forms.FileField(
        label="Tệp đính kèm",
        required=False,
        validators=[check_attachment],
        help_text=f"Không bắt buộc. Nhận tệp {ACCEPTED}, tối đa 10 MB; không công khai.",
    )


def receive_comment(page, request):
    """Take a comment on `page`: refused (and nothing stored) unless the consultation is open now."""
    status = page.status()
    if status != ConsultationStatus.OPEN:
        context = page.get_context(request)
        context["refused"] = NOT_OPEN[status]
        return TemplateResponse(request, page.get_template(request), context, status=403)
    if over_rate_limit(request, "comment"):
        return rate_limited_response(request)
    form = CommentForm(request.POST, request.FILES)
    if not form.is_valid():
        context = page.get_context(request)
        context["form"] = form
        return TemplateResponse(request, page.get_template(request), context)
    store_comment(page, form.cleaned_data)
    return HttpResponseRedirect(f"{page.get_url(request)}?{SENT}=1#gop-y")


@transaction.atomic
def store_comment(page, data):
    comment = ConsultationComment.objects.create(
        consultation=page,
        name=data["name"],
        organisation=data["organisation"],
        email=data["email"],
        clause=data["clause"],
        content=data["content"],
        attachment=data["attachment"],
    )
    send_mail(
        f"Đã nhận ý kiến góp ý dự thảo: {page.title}",
        ACKNOWLEDGEMENT.format(
            name=comment.name,
            agency=page.receiving_agency,
            title=page.title,
            received=timezone.localtime(comment.created_at),
            content=comment.content,
            address=page.receiving_address,
            email=page.receiving_email,
        ),
        None,
        [comment.email],
    )
    return comment

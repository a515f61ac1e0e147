"""Citizens' questions and petitions (Hỏi đáp, phản ánh kiến nghị; Nghị định 43/2011 Điều 10, 15 and 17,
docs/requirements.md, Citizens' questions and consultations): what a sender submits, its history in the inbox,
and the published Q&A pages.

A submission holds personal data (name, address, email, phone, an attachment): it is a plain model, never
a page, never indexed, and only staff with access to it see it. What the public reads is an
AnsweredQuestionPage, written from the submission by the board and published through its moderation workflow.
"""

import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import BasePortalPage
from editorial.calendar import add_working_days

from ..attachments import attachment_path, private_storage
from ..enums import OPEN_QUESTION_STATUSES, QuestionEventKind, QuestionStatus
from ..protection import nfc

CODE_PREFIX = "HD-"
CODE_LENGTH = 10
# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not mistaken.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_MISREADINGS = str.maketrans({"O": "0", "I": "1", "L": "1"})
ANSWER_DAYS = 15  # working days (Nghị định 43/2011 Điều 17)
ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
DEFAULT_PRIVACY_NOTICE = (
    "Thông tin cá nhân (họ tên, địa chỉ, thư điện tử, số điện thoại, tệp đính kèm) chỉ dùng để xử lý và "
    "trả lời câu hỏi, không công khai trên cổng thông tin (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá "
    "nhân). Câu hỏi và câu trả lời có thể được đăng công khai sau khi Ban biên tập lược bỏ thông tin cá nhân."
)
PHONE = RegexValidator(
    r"^\+?[0-9 .()-]{8,20}$",
    "Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, dấu gạch ngang), từ 8 đến 20 ký tự.",
    code="phone",
)


def new_code():
    """A tracking code no one can guess: 10 Crockford characters from `secrets` (50 random bits)."""
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw):
    """What a sender types ("hd-7k3m 9q2x0a", "7K3M9Q2X0A") as the stored form "HD-7K3M9Q2X0A"."""
    code = "".join(str(raw or "").split()).upper()
    code = code.removeprefix(CODE_PREFIX).removeprefix(CODE_PREFIX.rstrip("-"))
    return CODE_PREFIX + code.translate(CODE_MISREADINGS)


class QuestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_QUESTION_STATUSES)

    def overdue(self, now=None):
        """Still unanswered after the deadline."""
        return self.open().filter(due_at__lt=now or timezone.now())


class Question(models.Model):
    """One question or petition as the sender wrote it, with where it stands in the inbox."""

    code = models.CharField("mã tra cứu", max_length=20, unique=True, editable=False)
    page = models.ForeignKey(
        "feedback.QuestionIndexPage",
        verbose_name="trang hỏi đáp",
        on_delete=models.PROTECT,  # submissions are archived, never deleted with a page
        related_name="questions",
    )
    name = models.CharField("họ và tên", max_length=100)
    address = models.CharField("địa chỉ", max_length=255)
    email = models.EmailField("thư điện tử", max_length=254)
    phone = models.CharField("điện thoại", max_length=20, blank=True, validators=[PHONE])
    field = models.ForeignKey(
        "home.SubjectArea",
        verbose_name="lĩnh vực",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("tiêu đề", max_length=255)
    content = models.TextField("nội dung", max_length=5000)
    attachment = models.FileField(
        "tệp đính kèm", storage=private_storage, upload_to=attachment_path, max_length=255, blank=True
    )
    consent = models.BooleanField("đồng ý xử lý dữ liệu cá nhân", default=False)
    status = models.CharField(
        "trạng thái", max_length=20, choices=QuestionStatus, default=QuestionStatus.NEW, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người trả lời",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_questions",
    )
    reply = models.TextField("câu trả lời", max_length=20000, blank=True)
    out_of_scope_reason = models.TextField("lý do ngoài phạm vi", max_length=2000, blank=True)
    received_at = models.DateTimeField("ngày nhận", default=timezone.now, db_index=True)
    due_at = models.DateTimeField("hạn trả lời", db_index=True)
    classified_at = models.DateTimeField("ngày phân loại", null=True, blank=True)
    routed_at = models.DateTimeField("ngày chuyển", null=True, blank=True)
    answered_at = models.DateTimeField("ngày trả lời", null=True, blank=True)
    published_at = models.DateTimeField("ngày đăng", null=True, blank=True)
    published_page = models.ForeignKey(
        "feedback.AnsweredQuestionPage",
        verbose_name="trang hỏi đáp đã đăng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = QuestionQuerySet.as_manager()

    TEXT_FIELDS = ("name", "address", "email", "phone", "title", "content", "reply", "out_of_scope_reason")

    class Meta:
        verbose_name = "câu hỏi, phản ánh, kiến nghị"
        verbose_name_plural = "câu hỏi, phản ánh, kiến nghị"
        ordering = ["-received_at"]
        constraints = [
            # Nothing is stored without the sender's consent to the processing of their personal data.
            models.CheckConstraint(condition=Q(consent=True), name="feedback_question_consent_given"),
        ]

    def __str__(self):
        return f"{self.code} – {self.title}"

    def save(self, *args, **kwargs):
        for name in self.TEXT_FIELDS:
            setattr(self, name, nfc(getattr(self, name)))
        if self.due_at is None:
            self.due_at = add_working_days(self.received_at, ANSWER_DAYS)
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.status in OPEN_QUESTION_STATUSES

    def is_overdue(self, now=None):
        """Past the 15-working-day deadline and still not answered."""
        return self.is_open and self.due_at < (now or timezone.now())

    def lookup_url(self):
        """The public status page, for the sender's mail."""
        return self.page.full_url + self.page.reverse_subpage("lookup")


class QuestionEvent(models.Model):
    """One line of a question's history: a status change, a saved reply or an internal note; who and when."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(
        "loại", max_length=10, choices=QuestionEventKind, default=QuestionEventKind.STATUS
    )
    from_status = models.CharField("từ trạng thái", max_length=20, choices=QuestionStatus, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=20, choices=QuestionStatus, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm", default=timezone.now)
    note = models.TextField("ghi chú", max_length=2000, blank=True)

    class Meta:
        verbose_name = "lịch sử xử lý câu hỏi"
        verbose_name_plural = "lịch sử xử lý câu hỏi"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.question.code}: {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        self.note = nfc(self.note)
        super().save(*args, **kwargs)


class FieldResponsibility(models.Model):
    """The board member who answers questions in a field (lĩnh vực): routing suggests them, the secretary
    confirms. A board file may list them (`fields:` of a member)."""

    member = models.ForeignKey(
        "editorial.BoardMember",
        verbose_name="thành viên ban biên tập",
        on_delete=models.CASCADE,
        related_name="fields",
    )
    field = models.ForeignKey(
        "home.SubjectArea", verbose_name="lĩnh vực", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "phân công trả lời theo lĩnh vực"
        verbose_name_plural = "phân công trả lời theo lĩnh vực"
        ordering = ["field__sort_order", "field__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["member", "field"], name="feedback_one_responsibility_per_field")
        ]

    def __str__(self):
        return f"{self.member.user} – {self.field}"


class QuestionIndexPage(RoutablePageMixin, BasePortalPage):
    """/hoi-dap/: the published Q&A (searchable, by field), the form (gui-cau-hoi/) and the status lookup
    (tra-cuu/)."""

    privacy_notice = models.TextField(
        "thông báo xử lý dữ liệu cá nhân", max_length=3000, default=DEFAULT_PRIVACY_NOTICE
    )

    content_panels = BasePortalPage.content_panels + [FieldPanel("privacy_notice")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["feedback.AnsweredQuestionPage"]
    max_count_per_parent = 1
    template = "feedback/questions/index_page.html"

    class Meta:
        verbose_name = "chuyên mục hỏi đáp"

    def answered(self):
        """The live public Q&A of this section, newest answer first."""
        return (
            AnsweredQuestionPage.objects.live()
            .public()
            .child_of(self)
            .select_related("subject_area")
            .order_by("-answered_on", "-id")
        )

    @path("")
    def index_route(self, request):
        from ..questions import answered_list

        return answered_list(request, self)

    @path("gui-cau-hoi/", name="ask")
    def ask_route(self, request):
        from ..questions import ask

        return ask(request, self)

    @path("tra-cuu/", name="lookup")
    def lookup_route(self, request):
        from ..questions import lookup

        return lookup(request, self)


class AnsweredQuestionPage(BasePortalPage):
    """A published question and its answer: the question as edited for publication (the sender's personal
    data left out), the answer the board approved, the field and the dates. Nothing links it back to the
    sender."""

    subject_area = models.ForeignKey(
        "home.SubjectArea",
        verbose_name="lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    question = models.TextField(
        "câu hỏi",
        max_length=5000,
        help_text=(
            "Nội dung câu hỏi để đăng: lược bỏ họ tên, địa chỉ, số điện thoại và mọi thông tin cá nhân."
        ),
    )
    answer = RichTextField("trả lời", features=ANSWER_FEATURES, max_length=40000)
    asked_on = models.DateField("ngày hỏi")
    answered_on = models.DateField("ngày trả lời")

    content_panels = [
        BasePortalPage.content_panels[0],
        MultiFieldPanel(
            [
                FieldPanel("subject_area"),
                FieldRowPanel([FieldPanel("asked_on"), FieldPanel("answered_on")]),
            ],
            heading="Phân loại",
        ),
        FieldPanel("question"),
        FieldPanel("answer"),
        *BasePortalPage.content_panels[1:],
    ]
    search_fields = BasePortalPage.search_fields + [
        index.SearchField("question"),
        index.SearchField("answer"),
        index.FilterField("subject_area"),
        index.FilterField("answered_on"),
    ]
    parent_page_types = ["feedback.QuestionIndexPage"]
    subpage_types = []
    template = "feedback/questions/answered_question_page.html"

    class Meta:
        verbose_name = "câu hỏi đã trả lời"
        verbose_name_plural = "câu hỏi đã trả lời"

    def save(self, *args, **kwargs):
        self.question = nfc(self.question)
        super().save(*args, **kwargs)

"""Consultations on drafts (Lấy ý kiến góp ý dự thảo, Nghị định 43/2011 Điều 10): the draft, its dates and
the agency that receives comments; citizens' comments, shown only once the secretariat has approved them.

A consultation's status is never stored: it follows from the clock and the two dates, so a page cannot say
"open" after its deadline because nobody edited it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Q, When
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable
from wagtail.search import index

from core.models import BasePortalPage
from core.pagination import paginate_without_count, query_prefix

from ..attachments import attachment_path, private_storage
from ..enums import CommentStatus, ConsultationStatus

CONSULTATIONS_PER_PAGE = 10
CLOSES_BEFORE_OPENS = "Thời điểm kết thúc lấy ý kiến phải sau thời điểm bắt đầu."
REPORT_BEFORE_CLOSING = (
    "Chỉ đính kèm báo cáo tiếp thu, giải trình khi đã kết thúc lấy ý kiến (sau thời điểm kết thúc)."
)


def status_q(status, now):
    """The consultations in `status` at `now`: open from opens_at (included) until closes_at (excluded)."""
    return {
        ConsultationStatus.UPCOMING: Q(opens_at__gt=now),
        ConsultationStatus.OPEN: Q(opens_at__lte=now, closes_at__gt=now),
        ConsultationStatus.CLOSED: Q(closes_at__lte=now),
    }[status]


def status_at(opens_at, closes_at, now):
    """The same rule as status_q, for one consultation in Python."""
    if now < opens_at:
        return ConsultationStatus.UPCOMING
    if now < closes_at:
        return ConsultationStatus.OPEN
    return ConsultationStatus.CLOSED


class ConsultationIndexPage(BasePortalPage):
    """The "Góp ý dự thảo" section: every consultation, open ones first, filtered by status, field, year."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["feedback.ConsultationPage"]
    max_count_per_parent = 1
    template = "feedback/consultation_index_page.html"

    class Meta:
        verbose_name = "chuyên mục góp ý dự thảo"

    def consultations(self):
        return ConsultationPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        from ..consultations import ConsultationFilterForm, filter_consultations  # imports these models

        context = super().get_context(request, *args, **kwargs)
        consultations = self.consultations()
        years = [moment.year for moment in consultations.datetimes("opens_at", "year", order="DESC")]
        form = ConsultationFilterForm(request.GET, years=years)
        filters, params = form.chosen()
        now = timezone.now()
        listed = filter_consultations(consultations, filters, now).select_related("subject_area")
        context.update(
            form=form,
            pager=paginate_without_count(
                open_first(listed, now), request.GET.get("page"), CONSULTATIONS_PER_PAGE
            ),
            query_prefix=query_prefix(params),
            is_filtered=bool(params),
        )
        return context


def open_first(consultations, now):
    """Open consultations first (a citizen comes to comment), then upcoming, then closed; newest first."""
    rank = Case(
        When(status_q(ConsultationStatus.OPEN, now), then=0),
        When(status_q(ConsultationStatus.UPCOMING, now), then=1),
        default=2,
        output_field=IntegerField(),
    )
    return consultations.annotate(status_rank=rank).order_by("status_rank", "-opens_at", "-pk")


class ConsultationPage(BasePortalPage):
    """One draft open for comment, with what Nghị định 43/2011 Điều 10 asks: full text, deadline, comments
    received, a form for a new comment, and the receiving agency's address and email.

    The intro is the draft's summary and the body its full text. Required facts are nullable in the database
    (blank=False in forms) so that Wagtail can save a draft before every date is known.
    """

    subject_area = models.ForeignKey(
        "home.SubjectArea", verbose_name="lĩnh vực", null=True, on_delete=models.PROTECT, related_name="+"
    )
    drafting_agency = models.CharField("cơ quan chủ trì soạn thảo", max_length=255)
    opens_at = models.DateTimeField("bắt đầu lấy ý kiến", null=True, db_index=True)
    closes_at = models.DateTimeField("kết thúc lấy ý kiến", null=True, db_index=True)
    receiving_agency = models.CharField("cơ quan tiếp nhận ý kiến", max_length=255)
    receiving_address = models.CharField("địa chỉ tiếp nhận", max_length=500)
    receiving_email = models.EmailField("thư điện tử tiếp nhận", max_length=254)
    report_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name="báo cáo tiếp thu, giải trình",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý; đính kèm khi đã kết thúc lấy ý kiến.",
    )

    content_panels = BasePortalPage.content_panels[:1] + [
        FieldPanel("intro", heading="Tóm tắt dự thảo"),
        MultiFieldPanel(
            [
                FieldPanel("subject_area"),
                FieldPanel("drafting_agency"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading="Dự thảo và thời gian lấy ý kiến",
        ),
        MultiFieldPanel(
            [FieldPanel("receiving_agency"), FieldPanel("receiving_address"), FieldPanel("receiving_email")],
            heading="Nơi tiếp nhận ý kiến",
        ),
        FieldPanel("body", heading="Toàn văn dự thảo"),
        InlinePanel("files", heading="Tệp dự thảo", label="tệp"),
        InlinePanel("legal_documents", heading="Văn bản liên quan", label="văn bản"),
        FieldPanel("report_document"),
    ]
    search_fields = BasePortalPage.search_fields + [index.SearchField("drafting_agency")]

    parent_page_types = ["feedback.ConsultationIndexPage"]
    subpage_types = []
    template = "feedback/consultation_page.html"

    class Meta:
        verbose_name = "dự thảo lấy ý kiến"
        verbose_name_plural = "dự thảo lấy ý kiến"

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": CLOSES_BEFORE_OPENS})
        if self.report_document_id and self.closes_at and self.closes_at > timezone.now():
            raise ValidationError({"report_document": REPORT_BEFORE_CLOSING})

    def status(self, now=None):
        """The status now (or at `now`); templates call it without arguments."""
        return status_at(self.opens_at, self.closes_at, now or timezone.now())

    def serve(self, request, *args, **kwargs):
        """A POST is a comment: taken only while the consultation is open (consultations.receive_comment)."""
        if request.method == "POST":
            from ..consultations import receive_comment

            return receive_comment(self, request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..consultations import SENT, CommentForm

        context = super().get_context(request, *args, **kwargs)
        status = self.status()
        context.update(
            status=status,
            files=self.files.select_related("document"),
            legal_documents=[
                link.legal_document
                for link in self.legal_documents.select_related("legal_document__doc_type")
                if link.legal_document.live
            ],
            comments=self.comments.approved().order_by("created_at"),
            report=self.report_document if status == ConsultationStatus.CLOSED else None,
            sent=SENT in request.GET,
        )
        if status == ConsultationStatus.OPEN:
            context.setdefault("form", CommentForm())
        return context


class ConsultationFile(Orderable):
    """A file of the draft: the draft itself, its explanatory report (tờ trình), an impact assessment."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(get_document_model_string(), verbose_name="tệp", on_delete=models.PROTECT)
    title = models.CharField(
        "tên hiển thị", max_length=255, blank=True, help_text="Để trống để dùng tên của tệp."
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "tệp dự thảo"
        verbose_name_plural = "tệp dự thảo"


class ConsultationLegalDocument(Orderable):
    """A legal document the draft relates to: the one it amends or replaces, its legal basis."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="legal_documents")
    legal_document = models.ForeignKey(
        "legal_docs.LegalDocument", verbose_name="văn bản", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("legal_document")]

    class Meta(Orderable.Meta):
        verbose_name = "văn bản liên quan"
        verbose_name_plural = "văn bản liên quan"


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)


class ConsultationComment(models.Model):
    """A citizen's comment on a draft. Public only once approved, and then only name, organisation, clause and
    content: the email and the attached file stay with the secretariat and the drafting team."""

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name="dự thảo", on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField("họ và tên", max_length=100)
    organisation = models.CharField("cơ quan, tổ chức", max_length=255, blank=True)
    email = models.EmailField("thư điện tử", max_length=254)
    clause = models.CharField("điều, khoản góp ý", max_length=255, blank=True)
    content = models.TextField("nội dung góp ý", max_length=10000)
    attachment = models.FileField(
        "tệp đính kèm", storage=private_storage, upload_to=attachment_path, blank=True, max_length=255
    )
    status = models.CharField(
        "trạng thái",
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField("gửi lúc", default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField("duyệt lúc", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = "ý kiến góp ý dự thảo"
        verbose_name_plural = "ý kiến góp ý dự thảo"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.content[:60]}"

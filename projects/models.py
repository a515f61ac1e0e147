from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F
from django.utils.http import urlencode
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable
from wagtail.search import index

from core.models import BasePortalPage
from core.pagination import query_prefix

from .enums import FundingSource, ProjectSort, ProjectStatus, ProjectType, SelectionMethod
from .forms import ProjectFilterForm

PROJECTS_PER_PAGE = 20

SORT_ORDERS = {
    ProjectSort.DATE: (F("decision_date").desc(nulls_last=True), "title"),
    ProjectSort.BUDGET: (F("budget").desc(nulls_last=True), "title"),
    ProjectSort.BUDGET_ASC: (F("budget").asc(nulls_last=True), "title"),
}


def money_field(verbose_name, **kwargs):
    """Whole đồng, never negative; nullable so that a draft can be saved before the figure is known."""
    return models.DecimalField(
        verbose_name,
        max_digits=18,
        decimal_places=0,
        null=True,
        validators=[MinValueValidator(0, message="Số tiền không được là số âm.")],
        help_text="Đơn vị: đồng.",
        **kwargs,
    )


def year_field(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        validators=[
            MinValueValidator(1975, message="Năm phải từ 1975 trở về sau."),
            MaxValueValidator(2100, message="Năm không được sau năm 2100."),
        ],
    )


class ProjectIndexPage(BasePortalPage):
    """The "Dự án đầu tư, đấu thầu, mua sắm công" section: its projects, filtered, by status group."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    template = "projects/project_index_page.html"

    class Meta:
        verbose_name = "chuyên mục dự án đầu tư"

    def projects(self):
        return ProjectPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = self.projects()
        years = [day.year for day in projects.dates("decision_date", "year", order="DESC")]
        form = ProjectFilterForm(request.GET, years=years)
        filters, params = form.chosen()
        matching = filter_projects(projects, filters)
        tabs = status_tabs(matching, filters, params, request.path)
        if "status" in filters:
            matching = matching.filter(status=filters["status"])
        ordered = matching.select_related("subject_area").order_by(
            *SORT_ORDERS[filters.get("sort", ProjectSort.DATE)]
        )
        context.update(
            form=form,
            page_obj=Paginator(ordered, PROJECTS_PER_PAGE).get_page(request.GET.get("page")),
            status_tabs=tabs,
            query_prefix=query_prefix(params),
            is_filtered=any(name != "sort" for name in params),
        )
        return context


def link(path, params):
    query = urlencode(params)
    return f"{path}?{query}" if query else path


def filter_projects(projects, filters):
    """Every filter but status, which the tabs vary."""
    if "field" in filters:
        projects = projects.filter(subject_area=filters["field"])
    if "type" in filters:
        projects = projects.filter(project_type=filters["type"])
    if "year" in filters:
        projects = projects.filter(decision_date__year=filters["year"])
    return projects


def status_tabs(projects, filters, params, path):
    """ "Tất cả" and one tab per status of `projects`, each link keeping the other filters."""
    counts = dict(projects.order_by().values_list("status").annotate(total=Count("pk")))
    others = {name: value for name, value in params.items() if name != "status"}
    tabs = [("", "Tất cả", sum(counts.values())), *((s, s.label, counts.get(s, 0)) for s in ProjectStatus)]
    return [
        {
            "label": label,
            "count": count,
            "url": link(path, {**others, "status": status} if status else others),
            "current": filters.get("status", "") == status,
        }
        for status, label, count in tabs
    ]


class ProjectPage(BasePortalPage):
    """One investment project with the facts Nghị định 43/2011 Điều 10 requires.

    Required facts are nullable in the database (blank=False in forms) so that Wagtail can save a draft
    before every figure is known; publishing validates them.
    """

    objective = models.TextField("mục tiêu đầu tư", max_length=4000)
    subject_area = models.ForeignKey(
        "home.SubjectArea",
        verbose_name="lĩnh vực",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    project_type = models.CharField("loại dự án", max_length=20, choices=ProjectType.choices, db_index=True)
    status = models.CharField("tình trạng", max_length=20, choices=ProjectStatus.choices, db_index=True)
    sponsor = models.CharField(
        "cấp quyết định đầu tư",
        max_length=255,
        help_text="Cấp quyết định đầu tư hoặc cơ quan chủ quản, ví dụ: Ủy ban nhân dân tỉnh An Khánh.",
    )
    investor = models.CharField("chủ đầu tư", max_length=255)
    location = models.CharField("địa điểm thực hiện", max_length=500)
    decision_number = models.CharField(
        "số quyết định đầu tư", max_length=100, blank=True, help_text="Ví dụ: 1234/QĐ-UBND."
    )
    decision_date = models.DateField(
        "ngày quyết định đầu tư",
        null=True,
        db_index=True,
        help_text="Dự án đang chuẩn bị đầu tư: ngày quyết định chủ trương đầu tư.",
    )
    start_year = year_field("năm bắt đầu")
    end_year = year_field("năm hoàn thành")
    budget = money_field("tổng mức đầu tư", db_index=True)
    funding_source = models.CharField("nguồn vốn", max_length=20, choices=FundingSource.choices)

    content_panels = BasePortalPage.content_panels + [
        FieldPanel("objective"),
        MultiFieldPanel(
            [FieldPanel("subject_area"), FieldPanel("project_type"), FieldPanel("status")],
            heading="Phân loại",
        ),
        MultiFieldPanel(
            [FieldPanel("sponsor"), FieldPanel("investor"), FieldPanel("location")],
            heading="Cơ quan và địa điểm",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading="Quyết định đầu tư và thời gian thực hiện",
        ),
        MultiFieldPanel([FieldPanel("budget"), FieldPanel("funding_source")], heading="Vốn đầu tư"),
        InlinePanel("bidding_packages", heading="Gói thầu", label="gói thầu"),
        InlinePanel("attachments", heading="Tệp đính kèm", label="tệp đính kèm"),
    ]
    search_fields = BasePortalPage.search_fields + [
        index.SearchField("objective"),
        index.SearchField("investor"),
        index.SearchField("location"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []
    template = "projects/project_page.html"

    class Meta:
        verbose_name = "dự án đầu tư"
        verbose_name_plural = "dự án đầu tư"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "Năm hoàn thành không được trước năm bắt đầu."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["packages"] = self.bidding_packages.all()
        context["attachments"] = self.attachments.select_related("document")
        return context


class BiddingPackage(Orderable):
    """A gói thầu of the project's contractor selection plan, with its result once known."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="bidding_packages")
    name = models.CharField("tên gói thầu", max_length=500)
    method = models.CharField("hình thức lựa chọn nhà thầu", max_length=30, choices=SelectionMethod.choices)
    value = money_field("giá gói thầu")
    result = models.TextField(
        "kết quả lựa chọn nhà thầu",
        blank=True,
        max_length=2000,
        help_text="Nhà thầu trúng thầu và giá trúng thầu. Để trống khi đang lựa chọn nhà thầu.",
    )
    contract_date = models.DateField("ngày ký hợp đồng", null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("method"), FieldPanel("value")]),
        FieldPanel("result"),
        FieldPanel("contract_date"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "gói thầu"
        verbose_name_plural = "gói thầu"


class ProjectAttachment(Orderable):
    """A file published with the project: decision, contractor selection plan, bidding result."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(get_document_model_string(), verbose_name="tệp", on_delete=models.CASCADE)
    title = models.CharField(
        "tên hiển thị", max_length=255, blank=True, help_text="Để trống để dùng tên của tệp."
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Site
from wagtail.search import index

from core.models import BasePortalPage, PortalSettings
from core.sites import parent_site_id
from core.text import fold
from core.tree import children_q, descendants_q

from .enums import ImplementationLevel, OnlineServiceLevel
from .forms import ProcedureFilterForm, ProcedureIndexForm, sharing_refusal

NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
PER_PAGE = 20


class ProcedureIndexPage(BasePortalPage):
    """The "Thủ tục hành chính" section: every procedure, filtered by field and level, searchable. A province
    portal may share its catalogue: its component portals' sections then list its procedures too, as the
    province's (docs/requirements.md, Province and component portals)."""

    shared = models.BooleanField(
        "dùng chung cho các cổng thành phần",
        default=False,
        help_text="Chỉ cổng tỉnh: các cổng thành phần (sở, ngành, xã, phường) liệt kê các thủ tục của "
        "chuyên mục này trong chuyên mục thủ tục hành chính của mình, như thủ tục của tỉnh; ban biên tập của "
        "họ không sửa được.",
    )

    content_panels = BasePortalPage.content_panels + [FieldPanel("shared")]
    base_form_class = ProcedureIndexForm
    parent_page_types = ["home.HomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    template = "procedures/procedure_index_page.html"

    class Meta:
        verbose_name = "chuyên mục thủ tục hành chính"

    def clean(self):
        """Shared only by a province portal, whatever saves it (the editor, a script, an import)."""
        super().clean()
        refusal = sharing_refusal(self.get_site()) if self.shared and self.path else None
        if refusal:
            raise ValidationError({"shared": refusal})

    def shared_catalogues(self):
        """The live catalogues the site's province portal shares with it (none on a province portal)."""
        province = parent_site_id(self.get_site().pk)
        if province is None:
            return ProcedureIndexPage.objects.none()
        root = Site.objects.get(pk=province).root_page
        return ProcedureIndexPage.objects.live().filter(descendants_q(root), shared=True)

    def procedures(self, catalogues=()):
        """Live public procedures of this section and of `catalogues`, in accent-free alphabetical order,
        fields joined."""
        below = children_q(self)
        for catalogue in catalogues:
            below |= children_q(catalogue)
        return (
            ProcedurePage.objects.live()
            .public()
            .filter(below)
            .select_related("subject_area")
            .order_by("folded_name", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        catalogues = list(self.shared_catalogues())
        procedures = self.procedures(catalogues)
        form = ProcedureFilterForm(request.GET, procedures=procedures)
        page_obj = Paginator(form.filter(procedures), PER_PAGE).get_page(request.GET.get("page"))
        province = PortalSettings.for_site(catalogues[0].get_site()).agency_name if catalogues else ""
        for procedure in page_obj.object_list:
            procedure.shared_by = "" if procedure.path.startswith(self.path) else province
        context.update(form=form, page_obj=page_obj, query_prefix=form.query_prefix())
        return context


class ProcedurePage(BasePortalPage):
    """One administrative procedure as published in the national procedures database."""

    code = models.CharField(
        "mã thủ tục",
        max_length=50,
        db_index=True,
        validators=[
            RegexValidator(
                r"^[0-9A-Za-z][0-9A-Za-z.\-]*$",
                "Mã thủ tục chỉ gồm chữ số, chữ cái, dấu chấm và dấu gạch ngang, ví dụ 1.001612.",
                code="procedure_code",
            )
        ],
        help_text="Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001612.",
    )
    subject_area = models.ForeignKey(
        "home.SubjectArea",
        verbose_name="lĩnh vực",
        null=True,
        on_delete=models.SET_NULL,
        related_name="procedures",
    )
    level = models.CharField(
        "cấp thực hiện",
        max_length=20,
        choices=ImplementationLevel,
        default=ImplementationLevel.PROVINCE,
        db_index=True,
    )
    online_level = models.CharField(
        "mức độ dịch vụ công trực tuyến",
        max_length=20,
        choices=OnlineServiceLevel,
        default=OnlineServiceLevel.FULL,
    )
    processing_time = models.CharField(
        "thời hạn giải quyết",
        max_length=500,
        help_text="Ví dụ: 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    )
    fees = models.TextField("phí, lệ phí", max_length=2000, blank=True, help_text="Để trống nếu không thu.")
    dossier = RichTextField("thành phần hồ sơ", features=RICH_TEXT_FEATURES)
    steps = RichTextField("trình tự thực hiện", features=RICH_TEXT_FEATURES)
    agency = models.CharField("cơ quan thực hiện", max_length=500)
    result = models.CharField("kết quả thực hiện", max_length=500)
    legal_basis = RichTextField("căn cứ pháp lý", features=RICH_TEXT_FEATURES, blank=True)
    public_service_url = models.URLField(
        "đường dẫn trên Cổng Dịch vụ công quốc gia",
        max_length=500,
        blank=True,
        validators=[
            # Its own code: the form's generic "invalid URL" message would replace one coded "invalid".
            URLValidator(
                schemes=["https"],
                message="Đường dẫn phải là địa chỉ an toàn, bắt đầu bằng https://.",
                code="not_https",
            )
        ],
        help_text="Để trống để dùng đường dẫn tạo từ mã thủ tục.",
    )
    folded_name = models.CharField(max_length=1000, editable=False, blank=True, db_index=True)

    content_panels = BasePortalPage.content_panels[:1] + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("subject_area")]),
                FieldRowPanel([FieldPanel("level"), FieldPanel("online_level")]),
                FieldPanel("public_service_url"),
            ],
            heading="Phân loại",
        ),
        FieldPanel("processing_time"),
        FieldPanel("fees"),
        FieldPanel("agency"),
        FieldPanel("result"),
        FieldPanel("steps"),
        FieldPanel("dossier"),
        FieldPanel("legal_basis"),
        *BasePortalPage.content_panels[1:],
    ]
    search_fields = BasePortalPage.search_fields + [
        index.SearchField("code"),
        index.SearchField("agency"),
        index.SearchField("steps"),
        index.SearchField("dossier"),
    ]
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []
    template = "procedures/procedure_page.html"

    class Meta:
        verbose_name = "thủ tục hành chính"
        verbose_name_plural = "thủ tục hành chính"

    def save(self, *args, **kwargs):
        self.folded_name = fold(f"{self.title} {self.code}")[:1000]
        super().save(*args, **kwargs)

    @property
    def national_portal_url(self):
        """The editor's link, else the procedure's page on dichvucong.gov.vn found by its code."""
        return self.public_service_url or f"{NATIONAL_PORTAL_URL}?{urlencode({'ma_thu_tuc': self.code})}"

    @property
    def is_online(self):
        return self.online_level != OnlineServiceLevel.OFFLINE

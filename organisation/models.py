from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Site

from core.models import BasePortalPage, PortalSettings
from core.pagination import query_prefix
from core.sites import owning_site
from core.text import fold, normalize, words

from .enums import UnitKind
from .forms import ContactDetailsForm
from .validators import EMAIL_INVALID, validate_phone

OFFICIALS_PER_PAGE = 20
MAX_QUERY_LENGTH = 100
OTHER_SITE_PARENT = "Đơn vị cấp trên phải thuộc cùng cổng (cơ quan) với đơn vị này."
PARENT_LOOP = "Đơn vị cấp trên không được là chính đơn vị này hoặc một đơn vị cấp dưới của nó."


class ContactDetails(models.Model):
    """Phone, fax and official email: what Nghị định 43/2011 Điều 10 requires for units and officials."""

    phone = models.CharField("điện thoại", max_length=50, blank=True, validators=[validate_phone])
    fax = models.CharField("fax", max_length=50, blank=True, validators=[validate_phone])
    email = models.EmailField("thư điện tử công vụ", blank=True, error_messages={"invalid": EMAIL_INVALID})

    base_form_class = ContactDetailsForm
    contact_panel = FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")])

    class Meta:
        abstract = True


class OrganisationUnit(ContactDetails):
    """A part of the agency (ban lãnh đạo, phòng, đơn vị trực thuộc), nested under its parent unit. Each
    agency's units belong to its site (core/sites.py)."""

    site = owning_site("organisation_units", "Cổng (cơ quan) có phòng, đơn vị này.")
    name = models.CharField("tên đơn vị", max_length=255)
    slug = models.SlugField(
        "đường dẫn", max_length=100, help_text="Dùng trong bộ lọc danh bạ, ví dụ: van-phong."
    )
    kind = models.CharField(
        "loại đơn vị", max_length=20, choices=UnitKind.choices, default=UnitKind.DEPARTMENT
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subunits",
    )
    functions = RichTextField(
        "chức năng, nhiệm vụ", blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    address = models.CharField(
        "địa chỉ", max_length=255, blank=True, help_text="Để trống nếu làm việc tại trụ sở chính."
    )
    sort_order = models.PositiveIntegerField("thứ tự hiển thị", default=0)

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent"), FieldPanel("sort_order")]),
        FieldPanel("functions"),
        MultiFieldPanel([FieldPanel("address"), ContactDetails.contact_panel], heading="Liên hệ"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        indexes = [models.Index(fields=["sort_order", "name"], name="org_unit_order_idx")]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="org_unit_site_name"),
            models.UniqueConstraint(fields=["site", "slug"], name="org_unit_site_slug"),
        ]
        verbose_name = "phòng, đơn vị"
        verbose_name_plural = "phòng, đơn vị"

    def __str__(self):
        return self.name

    def clean(self):
        """A unit may not sit under itself, directly or further down, or the chart would loop; nor under
        another agency's unit."""
        if self.parent is not None and self.site_id and self.parent.site_id != self.site_id:
            raise ValidationError({"parent": OTHER_SITE_PARENT})
        seen = set()
        ancestor = self.parent
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": PARENT_LOOP})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


@dataclass
class UnitNode:
    unit: OrganisationUnit
    children: list = field(default_factory=list)


def unit_tree(units):
    """Nest units (given in display order) under their parents; units caught in a loop are left out."""
    by_parent = {}
    for unit in units:
        by_parent.setdefault(unit.parent_id, []).append(unit)

    def grow(parent_id):
        return [UnitNode(unit, grow(unit.pk)) for unit in by_parent.get(parent_id, [])]

    return grow(None)


class OfficialQuerySet(models.QuerySet):
    def with_unit_and_photo(self):
        """Unit, photo and its renditions in a fixed number of queries, however many officials."""
        photos = get_image_model().objects.prefetch_renditions()
        return self.select_related("unit").prefetch_related(Prefetch("photo", queryset=photos))

    def matching_name(self, query):
        """Each word typed, with or without diacritics, in any order: "minh nguyen" finds Nguyễn Văn Minh.
        Only the query's [0-9a-z] words reach the database: PostgreSQL refuses a NUL byte with an error."""
        queryset = self
        for word in words(query):
            queryset = queryset.filter(name_folded__icontains=word)
        return queryset


class Official(ContactDetails):
    """An official of the agency as the public directory and the leaders page show them."""

    # The site of the official's unit, kept here so that every listing and check reads it directly.
    site = owning_site("officials", editable=False)
    full_name = models.CharField("họ và tên", max_length=255)
    name_folded = models.CharField(max_length=255, db_index=True, editable=False)
    position = models.CharField("chức vụ", max_length=255, help_text="Ví dụ: Phó Giám đốc Sở, Trưởng phòng.")
    unit = models.ForeignKey(
        OrganisationUnit, verbose_name="phòng, đơn vị", on_delete=models.PROTECT, related_name="officials"
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh chân dung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField("tóm tắt tiểu sử", blank=True)
    duties = models.TextField("nhiệm vụ được phân công", blank=True)
    is_leader = models.BooleanField(
        "lãnh đạo cơ quan", default=False, db_index=True, help_text="Hiện trên trang Lãnh đạo Sở."
    )
    is_unit_head = models.BooleanField(
        "lãnh đạo phòng, đơn vị",
        default=False,
        help_text="Trưởng, phó phòng hoặc người đứng đầu đơn vị: hiện trên sơ đồ tổ chức.",
    )
    sort_order = models.PositiveIntegerField("thứ tự hiển thị", default=0)

    objects = OfficialQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("full_name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("is_leader"), FieldPanel("is_unit_head")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("duties"),
        MultiFieldPanel([ContactDetails.contact_panel], heading="Liên hệ"),
    ]

    class Meta:
        ordering = ["sort_order", "name_folded"]
        indexes = [models.Index(fields=["sort_order", "name_folded"], name="org_official_order_idx")]
        verbose_name = "cán bộ, công chức"
        verbose_name_plural = "cán bộ, công chức"

    def __str__(self):
        return f"{self.full_name} – {self.position}"

    def save(self, *args, **kwargs):
        """Stores the name in NFC with a folded copy beside it, so searching needs no diacritics."""
        self.full_name = normalize(self.full_name)
        self.name_folded = fold(self.full_name)
        self.site_id = self.unit.site_id
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "full_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_folded"}
        if update_fields is not None and "unit" in update_fields:
            kwargs["update_fields"] = {*kwargs["update_fields"], "site"}
        super().save(*args, **kwargs)


def site_id_of(page, request):
    """The site whose officials and units a page lists: the request's (Wagtail keeps it on the request)."""
    site = Site.find_for_request(request) or page.get_site()
    return site.pk


class LeadersPage(BasePortalPage):
    """Lãnh đạo Sở: every leader with photo, position, bio, duties and contacts."""

    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "organisation/leaders_page.html"

    class Meta:
        verbose_name = "trang lãnh đạo cơ quan"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        officials = Official.objects.filter(site_id=site_id_of(self, request))
        context["leaders"] = officials.filter(is_leader=True).with_unit_and_photo()
        return context


class OrganisationChartPage(BasePortalPage):
    """Sơ đồ tổ chức: the units as a tree with their heads and contacts, and an optional chart picture."""

    chart_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh sơ đồ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chart_caption = models.CharField("chú thích ảnh sơ đồ", max_length=255, blank=True)

    content_panels = BasePortalPage.content_panels + [
        MultiFieldPanel([FieldPanel("chart_image"), FieldPanel("chart_caption")], heading="Ảnh sơ đồ")
    ]
    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "organisation/organisation_chart_page.html"

    class Meta:
        verbose_name = "trang sơ đồ tổ chức"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_id = site_id_of(self, request)
        heads = Official.objects.filter(Q(is_leader=True) | Q(is_unit_head=True), site_id=site_id)
        units = OrganisationUnit.objects.filter(site_id=site_id).prefetch_related(
            Prefetch("officials", queryset=heads, to_attr="heads")
        )
        context["tree"] = unit_tree(units)
        return context


class ContactPage(BasePortalPage):
    """Liên hệ: the agency's own contacts, the officials directory and the units' email directory."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "organisation/contact_page.html"

    class Meta:
        verbose_name = "trang liên hệ"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_id = site_id_of(self, request)
        units = list(OrganisationUnit.objects.filter(site_id=site_id))
        selected_unit = next((unit for unit in units if unit.slug == request.GET.get("unit")), None)
        query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        officials = Official.objects.filter(site_id=site_id).matching_name(query).with_unit_and_photo()
        if selected_unit:
            officials = officials.filter(unit=selected_unit)
        officials = officials.order_by("unit__sort_order", "unit__name", "sort_order", "name_folded")
        filters = {"unit": selected_unit.slug if selected_unit else "", "q": query}
        filters = {name: value for name, value in filters.items() if value}
        context.update(
            agency=PortalSettings.for_request(request),
            units=units,
            unit_emails=[unit for unit in units if unit.email],
            selected_unit=selected_unit,
            query=query,
            page_obj=Paginator(officials, OFFICIALS_PER_PAGE).get_page(request.GET.get("page")),
            query_prefix=query_prefix(filters),
        )
        return context

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.text import slugify
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.indexing import FoldedSearchMixin, folded_search_field

from .blocks import BannerBlock, BodyBlock, QuickLinkBlock
from .enums import PortalKind
from .locales import language_code
from .text import slug_of
from .visibility import PortalPageQuerySet, may_be_restricted


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """The agency behind one site: what the footer must show on every page (Thông tư 32/2017)."""

    agency_name = models.CharField("tên cơ quan", max_length=255, default="Cổng thông tin điện tử")
    short_name = models.CharField("tên viết tắt", max_length=100, blank=True)
    governing_body = models.CharField(
        "cơ quan chủ quản", max_length=255, blank=True, help_text="Ví dụ: Ủy ban nhân dân tỉnh ..."
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="quốc huy / biểu trưng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Để trống để dùng biểu trưng mặc định của cổng.",
    )
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=100, blank=True)
    fax = models.CharField("fax", max_length=100, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    responsible_person = models.CharField("người chịu trách nhiệm nội dung", max_length=255, blank=True)
    responsible_title = models.CharField("chức vụ người chịu trách nhiệm", max_length=255, blank=True)
    kind = models.CharField(
        "loại cổng", max_length=20, choices=PortalKind.choices, default=PortalKind.DEPARTMENT
    )
    parent_site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="cổng thành phần của",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="component_portal_settings",
        help_text="Cổng tỉnh mà trang này là cổng thành phần (Nghị định 224/2026, Điều 11).",
    )
    licence = models.CharField(
        "giấy phép",
        max_length=500,
        blank=True,
        help_text="Ví dụ: Giấy phép số 12/GP-TTĐT ngày 05/03/2024 của Sở Thông tin và Truyền thông.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("agency_name"),
                FieldPanel("short_name"),
                FieldPanel("governing_body"),
                FieldPanel("kind"),
                FieldPanel("parent_site"),
                FieldPanel("emblem"),
            ],
            heading="Cơ quan",
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
            heading="Liên hệ",
        ),
        MultiFieldPanel(
            [FieldPanel("responsible_person"), FieldPanel("responsible_title"), FieldPanel("licence")],
            heading="Trách nhiệm nội dung và giấy phép",
        ),
    ]

    class Meta:
        verbose_name = "thông tin cổng"


@register_snippet
class SubjectArea(index.Indexed, models.Model):
    """A field of state management (lĩnh vực) shared by articles, documents, projects, procedures, Q&A."""

    name = models.CharField("tên lĩnh vực", max_length=255, unique=True)
    slug = models.SlugField("đường dẫn", max_length=255, unique=True, allow_unicode=False)
    sort_order = models.PositiveIntegerField("thứ tự hiển thị", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"

    def __str__(self):
        return self.name


class BasePortalPage(FoldedSearchMixin, Page):
    """Intro and body that every content page shares, indexed with and without diacritics."""

    intro = models.TextField("tóm tắt", blank=True, max_length=1000)
    body = StreamField(BodyBlock(), verbose_name="nội dung", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        folded_search_field(),
    ]

    objects = PageManager.from_queryset(PortalPageQuerySet)()

    class Meta:
        abstract = True

    @property
    def localized(self):
        """Wagtail's, without its locale query when the page is in the language being served already (the
        site's root page, on every request)."""
        if language_code(self.locale_id) == translation.get_language():
            return self
        return super().localized

    def get_view_restrictions(self):
        """Wagtail's two queries per page served, only for a page that a restriction may cover."""
        if not may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def full_clean(self, *args, **kwargs):
        """A new page's address is không-dấu (docs/requirements.md): from its title when none is given, and
        folded when Wagtail's editor (or an editor) wrote it with diacritics; unique among its siblings. An
        existing page keeps its address (convert_unicode_slugs changes it, with redirects)."""
        if self.pk is None and self.title and not (self.slug and self.slug.isascii()):
            from_title = not self.slug or self.slug == slugify(self.title, allow_unicode=True)
            self.slug = self.free_slug(slug_of(self.title if from_title else self.slug))
        super().full_clean(*args, **kwargs)

    def free_slug(self, base):
        """base, or base-2, base-3… when a sibling has it (only once the page sits in the tree)."""
        parent = self.get_parent() if self.path else None
        if parent is None or not base:
            return base
        taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def permissions_for_user(self, user):
        """The tester settings.PAGE_PERMISSION_TESTER names: Wagtail's, narrowed by the board's rule on direct
        publication (editorial/permissions.py), which sits in a layer above this one."""
        return import_string(settings.PAGE_PERMISSION_TESTER)(user, self)


class HomePage(BasePortalPage):
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh đầu trang",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name="tin nổi bật",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Để trống để dùng tin mới nhất.",
    )
    quick_links = StreamField([("link", QuickLinkBlock())], verbose_name="liên kết nhanh", blank=True)
    banners = StreamField([("banner", BannerBlock())], verbose_name="băng rôn, biểu ngữ", blank=True)

    content_panels = BasePortalPage.content_panels + [
        FieldPanel("banner_image"),
        FieldPanel("featured_article"),
        FieldPanel("quick_links"),
        FieldPanel("banners"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.SectionPage",
        "projects.ProjectIndexPage",
        "procedures.ProcedureIndexPage",
        "organisation.ContactPage",
        "schedule.SchedulePage",
        "legal_docs.LegalDocumentIndexPage",
        "feedback.ConsultationIndexPage",
        "feedback.QuestionIndexPage",
    ]
    template = "home/home_page.html"

    class Meta:
        verbose_name = "trang chủ"

    @property
    def is_translation(self):
        """A home page in another language (English) is a short brochure, not the news-driven portal."""
        return language_code(self.locale_id) != settings.LANGUAGE_CODE

    def get_template(self, request, *args, **kwargs):
        return "home/standard_page.html" if self.is_translation else self.template

    def get_context(self, request, *args, **kwargs):
        """The blocks the apps above compose for the home page (news, documents, schedule) come from the
        construct_home_page_context hook (portal/wagtail_hooks.py): core imports none of those apps."""
        context = super().get_context(request, *args, **kwargs)
        if self.is_translation:
            context["subpages"] = self.get_children().live().public().specific()
        else:
            for construct in hooks.get_hooks("construct_home_page_context"):
                context.update(construct(self, request))
        return context


class StandardPage(BasePortalPage):
    """A plain page: introduction texts, functions and duties, contacts, and the like."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "organisation.LeadersPage", "organisation.OrganisationChartPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "trang nội dung"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context

from csp.decorators import csp_update
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.encoding import uri_to_iri
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.search import index

from core.fragments import fragment
from core.models import BasePortalPage
from core.pagination import page_number, paginate_without_count
from core.text import fold
from core.tree import children_q, descendants_q
from documents.classification import ClassifiedContent

from .feeds import SectionFeed

ARTICLES_PER_PAGE = 12
RELATED_LIMIT = 4
CARD_IMAGE = "fill-320x200"  # a card's image (news/includes/article_cards.html)


def articles_below(page):
    """Live public articles anywhere below page (anything with a tree path), newest first, ordered by an
    indexed column."""
    return (
        ArticlePage.objects.live().public().filter(descendants_q(page)).order_by("-first_published_at", "-pk")
    )


def for_cards(articles, *image_specs):
    """articles with what a card shows read with them, without their bodies: the field joined, the main
    image and its renditions (CARD_IMAGE and image_specs) prefetched, as Wagtail's prefetch_renditions()
    reads them: two queries for a whole list."""
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE, *image_specs)
    return (
        articles.defer_streamfields()
        .select_related("subject_area")
        .prefetch_related(Prefetch("main_image", queryset=images))
    )


class SectionPage(RoutablePageMixin, BasePortalPage):
    """A section (chuyên mục): lists every article below it, newest first, with tag pages and RSS."""

    parent_page_types = ["home.HomePage", "news.SectionPage"]
    subpage_types = ["news.SectionPage", "news.ArticlePage", "schedule.SchedulePage"]
    template = "news/section_page.html"

    class Meta:
        verbose_name = "chuyên mục tin bài"

    def articles(self):
        """articles_below() this section, without their bodies (listings read them as cards, the RSS feed
        names their field)."""
        return articles_below(self).defer_streamfields().select_related("subject_area")

    def subsections(self):
        return SectionPage.objects.live().public().filter(children_q(self)).in_menu()

    def _listing(self, request, articles, tag=None):
        """The section's page with one page of its cards, rendered once per content generation
        (core/fragments.py)."""
        number = page_number(request.GET.get("page"))

        def cards():
            pager = paginate_without_count(for_cards(articles), number, ARTICLES_PER_PAGE)
            context = {"pager": pager, "page": self, "tag": tag}
            return render_to_string("news/includes/section_listing.html", context, request=request)

        context = self.get_context(request)
        context.update(
            listing=fragment(request, "section-listing", self.pk, tag.pk if tag else "", number, build=cards),
            subsections=self.subsections(),
            tag=tag,
        )
        return TemplateResponse(request, self.template, context)

    @path("")
    def index_route(self, request):
        return self._listing(request, self.articles())

    @path("the/<str:tag_slug>/", name="tag")
    def tag_route(self, request, tag_slug):
        tag = get_object_or_404(NewsTag, slug=tag_slug)
        return self._listing(request, self.articles().filter(tags=tag), tag=tag)

    @path("rss/", name="rss")
    def rss_route(self, request):
        return SectionFeed()(request, section=self)


class NewsTag(TagBase):
    """A keyword whose URL slug is plain ASCII ("xuc-tien-dau-tu"), folded the portal's one way."""

    class Meta:
        verbose_name = "từ khóa"
        verbose_name_plural = "từ khóa"

    def slugify(self, tag, i=None):
        slug = slugify(fold(tag)) or "tu-khoa"
        return f"{slug}-{i}" if i is not None else slug


class ArticleTag(ItemBase):
    tag = models.ForeignKey(NewsTag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(ClassifiedContent, RoutablePageMixin, BasePortalPage):
    """A news item or article, with the provenance the editorial rules require (docs/requirements.md,
    Provenance)."""

    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_caption = models.CharField("chú thích ảnh", max_length=500, blank=True)
    subject_area = models.ForeignKey(
        "home.SubjectArea",
        verbose_name="lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager("từ khóa", through=ArticleTag, blank=True)
    event_date = models.DateField("ngày diễn ra sự kiện", null=True, blank=True)
    author_name = models.CharField("tác giả", max_length=255)
    author_address = models.CharField("địa chỉ tác giả", max_length=255)
    source = models.CharField(
        "nguồn tin",
        max_length=255,
        blank=True,
        help_text="Với tin sưu tầm: tên báo, cổng thông tin, cơ quan.",
    )
    collector = models.CharField("người sưu tầm", max_length=255, blank=True)
    official_source = models.ForeignKey(
        "editorial.OfficialSource",
        verbose_name="lấy từ nguồn chính thức",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Tin từ nguồn chính thức: Quản trị được đăng trực tiếp, có báo cáo Ban biên tập.",
    )

    content_panels = BasePortalPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_caption")],
            heading="Ảnh đại diện",
        ),
        FieldRowPanel([FieldPanel("subject_area"), FieldPanel("event_date")]),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("author_name"), FieldPanel("author_address")]),
                FieldRowPanel([FieldPanel("source"), FieldPanel("collector")]),
                FieldRowPanel([FieldPanel("official_source"), FieldPanel("classification")]),
            ],
            heading="Tác giả, nguồn tin, độ mật",
        ),
    ]
    search_fields = BasePortalPage.search_fields + [
        index.SearchField("author_name"),
        index.FilterField("subject_area"),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    template = "news/article_page.html"

    class Meta:
        verbose_name = "tin, bài viết"

    def clean(self):
        super().clean()
        errors = {}
        if not (self.intro or "").strip():
            errors["intro"] = "Tin, bài phải có phần tóm tắt (sa-pô)."
        if self.source and not self.collector:
            errors["collector"] = "Tin sưu tầm phải ghi rõ người sưu tầm."
        if self.collector and not self.source:
            errors["source"] = "Tin sưu tầm phải ghi rõ nguồn tin."
        if errors:
            raise ValidationError(errors)

    def section(self):
        """The section the article is in (its parent: ArticlePage.parent_page_types), one query."""
        return SectionPage.objects.parent_of(self).first()

    def related_articles(self, tag_ids, section=None):
        """The newest articles sharing one of tag_ids, topped up from the section, ready for cards."""
        newest = ArticlePage.objects.live().public().exclude(pk=self.pk)
        newest = for_cards(newest.order_by("-first_published_at", "-pk"))
        related = []
        if tag_ids:
            tagged = ArticleTag.objects.filter(tag_id__in=tag_ids).values("content_object_id")
            related = list(newest.filter(pk__in=tagged)[:RELATED_LIMIT])
        if len(related) < RELATED_LIMIT:
            section = section or self.get_parent()
            siblings = newest.filter(children_q(section)).exclude(pk__in=[a.pk for a in related])
            related += siblings[: RELATED_LIMIT - len(related)]
        return related

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags = list(self.tags.all())
        section = self.section() or self.get_parent().specific

        def related():
            articles = self.related_articles(sorted(tag.pk for tag in tags), section)
            return render_to_string("news/includes/related_articles.html", {"articles": articles}, request)

        def main_image():
            return render_to_string("news/includes/main_image.html", {"page": self}, request)

        context.update(
            tags=tags,
            section=section,
            main_image=self.main_image_id and fragment(request, "article-image", self.pk, build=main_image),
            related_articles=fragment(request, "related-articles", self.pk, build=related),
        )
        return context

    @path("luu/", name="download")
    @csp_update({"style-src": ["'unsafe-inline'"]})  # the file's own styles, the same on disk
    def download_route(self, request):
        """The article as one self-contained HTML file, for citizens who keep a copy (lưu bài viết), named
        in plain letters (a header in RFC 2047 made browsers save "download.html")."""
        context = {**self.get_context(request), "address": uri_to_iri(self.get_full_url(request))}
        html = render_to_string("news/article_download.html", context, request=request)
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        name = slugify(fold(self.title))[:80] or "bai-viet"
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.html")
        return response

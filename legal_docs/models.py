"""The legal-documents database: one snippet per document, moderated like pages, served by one index page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    PreviewableMixin,
    RevisionMixin,
    Site,
    WorkflowMixin,
)

from core import chrome
from core.models import BasePortalPage
from core.sites import owning_site, parent_site_id
from core.text import fold, normalize
from core.tree import below_any
from documents.classification import ClassifiedContent
from documents.enums import ExtractionStatus

from .enums import ENDING_KINDS, INVERSE_LABELS, RelationKind, ValidityStatus
from .numbers import normalized_number, number_key


class DocumentType(models.Model):
    """Loại văn bản: Luật, Nghị định, Quyết định… (an editable list)."""

    name = models.CharField("tên loại văn bản", max_length=100, unique=True)
    abbreviation = models.CharField("viết tắt", max_length=20, blank=True, help_text="Ví dụ: NĐ, QĐ, TT.")
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)
    is_normative = models.BooleanField("văn bản quy phạm pháp luật", default=False)
    sort_order = models.PositiveIntegerField("thứ tự", default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("slug"),
        FieldPanel("is_normative"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"

    def __str__(self):
        return self.name


class Issuer(models.Model):
    """Cơ quan ban hành: Quốc hội, Chính phủ, UBND tỉnh… (an editable list)."""

    name = models.CharField("tên cơ quan ban hành", max_length=255, unique=True)
    abbreviation = models.CharField("viết tắt", max_length=50, blank=True)
    slug = models.SlugField("đường dẫn", max_length=255, unique=True)
    sort_order = models.PositiveIntegerField("thứ tự", default=0)

    panels = [FieldPanel("name"), FieldPanel("abbreviation"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"

    def __str__(self):
        return self.name


class LegalDocumentQuerySet(models.QuerySet):
    pass


class LegalDocument(
    ClassifiedContent,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """A legal or directive document. A snippet, not a page: 100,000 of them under one page would slow
    Wagtail's page tree, while snippets keep drafts, revisions, locking and moderation workflows."""

    number = models.CharField("số, ký hiệu", max_length=100)
    number_normalized = models.CharField(
        "số, ký hiệu chuẩn hóa", max_length=100, editable=False, db_index=True
    )
    number_key = models.CharField("khóa tra cứu số hiệu", max_length=120, editable=False, db_index=True)
    slug = models.SlugField("đường dẫn", max_length=160, editable=False)
    # Whose document it is (core/sites.py): that site's board moderates it, its /van-ban/ lists it.
    site = owning_site(
        "legal_documents", "Cổng (cơ quan) quản lý văn bản; Ban biên tập của cổng đó duyệt văn bản."
    )
    shared = models.BooleanField(
        "dùng chung cho các cổng thành phần",
        default=False,
        help_text="Văn bản của cổng tỉnh hiện cả trên các cổng thành phần (sở, xã), ghi rõ là của tỉnh.",
    )
    doc_type = models.ForeignKey(
        DocumentType, verbose_name="loại văn bản", on_delete=models.PROTECT, related_name="documents"
    )
    issuer = models.ForeignKey(
        Issuer, verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="documents"
    )
    signer = models.CharField("người ký", max_length=255, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=255, blank=True)
    signer_key = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    issued_on = models.DateField("ngày ban hành", db_index=True)
    effective_on = models.DateField("ngày có hiệu lực", null=True, blank=True)
    expires_on = models.DateField("ngày hết hiệu lực", null=True, blank=True)
    status = models.CharField(
        "tình trạng hiệu lực",
        max_length=20,
        choices=ValidityStatus.choices,
        default=ValidityStatus.IN_FORCE,
        db_index=True,
    )
    status_is_manual = models.BooleanField(
        "giữ tình trạng nhập tay",
        default=False,
        help_text="Bỏ chọn để tình trạng tự tính theo ngày hiệu lực và văn bản thay thế, bãi bỏ.",
    )
    subject_areas = ParentalManyToManyField("home.SubjectArea", verbose_name="lĩnh vực", blank=True)
    summary = models.TextField("trích yếu", max_length=2000)
    full_text = models.TextField("toàn văn", blank=True)
    search_text = models.TextField("nội dung tra cứu (không dấu)", blank=True, editable=False)

    objects = LegalDocumentQuerySet.as_manager()

    metadata_panels = [
        FieldRowPanel([FieldPanel("site"), FieldPanel("shared")]),
        FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
        FieldPanel("issuer"),
        FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
        FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_is_manual")]),
        FieldPanel("subject_areas"),
        FieldPanel("summary"),
        FieldPanel("classification"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(metadata_panels, heading="Thông tin văn bản"),
            ObjectList([FieldPanel("full_text")], heading="Toàn văn"),
            ObjectList([InlinePanel("files", label="Tệp đính kèm")], heading="Tệp đính kèm"),
            ObjectList([InlinePanel("relations", label="Văn bản liên quan")], heading="Văn bản liên quan"),
        ]
    )

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        indexes = [models.Index(fields=["live", "-issued_on"], name="legal_doc_live_issued")]
        constraints = [models.UniqueConstraint(fields=["site", "slug"], name="legal_doc_site_slug")]

    def __str__(self):
        return f"{self.number}: {self.summary[:80]}"

    # Validation ---------------------------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            errors["effective_on"] = "Ngày có hiệu lực không được trước ngày ban hành."
        if self.expires_on:
            if self.issued_on and self.expires_on <= self.issued_on:
                errors["expires_on"] = "Ngày hết hiệu lực phải sau ngày ban hành."
            elif self.effective_on and self.expires_on <= self.effective_on:
                errors["expires_on"] = "Ngày hết hiệu lực phải sau ngày có hiệu lực."
        if self.shared and self.site_id and parent_site_id(self.site_id):
            errors["shared"] = "Chỉ văn bản của cổng tỉnh mới dùng chung cho các cổng thành phần."
        if self.number and self.issuer_id and self.issued_on and self.site_id and self.duplicates().exists():
            errors["number"] = (
                f"Số, ký hiệu «{self.number}» của cơ quan này đã có trong năm {self.issued_on.year}."
            )
        if errors:
            raise ValidationError(errors)

    def duplicates(self):
        """The same number from the same issuer in the same year (numbers restart every year), on the same
        site: two portals may both hold a central document."""
        return LegalDocument.objects.filter(
            site_id=self.site_id,
            number_key=number_key(self.number),
            issuer_id=self.issuer_id,
            issued_on__year=self.issued_on.year,
        ).exclude(pk=self.pk)

    # Derived columns ----------------------------------------------------------------------------------
    def save(self, *args, **kwargs):
        self.number = normalize(self.number).strip()
        self.number_normalized = normalized_number(self.number)
        self.number_key = number_key(self.number)
        self.signer_key = fold(self.signer)
        if not self.slug:
            self.slug = self.unique_slug()
        if not self.status_is_manual and self.pk:
            self.status = self.computed_status()
        self.search_text = self.folded_text()
        super().save(*args, **kwargs)

    def unique_slug(self):
        """43-2011-nd-cp; a number reused in another year or by another issuer gets the year, then issuer."""
        base = self.number_key or "van-ban"
        candidates = [
            base,
            f"{base}-{self.issued_on.year}",
            f"{base}-{self.issued_on.year}-{self.issuer.slug}",
        ]
        mine = LegalDocument.objects.filter(site_id=self.site_id)
        taken = set(mine.filter(slug__in=candidates).values_list("slug", flat=True))
        for candidate in candidates:
            if candidate not in taken:
                return candidate
        return f"{candidates[-1]}-{mine.count() + 1}"

    def folded_text(self):
        """Everything a citizen may type words from, without diacritics: one column for the search index."""
        parts = [self.number, self.summary, self.full_text, self.signer]
        if self.doc_type_id:
            parts.append(self.doc_type.name)
        if self.issuer_id:
            parts.append(self.issuer.name)
        if self.pk:
            parts += [
                attachment.document.extracted_text
                for attachment in self.files.select_related("document")
                if getattr(attachment.document, "extracted_text", "")
            ]
        return fold(" ".join(part for part in parts if part))

    # Validity -----------------------------------------------------------------------------------------
    def ending_relations(self, today=None):
        """Newer documents in effect that replace or repeal this one."""
        today = today or timezone.localdate()
        return (
            DocumentRelation.objects.filter(target=self, kind__in=ENDING_KINDS, source__live=True)
            .filter(models.Q(source__effective_on__lte=today) | models.Q(source__effective_on__isnull=True))
            .select_related("source")
        )

    def computed_status(self, today=None):
        today = today or timezone.localdate()
        ending = list(self.ending_relations(today)) if self.pk else []
        if any(not relation.partial for relation in ending):
            return ValidityStatus.EXPIRED
        if self.expires_on and self.expires_on <= today:
            return ValidityStatus.EXPIRED
        if self.effective_on and self.effective_on > today:
            return ValidityStatus.NOT_YET
        if ending:
            return ValidityStatus.PARTLY_EXPIRED
        return ValidityStatus.IN_FORCE

    def refresh_status(self, today=None):
        """Recompute and store the status (after a relation changes, or daily as dates pass)."""
        if self.status_is_manual:
            return False
        status = self.computed_status(today)
        if status != self.status:
            LegalDocument.objects.filter(pk=self.pk).update(status=status)
            self.status = status
            return True
        return False

    def dublin_core(self, request):
        """The document's own metadata (its title, issuer and issue date; its page's address), not its index
        page's, for its page: core.templatetags.portal_tags.dublin_core."""
        return {
            "title": f"{self.doc_type.name} {self.number}",
            "creator": self.issuer.name,
            "date": self.issued_on.isoformat(),
            "description": self.summary,
            "identifier": request.build_absolute_uri(request.path),
        }

    def ended_on(self):
        """The day the document stops having effect: its own expiry date, or the day a document replacing or
        repealing it in full takes effect, whichever comes first (incoming relations prefetched, as for
        validity_history)."""
        days = [self.expires_on] if self.expires_on else []
        for relation in self.incoming_relations.all():
            if relation.source.live and relation.kind in ENDING_KINDS and not relation.partial:
                days.append(relation.source.effective_on or relation.source.issued_on)
        return min(days, default=None)

    def validity_history(self):
        """Dated events of the document's life, oldest first, for the detail page (which prefetches the
        incoming relations with their sources: filtering here, not in SQL, reuses them)."""
        events = [(self.issued_on, "Ban hành")]
        if self.effective_on:
            events.append((self.effective_on, "Có hiệu lực"))
        for relation in self.incoming_relations.all():
            if not relation.source.live:
                continue
            when = relation.source.effective_on or relation.source.issued_on
            partial = " (một phần)" if relation.partial else ""
            label = f"{relation.inverse_label}{partial} {relation.source.number}"
            events.append((when, label))
        if self.expires_on:
            events.append((self.expires_on, "Hết hiệu lực"))
        return sorted(events, key=lambda event: event[0])

    def files_status(self):
        """For the admin list: how many files, and which cannot be searched (scans, unreadable)."""
        attachments = list(self.files.all())
        if not attachments:
            return "—"
        scans = sum(1 for attachment in attachments if attachment.document.needs_scan_review)
        failed = sum(
            1
            for attachment in attachments
            if attachment.document.extraction_status == ExtractionStatus.FAILED
        )
        notes = [f"{scans} bản quét"] * bool(scans) + [f"{failed} lỗi đọc tệp"] * bool(failed)
        return " · ".join([f"{len(attachments)} tệp", *notes])

    files_status.short_description = "Tệp đính kèm"

    # Moderation ---------------------------------------------------------------------------------------
    def get_workflow(self):
        """The board of the document's own site moderates it: the workflow on that site's pages (the board
        file attaches it), or while the site has none, the one attached to legal documents."""
        workflow = self.site.root_page.get_workflow() if self.site_id else None
        return workflow or self.get_default_workflow()

    # Public URL and preview ---------------------------------------------------------------------------
    def get_url(self, request=None):
        """Under /van-ban/ of the request's site when that site shows the document (its own, or shared by
        its province); otherwise under its own site's, with the host."""
        site_id = self.site_id
        if request is not None:
            current = Site.find_for_request(request)
            if current is not None and self.shown_on(current.pk):
                site_id = current.pk
        base = index_url(site_id, request)
        return f"{base}{self.slug}/" if base else None

    def shown_on(self, site_id):
        """Whether the site's public pages show the document (core/sites.py)."""
        return self.site_id == site_id or (self.shared and self.site_id == parent_site_id(site_id))

    url = property(get_url)

    def get_preview_template(self, request, mode_name):
        return "legal_docs/legal_document_detail.html"

    def get_preview_context(self, request, mode_name):
        return {"document": self, "page_title": self.number}


class DocumentFile(Orderable):
    """A file of a document: every upload goes through the portal's document model (checked, text read)."""

    legal_document = ParentalKey(LegalDocument, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "documents.PortalDocument", verbose_name="tệp", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("tên hiển thị", max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "tệp đính kèm"

    def display_title(self):
        return self.title or self.document.title


class DocumentRelation(Orderable):
    """A typed link from this document (source) to another (target), shown on both documents."""

    source = ParentalKey(LegalDocument, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField("quan hệ", max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocument, verbose_name="văn bản", on_delete=models.PROTECT, related_name="incoming_relations"
    )
    partial = models.BooleanField(
        "một phần", default=False, help_text="Chỉ thay thế, bãi bỏ một phần văn bản kia."
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("target"), FieldPanel("partial")])]

    class Meta(Orderable.Meta):
        verbose_name = "văn bản liên quan"
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "target"], name="legal_doc_relation_unique")
        ]

    def clean(self):
        if self.target_id and self.source_id and self.target_id == self.source_id:
            raise ValidationError({"target": "Một văn bản không thể liên quan đến chính nó."})

    @property
    def inverse_label(self):
        return INVERSE_LABELS[RelationKind(self.kind)]


def index_page_of(site_id):
    """The site's live /van-ban/ page, or None."""
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return None
    return LegalDocumentIndexPage.objects.live().descendant_of(site.root_page).first()


def index_url(site_id, request=None):
    """A site's document database URL (relative on that site's own requests), cached with the layout's links
    (a page change renews them): a list of documents or relations then costs no query per link."""

    def build():
        index_page = index_page_of(site_id)
        return index_page.get_url(request) if index_page else ""

    return chrome.cached("documents-index-url", request, site_id, build=build) or None


def component_index_urls(site_id, components, request):
    """{site id: /van-ban/ URL} of a province's component portals ([(site, name)]), read in one query and kept
    with the layout's links: a search across them then costs no query per portal shown."""

    def build():
        site_by_root = {site.root_page_id: site.pk for site, _name in components}
        roots = list(Page.objects.filter(pk__in=site_by_root))
        site_by_path = {root.path: site_by_root[root.pk] for root in roots}
        urls = {}
        for page in below_any(LegalDocumentIndexPage.objects.live(), roots).order_by("path"):
            site = site_by_path.get(page.path[: -Page.steplen])  # /van-ban/ sits under a site's home page
            if site is not None:
                urls.setdefault(site, page.get_url(request))
        return urls

    return chrome.cached("component-documents-index-urls", request, site_id, build=build)


class LegalDocumentIndexPage(RoutablePageMixin, BasePortalPage):
    """/van-ban/: the search form and result list, each document's page (/van-ban/<slug>/) and an RSS feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "legal_docs/legal_document_index_page.html"

    class Meta:
        verbose_name = "cơ sở dữ liệu văn bản"

    def get_sitemap_urls(self, request=None):
        """The page, and each published document of its site at its own address (sitemap.xml): search
        engines then find documents, not only the search form."""
        base = self.get_full_url(request)
        documents = LegalDocument.objects.filter(live=True, site=self.get_site())
        rows = documents.order_by("-issued_on", "-pk").values_list("slug", "last_published_at")
        return super().get_sitemap_urls(request) + [
            {"location": f"{base}{slug}/", "lastmod": changed} for slug, changed in rows
        ]

    @path("")
    def index_route(self, request):
        from .views import document_list

        return document_list(request, self)

    @path("rss/", name="rss")
    def rss_route(self, request):
        from .feeds import LatestDocumentsFeed

        return LatestDocumentsFeed()(request, index_page=self)

    @path("<slug:slug>/", name="detail")
    def detail_route(self, request, slug):
        from .views import document_detail

        return document_detail(request, self, slug)

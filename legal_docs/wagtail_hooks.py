import django_filters
from django import forms
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
)
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet, SnippetViewSetGroup

from core.choosers import VisibleSnippetChoices, VisibleSnippetsChosen
from core.exports import LabelledExportButtons
from core.sites import owned_by_user

from .enums import ValidityStatus
from .forms import FIRST_YEAR, LAST_YEAR
from .models import DocumentType, Issuer, LegalDocument
from .search import narrowed


class LegalDocumentCreateView(CreateView):
    def submit_action(self):
        """A new document goes to its own site's board (LegalDocument.get_workflow), which the view can only
        know once the document is saved: before that it offers the workflow attached to legal documents."""
        self.object.get_workflow().start(self.object, self.request.user)


class LegalDocumentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Tình trạng hiệu lực", choices=ValidityStatus.choices)
    # Bounded like the public search: a year Python's dates cannot hold (?year=-1) would fail the lookup.
    year = django_filters.NumberFilter(
        label="Năm ban hành",
        field_name="issued_on",
        lookup_expr="year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "min_value": f"Năm ban hành từ {FIRST_YEAR} trở đi.",
            "max_value": f"Năm ban hành đến {LAST_YEAR}.",
        },
    )

    class Meta:
        model = LegalDocument
        fields = ["doc_type", "issuer", "status", "year"]


class LegalDocumentIndexView(LabelledExportButtons, IndexView):
    """The admin list searches the documents' own full-text index (number in any spelling, words with or
    without diacritics), like the public search; documents are not in Wagtail's search index."""

    is_searchable = True

    def search_queryset(self, queryset):
        return narrowed(queryset, self.search_query) if self.is_searching else queryset


class LegalDocumentChooserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label="Tìm văn bản",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Số, ký hiệu hoặc từ khóa"}),
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = narrowed(objects, query)
        return objects


# Whoever writes a page chooses among the live documents; drafts only for whoever edits documents (a chosen
# draft's own URL is refused by editorial.visibility.AdminVisibilityMiddleware).
class LegalDocumentChooseView(VisibleSnippetChoices, ChooseView):
    filter_form_class = LegalDocumentChooserFilterForm


class LegalDocumentChooseResultsView(VisibleSnippetChoices, ChooseResultsView):
    filter_form_class = LegalDocumentChooserFilterForm


class LegalDocumentChosenMultipleView(VisibleSnippetsChosen, SnippetChosenMultipleView):
    pass


class LegalDocumentChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LegalDocumentChooseView
    choose_results_view_class = LegalDocumentChooseResultsView
    chosen_multiple_view_class = LegalDocumentChosenMultipleView


class LegalDocumentViewSet(SnippetViewSet):
    model = LegalDocument
    index_view_class = LegalDocumentIndexView
    add_view_class = LegalDocumentCreateView
    chooser_viewset_class = LegalDocumentChooserViewSet
    icon = "doc-full"
    menu_label = "Văn bản"
    list_display = [
        "number",
        "doc_type",
        "issuer",
        "issued_on",
        "status",
        "files_status",
        "site",
        # Wagtail's status tag column asks two queries per row (schedule, moderation): the listing says
        # what the row itself holds.
        Column(
            "live",
            label="Trạng thái đăng",
            accessor=lambda document: "đang đăng" if document.live else "bản nháp",
        ),
    ]
    list_per_page = 50
    # The board's register of its documents, for the filters shown (Excel or CSV).
    list_export = [
        "number",
        "doc_type",
        "issuer",
        "signer",
        "issued_on",
        "effective_on",
        "status",
        "summary",
        "site",
    ]
    export_filename = "danh-muc-van-ban"
    filterset_class = LegalDocumentFilterSet
    ordering = ["-issued_on", "-pk"]

    def get_queryset(self, request):
        """The documents of the user's sites (core/sites.py): its exports read the same list."""
        documents = LegalDocument.objects.select_related("doc_type", "issuer", "site")
        return owned_by_user(request.user, documents).prefetch_related("files__document")


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = "Loại văn bản"
    list_display = ["name", "abbreviation", "is_normative", "sort_order"]


class IssuerViewSet(SnippetViewSet):
    model = Issuer
    icon = "group"
    menu_label = "Cơ quan ban hành"
    list_display = ["name", "abbreviation", "sort_order"]
    search_fields = ["name", "abbreviation"]


class LegalDocsGroup(SnippetViewSetGroup):
    items = (LegalDocumentViewSet, DocumentTypeViewSet, IssuerViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = "Cơ sở dữ liệu văn bản"
    menu_name = "legal-documents"


register_snippet(LegalDocsGroup)


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    """History label of documents published by `import_legal_documents` (official-source exception)."""
    from .importer import IMPORT_ACTION, IMPORT_LABEL

    actions.register_action(IMPORT_ACTION, IMPORT_LABEL, IMPORT_LABEL)

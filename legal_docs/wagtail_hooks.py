import django_filters
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .enums import ValidityStatus
from .models import DocumentType, Issuer, LegalDocument


class LegalDocumentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Tình trạng hiệu lực", choices=ValidityStatus.choices)
    year = django_filters.NumberFilter(label="Năm ban hành", field_name="issued_on", lookup_expr="year")

    class Meta:
        model = LegalDocument
        fields = ["doc_type", "issuer", "status", "year"]


class LegalDocumentViewSet(SnippetViewSet):
    model = LegalDocument
    icon = "doc-full"
    menu_label = "Văn bản"
    list_display = ["number", "doc_type", "issuer", "issued_on", "status", "files_status", "live"]
    list_per_page = 50
    filterset_class = LegalDocumentFilterSet
    ordering = ["-issued_on", "-pk"]

    def get_queryset(self, request):
        return LegalDocument.objects.select_related("doc_type", "issuer").prefetch_related("files__document")


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

from django.contrib import messages
from django.http import Http404
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .access import may_download
from .enums import ExtractionStatus
from .models import PublishedFile


@hooks.register("register_admin_urls", order=-1)
def register_document_views():
    """Ahead of Wagtail's document URLs, so that uploads go through the views that fire the hooks below."""
    return admin_urls.urlpatterns


@hooks.register("after_create_document")
@hooks.register("after_edit_document")
def warn_about_the_file(request, document):
    for warning in file_warnings(document):
        messages.warning(request, warning)


def file_warnings(document):
    """What the editor should fix in a saved file: the rules prefer open formats, and search needs text."""
    name = document.filename
    if document.detected_format and not document.is_open_format:
        yield (
            f"Tệp «{name}» có định dạng {document.format_label}. Quy chế khuyến khích sử dụng định dạng mở "
            "(ODF: ODT, ODS, ODP; TCVN 7978:2009 – ISO/IEC 26300) hoặc PDF cho tài liệu đăng tải "
            "(Thông tư 19/2011/TT-BTTTT): nên tải lên bản ODF hoặc PDF."
        )
    if document.needs_scan_review:
        yield (
            f"Tệp «{name}» là bản quét, không có lớp chữ: nội dung tệp không tìm kiếm được. "
            "Nên nhận dạng chữ (OCR) hoặc tải lên bản PDF xuất từ văn bản gốc."
        )
    if document.extraction_status == ExtractionStatus.FAILED:
        yield f"Không đọc được nội dung tệp «{name}»: tệp có thể bị hỏng. Hãy mở thử tệp rồi tải lên lại."
    # A file carrying a classification stamp is refused by the upload form (documents.forms.check_content).


@hooks.register("before_serve_document")
def refuse_private_files(document, request):
    """/documents/<id>/<name> answers 404, as if there were no such file, unless the file is public or the
    user is staff who may see it (documents.access)."""
    if not may_download(request.user, document):
        raise Http404


class PublishedFileViewSet(SnippetViewSet):
    model = PublishedFile
    icon = "doc-full"
    menu_label = "Tệp công bố"
    list_display = ["title", "document", "live"]
    search_fields = ["title", "description"]


register_snippet(PublishedFileViewSet)

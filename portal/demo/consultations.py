"""Demo consultations on drafts: one open (closing a month from now), one upcoming, one closed with its
summary report, and a few approved comments. Running the loader again finds them instead of adding more;
their dates are set relative to the day of the first run."""

import datetime
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from odf.opendocument import OpenDocumentText
from odf.text import H, P

from documents.models import PortalDocument
from feedback.enums import CommentStatus
from feedback.models import ConsultationComment, ConsultationIndexPage, ConsultationPage
from legal_docs.models import LegalDocument
from portal.demo.images import demo_collection, in_library
from portal.demo.subject_areas import ensure_subject_areas

SLUG = "gop-y-du-thao"
DEPARTMENT = "Sở Kế hoạch và Đầu tư tỉnh An Khánh"
RECEIVER = {
    "receiving_agency": f"Phòng Tổng hợp, quy hoạch – {DEPARTMENT}",
    "receiving_address": "Số 12 đường Trần Hưng Đạo, phường Trung Tâm, tỉnh An Khánh",
    "receiving_email": "gopyduthao.skhdt@example.gov.vn",
}
INDEX = {
    "title": "Góp ý dự thảo",
    "intro": (
        "Lấy ý kiến của tổ chức, cá nhân đối với dự thảo văn bản quy phạm pháp luật và văn bản của tỉnh."
    ),
    "body": [
        (
            "paragraph",
            "<p>Mỗi dự thảo nêu thời gian lấy ý kiến, cơ quan tiếp nhận và toàn văn dự thảo. Ý kiến "
            "được công khai sau khi Tổ thư ký kiểm duyệt; thư điện tử và tệp đính kèm của người góp ý "
            "không công khai. Khi kết thúc lấy ý kiến, báo cáo tiếp thu, giải trình được đăng tại trang "
            "của dự thảo.</p>",
        )
    ],
}
# Days count from the loader's first run. Files and the report are {title: lines of an ODT}; comments are
# (name, organisation, clause, content, moderation status).
CONSULTATIONS = [
    {
        "slug": "quy-dinh-quan-ly-du-an-dau-tu-cong",
        "title": (
            "Dự thảo Quyết định ban hành Quy định phân cấp quản lý dự án đầu tư công trên địa bàn "
            "tỉnh An Khánh"
        ),
        "field": "dau-tu-cong",
        "opens_in_days": -10,
        "closes_in_days": 30,
        "intro": (
            "Dự thảo quy định phân cấp quyết định chủ trương đầu tư, quyết định đầu tư dự án nhóm B, "
            "nhóm C sử dụng vốn ngân sách tỉnh cho Ủy ban nhân dân cấp xã và các sở, ngành, thay thế "
            "Quyết định số 2722/QĐ-UBND."
        ),
        "text": [
            "<h3>Chương I. Quy định chung</h3>",
            "<p><b>Điều 1. Phạm vi điều chỉnh.</b> Quy định này quy định phân cấp quản lý dự án đầu tư "
            "công sử dụng vốn ngân sách địa phương trên địa bàn tỉnh An Khánh.</p>",
            "<p><b>Điều 5. Phân cấp quyết định đầu tư.</b> 1. Chủ tịch Ủy ban nhân dân cấp xã quyết định "
            "đầu tư dự án nhóm C có tổng mức đầu tư dưới 15 tỷ đồng. 2. Giám đốc các sở quyết định đầu tư "
            "dự án nhóm C thuộc lĩnh vực quản lý có tổng mức đầu tư dưới 10 tỷ đồng.</p>",
        ],
        "files": {
            "Dự thảo Quyết định phân cấp quản lý dự án đầu tư công": [
                "Điều 1. Phạm vi điều chỉnh",
                "Điều 5. Phân cấp quyết định đầu tư",
            ],
            "Tờ trình dự thảo Quyết định phân cấp quản lý dự án đầu tư công": [
                "Sự cần thiết ban hành văn bản",
                "Mục đích, quan điểm xây dựng dự thảo",
            ],
        },
        "legal_documents": ["58/2024/QH15", "2722/QĐ-UBND"],
        "report": None,
        "comments": [
            (
                "Trần Văn Hùng",
                "Ủy ban nhân dân xã Hải An",
                "Điều 5, khoản 1",
                "Đề nghị nâng mức phân cấp cho cấp xã lên dưới 20 tỷ đồng đối với dự án giao thông nông "
                "thôn, vì sau sắp xếp đơn vị hành chính, quy mô xã đã lớn hơn trước.",
                CommentStatus.APPROVED,
            ),
            (
                "Lê Thị Mai",
                "",
                "Điều 1",
                "Đề nghị làm rõ dự án sử dụng vốn hỗn hợp (ngân sách tỉnh và vốn xã hội hóa) có thuộc "
                "phạm vi điều chỉnh hay không.",
                CommentStatus.APPROVED,
            ),
            (
                "Phạm Quốc Bảo",
                "Công ty Cổ phần Xây dựng số 1 An Khánh",
                "",
                "Đề nghị bổ sung thời hạn thẩm định báo cáo kinh tế - kỹ thuật ở cấp xã.",
                CommentStatus.PENDING,
            ),
        ],
    },
    {
        "slug": "chinh-sach-ho-tro-doanh-nghiep-nho-va-vua",
        "title": (
            "Dự thảo Nghị quyết quy định chính sách hỗ trợ doanh nghiệp nhỏ và vừa tỉnh An Khánh "
            "giai đoạn 2027 – 2030"
        ),
        "field": "ho-tro-doanh-nghiep",
        "opens_in_days": 7,
        "closes_in_days": 37,
        "intro": (
            "Dự thảo quy định nội dung, mức hỗ trợ tư vấn, đào tạo, chuyển đổi số và mặt bằng sản xuất "
            "cho doanh nghiệp nhỏ và vừa trên địa bàn tỉnh, trình Hội đồng nhân dân tỉnh tại kỳ họp giữa năm."
        ),
        "text": [
            "<p><b>Điều 3. Hỗ trợ chuyển đổi số.</b> Doanh nghiệp nhỏ được hỗ trợ 50% chi phí thuê giải pháp "
            "chuyển đổi số, tối đa 50 triệu đồng mỗi năm.</p>",
        ],
        "files": {
            "Dự thảo Nghị quyết chính sách hỗ trợ doanh nghiệp nhỏ và vừa": [
                "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
                "Điều 3. Hỗ trợ chuyển đổi số",
            ],
        },
        "legal_documents": [],
        "report": None,
        "comments": [],
    },
    {
        "slug": "tieu-chi-lua-chon-nha-dau-tu",
        "title": (
            "Dự thảo Quyết định quy định tiêu chí lựa chọn nhà đầu tư thực hiện dự án đầu tư có sử dụng đất"
        ),
        "field": "dau-thau",
        "opens_in_days": -95,
        "closes_in_days": -35,
        "intro": (
            "Dự thảo quy định tiêu chí đánh giá năng lực, kinh nghiệm và phương án đầu tư kinh doanh khi "
            "lựa chọn nhà đầu tư thực hiện dự án đầu tư có sử dụng đất trên địa bàn tỉnh."
        ),
        "text": [
            "<p><b>Điều 4. Tiêu chí về năng lực tài chính.</b> Vốn chủ sở hữu của nhà đầu tư tối thiểu "
            "bằng 15% tổng vốn đầu tư của dự án có quy mô sử dụng đất dưới 20 ha.</p>",
        ],
        "files": {
            "Dự thảo Quyết định tiêu chí lựa chọn nhà đầu tư": ["Điều 4. Tiêu chí về năng lực tài chính"],
        },
        "legal_documents": ["22/2023/QH15"],
        "report": {
            "Báo cáo tiếp thu, giải trình ý kiến góp ý dự thảo tiêu chí lựa chọn nhà đầu tư": [
                "Tổng hợp 14 ý kiến của 9 tổ chức, 5 cá nhân",
                "Tiếp thu ý kiến về Điều 4: giữ mức vốn chủ sở hữu 15% đối với dự án dưới 20 ha",
            ],
        },
        "comments": [
            (
                "Nguyễn Thành Long",
                "Hiệp hội Doanh nghiệp tỉnh An Khánh",
                "Điều 4",
                "Mức vốn chủ sở hữu 15% là phù hợp; đề nghị cho phép chứng minh bằng cam kết tín dụng "
                "của ngân hàng.",
                CommentStatus.APPROVED,
            ),
            (
                "Võ Thị Hạnh",
                "Sở Tài chính tỉnh An Khánh",
                "Điều 2",
                "Đề nghị thống nhất cách gọi «dự án đầu tư có sử dụng đất» với Luật Đấu thầu năm 2023.",
                CommentStatus.APPROVED,
            ),
        ],
    },
]


def local_moment(days_from_today, hour):
    """A round local time (Asia/Ho_Chi_Minh) `days_from_today` days away, as the decisions state them."""
    day = timezone.localdate() + datetime.timedelta(days=days_from_today)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def ensure_odt(title, headings, filename):
    """An ODT file (an open format: docs/requirements.md, Files) with a title and headings; found again by
    title."""
    existing = PortalDocument.objects.filter(title=title).first()
    if existing:
        return in_library(existing)
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=title))
    for heading in headings:
        document.text.addElement(P(text=heading))
    out = io.BytesIO()
    document.save(out)
    portal_document = PortalDocument(
        title=title, file=ContentFile(out.getvalue(), name=filename), collection=demo_collection()
    )
    portal_document.save()
    return portal_document


def ensure_index(home):
    """The /gop-y-du-thao/ section; a childless plain page an older demo left at that slug is replaced."""
    existing = home.get_children().filter(slug=SLUG).first()
    if existing and not isinstance(existing.specific, ConsultationIndexPage):
        if existing.get_children().exists():
            raise RuntimeError(
                f"Trang «{SLUG}» đang có trang con: không thể thay bằng chuyên mục góp ý dự thảo."
            )
        existing.delete()
        existing = None
    if existing:
        return existing.specific
    index = ConsultationIndexPage(slug=SLUG, show_in_menus=True, **INDEX)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def ensure_consultation(index, spec, areas):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing:
        return existing.specific
    opens_at = local_moment(spec["opens_in_days"], 7)
    closes_at = local_moment(spec["closes_in_days"], 17)
    page = ConsultationPage(
        slug=spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        body=[("paragraph", "".join(spec["text"]))],
        subject_area=areas[spec["field"]],
        drafting_agency=DEPARTMENT,
        opens_at=opens_at,
        closes_at=closes_at,
        **RECEIVER,
    )
    for number, (title, headings) in enumerate(spec["files"].items(), start=1):
        document = ensure_odt(title, headings, f"{spec['slug']}-{number}.odt")
        page.files.add(page.files.model(document=document))
    for number in spec["legal_documents"]:
        document = LegalDocument.objects.filter(number=number).first()
        if document:
            page.legal_documents.add(page.legal_documents.model(legal_document=document))
    for title, headings in (spec["report"] or {}).items():
        page.report_document = ensure_odt(title, headings, f"{spec['slug']}-bao-cao-tiep-thu.odt")
    index.add_child(instance=page)
    page.save_revision().publish()
    for number, (name, organisation, clause, content, status) in enumerate(spec["comments"], start=1):
        ConsultationComment.objects.create(
            consultation=page,
            name=name,
            organisation=organisation,
            email=f"gop-y-{number}@example.vn",
            clause=clause,
            content=content,
            status=status,
            created_at=opens_at + datetime.timedelta(days=number, hours=2),
        )
    return page


@transaction.atomic
def load_demo(home):
    index = ensure_index(home)
    areas = ensure_subject_areas()
    for spec in CONSULTATIONS:
        ensure_consultation(index, spec, areas)
    return index

"""Demo legal documents: real numbers and summaries the board regulations cite (docs/requirements.md, Sources),
and local documents of the department."""

import datetime

from django.db import transaction
from django.utils.text import slugify

from core.models import PortalSettings, SubjectArea
from core.text import fold
from legal_docs.enums import RelationKind
from legal_docs.models import DocumentRelation, DocumentType, Issuer, LegalDocument, LegalDocumentIndexPage
from legal_docs.numbers import number_key

D = datetime.date
# (number, type, issuer, signer, signer's title, issued, effective, summary)
DOCUMENTS = [
    (
        "104/2016/QH13",
        "Luật",
        "Quốc hội",
        "Nguyễn Thị Kim Ngân",
        "Chủ tịch Quốc hội",
        D(2016, 4, 6),
        D(2018, 7, 1),
        "Luật Tiếp cận thông tin",
    ),
    (
        "64/2007/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Nguyễn Tấn Dũng",
        "Thủ tướng",
        D(2007, 4, 10),
        D(2007, 5, 10),
        "Về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
    ),
    (
        "43/2011/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Nguyễn Tấn Dũng",
        "Thủ tướng",
        D(2011, 6, 13),
        D(2011, 8, 1),
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước",
    ),
    (
        "42/2022/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Phạm Minh Chính",
        "Thủ tướng",
        D(2022, 6, 24),
        D(2022, 8, 1),
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
    ),
    (
        "24/2011/TT-BTTTT",
        "Thông tư",
        "Bộ Thông tin và Truyền thông",
        "Nguyễn Minh Hồng",
        "Thứ trưởng",
        D(2011, 9, 20),
        D(2011, 11, 5),
        "Quy định về việc tạo lập, sử dụng và lưu trữ dữ liệu đặc tả trên trang thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước",
    ),
    (
        "58/2024/QH15",
        "Luật",
        "Quốc hội",
        "Trần Thanh Mẫn",
        "Chủ tịch Quốc hội",
        D(2024, 6, 29),
        D(2025, 1, 1),
        "Luật Đầu tư công",
    ),
    (
        "22/2023/QH15",
        "Luật",
        "Quốc hội",
        "Vương Đình Huệ",
        "Chủ tịch Quốc hội",
        D(2023, 6, 23),
        D(2024, 1, 1),
        "Luật Đấu thầu",
    ),
    (
        "21/2012/CT-UBND",
        "Chỉ thị",
        "Ủy ban nhân dân tỉnh",
        "Nguyễn Văn Bình",
        "Chủ tịch",
        D(2012, 8, 8),
        D(2012, 8, 8),
        "Về việc tăng cường sử dụng văn bản điện tử trong hoạt động của cơ quan nhà nước trên địa bàn tỉnh",
    ),
    (
        "2722/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh",
        "Trần Quốc Nam",
        "Phó Chủ tịch",
        D(2025, 12, 2),
        D(2025, 12, 2),
        "Về việc giao kế hoạch vốn đầu tư công nguồn ngân sách địa phương năm 2026",
    ),
    (
        "2154/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh",
        "Trần Quốc Nam",
        "Phó Chủ tịch",
        D(2026, 9, 15),
        D(2026, 9, 15),
        "Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh An Khánh",
    ),
    (
        "254/QĐ-SKHĐT",
        "Quyết định",
        "Sở Kế hoạch và Đầu tư",
        "Nguyễn Văn Minh",
        "Giám đốc",
        D(2026, 10, 5),
        D(2026, 10, 5),
        "Ban hành Quy chế làm việc của Ban biên tập Cổng thông tin điện tử Sở Kế hoạch và Đầu tư",
    ),
    (
        "3241/SKHĐT-ĐT",
        "Công văn",
        "Sở Kế hoạch và Đầu tư",
        "Trần Thị Thu Hằng",
        "Phó Giám đốc",
        D(2026, 11, 10),
        None,
        "Về việc đôn đốc giải ngân vốn đầu tư công năm 2026",
    ),
    (
        "45/KH-SKHĐT",
        "Kế hoạch",
        "Sở Kế hoạch và Đầu tư",
        "Nguyễn Văn Minh",
        "Giám đốc",
        D(2026, 11, 18),
        D(2026, 12, 1),
        "Kế hoạch xúc tiến đầu tư năm 2027",
    ),
]
# (source, relation, target, partial)
RELATIONS = [
    ("42/2022/NĐ-CP", RelationKind.REPLACES, "43/2011/NĐ-CP", False),
    ("43/2011/NĐ-CP", RelationKind.REPEALS, "64/2007/NĐ-CP", True),
    ("24/2011/TT-BTTTT", RelationKind.GUIDES, "43/2011/NĐ-CP", False),
    ("2154/QĐ-UBND", RelationKind.BASIS, "42/2022/NĐ-CP", False),
]
INTRO = (
    "Văn bản quy phạm pháp luật và văn bản chỉ đạo điều hành: tra cứu theo số, ký hiệu, loại, cơ quan ban "
    "hành, ngày hoặc nội dung, có dấu hoặc không dấu."
)


def ensure_index_page(home):
    """The /van-ban/ index page; a childless plain page left at that slug by an older demo is replaced."""
    existing = home.get_children().filter(slug="van-ban").first()
    if existing and not isinstance(existing.specific, LegalDocumentIndexPage):
        if existing.get_children().exists():
            raise RuntimeError(
                "Trang «van-ban» đang có trang con: không thể thay bằng cơ sở dữ liệu văn bản."
            )
        existing.delete()
        existing = None
    if existing:
        return existing.specific
    page = LegalDocumentIndexPage(title="Văn bản", slug="van-ban", show_in_menus=True, intro=INTRO)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


# Each document's fields (lĩnh vực, portal/demo/content.py SUBJECT_AREAS): the documents' field filter finds them.
FIELDS = {
    "104/2016/QH13": ["cai-cach-hanh-chinh"],
    "64/2007/NĐ-CP": ["cai-cach-hanh-chinh"],
    "43/2011/NĐ-CP": ["cai-cach-hanh-chinh"],
    "42/2022/NĐ-CP": ["cai-cach-hanh-chinh"],
    "24/2011/TT-BTTTT": ["cai-cach-hanh-chinh"],
    "58/2024/QH15": ["dau-tu-cong"],
    "22/2023/QH15": ["dau-thau"],
    "21/2012/CT-UBND": ["cai-cach-hanh-chinh"],
    "2722/QĐ-UBND": ["dau-tu-cong", "kinh-te-xa-hoi"],
    "2154/QĐ-UBND": ["cai-cach-hanh-chinh"],
    "254/QĐ-SKHĐT": ["cai-cach-hanh-chinh"],
    "3241/SKHĐT-ĐT": ["dau-tu-cong"],
    "45/KH-SKHĐT": ["dau-tu-tai-viet-nam"],
}

# The documents the province's portal publishes and shares with its component portals (core/sites.py):
# national laws and decrees and the province's decisions, which every department and commune applies.
SHARED_ISSUERS = {"Quốc hội", "Chính phủ", "Ủy ban nhân dân tỉnh"}


def publish_on(document, site, shared):
    """The document published on `site`, shared with its component portals or not."""
    if (document.site_id, document.shared) != (site.pk, shared):
        document.site, document.shared = site, shared
        document.save()
        document.save_revision().publish()


def file_under(document, slugs):
    """The document's fields, set once (an editor's later choice is kept)."""
    if slugs and not document.subject_areas.exists():
        document.subject_areas.set(SubjectArea.objects.filter(slug__in=slugs))
        document.save()  # a ParentalManyToManyField is written with its document
        document.save_revision().publish()


@transaction.atomic
def load_agency_documents(site, agency, documents):
    """A component portal's own documents, issued by its People's Committee (`agency`) and published by its
    board."""
    issuer, _created = Issuer.objects.get_or_create(name=agency, defaults={"slug": slugify(fold(agency))})
    for number, kind, signer, title, issued, summary in documents:
        key = number_key(number)
        if LegalDocument.objects.filter(site=site, number_key=key, issued_on__year=issued[0]).exists():
            continue
        document = LegalDocument(
            site=site,
            number=number,
            doc_type=DocumentType.objects.get(name=kind),
            issuer=issuer,
            signer=signer,
            signer_title=title,
            issued_on=D(*issued),
            effective_on=D(*issued),
            summary=summary,
        )
        document.save()
        document.save_revision().publish()


@transaction.atomic
def load_demo(home):
    """The department's documents on its portal; the shared ones on its province's portal, which shares them
    (an earlier demo had them on the department's: they move)."""
    ensure_index_page(home)
    site = home.get_site()
    province = PortalSettings.for_site(site).parent_site or site
    by_number = {}
    for number, kind, issuer, signer, title, issued, effective, summary in DOCUMENTS:
        owner = province if issuer in SHARED_ISSUERS else site
        document = LegalDocument.objects.filter(
            site__in=[site, province],
            number_key=number_key(number),
            issuer__name=issuer,
            issued_on__year=issued.year,
        ).first()
        if document is None:
            document = LegalDocument(
                site=owner,
                number=number,
                doc_type=DocumentType.objects.get(name=kind),
                issuer=Issuer.objects.get(name=issuer),
                signer=signer,
                signer_title=title,
                issued_on=issued,
                effective_on=effective,
                summary=summary,
            )
            document.save()
            document.save_revision().publish()
        publish_on(document, owner, shared=owner != site)
        file_under(document, FIELDS.get(number, []))
        by_number[number] = document
    for source, kind, target, partial in RELATIONS:
        relation, created = DocumentRelation.objects.get_or_create(
            source=by_number[source], kind=kind, target=by_number[target], defaults={"partial": partial}
        )
        if created:
            relation.target.refresh_status()

"""The document types and issuing authorities every agency needs on day one (editable lists afterwards)."""

from django.db import migrations

TYPES = [
    ("Hiến pháp", "HP", "hien-phap", True), ("Luật", "L", "luat", True), ("Bộ luật", "BL", "bo-luat", True),
    ("Pháp lệnh", "PL", "phap-lenh", True), ("Nghị quyết", "NQ", "nghi-quyet", True),
    ("Nghị định", "NĐ", "nghi-dinh", True), ("Quyết định", "QĐ", "quyet-dinh", True),
    ("Chỉ thị", "CT", "chi-thi", True), ("Thông tư", "TT", "thong-tu", True),
    ("Thông tư liên tịch", "TTLT", "thong-tu-lien-tich", True), ("Công văn", "CV", "cong-van", False),
    ("Kế hoạch", "KH", "ke-hoach", False), ("Thông báo", "TB", "thong-bao", False),
    ("Hướng dẫn", "HD", "huong-dan", False), ("Tờ trình", "TTr", "to-trinh", False),
    ("Báo cáo", "BC", "bao-cao", False), ("Chương trình", "CTr", "chuong-trinh", False),
]
ISSUERS = [
    ("Quốc hội", "QH", "quoc-hoi"), ("Ủy ban Thường vụ Quốc hội", "UBTVQH", "uy-ban-thuong-vu-quoc-hoi"),
    ("Chính phủ", "CP", "chinh-phu"), ("Thủ tướng Chính phủ", "TTg", "thu-tuong-chinh-phu"),
    ("Bộ Kế hoạch và Đầu tư", "BKHĐT", "bo-ke-hoach-va-dau-tu"), ("Bộ Tài chính", "BTC", "bo-tai-chinh"),
    ("Bộ Nội vụ", "BNV", "bo-noi-vu"), ("Bộ Thông tin và Truyền thông", "BTTTT", "bo-thong-tin-va-truyen-thong"),
    ("Bộ Khoa học và Công nghệ", "BKHCN", "bo-khoa-hoc-va-cong-nghe"),
    ("Hội đồng nhân dân tỉnh", "HĐND", "hoi-dong-nhan-dan-tinh"), ("Ủy ban nhân dân tỉnh", "UBND", "uy-ban-nhan-dan-tinh"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT", "so-ke-hoach-va-dau-tu"),
]


def seed(apps, schema_editor):
    DocumentType = apps.get_model("legal_docs", "DocumentType")
    Issuer = apps.get_model("legal_docs", "Issuer")
    for order, (name, abbreviation, slug, normative) in enumerate(TYPES):
        DocumentType.objects.get_or_create(
            slug=slug, defaults={"name": name, "abbreviation": abbreviation, "is_normative": normative, "sort_order": order}
        )
    for order, (name, abbreviation, slug) in enumerate(ISSUERS):
        Issuer.objects.get_or_create(slug=slug, defaults={"name": name, "abbreviation": abbreviation, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("legal_docs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

from django.db import migrations

# Seed 004 Điều 4.4 and DESIGN.md: sources whose items the admin may post directly. Editable afterwards.
SOURCES = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Báo Nhân Dân", "https://nhandan.vn"),
    ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn"),
    ("Cổng thông tin điện tử của Bộ, ngành", ""),
    ("Cổng thông tin điện tử của tỉnh", ""),
    ("Báo của tỉnh", ""),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn"),
    ("Cơ sở dữ liệu quốc gia về thủ tục hành chính", "https://dichvucong.gov.vn"),
]


def seed(apps, schema_editor):
    OfficialSource = apps.get_model("editorial", "OfficialSource")
    for name, url in SOURCES:
        OfficialSource.objects.get_or_create(name=name, defaults={"url": url})


class Migration(migrations.Migration):
    dependencies = [("editorial", "0005_officialsource")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

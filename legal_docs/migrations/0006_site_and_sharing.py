"""Each legal document belongs to a site (docs/requirements.md, Province and component portals). Existing
documents go to the site that served them: the one holding the first live /van-ban/ page, else the default
site."""

import importlib

import django.db.models.deletion
from django.db import migrations, models

# SQLite rebuilds the table to change a column, and the full-text index's triggers go with the old table.
FULLTEXT = importlib.import_module("legal_docs.migrations.0003_fulltext")


def owning_site(apps):
    Site = apps.get_model("wagtailcore", "Site")
    IndexPage = apps.get_model("legal_docs", "LegalDocumentIndexPage")
    path = IndexPage.objects.filter(live=True).order_by("path").values_list("path", flat=True).first()
    sites = list(Site.objects.order_by("-is_default_site", "pk").values_list("pk", "root_page__path"))
    for pk, root in sites:
        if path and path.startswith(root):
            return pk
    return sites[0][0] if sites else None


def assign_sites(apps, schema_editor):
    LegalDocument = apps.get_model("legal_docs", "LegalDocument")
    if not LegalDocument.objects.exists():
        return
    site_id = owning_site(apps)
    if site_id is None:
        raise RuntimeError("Chưa có trang (Site) nào để gắn các văn bản: tạo một trang trước khi chuyển đổi.")
    LegalDocument.objects.update(site_id=site_id)


def restore_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    triggers = [statement for statement in FULLTEXT.SQLITE if statement.startswith("CREATE TRIGGER")]
    for statement in [*FULLTEXT.SQLITE_REVERSE[:3], *triggers, FULLTEXT.SQLITE[-1]]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("legal_docs", "0005_legaldocument_classification"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="legaldocument",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="legal_documents",
                to="wagtailcore.site",
                verbose_name="cổng",
                help_text="Cổng (cơ quan) quản lý văn bản; Ban biên tập của cổng đó duyệt văn bản.",
            ),
        ),
        migrations.AddField(
            model_name="legaldocument",
            name="shared",
            field=models.BooleanField(
                default=False,
                help_text="Văn bản của cổng tỉnh hiện cả trên các cổng thành phần (sở, xã), ghi rõ là của tỉnh.",
                verbose_name="dùng chung cho các cổng thành phần",
            ),
        ),
        migrations.RunPython(assign_sites, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="legaldocument",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="legal_documents",
                to="wagtailcore.site",
                verbose_name="cổng",
                help_text="Cổng (cơ quan) quản lý văn bản; Ban biên tập của cổng đó duyệt văn bản.",
            ),
        ),
        migrations.AlterField(
            model_name="legaldocument",
            name="slug",
            field=models.SlugField(editable=False, max_length=160, verbose_name="đường dẫn"),
        ),
        migrations.AddConstraint(
            model_name="legaldocument",
            constraint=models.UniqueConstraint(fields=("site", "slug"), name="legal_doc_site_slug"),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]

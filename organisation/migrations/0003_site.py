"""Each agency's units and officials belong to its site (docs/requirements.md, Province and component portals):
existing ones go to the default site, whose directory they were; names and addresses are unique per site."""

import django.db.models.deletion
from django.db import migrations, models


def assign_default_site(apps, schema_editor):
    Unit = apps.get_model("organisation", "OrganisationUnit")
    Official = apps.get_model("organisation", "Official")
    Site = apps.get_model("wagtailcore", "Site")
    if not Unit.objects.exists():
        return
    site = Site.objects.order_by("-is_default_site", "pk").first()
    if site is None:
        raise RuntimeError("Chưa có trang (Site) nào để gắn phòng, đơn vị: tạo một trang trước khi chuyển đổi.")
    Unit.objects.update(site=site)
    Official.objects.update(site=site)


def site_field(related_name, **options):
    return models.ForeignKey(
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to="wagtailcore.site",
        verbose_name="cổng",
        **options,
    )


UNIT_HELP = "Cổng (cơ quan) có phòng, đơn vị này."


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0002_alter_contactpage_body_alter_leaderspage_body_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisationunit",
            name="site",
            field=site_field("organisation_units", null=True, help_text=UNIT_HELP),
        ),
        migrations.AddField(
            model_name="official",
            name="site",
            field=site_field("officials", null=True, editable=False),
        ),
        migrations.RunPython(assign_default_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisationunit",
            name="site",
            field=site_field("organisation_units", help_text=UNIT_HELP),
        ),
        migrations.AlterField(
            model_name="official",
            name="site",
            field=site_field("officials", editable=False),
        ),
        migrations.AlterField(
            model_name="organisationunit",
            name="name",
            field=models.CharField(max_length=255, verbose_name="tên đơn vị"),
        ),
        migrations.AlterField(
            model_name="organisationunit",
            name="slug",
            field=models.SlugField(
                help_text="Dùng trong bộ lọc danh bạ, ví dụ: van-phong.", max_length=100, verbose_name="đường dẫn"
            ),
        ),
        migrations.AddConstraint(
            model_name="organisationunit",
            constraint=models.UniqueConstraint(fields=("site", "name"), name="org_unit_site_name"),
        ),
        migrations.AddConstraint(
            model_name="organisationunit",
            constraint=models.UniqueConstraint(fields=("site", "slug"), name="org_unit_site_slug"),
        ),
    ]

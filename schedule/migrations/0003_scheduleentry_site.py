"""Each schedule entry belongs to a site (docs/requirements.md, Province and component portals): existing
entries go to the default site, whose schedule they were."""

import django.db.models.deletion
from django.db import migrations, models


def assign_default_site(apps, schema_editor):
    ScheduleEntry = apps.get_model("schedule", "ScheduleEntry")
    Site = apps.get_model("wagtailcore", "Site")
    if not ScheduleEntry.objects.exists():
        return
    site = Site.objects.order_by("-is_default_site", "pk").first()
    if site is None:
        raise RuntimeError("Chưa có trang (Site) nào để gắn lịch công tác: tạo một trang trước khi chuyển đổi.")
    ScheduleEntry.objects.update(site=site)


FIELD = {
    "on_delete": django.db.models.deletion.PROTECT,
    "related_name": "schedule_entries",
    "to": "wagtailcore.site",
    "verbose_name": "cổng",
    "help_text": "Cổng (cơ quan) có lịch công tác này.",
}


class Migration(migrations.Migration):
    dependencies = [
        ("schedule", "0002_alter_schedulepage_body"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(model_name="scheduleentry", name="site", field=models.ForeignKey(null=True, **FIELD)),
        migrations.RunPython(assign_default_site, migrations.RunPython.noop),
        migrations.AlterField(model_name="scheduleentry", name="site", field=models.ForeignKey(**FIELD)),
        migrations.AddIndex(
            model_name="scheduleentry",
            index=models.Index(fields=["site", "date"], name="schedule_entry_site_date_idx"),
        ),
    ]

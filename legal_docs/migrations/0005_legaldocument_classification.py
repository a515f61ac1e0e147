from importlib import import_module

from django.db import migrations, models

# SQLite rebuilds the table to add a NOT NULL column, which drops its triggers: put the full-text
# triggers of migration 0003 back (any later migration that remakes the table must do the same).
fulltext = import_module("legal_docs.migrations.0003_fulltext")


def restore_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in fulltext.SQLITE_REVERSE[:3] + fulltext.SQLITE[1:]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("legal_docs", "0004_alter_legaldocumentindexpage_body")]

    operations = [
        migrations.AddField(
            model_name="legaldocument",
            name="classification",
            field=models.CharField(
                choices=[
                    ("unclassified", "Không mật"),
                    ("confidential", "Mật"),
                    ("secret", "Tối mật"),
                    ("top_secret", "Tuyệt mật"),
                ],
                default="unclassified",
                help_text="Thông tin có độ mật không bao giờ được đăng trên cổng.",
                max_length=20,
                verbose_name="độ mật",
            ),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]

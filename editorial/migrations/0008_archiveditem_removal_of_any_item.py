# Archive, never delete: the archive record (editorial.archive), and removal proposals for any moderated item
# (pages and snippets), named by base content type and id like Wagtail's workflow states.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def name_pages_by_content_type(apps, schema_editor):
    """Existing proposals are all for pages: Page's content type (the base of every page type) and the id."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    RemovalProposal = apps.get_model("editorial", "RemovalProposal")
    if not RemovalProposal.objects.exists():
        return
    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for proposal in RemovalProposal.objects.all():
        proposal.content_type_id = page_type.pk
        proposal.object_id = str(proposal.page_id)
        proposal.save(update_fields=["content_type", "object_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("editorial", "0007_removalproposal"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="removalproposal",
            name="page",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="removal_proposals",
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="trang",
            ),
        ),
        migrations.AddField(
            model_name="removalproposal",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="loại nội dung",
            ),
        ),
        migrations.AddField(
            model_name="removalproposal",
            name="object_id",
            field=models.CharField(default="", max_length=255, verbose_name="mã nội dung"),
            preserve_default=False,
        ),
        migrations.RunPython(name_pages_by_content_type, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="removalproposal",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="loại nội dung",
            ),
        ),
        migrations.AddConstraint(
            model_name="removalproposal",
            constraint=models.UniqueConstraint(
                condition=models.Q(("outcome", "pending")),
                fields=("content_type", "object_id"),
                name="editorial_one_pending_removal_of_item",
                violation_error_message="Trang này đã có đề nghị gỡ đang chờ duyệt.",
            ),
        ),
        migrations.CreateModel(
            name="ArchivedItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.CharField(max_length=255, verbose_name="mã nội dung")),
                ("title", models.CharField(max_length=255, verbose_name="tiêu đề")),
                (
                    "archived_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="ngày lưu trữ"),
                ),
                ("reason", models.TextField(blank=True, verbose_name="lý do")),
                ("restored_at", models.DateTimeField(blank=True, null=True, verbose_name="ngày khôi phục")),
                (
                    "archived_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người lưu trữ",
                    ),
                ),
                (
                    "board",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="editorial.editorialboard",
                        verbose_name="ban biên tập",
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                        verbose_name="loại nội dung",
                    ),
                ),
                (
                    "removal",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="archived_item",
                        to="editorial.removalproposal",
                        verbose_name="đề nghị gỡ",
                    ),
                ),
                (
                    "restored_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người khôi phục",
                    ),
                ),
            ],
            options={
                "verbose_name": "tin, bài đã lưu trữ",
                "verbose_name_plural": "tin, bài đã lưu trữ",
                "ordering": ["-archived_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("restored_at__isnull", True)),
                        fields=("content_type", "object_id"),
                        name="editorial_one_active_archive",
                    )
                ],
            },
        ),
    ]

"""`python manage.py purge_orphan_files [--dry-run] [--min-age-hours N]`, from cron (docs/deployment.md)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from documents.orphans import DEFAULT_MIN_AGE, purge_orphan_files


class Command(BaseCommand):
    help = (
        "Xóa các tệp trong media/documents không thuộc tài liệu nào (do một lần tải lên hoặc nhập văn bản bị "
        "dừng giữa chừng để lại)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xóa.")
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=DEFAULT_MIN_AGE.total_seconds() / 3600,
            help="Chỉ xét tệp cũ hơn số giờ này (mặc định 24), để không xóa tệp của lần nhập đang chạy.",
        )

    def handle(self, *args, dry_run=False, min_age_hours=24, **options):
        names = purge_orphan_files(min_age=timedelta(hours=min_age_hours), dry_run=dry_run)
        for name in names:
            self.stdout.write(f"  {name}")
        verb = "Sẽ xóa" if dry_run else "Đã xóa"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(names)} tệp không thuộc tài liệu nào."))

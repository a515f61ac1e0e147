"""`python manage.py backup [--output DIR]`: one archive with the database, media and private files."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup, default_output_dir


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu, tệp media và tệp riêng tư của công dân vào một tệp .tar.gz có tổng kiểm tra "
        "và chữ ký, chỉ người chạy lệnh đọc được (0600)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help=f"Thư mục lưu tệp sao lưu (mặc định {default_output_dir()}).")

    def handle(self, *args, output=None, **options):
        try:
            archive = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = archive.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu vào {archive} ({size:,} byte)."))

"""`python manage.py restore ARCHIVE`: checks every checksum, then fills an empty database and the files."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page, Revision

from documents.models import PortalDocument
from feedback.models import Question
from legal_docs.models import LegalDocument
from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một tệp sao lưu vào cơ sở dữ liệu trống (kiểm tra chữ ký, đường dẫn và tổng kiểm tra "
        "trước khi ghi)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Đường dẫn tệp sao lưu .tar.gz do lệnh backup tạo ra.")

    def handle(self, *args, archive, **options):
        try:
            result = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Đã khôi phục {archive}:"))
        self.stdout.write(f"  Cơ sở dữ liệu ({result.vendor}): {self.database_summary()}")
        self.stdout.write(
            f"  Tệp media: {result.media_files}; tệp riêng tư của công dân: {result.private_files}"
        )
        self.stdout.write(f"  Tổng dung lượng: {result.total_bytes:,} byte")

    def database_summary(self):
        counts = {
            "trang": Page.objects.count(),
            "phiên bản": Revision.objects.count(),
            "văn bản": LegalDocument.objects.count(),
            "tài liệu": PortalDocument.objects.count(),
            "câu hỏi": Question.objects.count(),
            "người dùng": get_user_model().objects.count(),
        }
        return ", ".join(f"{count} {label}" for label, count in counts.items())

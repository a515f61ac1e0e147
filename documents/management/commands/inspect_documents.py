from django.core.management.base import BaseCommand

from documents.enums import ExtractionStatus
from documents.models import INSPECTION_FIELDS, PortalDocument


class Command(BaseCommand):
    help = (
        "Đọc định dạng thực tế và nội dung chữ của các tệp chưa xử lý (tải lên trước khi có bước kiểm tra)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Đọc lại mọi tệp, kể cả tệp đã xử lý.")

    def handle(self, *args, **options):
        documents = PortalDocument.objects.order_by("pk")
        if not options["all"]:
            documents = documents.filter(extraction_status=ExtractionStatus.PENDING)
        count = 0
        for document in documents.iterator(chunk_size=100):
            document.inspect_file()
            document.save(update_fields=INSPECTION_FIELDS)
            count += 1
        self.stdout.write(f"Đã xử lý {count} tệp.")

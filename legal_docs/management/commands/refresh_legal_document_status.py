from django.core.management.base import BaseCommand

from legal_docs.models import LegalDocument


class Command(BaseCommand):
    help = "Tính lại tình trạng hiệu lực của văn bản khi đến ngày có hiệu lực, hết hiệu lực (chạy hằng ngày)."

    def handle(self, *args, **options):
        changed = 0
        documents = LegalDocument.objects.filter(status_is_manual=False).only(
            "pk", "status", "status_is_manual", "effective_on", "expires_on"
        )
        for document in documents.iterator(chunk_size=2000):
            changed += document.refresh_status()
        self.stdout.write(f"Đã cập nhật tình trạng hiệu lực của {changed} văn bản.")

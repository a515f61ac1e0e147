from django.core.management.base import BaseCommand

from editorial.deadlines import send_reminders


class Command(BaseCommand):
    help = "Gửi email nhắc những người duyệt có tin, bài quá hạn (chạy bằng cron, ví dụ 8 giờ sáng mỗi ngày)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Đã gửi {sent} email nhắc duyệt.")

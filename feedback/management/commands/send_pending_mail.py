from django.core.management.base import BaseCommand

from feedback.outbox import send_pending


class Command(BaseCommand):
    help = "Gửi lại các thư chưa gửi được (chạy định kỳ bằng cron)."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"Đã gửi {sent} thư; {failed} thư chưa gửi được, sẽ thử lại lần sau.")

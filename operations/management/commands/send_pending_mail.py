from django.core.management.base import BaseCommand

from operations.mail import send_pending


class Command(BaseCommand):
    help = "Gửi các thư đang chờ và thử lại các thư chưa gửi được (chạy định kỳ, run_scheduled_jobs)."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"Đã gửi {sent} thư; {failed} thư chưa gửi được, sẽ thử lại lần sau.")

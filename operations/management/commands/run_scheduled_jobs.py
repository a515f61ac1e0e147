import time

from django.core.management.base import BaseCommand

from operations.jobs import JOBS, run_due_jobs


class Command(BaseCommand):
    help = (
        "Chạy các công việc định kỳ của cổng (xuất bản theo lịch, gửi thư, nhắc duyệt, báo cáo, chỉ mục "
        "tìm kiếm), mỗi việc theo lịch riêng; nhiều máy chủ cùng chạy không làm một việc hai lần."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="chạy các việc đến hạn một lần rồi thoát (cho cron)"
        )
        parser.add_argument(
            "--interval", type=int, default=60, help="số giây giữa hai lần kiểm tra (mặc định 60)"
        )

    def handle(self, *args, once=False, interval=60, **options):
        self.stdout.write(f"{len(JOBS)} công việc định kỳ: {', '.join(job.command for job in JOBS)}.")
        while True:
            self.report(run_due_jobs())
            if once:
                return
            time.sleep(interval)

    def report(self, results):
        for command, succeeded in results.items():
            outcome = "xong" if succeeded else "LỖI (xem nhật ký)"
            self.stdout.write(f"{command}: {outcome}")

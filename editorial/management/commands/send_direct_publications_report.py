from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from editorial.reports.direct_publications import send_weekly_reports, validate_week


class Command(BaseCommand):
    help = (
        "Gửi Trưởng ban và các Phó trưởng ban của mỗi Ban biên tập danh sách tin, bài Quản trị "
        "đăng trực tiếp "
        "từ nguồn chính thức trong tuần trước (chạy bằng cron, ví dụ 8 giờ sáng thứ Hai)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--week", help="tuần cần gửi, dạng 2026-W47 (mặc định: tuần trước)")

    def handle(self, *args, week=None, **options):
        if week is not None:
            try:
                validate_week(week)
            except ValidationError as error:
                raise CommandError(error.messages[0]) from error
        sent = send_weekly_reports(week)
        self.stdout.write(f"Đã gửi {sent} email báo cáo tin, bài đăng trực tiếp.")

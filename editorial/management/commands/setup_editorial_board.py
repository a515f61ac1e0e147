from django.core.management.base import BaseCommand, CommandError

from editorial.board_file import BoardFileError, load_board_file


class Command(BaseCommand):
    help = "Tạo hoặc cập nhật Ban biên tập của một trang từ tệp YAML (tài khoản, vai trò, chuyên mục, quyền)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp YAML của Ban biên tập")

    def handle(self, *args, file, **options):
        try:
            outcome = load_board_file(file)
        except BoardFileError as error:
            raise CommandError(
                "Không nạp tệp, chưa ghi gì:\n" + "\n".join(f"- {p}" for p in error.problems)
            ) from error
        self.stdout.write(str(outcome))
        for warning in outcome.warnings:
            self.stdout.write(self.style.WARNING(warning))
        for user, url in outcome.new_accounts:
            self.stdout.write(f"Tài khoản mới {user.username} ({user}): đặt mật khẩu tại {url}")

from django.core.management.base import BaseCommand, CommandError

from portal.component_portals import ComponentPortalError, add_component_portal


class Command(BaseCommand):
    help = (
        "Tạo cổng tỉnh hoặc cổng thành phần của một sở, ngành, xã, phường (Nghị định 224/2026): trang, các "
        "mục bắt buộc, thông tin cổng, thư viện ảnh, tệp và quy trình duyệt. Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        # Optional to argparse, checked here: its own messages for a missing value are in English.
        parser.add_argument("hostname", nargs="?", help="tên miền, ví dụ tanlap.ankhanh.gov.vn")
        parser.add_argument("--name", help='tên cơ quan, ví dụ "Ủy ban nhân dân xã Tân Lập"')
        parser.add_argument(
            "--kind", help="commune (xã, phường), department (sở, ngành) hoặc province (cổng tỉnh)"
        )
        parser.add_argument(
            "--parent",
            help="tên miền của cổng tỉnh (mặc định: cổng tỉnh của bản cài đặt, không có thì trang mặc định)",
        )
        parser.add_argument("--port", default="80", help="cổng mạng (mặc định 80)")

    def handle(self, *args, hostname=None, name=None, kind=None, parent=None, port="80", **options):
        if not str(port).isdigit():
            raise CommandError(f"Cổng mạng «{port}» không hợp lệ (1–65535).")
        try:
            outcome = add_component_portal((hostname or "").strip().lower(), name, kind, parent, int(port))
        except ComponentPortalError as error:
            raise CommandError("Không tạo cổng thành phần:\n- " + "\n- ".join(error.args[0])) from error
        for change in outcome.changes:
            self.stdout.write(f"- {change}")
        if not outcome.changes:
            self.stdout.write(f"Cổng {outcome.site.root_url} đã đủ, không có gì thay đổi.")
        else:
            self.stdout.write(
                f"Xong: {outcome.site.root_url}. Nạp ban biên tập bằng tệp có khóa "
                f"'site: {outcome.site.hostname}' (setup_editorial_board)."
            )

from django.core.management.base import BaseCommand
from wagtail.models import Site

from editorial.enums import Role
from portal.demo.loader import load_demo_portal


class Command(BaseCommand):
    help = "Nạp nội dung mẫu cho cổng (chạy lại nhiều lần không tạo trùng)."

    def handle(self, *args, **options):
        accounts = load_demo_portal()
        self.stdout.write(self.style.SUCCESS("Đã nạp nội dung mẫu của cổng."))
        self.stdout.write("Các trang (tên miền *.localhost trỏ về máy này trong trình duyệt):")
        for site in Site.objects.order_by("-is_default_site", "hostname"):
            self.stdout.write(f"  {site.root_url}/  {site.site_name}")
        self.stdout.write("Tài khoản demo (trang quản trị: /admin/):")
        for user, password, created in accounts:
            shown = password if created or user.check_password(password) else "(đã được đổi)"
            roles = ", ".join(Role(role).label for seat in user.board_seats.all() for role in seat.roles)
            self.stdout.write(f"  {user.username:<12} mật khẩu: {shown:<16} {roles or user.position}")

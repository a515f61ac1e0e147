from django.core.management.base import BaseCommand
from wagtail.models import Site

from core.models import PortalSettings
from editorial.enums import Role
from portal.demo.loader import load_demo_portal


def portals():
    """[(site, its settings)]: the province portals first, then the component portals, each by hostname."""
    settings = {portal.site_id: portal for portal in PortalSettings.objects.select_related("parent_site")}
    listed = [(site, settings.get(site.pk) or PortalSettings(site=site)) for site in Site.objects.all()]
    return sorted(listed, key=lambda pair: (pair[1].parent_site_id is not None, pair[0].hostname))


class Command(BaseCommand):
    help = "Nạp nội dung mẫu cho cổng (chạy lại nhiều lần không tạo trùng)."

    def handle(self, *args, **options):
        accounts = load_demo_portal()
        self.stdout.write(self.style.SUCCESS("Đã nạp nội dung mẫu của cổng."))
        self.stdout.write("Các trang (tên miền *.localhost trỏ về máy này trong trình duyệt):")
        for site, portal in portals():
            where = f" – cổng thành phần của {portal.parent_site.site_name}" if portal.parent_site else ""
            self.stdout.write(f"  {site.root_url}/  {site.site_name} ({portal.get_kind_display()}{where})")
        self.stdout.write("Tài khoản demo (trang quản trị: /admin/):")
        for user, password, created in accounts:
            shown = password if created or user.check_password(password) else "(đã được đổi)"
            seats = user.board_seats.select_related("board__site")
            roles = "; ".join(
                ", ".join(Role(role).label for role in seat.roles) + f" ({seat.board.site.hostname})"
                for seat in seats
            )
            self.stdout.write(f"  {user.username:<12} mật khẩu: {shown:<16} {roles or user.position}")

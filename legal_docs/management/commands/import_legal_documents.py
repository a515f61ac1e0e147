"""python manage.py import_legal_documents FILE.csv [--site HOSTNAME] [--files-dir DIR] [--dry-run]"""

import signal
import threading
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from legal_docs.importer import HEADER, ImportFailed, import_documents


class Command(BaseCommand):
    help = (
        "Nhập văn bản từ tệp CSV UTF-8 (cột: " + ",".join(HEADER) + "). Kiểm tra mọi dòng trước; có dòng sai "
        "thì không ghi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="Tệp CSV (UTF-8, có thể có BOM).")
        parser.add_argument(
            "--site",
            help="Tên miền của cổng nhận văn bản (ví dụ xa-hoa-binh.tinh.gov.vn, có thể kèm :cổng); "
            "mặc định là cổng mặc định.",
        )
        parser.add_argument("--files-dir", help="Thư mục chứa các tệp ghi ở cột files.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi.")

    def handle(self, *args, **options):
        try:
            with sigterm_as_exit():
                result = import_documents(
                    options["csv_file"],
                    site=site_named(options["site"]) if options["site"] else None,
                    files_dir=options["files_dir"],
                    dry_run=options["dry_run"],
                    progress=options["verbosity"] >= 1,
                )
        except FileNotFoundError as error:
            raise CommandError(f"Không tìm thấy tệp: {error.filename}") from error
        except ImportFailed as error:
            raise CommandError("Tệp bị từ chối, chưa ghi gì:\n" + "\n".join(error.errors)) from error
        self.stdout.write(self.style.SUCCESS(str(result)))


def site_named(text):
    """The site answering HOSTNAME or HOSTNAME:PORT; a name no site or several sites answer is refused."""
    hostname, _, port = text.strip().lower().partition(":")
    sites = Site.objects.filter(hostname=hostname)
    if port:
        if not port.isdigit() or len(port) > 5:
            raise CommandError(f"Cổng «{port}» không hợp lệ: ghi dạng tenmien hoặc tenmien:8000.")
        sites = sites.filter(port=int(port))
    found = list(sites[:2])
    if not found:
        raise CommandError(f"Không có cổng nào mang tên miền «{text}»: xem danh sách ở Cài đặt › Trang.")
    if len(found) > 1:
        raise CommandError(f"Nhiều cổng mang tên miền «{text}»: ghi thêm số cổng, ví dụ {hostname}:8000.")
    return found[0]


@contextmanager
def sigterm_as_exit():
    """SIGTERM (systemd, `kill`) raises SystemExit like Ctrl-C raises KeyboardInterrupt, so the import
    rolls back and removes the files it stored instead of dying with them left in media."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

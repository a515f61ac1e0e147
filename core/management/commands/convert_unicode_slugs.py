"""Give every page with a Unicode address (slug) its không-dấu one; Wagtail's redirects app then answers the
old address, and its subtree's, with a permanent redirect (docs/requirements.md)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.encoding import uri_to_iri
from wagtail.models import Page

from core.text import slug_of


class Command(BaseCommand):
    help = (
        "Đổi địa chỉ (slug) có dấu của các trang sang không dấu; địa chỉ cũ (và của các trang con) chuyển "
        "hướng vĩnh viễn (301) sang địa chỉ mới. Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không đổi")

    def handle(self, *args, dry_run=False, **options):
        # Deepest first: Wagtail makes the redirects of a page's subtree from the subtree's addresses at that
        # moment, so each page's fully old address gets one.
        rows = Page.objects.order_by("-depth", "path").values_list("pk", "slug")
        ids = [pk for pk, slug in rows if not slug.isascii()]
        for pk in ids:
            page = Page.objects.get(pk=pk).specific
            new = page.free_slug(slug_of(page.slug)) if hasattr(page, "free_slug") else slug_of(page.slug)
            self.stdout.write(f"- {uri_to_iri(page.get_url() or page.url_path)}: {page.slug} → {new}")
            if not dry_run:
                rename(page, new)
        if not ids:
            self.stdout.write("Không có trang nào có địa chỉ có dấu.")
        elif dry_run:
            self.stdout.write(f"{len(ids)} trang sẽ được đổi địa chỉ (chạy lại không có --dry-run).")


@transaction.atomic
def rename(page, slug):
    """The page's new slug, in its revisions too: publishing an older draft must not bring the old back."""
    page.slug = slug
    page.save()
    for revision in {page.latest_revision, page.live_revision} - {None}:
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])

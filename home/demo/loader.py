"""Builds the demo portal; every step finds what an earlier run made instead of making it again."""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Site

from home.models import HomePage, PortalSettings, StandardPage, SubjectArea

from . import content
from .images import draw_emblem, draw_landscape, ensure_image


def _body(paragraphs):
    return [("paragraph", html) for html in paragraphs]


def ensure_child(parent, slug, **fields):
    """The live StandardPage `slug` under `parent`, created and published only if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = StandardPage(slug=slug, show_in_menus=True, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home(site):
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("Trang gốc của site mặc định không phải Trang chủ: hãy chạy migrate trước.")
    if not home.intro:
        home.title = content.HOME["title"]
        home.intro = content.HOME["intro"]
        home.body = content.HOME["body"]
        home.banner_image = ensure_image("Ảnh đầu trang", draw_landscape, "anh-dau-trang.png")
        home.save_revision().publish()
    return home


def ensure_settings(site):
    portal = PortalSettings.for_site(site)
    if portal.agency_name != content.AGENCY:
        for name, value in content.SETTINGS.items():
            setattr(portal, name, value)
        portal.emblem = ensure_image("Biểu trưng", draw_emblem, "bieu-trung.png")
        portal.save()
    if site.site_name != content.AGENCY:
        site.site_name = content.AGENCY
        site.save()
    return portal


def ensure_sections(home):
    for slug, title, intro, paragraphs, children in content.SECTIONS:
        section = ensure_child(home, slug, title=title, intro=intro, body=_body(paragraphs))
        for child_slug, child_title, child_intro, child_paragraphs in children:
            ensure_child(
                section, child_slug, title=child_title, intro=child_intro, body=_body(child_paragraphs)
            )


def ensure_subject_areas():
    """The demo fields (lĩnh vực), by slug; other apps' demo loaders use them too."""
    areas = {}
    for order, (slug, name) in enumerate(content.SUBJECT_AREAS):
        areas[slug], _ = SubjectArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    return areas


def ensure_accounts():
    """Demo accounts; a password is set only when the account is created, never reset."""
    user_model = get_user_model()
    accounts = []
    for username, password, first_name, last_name, position, is_superuser in content.DEMO_ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "position": position,
                "unit": content.AGENCY,
                "is_staff": True,
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        accounts.append((user, password, created))
    return accounts


@transaction.atomic
def load_demo_portal():
    site = Site.objects.get(is_default_site=True)
    home = ensure_home(site)
    ensure_settings(site)
    ensure_subject_areas()
    ensure_sections(home)
    return ensure_accounts()

"""Builds the demo portal; every step finds what an earlier run made instead of making it again."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from core.enums import PortalKind
from core.models import HomePage, PortalSettings, StandardPage
from core.workflows import submit
from editorial.board_file import load_board_file
from news.models import ArticlePage
from portal.component_portals import REPLACE, add_component_portal
from portal.demo.consultations import load_demo as load_consultations
from portal.demo.legal_docs import load_agency_documents
from portal.demo.legal_docs import load_demo as load_legal_documents
from portal.demo.news import load_demo as load_news
from portal.demo.organisation import ensure_agency_directory
from portal.demo.organisation import load_demo as load_organisation
from portal.demo.procedures import ensure_provincial_catalogue
from portal.demo.procedures import load_demo as load_procedures
from portal.demo.projects import load_demo as load_projects
from portal.demo.questions import load_demo as load_questions
from portal.demo.schedule import ensure_agency_entries
from portal.demo.schedule import ensure_page as ensure_schedule_page
from portal.demo.schedule import load_demo as load_schedule

from . import content
from .images import draw_emblem, draw_landscape, draw_map, ensure_image
from .subject_areas import ensure_subject_areas


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


def name_site(site):
    """The agency's name on the site, first: the site's library of files and its board's groups are named
    after it (editorial.collections, editorial.board_file). Its address is the one the portal is served at
    (WAGTAILADMIN_BASE_URL, `make run`'s), so that links in emails and feeds lead there."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    wanted = {
        "site_name": content.AGENCY,
        "hostname": address.hostname,
        "port": address.port or (443 if address.scheme == "https" else 80),
    }
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()


def ensure_settings(site):
    portal = PortalSettings.for_site(site)
    if portal.agency_name != content.AGENCY:
        for name, value in content.SETTINGS.items():
            setattr(portal, name, value)
        portal.emblem = ensure_image("Biểu trưng", draw_emblem, "bieu-trung.png")
        portal.save()
    return portal


def ensure_sections(home):
    """The plain-page sections; the administrative map page also gets its map picture."""
    for slug, title, intro, paragraphs, children in content.SECTIONS:
        section = ensure_child(home, slug, title=title, intro=intro, body=_body(paragraphs))
        for child_slug, child_title, child_intro, child_paragraphs in children:
            body = _body(child_paragraphs)
            if child_slug == "ban-do-hanh-chinh":
                image = ensure_image("Bản đồ hành chính tỉnh An Khánh", draw_map, "ban-do-hanh-chinh.png")
                body.append(
                    ("image", {"image": image, "caption": "Bản đồ hành chính tỉnh An Khánh", "credit": ""})
                )
            ensure_child(section, child_slug, title=child_title, intro=child_intro, body=body)


def order_menu(home):
    """Top-level sections in the order citizens expect (content.MENU_ORDER), moving only what is out of place."""
    present = set(home.get_children().values_list("slug", flat=True))
    wanted = [slug for slug in content.MENU_ORDER if slug in present]
    current = [slug for slug in home.get_children().values_list("slug", flat=True) if slug in wanted]
    if current == wanted:
        return
    for slug in wanted:
        home.get_children().get(slug=slug).specific.move(home, pos="last-child")


def ensure_english_pages(home):
    """English translations of the home, introduction and contact pages, through Wagtail's own i18n."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    sources = {"home": home}
    for slug in ("gioi-thieu", "lien-he"):
        sources[slug] = home.get_children().filter(slug=slug).first()
    for key, (title, slug, intro, body) in content.ENGLISH.items():
        source = sources[key]
        if source is None or source.get_translation_or_none(english):
            continue
        translation = source.specific.copy_for_translation(english)
        translation.title, translation.slug, translation.intro = title, slug, intro
        translation.body = [("paragraph", body)]
        translation.save_revision().publish()


def ensure_quick_links(home):
    if home.quick_links:
        return
    links = []
    for title, target, description in content.QUICK_LINKS:
        page = None if target.startswith("https://") else home.get_children().filter(slug=target).first()
        url = target if page is None else ""
        links.append(("link", {"title": title, "page": page, "url": url, "description": description}))
    home.quick_links = links
    home.save_revision().publish()


def ensure_featured_article(home):
    if home.featured_article_id is None:
        home.featured_article = (
            ArticlePage.objects.live()
            .descendant_of(home)
            .filter(title__startswith="Hội nghị xúc tiến đầu tư")
            .first()
        )
        home.save_revision().publish()


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
    name_site(site)
    home = ensure_home(site)
    ensure_settings(site)
    province = ensure_agency_site(content.PROVINCE_PORTAL, PortalKind.PROVINCE)
    ensure_provincial_catalogue(province.root_page)
    join_province(site, province)
    ensure_subject_areas()
    ensure_sections(home)
    loaders = (
        load_news,
        load_schedule,
        load_legal_documents,
        load_projects,
        load_procedures,
        load_organisation,
        load_consultations,
        load_questions,
    )
    for load in loaders:
        load(home)
    order_menu(home)
    ensure_english_pages(home)
    ensure_featured_article(home)
    ensure_quick_links(home)
    accounts = ensure_accounts() + ensure_board(province)
    ensure_waiting_article(home)
    return accounts


def ensure_board(province):
    """The demo boards (the department's, the province's and each commune's, one account per role); demo
    accounts get the demo password once, when new. Each commune's documents are loaded once its board is."""
    communes = [
        ensure_agency_site(commune, PortalKind.COMMUNE, province) for commune, *_rest in content.COMMUNES
    ]
    accounts = []
    board_files = [content.DEMO_BOARD_FILE, content.PROVINCE_BOARD_FILE]
    for path in board_files + [board for _commune, board, _documents in content.COMMUNES]:
        outcome = load_board_file(path)
        new = {user.pk for user, _url in outcome.new_accounts}
        for member in outcome.board.members.filter(active=True).select_related("user").order_by("pk"):
            user = member.user
            if user.pk in new:
                user.set_password(content.DEMO_BOARD_PASSWORD)
                user.save(update_fields=["password"])
            accounts.append((user, content.DEMO_BOARD_PASSWORD, user.pk in new))
    for site, (commune, _board, documents) in zip(communes, content.COMMUNES, strict=True):
        load_agency_documents(site, commune["name"], documents)
    return accounts


def join_province(site, province):
    """The department's portal is a component portal of the province's (an earlier demo made it the top one)."""
    settings = PortalSettings.for_site(site)
    if (settings.kind, settings.parent_site_id) != (PortalKind.DEPARTMENT, province.pk):
        settings.kind, settings.parent_site = PortalKind.DEPARTMENT, province
        settings.save()


def ensure_agency_site(spec, kind, parent=None):
    """A province's or a commune's portal, made as add_component_portal makes one (portal/component_portals.py),
    with sections, leaders, a week's schedule and an article of its own, and its picture."""
    # A site an earlier demo made, with another kind or province portal: give it these.
    PortalSettings.objects.filter(site__hostname=spec["hostname"]).update(kind=kind, parent_site=parent)
    site = add_component_portal(
        spec["hostname"], spec["name"], kind, parent and parent.hostname, spec["port"]
    ).site
    home = site.root_page.specific
    for slug, title in spec["sections"]:
        ensure_child(home, slug, title=title, intro=f"{title} của {spec['name']}.")
    replace_placeholders(home, spec["name"])
    ensure_agency_article(home, *spec["article"], author=spec["office"][1])
    ensure_agency_directory(site, spec["office"], spec["leaders"])
    ensure_agency_entries(site, spec["schedule"], timezone.localdate())
    ensure_schedule_page(home)
    # The portal's own picture, in its own library: its board chooses from there, not another site's.
    file_name = f"anh-dau-trang-{spec['hostname'].split('.')[0]}.png"
    banner = ensure_image(spec["banner"], draw_landscape, file_name, site=site)
    if home.banner_image_id is None or home.title != spec["title"]:
        home.banner_image, home.title, home.intro = banner, spec["title"], spec["intro"]
        home.save_revision().publish()
    return site


def replace_placeholders(home, name):
    """The introductions add_component_portal leaves to replace, replaced: a demo reads as a portal in use."""
    placeholder = REPLACE.format(name=name)
    for page in home.get_descendants().filter(depth__lte=home.depth + 2).specific():
        if placeholder in getattr(page, "intro", ""):
            page.intro = f"{page.title} của {name}."
            page.save_revision().publish()


def ensure_agency_article(home, title, intro, author):
    """One published article of the portal's own (a component portal's is listed on the province's home
    page too)."""
    section = home.get_children().get(slug="tin-tuc")
    if ArticlePage.objects.child_of(section).filter(title=title).exists():
        return
    article = ArticlePage(title=title, intro=intro, author_name=author, author_address=home.title)
    section.add_child(instance=article)
    article.save_revision().publish()


def ensure_waiting_article(home):
    """One article the contributor submitted, waiting at the secretariat's step, so that the approvers'
    dashboard (editorial/dashboard.py) has something to show from the first sign-in."""
    spec = content.WAITING_ARTICLE
    if ArticlePage.objects.descendant_of(home).filter(title=spec["title"]).exists():
        return
    author = get_user_model().objects.filter(username=spec["author"]).first()
    section = home.get_descendants().filter(slug=spec["section"]).first()
    if author is None or section is None:
        return
    article = ArticlePage(
        title=spec["title"],
        intro=spec["intro"],
        author_name=author.get_full_name(),
        author_address=spec["address"],
        live=False,
    )
    section.add_child(instance=article)
    submit(article, author)

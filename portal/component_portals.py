"""A component portal in one step (docs/component-portals.md): a department's or a commune's site on the
province's installation, with the sections its kind must carry (Nghị định 224/2026 Điều 9 khoản 1), its
settings, its library of files and its board's workflow. Running it again changes nothing."""

import re
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Page, Site

from core.enums import PortalKind
from core.models import HomePage, PortalSettings, StandardPage
from editorial.board_file import set_up_board
from editorial.collections import site_collection
from feedback.models import ConsultationIndexPage, QuestionIndexPage
from legal_docs.models import LegalDocumentIndexPage
from news.models import SectionPage
from organisation.models import ContactPage, LeadersPage, OrganisationChartPage
from procedures.models import ProcedureIndexPage

HOSTNAME = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$"
)
REPLACE = "Nội dung mẫu: Ban biên tập thay bằng nội dung của {name}."

# (slug, title, page type) under "Giới thiệu", by kind of agency (Nghị định 224/2026 Điều 9 khoản 1): a
# People's Committee's portal, the province's or a commune's, carries the same items.
PEOPLES_COMMITTEE = [
    ("co-cau-to-chuc", "Cơ cấu tổ chức bộ máy hành chính", OrganisationChartPage),
    ("ban-do-dia-gioi", "Bản đồ địa giới hành chính", StandardPage),
    ("dieu-kien-tu-nhien", "Điều kiện tự nhiên", StandardPage),
    ("lich-su", "Lịch sử", StandardPage),
    ("truyen-thong-van-hoa", "Truyền thống văn hóa", StandardPage),
    ("di-tich-danh-thang", "Di tích, danh thắng", StandardPage),
    ("lanh-dao", "Tiểu sử lãnh đạo", LeadersPage),
]
INTRODUCTION = {
    PortalKind.PROVINCE: PEOPLES_COMMITTEE,
    PortalKind.COMMUNE: PEOPLES_COMMITTEE,
    PortalKind.DEPARTMENT: [
        ("chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ, quyền hạn", StandardPage),
        ("so-do-to-chuc", "Sơ đồ tổ chức", OrganisationChartPage),
        ("lich-su-hinh-thanh", "Lịch sử hình thành và phát triển", StandardPage),
        ("lanh-dao", "Lãnh đạo", LeadersPage),
    ],
}
# (slug, title, page type) under the home page, for every kind.
SECTIONS = [
    ("gioi-thieu", "Giới thiệu", StandardPage),
    ("tin-tuc", "Tin tức, sự kiện", SectionPage),
    ("van-ban", "Văn bản", LegalDocumentIndexPage),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính", ProcedureIndexPage),
    ("hoi-dap", "Hỏi đáp", QuestionIndexPage),
    ("gop-y-du-thao", "Lấy ý kiến góp ý", ConsultationIndexPage),
    ("tiep-can-thong-tin", "Tiếp cận thông tin", StandardPage),
    ("lien-he", "Liên hệ", ContactPage),
]


class ComponentPortalError(Exception):
    """What is wrong with the request, in Vietnamese; nothing was written."""


@dataclass
class Outcome:
    site: Site
    changes: list = field(default_factory=list)


def check(hostname, name, kind, parent_hostname, port):
    """(kind, parent site) for valid input, else ComponentPortalError listing every problem."""
    problems = []
    if not hostname or not HOSTNAME.match(hostname):
        problems.append(
            f"Tên miền «{hostname or ''}» không hợp lệ: chỉ chữ thường không dấu, số, dấu gạch ngang và "
            "dấu chấm, ví dụ tanlap.ankhanh.gov.vn."
        )
    if not (name or "").strip():
        problems.append('Thiếu tên cơ quan (--name), ví dụ --name "Ủy ban nhân dân xã Tân Lập".')
    elif len(name) > 255:
        problems.append("Tên cơ quan dài quá 255 ký tự.")
    if kind not in PortalKind.values:
        problems.append(
            f"Loại cổng «{kind or ''}» không hợp lệ: --kind commune (xã, phường), department (sở, ngành) "
            "hoặc province (cổng tỉnh)."
        )
    if not 1 <= port <= 65535:
        problems.append(f"Cổng mạng {port} không hợp lệ (1–65535).")
    parent = None
    if kind == PortalKind.PROVINCE:
        if parent_hostname:
            problems.append("Cổng tỉnh không là cổng thành phần của cổng nào: bỏ --parent.")
    elif parent_hostname:
        parent = Site.objects.filter(hostname=parent_hostname).first()
        if parent is None:
            problems.append(
                f"Không có trang nào với tên miền «{parent_hostname}» để làm cổng tỉnh (--parent)."
            )
        elif parent_hostname == hostname:
            problems.append("Một cổng không thể là cổng thành phần của chính nó.")
        elif PortalSettings.objects.filter(site=parent, parent_site__isnull=False).exists():
            problems.append(
                f"«{parent_hostname}» là cổng thành phần của một cổng khác: --parent là tên miền của cổng "
                "tỉnh."
            )
    else:
        parent = province_portal()
    existing = Site.objects.filter(hostname=hostname, port=port).first() if hostname else None
    if existing is not None and not problems:
        settings = PortalSettings.for_site(existing)
        same = (existing.site_name, settings.kind, settings.parent_site_id) == (
            name,
            kind,
            parent and parent.pk,
        )
        if not same:
            problems.append(
                f"Tên miền «{hostname}» đã được dùng cho «{existing.site_name or existing.hostname}»: "
                "chọn tên miền khác."
            )
    if problems:
        raise ComponentPortalError(problems)
    return PortalKind(kind), parent


def province_portal():
    """The parent a new component portal gets when none is named: the province portal when the installation
    has one, else the default site."""
    provinces = PortalSettings.objects.filter(kind=PortalKind.PROVINCE, parent_site__isnull=True)
    if provinces.count() == 1:
        return provinces.get().site
    return Site.objects.filter(is_default_site=True).first()


def add_component_portal(hostname, name, kind, parent_hostname=None, port=80, actor=None):
    """Create the component portal, or complete it if an earlier run made it (Outcome.changes is empty when
    there was nothing to do). Raises ComponentPortalError, writing nothing, on bad input."""
    name = (name or "").strip()
    kind, parent = check(hostname, name, kind, parent_hostname, port)
    with transaction.atomic():
        site = Site.objects.filter(hostname=hostname, port=port).first()
        outcome = Outcome(site=site)
        if site is None:
            home = HomePage(title=name, slug=hostname.replace(".", "-"), intro=REPLACE.format(name=name))
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision(user=actor).publish(user=actor)
            outcome.site = site = Site.objects.create(
                hostname=hostname, port=port, root_page=home, site_name=name
            )
            outcome.changes.append(f"tạo trang {site.root_url} «{name}»")
        settings = PortalSettings.for_site(site)
        if settings.pk is None or settings.agency_name != name:
            settings.agency_name, settings.kind, settings.parent_site = name, kind, parent
            settings.governing_body = PortalSettings.for_site(parent).agency_name if parent else ""
            settings.save()
            outcome.changes.append("lưu thông tin cổng (cơ quan, loại cổng, cổng tỉnh)")
        site_collection(site, outcome.changes)
        home = site.root_page.specific
        for slug, title, model in SECTIONS:
            section = ensure_page(home, slug, title, model, name, actor, outcome)
            if slug == "gioi-thieu":
                for child_slug, child_title, child_model in INTRODUCTION[kind]:
                    ensure_page(section, child_slug, child_title, child_model, name, actor, outcome)
        outcome.changes += set_up_board(site, actor).changes
        return outcome


def ensure_page(parent, slug, title, model, name, actor, outcome):
    """The live page `slug` under parent, created with an introduction to replace when missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(title=title, slug=slug, show_in_menus=True, intro=f"{title} – {REPLACE.format(name=name)}")
    parent.add_child(instance=page)
    page.save_revision(user=actor).publish(user=actor)
    outcome.changes.append(f"tạo mục «{title}»")
    return page

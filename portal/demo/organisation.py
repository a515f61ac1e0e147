"""Demo organisation of the fictional Sở Kế hoạch và Đầu tư tỉnh An Khánh; loading twice changes nothing."""

from functools import partial

from PIL import Image as PILImage
from PIL import ImageDraw

from core.models import StandardPage
from core.text import fold
from organisation.enums import UnitKind
from organisation.models import ContactPage, LeadersPage, Official, OrganisationChartPage, OrganisationUnit
from portal.demo.images import ensure_image

EMAIL_DOMAIN = "example.gov.vn"
HEAD_OFFICE = "Số 12 đường Trần Hưng Đạo, phường Trung Tâm, tỉnh An Khánh"

# (slug, name, kind, parent slug, address, phone, fax, email, functions, portrait colour)
UNITS = [
    (
        "ban-giam-doc",
        "Ban Giám đốc",
        UnitKind.LEADERSHIP,
        None,
        HEAD_OFFICE,
        "0260 3 812 345",
        "0260 3 812 346",
        "skhdt@example.gov.vn",
        "<p>Lãnh đạo, điều hành toàn bộ hoạt động của Sở; chịu trách nhiệm trước Ủy ban nhân dân tỉnh, "
        "Chủ tịch Ủy ban nhân dân tỉnh và trước pháp luật về thực hiện chức năng, nhiệm vụ được giao.</p>",
        (179, 18, 29),
    ),
    (
        "van-phong",
        "Văn phòng Sở",
        UnitKind.DEPARTMENT,
        "ban-giam-doc",
        "",
        "0260 3 812 350",
        "0260 3 812 346",
        "vanphong.skhdt@example.gov.vn",
        "<ul><li>Tổ chức cán bộ, thi đua khen thưởng, cải cách hành chính;</li>"
        "<li>Hành chính, văn thư, lưu trữ, tài chính, kế toán, quản trị cơ quan;</li>"
        "<li>Tiếp nhận và trả kết quả thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh.</li></ul>",
        (11, 60, 111),
    ),
    (
        "thanh-tra",
        "Thanh tra Sở",
        UnitKind.DEPARTMENT,
        "ban-giam-doc",
        "",
        "0260 3 812 360",
        "",
        "thanhtra.skhdt@example.gov.vn",
        "<ul><li>Thanh tra hành chính, thanh tra chuyên ngành về kế hoạch và đầu tư;</li>"
        "<li>Tiếp công dân, giải quyết khiếu nại, tố cáo; phòng, chống tham nhũng, tiêu cực.</li></ul>",
        (94, 53, 177),
    ),
    (
        "tong-hop-quy-hoach",
        "Phòng Tổng hợp, quy hoạch",
        UnitKind.DEPARTMENT,
        "ban-giam-doc",
        "",
        "0260 3 812 370",
        "",
        "tonghop.skhdt@example.gov.vn",
        "<ul><li>Tham mưu xây dựng, theo dõi thực hiện quy hoạch tỉnh;</li>"
        "<li>Tổng hợp kế hoạch phát triển kinh tế - xã hội 5 năm và hằng năm;</li>"
        "<li>Báo cáo tình hình kinh tế - xã hội định kỳ của tỉnh.</li></ul>",
        (0, 121, 107),
    ),
    (
        "dau-tu-cong-dau-thau",
        "Phòng Đầu tư công và đấu thầu",
        UnitKind.DEPARTMENT,
        "ban-giam-doc",
        "",
        "0260 3 812 380",
        "",
        "dautucong.skhdt@example.gov.vn",
        "<ul><li>Tổng hợp, cân đối kế hoạch đầu tư công trung hạn và hằng năm;</li>"
        "<li>Thẩm định chủ trương đầu tư, kế hoạch lựa chọn nhà thầu theo phân cấp;</li>"
        "<li>Giám sát, đánh giá đầu tư; theo dõi giải ngân vốn đầu tư công.</li></ul>",
        (191, 54, 12),
    ),
    (
        "dang-ky-kinh-doanh",
        "Phòng Đăng ký kinh doanh",
        UnitKind.DEPARTMENT,
        "ban-giam-doc",
        "",
        "0260 3 812 390",
        "",
        "dkkd.skhdt@example.gov.vn",
        "<ul><li>Đăng ký doanh nghiệp, hộ kinh doanh, hợp tác xã;</li>"
        "<li>Cấp, điều chỉnh, thu hồi giấy chứng nhận đăng ký doanh nghiệp;</li>"
        "<li>Hướng dẫn đăng ký doanh nghiệp qua mạng điện tử.</li></ul>",
        (46, 125, 50),
    ),
    (
        "trung-tam-xuc-tien-dau-tu",
        "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp",
        UnitKind.AFFILIATED,
        "ban-giam-doc",
        "Số 45 đường Lê Duẩn, phường Trung Tâm, tỉnh An Khánh",
        "0260 3 815 678",
        "0260 3 815 679",
        "xuctiendautu@example.gov.vn",
        "<ul><li>Tổ chức hoạt động xúc tiến đầu tư, giới thiệu cơ hội đầu tư của tỉnh;</li>"
        "<li>Hỗ trợ nhà đầu tư, doanh nghiệp nhỏ và vừa, khởi nghiệp đổi mới sáng tạo.</li></ul>",
        (130, 100, 20),
    ),
]

# (unit slug, full name, position, is_leader, is_unit_head, phone, duties, bio)
OFFICIALS = [
    (
        "ban-giam-doc",
        "Nguyễn Văn Minh",
        "Giám đốc Sở",
        True,
        False,
        "0260 3 812 301",
        "Lãnh đạo, quản lý toàn diện hoạt động của Sở. Trực tiếp phụ trách công tác tổ chức cán bộ, tài chính, "
        "quy hoạch tỉnh, kế hoạch phát triển kinh tế - xã hội.\n"
        "Phụ trách Văn phòng Sở và Phòng Tổng hợp, quy hoạch.",
        "Sinh năm 1972, quê xã Hòa Phong, tỉnh An Khánh. Thạc sĩ Kinh tế phát triển.\n"
        "Nguyên Phó Giám đốc Sở Tài chính; giữ chức Giám đốc Sở Kế hoạch và Đầu tư từ tháng 8/2021.",
    ),
    (
        "ban-giam-doc",
        "Trần Thị Thu Hương",
        "Phó Giám đốc Sở",
        True,
        False,
        "0260 3 812 302",
        "Phụ trách lĩnh vực đầu tư công, đấu thầu, giám sát và đánh giá đầu tư; theo dõi giải ngân vốn đầu tư "
        "công của tỉnh.\nPhụ trách Phòng Đầu tư công và đấu thầu.",
        "Sinh năm 1976, quê xã Tân Lập, tỉnh An Khánh. Thạc sĩ Quản lý công.\n"
        "Nguyên Trưởng phòng Đầu tư công và đấu thầu; Phó Giám đốc Sở từ tháng 3/2020.",
    ),
    (
        "ban-giam-doc",
        "Lê Quang Huy",
        "Phó Giám đốc Sở",
        True,
        False,
        "0260 3 812 303",
        "Phụ trách lĩnh vực đăng ký doanh nghiệp, kinh tế tập thể, hợp tác xã, hỗ trợ doanh nghiệp nhỏ và vừa.\n"
        "Phụ trách Phòng Đăng ký kinh doanh và Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp.",
        "Sinh năm 1979, quê phường Bắc Sơn, tỉnh An Khánh. Tiến sĩ Quản trị kinh doanh.\n"
        "Nguyên Giám đốc Trung tâm Xúc tiến đầu tư; Phó Giám đốc Sở từ tháng 6/2022.",
    ),
    (
        "ban-giam-doc",
        "Phạm Đức Thắng",
        "Phó Giám đốc Sở",
        True,
        False,
        "0260 3 812 304",
        "Phụ trách thu hút đầu tư, dự án đầu tư ngoài ngân sách, đầu tư theo phương thức đối tác công tư; công tác "
        "thanh tra, tiếp công dân, phòng, chống tham nhũng.\nPhụ trách Thanh tra Sở.",
        "Sinh năm 1974, quê xã Phước Hải, tỉnh An Khánh. Cử nhân Luật, Cử nhân Kinh tế.\n"
        "Nguyên Chánh Thanh tra Sở; Phó Giám đốc Sở từ tháng 10/2019.",
    ),
    ("van-phong", "Võ Thị Mai Anh", "Chánh Văn phòng", False, True, "0260 3 812 351", "", ""),
    ("van-phong", "Hoàng Minh Tuấn", "Phó Chánh Văn phòng", False, True, "0260 3 812 352", "", ""),
    ("van-phong", "Đặng Thị Ngọc Lan", "Chuyên viên", False, False, "0260 3 812 353", "", ""),
    ("thanh-tra", "Bùi Văn Hải", "Chánh Thanh tra", False, True, "0260 3 812 361", "", ""),
    ("thanh-tra", "Ngô Thị Thanh Tâm", "Thanh tra viên", False, False, "0260 3 812 362", "", ""),
    ("thanh-tra", "Đỗ Quốc Bảo", "Thanh tra viên", False, False, "0260 3 812 363", "", ""),
    ("tong-hop-quy-hoach", "Huỳnh Thị Kim Oanh", "Trưởng phòng", False, True, "0260 3 812 371", "", ""),
    ("tong-hop-quy-hoach", "Phan Văn Đức", "Phó Trưởng phòng", False, True, "0260 3 812 372", "", ""),
    (
        "tong-hop-quy-hoach",
        "Trương Thị Hồng Nhung",
        "Chuyên viên chính",
        False,
        False,
        "0260 3 812 373",
        "",
        "",
    ),
    ("tong-hop-quy-hoach", "Lý Minh Khoa", "Chuyên viên", False, False, "0260 3 812 374", "", ""),
    ("dau-tu-cong-dau-thau", "Nguyễn Thành Long", "Trưởng phòng", False, True, "0260 3 812 381", "", ""),
    ("dau-tu-cong-dau-thau", "Vũ Thị Phương Thảo", "Phó Trưởng phòng", False, True, "0260 3 812 382", "", ""),
    ("dau-tu-cong-dau-thau", "Đinh Công Sơn", "Chuyên viên chính", False, False, "0260 3 812 383", "", ""),
    ("dau-tu-cong-dau-thau", "Mai Thị Hải Yến", "Chuyên viên", False, False, "0260 3 812 384", "", ""),
    ("dang-ky-kinh-doanh", "Lê Thị Bích Ngọc", "Trưởng phòng", False, True, "0260 3 812 391", "", ""),
    ("dang-ky-kinh-doanh", "Trần Quốc Việt", "Phó Trưởng phòng", False, True, "0260 3 812 392", "", ""),
    ("dang-ky-kinh-doanh", "Cao Thị Thùy Dung", "Chuyên viên", False, False, "0260 3 812 393", "", ""),
    (
        "trung-tam-xuc-tien-dau-tu",
        "Dương Văn Khánh",
        "Giám đốc Trung tâm",
        False,
        True,
        "0260 3 815 601",
        "",
        "",
    ),
    (
        "trung-tam-xuc-tien-dau-tu",
        "Tạ Thị Minh Châu",
        "Phó Giám đốc Trung tâm",
        False,
        True,
        "0260 3 815 602",
        "",
        "",
    ),
    ("trung-tam-xuc-tien-dau-tu", "Hồ Ngọc Trâm", "Viên chức", False, False, "0260 3 815 603", "", ""),
]

PAGES_INTRO = {
    "gioi-thieu": "Chức năng, nhiệm vụ, cơ cấu tổ chức, lịch sử hình thành và điều kiện tự nhiên của tỉnh.",
    "lanh-dao": "Giám đốc, các Phó Giám đốc Sở và nhiệm vụ được phân công của từng đồng chí.",
    "so-do-to-chuc": "Ban Giám đốc, các phòng chuyên môn, nghiệp vụ và đơn vị sự nghiệp trực thuộc Sở.",
    "lien-he": "Địa chỉ, điện thoại, thư điện tử của Sở, danh bạ cán bộ, công chức và các phòng, đơn vị.",
}

CONTACT_BODY = [
    (
        "paragraph",
        "<p>Giờ làm việc: sáng từ 7 giờ đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, từ thứ Hai đến thứ Sáu. "
        "Hồ sơ thủ tục hành chính được tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh.</p>",
    )
]


def official_email(full_name):
    """Given name then initials, as in the province's mail system: Nguyễn Văn Minh → minhnv.skhdt."""
    *others, given = fold(full_name).split()
    return f"{given}{''.join(word[0] for word in others)}.skhdt@{EMAIL_DOMAIN}"


def draw_portrait(colour, width=240, height=320):
    """A silhouette on the unit's colour: the demo has no photographs of real people."""
    image = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, channel + 150) for channel in colour)
    draw.ellipse((width * 0.08, height * 0.62, width * 0.92, height * 1.25), fill=light)
    draw.ellipse((width * 0.3, height * 0.2, width * 0.7, height * 0.56), fill=light)
    return image


def ensure_page(parent, page):
    """The child of `parent` at `page.slug`, whatever its type; `page` is added and published only if missing."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_units(site):
    units = {}
    for order, (slug, name, kind, parent, address, phone, fax, email, functions, _colour) in enumerate(UNITS):
        units[slug], _ = OrganisationUnit.objects.get_or_create(
            site=site,
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "parent": units.get(parent),
                "address": address,
                "phone": phone,
                "fax": fax,
                "email": email,
                "functions": functions,
                "sort_order": order,
            },
        )
    return units


def ensure_officials(units):
    colours = {unit[0]: unit[-1] for unit in UNITS}
    for order, (unit_slug, name, position, is_leader, is_head, phone, duties, bio) in enumerate(OFFICIALS):
        if Official.objects.filter(full_name=name, unit=units[unit_slug]).exists():
            continue
        photo = ensure_image(
            f"Ảnh chân dung {name}",
            partial(draw_portrait, colours[unit_slug]),
            f"chan-dung-{fold(name).replace(' ', '-')}.png",
        )
        Official.objects.create(
            full_name=name,
            position=position,
            unit=units[unit_slug],
            photo=photo,
            bio=bio,
            duties=duties,
            is_leader=is_leader,
            is_unit_head=is_head,
            phone=phone,
            email=official_email(name),
            sort_order=order,
        )


def ensure_pages(home):
    introduction = ensure_page(
        home,
        StandardPage(
            title="Giới thiệu", slug="gioi-thieu", show_in_menus=True, intro=PAGES_INTRO["gioi-thieu"]
        ),
    )
    ensure_page(
        introduction,
        LeadersPage(title="Lãnh đạo Sở", slug="lanh-dao", show_in_menus=True, intro=PAGES_INTRO["lanh-dao"]),
    )
    ensure_page(
        introduction,
        OrganisationChartPage(
            title="Sơ đồ tổ chức",
            slug="so-do-to-chuc",
            show_in_menus=True,
            intro=PAGES_INTRO["so-do-to-chuc"],
        ),
    )
    ensure_page(
        home,
        ContactPage(
            title="Liên hệ",
            slug="lien-he",
            show_in_menus=True,
            intro=PAGES_INTRO["lien-he"],
            body=CONTACT_BODY,
        ),
    )


def load_demo(home):
    """Units, officials with portraits, and the leaders, chart and contact pages of the demo portal."""
    ensure_officials(ensure_units(home.get_site()))
    ensure_pages(home)


def ensure_agency_directory(site, office, leaders):
    """A component portal's office and its leaders, on its own site (core/sites.py)."""
    slug, name, phone, email = office
    unit, _created = OrganisationUnit.objects.get_or_create(
        site=site,
        slug=slug,
        defaults={"name": name, "kind": UnitKind.LEADERSHIP, "phone": phone, "email": email},
    )
    for order, (full_name, position, direct_line) in enumerate(leaders):
        if not Official.objects.filter(full_name=full_name, unit=unit).exists():
            Official.objects.create(
                full_name=full_name,
                position=position,
                unit=unit,
                is_leader=True,
                is_unit_head=True,
                phone=direct_line,
                sort_order=order,
            )

"""Texts of the demo portal: a fictional provincial department (the province does not exist)."""

from pathlib import Path

PROVINCE = "tỉnh An Khánh"
AGENCY = f"Sở Kế hoạch và Đầu tư {PROVINCE}"

SETTINGS = {
    "agency_name": AGENCY,
    "short_name": "Sở KH&ĐT An Khánh",
    "governing_body": f"Ủy ban nhân dân {PROVINCE}",
    "address": "Số 12 đường Trần Hưng Đạo, phường Trung Tâm, tỉnh An Khánh",
    "phone": "0260 3 812 345",
    "fax": "0260 3 812 346",
    "email": "skhdt@example.gov.vn",
    "responsible_person": "Nguyễn Văn Minh",
    "responsible_title": "Giám đốc Sở Kế hoạch và Đầu tư",
    "licence": "Giấy phép số 08/GP-TTĐT ngày 15/3/2024 do Sở Khoa học và Công nghệ tỉnh An Khánh cấp.",
}

HOME = {
    "title": "Trang chủ",
    "intro": (
        "Cổng thông tin điện tử của Sở Kế hoạch và Đầu tư tỉnh An Khánh: thông tin chỉ đạo điều hành, "
        "văn bản quy phạm pháp luật, quy hoạch, dự án đầu tư và dịch vụ công trực tuyến."
    ),
    "body": [
        (
            "paragraph",
            "<p>Sở Kế hoạch và Đầu tư là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu về quy hoạch, "
            "kế hoạch phát triển kinh tế - xã hội, đầu tư công, thu hút đầu tư, đăng ký doanh nghiệp và hợp tác xã. "
            "Mọi ý kiến, câu hỏi của người dân và doanh nghiệp xin gửi qua chuyên mục <b>Hỏi đáp</b> hoặc thư điện tử "
            "của Sở.</p>",
        ),
    ],
}

# Sections that are plain pages: (slug, title, intro, body paragraphs, children). The other sections
# come from their apps' demo loaders (news, projects, procedures, organisation); MENU_ORDER sorts them.
SECTIONS = [
    (
        "gioi-thieu",
        "Giới thiệu",
        "Chức năng, nhiệm vụ, cơ cấu tổ chức, lịch sử hình thành và điều kiện tự nhiên của tỉnh.",
        [
            "<p>Sở Kế hoạch và Đầu tư tỉnh An Khánh được thành lập theo Quyết định số 125/QĐ-UBND ngày 02/4/1992 "
            "của Ủy ban nhân dân tỉnh, trên cơ sở hợp nhất Ủy ban Kế hoạch tỉnh và Ban Hợp tác đầu tư.</p>"
        ],
        [
            (
                "chuc-nang-nhiem-vu",
                "Chức năng, nhiệm vụ",
                "Vị trí, chức năng, nhiệm vụ và quyền hạn của Sở Kế hoạch và Đầu tư.",
                [
                    "<p>Sở Kế hoạch và Đầu tư là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có chức năng tham mưu, "
                    "giúp Ủy ban nhân dân tỉnh quản lý nhà nước về quy hoạch, kế hoạch, đầu tư phát triển, đầu tư "
                    "công, đầu tư theo phương thức đối tác công tư, đấu thầu, đăng ký doanh nghiệp, kinh tế tập thể, "
                    "hợp tác xã và kinh tế tư nhân.</p>",
                    "<ul><li>Trình Ủy ban nhân dân tỉnh dự thảo quy hoạch tỉnh, kế hoạch phát triển kinh tế - xã hội "
                    "5 năm và hằng năm;</li><li>Tổng hợp, cân đối kế hoạch đầu tư công trung hạn và hằng năm;</li>"
                    "<li>Thẩm định dự án đầu tư, kế hoạch lựa chọn nhà thầu theo phân cấp;</li>"
                    "<li>Cấp, điều chỉnh, thu hồi giấy chứng nhận đăng ký doanh nghiệp.</li></ul>",
                ],
            ),
            (
                "lich-su-hinh-thanh",
                "Lịch sử hình thành",
                "Các mốc phát triển của ngành kế hoạch và đầu tư tỉnh An Khánh.",
                [
                    "<p>Từ Ban Kế hoạch tỉnh thành lập năm 1976 đến Sở Kế hoạch và Đầu tư ngày nay, ngành đã trải qua "
                    "nhiều lần sắp xếp, kiện toàn tổ chức, gắn với từng giai đoạn phát triển kinh tế - xã hội của tỉnh.</p>"
                ],
            ),
            (
                "dieu-kien-tu-nhien",
                "Điều kiện tự nhiên",
                "Vị trí địa lý, địa hình, khí hậu và tài nguyên của tỉnh An Khánh.",
                [
                    "<p>Tỉnh An Khánh nằm ở vùng duyên hải, có bờ biển dài 134 km, địa hình thấp dần từ tây sang đông; "
                    "khí hậu nhiệt đới gió mùa với nhiệt độ trung bình năm 26,5 °C; tổng diện tích tự nhiên 6.025 km².</p>"
                ],
            ),
            (
                "van-hoa-di-tich",
                "Văn hóa, di tích, danh thắng",
                "Lễ hội truyền thống, di tích lịch sử - văn hóa và danh lam thắng cảnh của tỉnh An Khánh.",
                [
                    "<p>Tỉnh An Khánh có 42 di tích được xếp hạng, trong đó 6 di tích cấp quốc gia: tháp Chăm Bình Lâm, "
                    "thành cổ An Khánh, đình làng Phú Mỹ, di tích chiến thắng Núi Một. Lễ hội Cầu Ngư của ngư dân ven "
                    "biển được tổ chức vào tháng Giêng hằng năm.</p>",
                    "<p>Danh thắng tiêu biểu: đầm An Hải, bãi biển Hòn Khô, thác Đá Bàn và rừng nguyên sinh Kon Chiêng.</p>",
                ],
            ),
            (
                "ban-do-hanh-chinh",
                "Bản đồ hành chính",
                "Bản đồ hành chính tỉnh An Khánh sau sắp xếp đơn vị hành chính cấp xã năm 2025.",
                [
                    "<p>Từ ngày 01/7/2025, tỉnh An Khánh có 58 đơn vị hành chính cấp xã, gồm 14 phường và 44 xã.</p>",
                ],
            ),
        ],
    ),
]

MENU_ORDER = [
    "gioi-thieu",
    "tin-tuc",
    "chi-dao-dieu-hanh",
    "van-ban",
    "pho-bien-phap-luat",
    "quy-hoach-ke-hoach",
    "du-an-dau-tu",
    "thu-tuc-hanh-chinh",
    "gop-y-du-thao",
    "hoi-dap",
    "thong-ke",
    "lien-he",
]

# English pages (Nghị định 43/2011 Điều 13): translations of the home, introduction and contact pages.
ENGLISH = {
    "home": (
        "Home",
        "home-en",
        "Official portal of the Department of Planning and Investment of An Khanh province.",
        "<p>The Department of Planning and Investment advises the Provincial People's Committee on planning, "
        "socio-economic development plans, public investment, investment promotion and business registration.</p>",
    ),
    "gioi-thieu": (
        "About us",
        "about-us",
        "Functions, duties and organisation of the Department.",
        "<p>The Department of Planning and Investment of An Khanh province was established in 1992. It "
        "advises the Provincial People's Committee on provincial planning, five-year and annual "
        "socio-economic development plans, public investment, public-private partnership, bidding, business "
        "registration and cooperatives.</p><p>The Department is led by a Director and three Deputy "
        "Directors, with six specialised divisions and one investment promotion and business support centre.</p>",
    ),
    "lien-he": (
        "Contact",
        "contact",
        "How to reach the Department of Planning and Investment.",
        "<p><b>Department of Planning and Investment of An Khanh province</b><br>Address: 12 Tran Hung Dao "
        "Street, Trung Tam Ward, An Khanh Province, Viet Nam<br>Phone: +84 260 3 812 345 · Fax: +84 260 3 812 346"
        "<br>Email: skhdt@example.gov.vn</p><p>Office hours: Monday to Friday, 7:00–11:30 and 13:30–17:00.</p>",
    ),
}

DEMO_ACCOUNTS = [
    # (username, password, first_name, last_name, position, is_superuser)
    ("quantri", "QuanTri@2026!", "Trung", "Lê Hoàng", "Chuyên viên công nghệ thông tin", True),
]

# The province's portal on the same installation (docs/requirements.md, Province and component portals): the
# department and the communes are its component portals. It publishes the national and provincial documents
# and shares them with them (portal/demo/legal_docs.py).
PROVINCE_PORTAL = {
    "hostname": "an-khanh.localhost",
    "port": 8000,
    "name": f"Ủy ban nhân dân {PROVINCE}",
    "title": f"Cổng thông tin điện tử {PROVINCE}",
    "intro": (
        f"Thông tin chỉ đạo, điều hành của Ủy ban nhân dân {PROVINCE} và tin mới từ các cổng thành phần của sở, "
        "ngành, xã, phường."
    ),
    "sections": [("tin-tuc", "Tin tức, sự kiện"), ("thong-bao", "Thông báo")],
    "banner": "Ảnh đầu trang tỉnh An Khánh",
    "office": (
        "van-phong",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "0260 3 822 001",
        "vanphong@ankhanh.example.gov.vn",
    ),
    "leaders": [
        ("Phạm Quốc Tuấn", "Chủ tịch UBND tỉnh", "0260 3 822 002"),
        ("Đỗ Thị Lan Anh", "Phó Chủ tịch UBND tỉnh", "0260 3 822 003"),
    ],
    "article": (
        "Ủy ban nhân dân tỉnh họp phiên thường kỳ, đánh giá tình hình kinh tế - xã hội",
        "Phiên họp thống nhất các giải pháp đẩy mạnh giải ngân vốn đầu tư công và chuyển đổi số ở cấp xã.",
    ),
    "schedule": [
        (
            0,
            "08:00",
            "Đ/c Phạm Quốc Tuấn - Chủ tịch UBND tỉnh",
            "Họp Ủy ban nhân dân tỉnh phiên thường kỳ",
            "Phòng họp số 1, trụ sở UBND tỉnh",
        ),
    ],
}
PROVINCE_BOARD_FILE = Path(__file__).resolve().parents[2] / "editorial" / "boards" / "demo-tinh-an-khanh.yaml"

# A component portal of the province, with its own board.
COMMUNE = {
    "hostname": "xa-tan-lap.localhost",
    "port": 8000,
    "name": "Ủy ban nhân dân xã Tân Lập",
    "title": "Cổng thông tin điện tử xã Tân Lập",
    "intro": "Thông tin chỉ đạo, điều hành và thủ tục hành chính của Ủy ban nhân dân xã Tân Lập.",
    "sections": [("tin-tuc", "Tin tức, sự kiện"), ("thong-bao", "Thông báo")],
    "banner": "Ảnh đầu trang xã Tân Lập",
    # The commune's office and its leaders (name, position, phone), and this week's engagements (weekday,
    # start, leaders, content, location).
    "office": ("van-phong", "Văn phòng HĐND và UBND xã", "0260 3 861 100", "vanphong@tanlap.example.gov.vn"),
    "leaders": [
        ("Trần Văn Hải", "Chủ tịch UBND xã", "0260 3 861 101"),
        ("Nguyễn Thị Hòa", "Phó Chủ tịch UBND xã", "0260 3 861 102"),
    ],
    "article": (
        "Xã Tân Lập ra quân làm đường giao thông nông thôn",
        "Hơn 300 người dân các thôn cùng lực lượng đoàn viên thanh niên ra quân bê tông hóa 2,5 km đường liên "
        "thôn.",
    ),
    "schedule": [
        (
            0,
            "07:30",
            "Đ/c Trần Văn Hải - Chủ tịch UBND xã",
            "Giao ban Ủy ban nhân dân xã",
            "Hội trường UBND xã",
        ),
        (3, "08:00", "Đ/c Trần Văn Hải - Chủ tịch UBND xã", "Tiếp công dân định kỳ", "Bộ phận Một cửa xã"),
    ],
}
COMMUNE_BOARD_FILE = Path(__file__).resolve().parents[2] / "editorial" / "boards" / "demo-xa-tan-lap.yaml"
SECOND_COMMUNE = {
    "hostname": "xa-hoa-binh.localhost",
    "port": 8000,
    "name": "Ủy ban nhân dân xã Hòa Bình",
    "title": "Cổng thông tin điện tử xã Hòa Bình",
    "intro": "Thông tin chỉ đạo, điều hành và thủ tục hành chính của Ủy ban nhân dân xã Hòa Bình.",
    "sections": [("tin-tuc", "Tin tức, sự kiện")],
    "banner": "Ảnh đầu trang xã Hòa Bình",
    "office": ("van-phong", "Văn phòng HĐND và UBND xã", "0260 3 872 200", "vanphong@hoabinh.example.gov.vn"),
    "leaders": [
        ("Lò Văn Thắng", "Chủ tịch UBND xã", "0260 3 872 201"),
        ("Tòng Văn Sơn", "Phó Chủ tịch UBND xã", "0260 3 872 202"),
    ],
    "article": (
        "Xã Hòa Bình tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
        "Các bản trong xã cùng tổ chức ngày hội với các hoạt động văn hóa, thể thao truyền thống.",
    ),
    "schedule": [
        (
            1,
            "14:00",
            "Đ/c Lò Văn Thắng - Chủ tịch UBND xã",
            "Kiểm tra tiến độ làm đường liên bản",
            "Bản Nà Sài",
        ),
    ],
}
# Each commune's board file, then its own legal documents (number, type, signer, signer's title, issued,
# summary): the commune's People's Committee issues them, its board publishes them on its own portal.
COMMUNES = [
    (
        COMMUNE,
        COMMUNE_BOARD_FILE,
        [
            (
                "12/QĐ-UBND",
                "Quyết định",
                "Trần Văn Hải",
                "Chủ tịch",
                (2026, 3, 2),
                "Ban hành Quy chế làm việc của Ủy ban nhân dân xã Tân Lập nhiệm kỳ 2026–2031",
            ),
            (
                "35/KH-UBND",
                "Kế hoạch",
                "Nguyễn Thị Hòa",
                "Phó Chủ tịch",
                (2026, 4, 14),
                "Kế hoạch chuyển đổi số xã Tân Lập năm 2026",
            ),
        ],
    ),
    (
        SECOND_COMMUNE,
        Path(__file__).resolve().parents[2] / "editorial" / "boards" / "demo-xa-hoa-binh.yaml",
        [
            (
                "08/QĐ-UBND",
                "Quyết định",
                "Lò Văn Thắng",
                "Chủ tịch",
                (2026, 2, 10),
                "Công bố danh mục thủ tục hành chính thực hiện tại Bộ phận Một cửa xã Hòa Bình",
            ),
            (
                "21/TB-UBND",
                "Thông báo",
                "Lò Văn Thắng",
                "Chủ tịch",
                (2026, 5, 6),
                "Lịch tiếp công dân của Chủ tịch Ủy ban nhân dân xã Hòa Bình quý II năm 2026",
            ),
        ],
    ),
]

# The editorial board of the demo site (editorial/boards/demo.yaml) and its demo-only password.
DEMO_BOARD_FILE = Path(__file__).resolve().parents[2] / "editorial" / "boards" / "demo.yaml"
DEMO_BOARD_PASSWORD = "BanBienTap@2026"
# What the contributor has submitted and the secretariat has still to check: the approvers' dashboard shows it.
WAITING_ARTICLE = {
    "author": "hung.dm",
    "section": "hoat-dong-cua-so",
    "title": "Sở tổ chức tập huấn nghiệp vụ đấu thầu qua mạng cho chủ đầu tư",
    "intro": "Hơn 80 cán bộ của các chủ đầu tư trên địa bàn tỉnh tham dự lớp tập huấn về lựa chọn nhà thầu "
    "qua Hệ thống mạng đấu thầu quốc gia.",
    "address": "Văn phòng Sở Kế hoạch và Đầu tư tỉnh An Khánh",
}

# (slug, name): the fields (lĩnh vực) of a planning-and-investment department, and one of the province's.
SUBJECT_AREAS = [
    ("dau-tu-cong", "Đầu tư công"),
    ("dau-tu-tai-viet-nam", "Đầu tư tại Việt Nam"),
    ("dau-thau", "Đấu thầu, lựa chọn nhà đầu tư"),
    ("dang-ky-doanh-nghiep", "Đăng ký doanh nghiệp"),
    ("hop-tac-xa", "Kinh tế tập thể, hợp tác xã"),
    ("quy-hoach", "Quy hoạch"),
    ("kinh-te-xa-hoi", "Kế hoạch phát triển kinh tế - xã hội"),
    ("ho-tro-doanh-nghiep", "Hỗ trợ doanh nghiệp nhỏ và vừa"),
    ("oda", "ODA và vốn vay ưu đãi"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính"),
    ("tu-phap-ho-tich", "Tư pháp, hộ tịch"),  # the province's shared procedures (portal/demo/procedures.py)
]

# Home-page quick links: (title, URL or internal slug, description).
QUICK_LINKS = [
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", "Nộp hồ sơ, tra cứu kết quả trực tuyến"),
    ("Thủ tục hành chính của Sở", "thu-tuc-hanh-chinh", "Thành phần hồ sơ, thời hạn, phí, lệ phí"),
    (
        "Hệ thống mạng đấu thầu quốc gia",
        "https://muasamcong.mpi.gov.vn",
        "Thông báo mời thầu, kết quả lựa chọn nhà thầu",
    ),
    (
        "Đăng ký doanh nghiệp",
        "https://dangkykinhdoanh.gov.vn",
        "Cổng thông tin quốc gia về đăng ký doanh nghiệp",
    ),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn", "Tra cứu văn bản quy phạm pháp luật"),
]

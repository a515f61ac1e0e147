"""Texts of the demo portal: a fictional provincial department (the province does not exist)."""

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

# (slug, title, intro, body paragraphs, children); every top-level section shows in the menu.
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
                "co-cau-to-chuc",
                "Cơ cấu tổ chức",
                "Lãnh đạo Sở, các phòng chuyên môn và đơn vị sự nghiệp trực thuộc.",
                [
                    "<p>Lãnh đạo Sở gồm Giám đốc và các Phó Giám đốc. Các phòng chuyên môn: Văn phòng, Thanh tra, "
                    "Phòng Tổng hợp, quy hoạch; Phòng Đầu tư công và Đấu thầu; Phòng Xúc tiến và Hỗ trợ đầu tư; "
                    "Phòng Đăng ký kinh doanh. Đơn vị sự nghiệp: Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp.</p>"
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
        ],
    ),
    (
        "tin-tuc",
        "Tin tức, sự kiện",
        "Tin hoạt động của Sở, của ngành và của tỉnh.",
        [
            "<p>Tin tức về hoạt động xúc tiến đầu tư, hỗ trợ doanh nghiệp, đầu tư công và cải cách hành chính.</p>"
        ],
        [],
    ),
    (
        "chi-dao-dieu-hanh",
        "Chỉ đạo điều hành",
        "Văn bản chỉ đạo điều hành, trả lời kiến nghị, lịch công tác của lãnh đạo.",
        ["<p>Thông tin chỉ đạo, điều hành của lãnh đạo Sở và Ủy ban nhân dân tỉnh.</p>"],
        [],
    ),
    (
        "van-ban",
        "Văn bản",
        "Cơ sở dữ liệu văn bản quy phạm pháp luật và văn bản quản lý hành chính.",
        [
            "<p>Tra cứu văn bản theo số, ký hiệu, loại văn bản, cơ quan ban hành, ngày ban hành hoặc trích yếu.</p>"
        ],
        [],
    ),
    (
        "pho-bien-phap-luat",
        "Phổ biến pháp luật",
        "Phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách.",
        ["<p>Hướng dẫn thực hiện Luật Đầu tư, Luật Đầu tư công, Luật Đấu thầu và Luật Doanh nghiệp.</p>"],
        [],
    ),
    (
        "quy-hoach-ke-hoach",
        "Quy hoạch, kế hoạch",
        "Chiến lược, định hướng, quy hoạch, kế hoạch phát triển; ưu đãi và cơ hội đầu tư.",
        [
            "<p>Quy hoạch tỉnh An Khánh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050; kế hoạch phát triển kinh tế - "
            "xã hội 5 năm 2026 - 2030.</p>"
        ],
        [],
    ),
    (
        "du-an-dau-tu",
        "Dự án đầu tư",
        "Dự án đầu tư, đấu thầu, mua sắm công: chuẩn bị đầu tư, đang triển khai, đã hoàn thành.",
        ["<p>Danh mục dự án đầu tư công và dự án kêu gọi đầu tư trên địa bàn tỉnh.</p>"],
        [],
    ),
    (
        "thu-tuc-hanh-chinh",
        "Thủ tục hành chính",
        "Thủ tục hành chính thuộc thẩm quyền giải quyết của Sở; liên kết Cổng Dịch vụ công quốc gia.",
        [
            "<p>Tổ chức, cá nhân có thể nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia hoặc tại Trung tâm "
            "Phục vụ hành chính công tỉnh.</p>"
        ],
        [],
    ),
    (
        "gop-y-du-thao",
        "Góp ý dự thảo",
        "Lấy ý kiến của tổ chức, cá nhân đối với dự thảo văn bản quy phạm pháp luật.",
        ["<p>Các dự thảo đang lấy ý kiến, thời hạn góp ý và địa chỉ cơ quan tiếp nhận.</p>"],
        [],
    ),
    (
        "hoi-dap",
        "Hỏi đáp",
        "Gửi câu hỏi, phản ánh, kiến nghị và tra cứu câu trả lời.",
        [
            "<p>Câu hỏi được Ban biên tập phân loại, chuyển đến đơn vị chuyên môn và trả lời trong 15 ngày làm việc.</p>"
        ],
        [],
    ),
    (
        "thong-ke",
        "Thống kê",
        "Số liệu thống kê về đầu tư, doanh nghiệp và kinh tế - xã hội của tỉnh.",
        ["<p>Số liệu đăng ký doanh nghiệp, thu hút đầu tư và giải ngân vốn đầu tư công theo quý, năm.</p>"],
        [],
    ),
    (
        "lien-he",
        "Liên hệ",
        "Địa chỉ, điện thoại, thư điện tử của Sở và các phòng, đơn vị.",
        [
            "<p><b>Sở Kế hoạch và Đầu tư tỉnh An Khánh</b><br>Địa chỉ: Số 12 đường Trần Hưng Đạo, phường Trung Tâm, "
            "tỉnh An Khánh<br>Điện thoại: 0260 3 812 345 · Fax: 0260 3 812 346<br>Thư điện tử: skhdt@example.gov.vn</p>"
        ],
        [],
    ),
]

DEMO_ACCOUNTS = [
    # (username, password, first_name, last_name, position, is_superuser)
    ("quantri", "QuanTri@2026!", "Trung", "Lê Hoàng", "Chuyên viên công nghệ thông tin", True),
]

# (slug, name): the fields (lĩnh vực) of a planning-and-investment department.
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
]

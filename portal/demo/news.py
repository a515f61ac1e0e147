"""Demo sections and articles: realistic news of a planning-and-investment department."""

from datetime import datetime, timedelta

from django.utils import timezone

from core.formatting import format_number
from news.models import ArticlePage, SectionPage
from portal.demo.images import draw_landscape, ensure_image
from portal.demo.subject_areas import ensure_subject_areas

AUTHOR = ("Văn phòng Sở", "Số 12 đường Trần Hưng Đạo, phường Trung Tâm, tỉnh An Khánh")

# (slug, title, intro, [(sub-slug, sub-title, sub-intro)])
SECTIONS = [
    (
        "tin-tuc",
        "Tin tức, sự kiện",
        "Tin hoạt động của Sở, của ngành và của tỉnh.",
        [
            (
                "hoat-dong-cua-so",
                "Hoạt động của Sở",
                "Hội nghị, giao ban, làm việc với địa phương và doanh nghiệp.",
            ),
            ("xuc-tien-dau-tu", "Xúc tiến đầu tư", "Hội nghị, đoàn công tác và dự án thu hút đầu tư."),
            (
                "ho-tro-doanh-nghiep",
                "Hỗ trợ doanh nghiệp",
                "Chính sách và hoạt động hỗ trợ doanh nghiệp nhỏ và vừa.",
            ),
            (
                "cai-cach-hanh-chinh",
                "Cải cách hành chính",
                "Cải cách thủ tục, chuyển đổi số, nâng cao chỉ số PCI.",
            ),
        ],
    ),
    (
        "chi-dao-dieu-hanh",
        "Chỉ đạo điều hành",
        "Văn bản chỉ đạo, trả lời kiến nghị, khen thưởng và xử phạt, lịch công tác.",
        [
            (
                "chi-dao",
                "Thông tin chỉ đạo, điều hành",
                "Ý kiến chỉ đạo của Ủy ban nhân dân tỉnh và lãnh đạo Sở.",
            ),
            (
                "tra-loi-kien-nghi",
                "Trả lời kiến nghị",
                "Trả lời kiến nghị của cử tri, doanh nghiệp và người dân.",
            ),
            (
                "khen-thuong-xu-phat",
                "Khen thưởng, xử phạt doanh nghiệp",
                "Thông tin khen thưởng và xử phạt vi phạm hành chính.",
            ),
        ],
    ),
    (
        "pho-bien-phap-luat",
        "Phổ biến pháp luật",
        "Phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách.",
        [
            ("van-ban-moi", "Văn bản mới", "Giới thiệu văn bản quy phạm pháp luật mới ban hành."),
            (
                "huong-dan",
                "Hướng dẫn thực hiện",
                "Hướng dẫn nghiệp vụ đầu tư, đấu thầu, đăng ký doanh nghiệp.",
            ),
        ],
    ),
    (
        "quy-hoach-ke-hoach",
        "Quy hoạch, kế hoạch",
        "Chiến lược, định hướng, quy hoạch, kế hoạch phát triển; ưu đãi và cơ hội đầu tư.",
        [
            ("uu-dai-dau-tu", "Ưu đãi đầu tư", "Chính sách ưu đãi, hỗ trợ đầu tư của tỉnh."),
            ("co-hoi-dau-tu", "Cơ hội đầu tư", "Danh mục dự án kêu gọi đầu tư."),
            (
                "quy-hoach-xay-dung",
                "Quy hoạch xây dựng, đô thị",
                "Quy hoạch chung, quy hoạch phân khu và đô thị.",
            ),
            ("su-dung-dat", "Quy hoạch, kế hoạch sử dụng đất", "Kế hoạch sử dụng đất hằng năm của tỉnh."),
            ("tai-nguyen", "Tài nguyên thiên nhiên", "Quy hoạch khoáng sản, tài nguyên nước, rừng."),
            ("chat-thai", "Quản lý chất thải", "Quy hoạch và kế hoạch xử lý chất thải rắn."),
        ],
    ),
    ("thong-ke", "Thống kê", "Số liệu thống kê về đầu tư, doanh nghiệp và kinh tế - xã hội của tỉnh.", []),
]

# (section path, title, intro, body paragraph, subject-area slug, tags)
ARTICLES = [
    (
        "tin-tuc/hoat-dong-cua-so",
        "Sở Kế hoạch và Đầu tư triển khai nhiệm vụ năm 2026",
        "Hội nghị tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026 đề ra 8 nhóm giải pháp trọng tâm.",
        "Năm 2025, tổng vốn đầu tư toàn xã hội trên địa bàn tỉnh ước đạt 48.500 tỷ đồng, tăng 11,2% so với năm trước. "
        "Năm 2026, Sở tập trung tham mưu thực hiện quy hoạch tỉnh, đẩy nhanh giải ngân vốn đầu tư công và cải thiện môi trường kinh doanh.",
        "kinh-te-xa-hoi",
        ["tổng kết", "kế hoạch năm"],
    ),
    (
        "tin-tuc/hoat-dong-cua-so",
        "Làm việc với phường Trung Tâm về tiến độ các dự án trọng điểm",
        "Đoàn công tác của Sở kiểm tra tiến độ 5 dự án đầu tư công trên địa bàn phường Trung Tâm.",
        "Lãnh đạo Sở đề nghị chủ đầu tư khẩn trương hoàn thiện hồ sơ thanh toán khối lượng đã nghiệm thu, "
        "phối hợp với địa phương tháo gỡ vướng mắc giải phóng mặt bằng.",
        "dau-tu-cong",
        ["đầu tư công", "giải ngân"],
    ),
    (
        "tin-tuc/hoat-dong-cua-so",
        "Tập huấn nghiệp vụ đấu thầu qua mạng cho chủ đầu tư",
        "Hơn 150 cán bộ của các chủ đầu tư, ban quản lý dự án tham dự lớp tập huấn về đấu thầu qua mạng.",
        "Lớp tập huấn giới thiệu các quy định mới của Luật Đấu thầu và hướng dẫn thao tác trên Hệ thống mạng đấu thầu quốc gia.",
        "dau-thau",
        ["đấu thầu", "tập huấn"],
    ),
    (
        "tin-tuc/xuc-tien-dau-tu",
        "Hội nghị xúc tiến đầu tư vào khu kinh tế ven biển An Khánh",
        "Hội nghị thu hút hơn 300 đại biểu, trao chủ trương đầu tư cho 6 dự án với tổng vốn 12.400 tỷ đồng.",
        "Các dự án tập trung vào năng lượng tái tạo, logistics, chế biến nông sản và du lịch nghỉ dưỡng. "
        "Tỉnh cam kết đồng hành, giải quyết nhanh thủ tục cho nhà đầu tư.",
        "dau-tu-tai-viet-nam",
        ["xúc tiến đầu tư", "khu kinh tế"],
    ),
    (
        "tin-tuc/xuc-tien-dau-tu",
        "Đoàn doanh nghiệp Hàn Quốc tìm hiểu cơ hội đầu tư tại An Khánh",
        "Đoàn 25 doanh nghiệp Hàn Quốc khảo sát khu công nghiệp Bắc An Khánh và cảng biển tổng hợp.",
        "Sở giới thiệu quỹ đất sạch, hạ tầng kỹ thuật và chính sách ưu đãi; các doanh nghiệp quan tâm lĩnh vực điện tử và dệt may công nghệ cao.",
        "dau-tu-tai-viet-nam",
        ["xúc tiến đầu tư", "FDI"],
    ),
    (
        "tin-tuc/xuc-tien-dau-tu",
        "Trao giấy chứng nhận đăng ký đầu tư dự án nhà máy chế biến thủy sản",
        "Dự án có tổng vốn đầu tư 850 tỷ đồng, tạo việc làm cho khoảng 1.200 lao động địa phương.",
        "Nhà máy dự kiến đi vào hoạt động quý IV năm 2027 với công suất 30.000 tấn sản phẩm mỗi năm.",
        "dau-tu-tai-viet-nam",
        ["giấy chứng nhận đăng ký đầu tư", "thủy sản"],
    ),
    (
        "tin-tuc/ho-tro-doanh-nghiep",
        "Đối thoại với doanh nghiệp về tháo gỡ khó khăn sau sáp nhập đơn vị hành chính",
        "Hơn 40 kiến nghị của doanh nghiệp được các sở, ngành trả lời trực tiếp tại hội nghị.",
        "Các kiến nghị tập trung vào thủ tục đất đai, cập nhật địa chỉ trụ sở sau sắp xếp đơn vị hành chính cấp xã và tiếp cận vốn tín dụng.",
        "ho-tro-doanh-nghiep",
        ["đối thoại doanh nghiệp"],
    ),
    (
        "tin-tuc/ho-tro-doanh-nghiep",
        "Hỗ trợ chuyển đổi số cho 200 doanh nghiệp nhỏ và vừa",
        "Chương trình hỗ trợ tư vấn, phần mềm quản trị và hóa đơn điện tử cho doanh nghiệp nhỏ và vừa năm 2026.",
        "Doanh nghiệp đăng ký tham gia qua Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp hoặc trực tuyến trên cổng thông tin của Sở.",
        "ho-tro-doanh-nghiep",
        ["chuyển đổi số", "doanh nghiệp nhỏ và vừa"],
    ),
    (
        "tin-tuc/cai-cach-hanh-chinh",
        "Đăng ký doanh nghiệp qua mạng đạt tỷ lệ 98%",
        "Tỷ lệ hồ sơ đăng ký doanh nghiệp nộp qua mạng điện tử đạt 98%, thời gian giải quyết rút ngắn còn 2 ngày làm việc.",
        "Sở tiếp tục hướng dẫn doanh nghiệp sử dụng tài khoản định danh điện tử khi nộp hồ sơ trực tuyến.",
        "dang-ky-doanh-nghiep",
        ["đăng ký doanh nghiệp", "dịch vụ công trực tuyến"],
    ),
    (
        "tin-tuc/cai-cach-hanh-chinh",
        "Công bố chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương",
        "Bộ chỉ số DDCI năm 2025 khảo sát hơn 1.000 doanh nghiệp về chất lượng điều hành của các sở, ngành.",
        "Kết quả là cơ sở để các cơ quan cải thiện thủ tục, thái độ phục vụ và tính minh bạch thông tin.",
        "cai-cach-hanh-chinh",
        ["DDCI", "PCI"],
    ),
    (
        "chi-dao-dieu-hanh/chi-dao",
        "Đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2026",
        "Ủy ban nhân dân tỉnh yêu cầu các chủ đầu tư giải ngân ít nhất 60% kế hoạch vốn trước ngày 30/9/2026.",
        "Chủ đầu tư chậm giải ngân sẽ bị điều chuyển vốn sang dự án có khả năng giải ngân tốt hơn; người đứng đầu chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh.",
        "dau-tu-cong",
        ["đầu tư công", "giải ngân", "chỉ đạo"],
    ),
    (
        "chi-dao-dieu-hanh/chi-dao",
        "Triển khai quy hoạch tỉnh thời kỳ 2021 - 2030",
        "Các sở, ngành và xã, phường rà soát, điều chỉnh kế hoạch cho phù hợp quy hoạch tỉnh đã được phê duyệt.",
        "Sở Kế hoạch và Đầu tư chủ trì theo dõi, tổng hợp tình hình thực hiện và báo cáo Ủy ban nhân dân tỉnh hằng quý.",
        "quy-hoach",
        ["quy hoạch tỉnh"],
    ),
    (
        "chi-dao-dieu-hanh/tra-loi-kien-nghi",
        "Trả lời kiến nghị về thủ tục điều chỉnh dự án đầu tư",
        "Sở trả lời kiến nghị của Công ty TNHH Thành Phát về hồ sơ điều chỉnh tiến độ dự án.",
        "Theo quy định của Luật Đầu tư, nhà đầu tư nộp hồ sơ điều chỉnh trước khi hết tiến độ thực hiện dự án đã đăng ký; thời hạn giải quyết 15 ngày.",
        "dau-tu-tai-viet-nam",
        ["trả lời kiến nghị"],
    ),
    (
        "chi-dao-dieu-hanh/tra-loi-kien-nghi",
        "Trả lời kiến nghị của cử tri về dự án đường ven biển",
        "Dự án đường ven biển đoạn qua xã An Hải dự kiến hoàn thành năm 2027.",
        "Công tác bồi thường, hỗ trợ và tái định cư đã đạt 85%; phần còn lại đang được địa phương vận động, giải quyết dứt điểm.",
        "dau-tu-cong",
        ["trả lời kiến nghị", "cử tri"],
    ),
    (
        "chi-dao-dieu-hanh/khen-thuong-xu-phat",
        "Khen thưởng 20 doanh nghiệp tiêu biểu năm 2025",
        "Chủ tịch Ủy ban nhân dân tỉnh tặng bằng khen cho 20 doanh nghiệp có thành tích xuất sắc trong sản xuất kinh doanh.",
        "Các doanh nghiệp được khen thưởng đóng góp hơn 2.100 tỷ đồng vào ngân sách và tạo việc làm cho 15.000 lao động.",
        "ho-tro-doanh-nghiep",
        ["khen thưởng"],
    ),
    (
        "chi-dao-dieu-hanh/khen-thuong-xu-phat",
        "Xử phạt vi phạm hành chính trong lĩnh vực đăng ký kinh doanh",
        "Thanh tra Sở xử phạt 12 doanh nghiệp không thông báo thay đổi nội dung đăng ký doanh nghiệp đúng hạn.",
        "Tổng số tiền phạt 186 triệu đồng; các doanh nghiệp được yêu cầu cập nhật thông tin trong 30 ngày.",
        "dang-ky-doanh-nghiep",
        ["xử phạt", "thanh tra"],
    ),
    (
        "pho-bien-phap-luat/van-ban-moi",
        "Những điểm mới của Luật Đầu tư công năm 2024",
        "Luật Đầu tư công sửa đổi phân cấp mạnh hơn cho địa phương trong quyết định chủ trương đầu tư.",
        "Hội đồng nhân dân cấp tỉnh quyết định chủ trương đầu tư dự án nhóm A sử dụng vốn ngân sách địa phương; thủ tục điều chỉnh kế hoạch vốn được đơn giản hóa.",
        "dau-tu-cong",
        ["Luật Đầu tư công", "văn bản mới"],
    ),
    (
        "pho-bien-phap-luat/van-ban-moi",
        "Nghị định hướng dẫn Luật Đấu thầu về lựa chọn nhà thầu",
        "Nghị định quy định chi tiết hình thức lựa chọn nhà thầu, hồ sơ mời thầu và đấu thầu qua mạng.",
        "Từ năm 2025, toàn bộ gói thầu thuộc phạm vi điều chỉnh phải thực hiện qua Hệ thống mạng đấu thầu quốc gia, trừ trường hợp đặc biệt.",
        "dau-thau",
        ["Luật Đấu thầu", "văn bản mới"],
    ),
    (
        "pho-bien-phap-luat/huong-dan",
        "Hướng dẫn thủ tục thành lập hợp tác xã",
        "Các bước thành lập hợp tác xã theo Luật Hợp tác xã năm 2023, hồ sơ và nơi nộp.",
        "Sáng lập viên tổ chức hội nghị thành lập, thông qua điều lệ và nộp hồ sơ đăng ký tại cơ quan đăng ký kinh doanh cấp tỉnh hoặc cấp xã.",
        "hop-tac-xa",
        ["hợp tác xã", "hướng dẫn"],
    ),
    (
        "pho-bien-phap-luat/huong-dan",
        "Hướng dẫn đăng ký tài khoản định danh điện tử cho doanh nghiệp",
        "Từ ngày 01/7/2025, doanh nghiệp dùng tài khoản định danh điện tử tổ chức để thực hiện thủ tục hành chính.",
        "Người đại diện theo pháp luật đăng ký tài khoản qua ứng dụng VNeID hoặc tại cơ quan công an cấp xã.",
        "dang-ky-doanh-nghiep",
        ["định danh điện tử", "hướng dẫn"],
    ),
    (
        "quy-hoach-ke-hoach/uu-dai-dau-tu",
        "Chính sách hỗ trợ đầu tư vào nông nghiệp công nghệ cao",
        "Nhà đầu tư được hỗ trợ tiền thuê đất, đào tạo lao động và xúc tiến thương mại.",
        "Mức hỗ trợ tối đa 5 tỷ đồng mỗi dự án; hồ sơ nộp tại Sở Kế hoạch và Đầu tư.",
        "dau-tu-tai-viet-nam",
        ["ưu đãi đầu tư", "nông nghiệp công nghệ cao"],
    ),
    (
        "quy-hoach-ke-hoach/co-hoi-dau-tu",
        "Danh mục 35 dự án kêu gọi đầu tư giai đoạn 2026 - 2030",
        "Danh mục gồm các dự án hạ tầng khu công nghiệp, du lịch, nông nghiệp và đô thị.",
        "Tổng vốn kêu gọi khoảng 95.000 tỷ đồng; tỉnh ưu tiên nhà đầu tư có công nghệ hiện đại, thân thiện môi trường.",
        "dau-tu-tai-viet-nam",
        ["cơ hội đầu tư", "kêu gọi đầu tư"],
    ),
    (
        "quy-hoach-ke-hoach/quy-hoach-xay-dung",
        "Lấy ý kiến quy hoạch phân khu đô thị mới phía Tây",
        "Quy hoạch phân khu tỷ lệ 1/2000 có diện tích 640 ha, dân số dự kiến 45.000 người.",
        "Ý kiến góp ý gửi về Sở Xây dựng trước ngày 31/12/2026.",
        "quy-hoach",
        ["quy hoạch phân khu"],
    ),
    (
        "quy-hoach-ke-hoach/su-dung-dat",
        "Kế hoạch sử dụng đất năm 2026 của tỉnh",
        "Kế hoạch xác định 412 công trình, dự án cần thu hồi đất với tổng diện tích 1.850 ha.",
        "Các xã, phường công khai kế hoạch sử dụng đất tại trụ sở và trên cổng thông tin điện tử.",
        "quy-hoach",
        ["sử dụng đất"],
    ),
    (
        "quy-hoach-ke-hoach/tai-nguyen",
        "Quy hoạch tài nguyên nước của tỉnh đến năm 2030",
        "Quy hoạch bảo đảm nguồn nước cho sinh hoạt, sản xuất và bảo vệ hệ sinh thái các lưu vực sông.",
        "Ưu tiên đầu tư các hồ chứa đa mục tiêu và hệ thống cấp nước liên xã.",
        "quy-hoach",
        ["tài nguyên nước"],
    ),
    (
        "quy-hoach-ke-hoach/chat-thai",
        "Kế hoạch xử lý chất thải rắn sinh hoạt giai đoạn 2026 - 2030",
        "Tỉnh đặt mục tiêu thu gom 95% chất thải rắn sinh hoạt đô thị và 80% ở nông thôn.",
        "Kêu gọi đầu tư 2 nhà máy xử lý chất thải phát điện theo phương thức đối tác công tư.",
        "quy-hoach",
        ["chất thải rắn", "PPP"],
    ),
]

MONTH_NEWS = (
    "tin-tuc/hoat-dong-cua-so",
    "Giao ban tình hình kinh tế - xã hội tháng {m}/{y}",
    "Tháng {m}, các chỉ tiêu kinh tế - xã hội chủ yếu của tỉnh tiếp tục tăng trưởng.",
    "Chỉ số sản xuất công nghiệp tháng {m} tăng {g}% so với cùng kỳ; tổng mức bán lẻ hàng hóa đạt {r} tỷ đồng.",
    "kinh-te-xa-hoi",
    ["giao ban", "kinh tế - xã hội"],
)
MONTH_STATISTICS = (
    "thong-ke",
    "Tình hình đăng ký doanh nghiệp tháng {m}/{y}",
    "Tháng {m}, toàn tỉnh có {n} doanh nghiệp thành lập mới với tổng vốn đăng ký {v} tỷ đồng.",
    "Số liệu chi tiết theo loại hình doanh nghiệp trong bảng dưới đây.",
    "dang-ky-doanh-nghiep",
    ["thống kê", "đăng ký doanh nghiệp"],
)
MONTH_DISBURSEMENT = (
    "chi-dao-dieu-hanh/chi-dao",
    "Tiến độ giải ngân vốn đầu tư công đến hết tháng {m}/{y}",
    "Đến hết tháng {m}, toàn tỉnh giải ngân {p}% kế hoạch vốn đầu tư công được giao.",
    "Ủy ban nhân dân tỉnh yêu cầu các chủ đầu tư có tỷ lệ giải ngân dưới bình quân báo cáo rõ nguyên nhân "
    "và cam kết tiến độ từng tháng.",
    "dau-tu-cong",
    ["giải ngân", "đầu tư công"],
)
# Twelve months of reports, November 2025 to October 2026.
MONTHS = [(11, 2025), (12, 2025)] + [(month, 2026) for month in range(1, 11)]


def ensure_section(parent, slug, title, intro):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    section = SectionPage(title=title, slug=slug, intro=intro, show_in_menus=True)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def ensure_sections(home):
    """Every news-type section and sub-section, by path ("tin-tuc/xuc-tien-dau-tu")."""
    sections = {}
    for slug, title, intro, children in SECTIONS:
        top = sections[slug] = ensure_section(home, slug, title, intro)
        for child_slug, child_title, child_intro in children:
            sections[f"{slug}/{child_slug}"] = ensure_section(top, child_slug, child_title, child_intro)
    return sections


def statistics_rows(month):
    """(kind, new businesses, registered capital in billions of đồng) of a month: the table, and the sums the
    article's summary states, come from here."""
    kinds = ("Công ty TNHH", "Công ty cổ phần", "Doanh nghiệp tư nhân")
    return [
        (kind, 40 + 7 * month + 11 * index, 300 + 35 * month + 90 * index) for index, kind in enumerate(kinds)
    ]


def statistics_table(month, year):
    rows = [["Loại hình", "Số doanh nghiệp", "Vốn đăng ký (tỷ đồng)"]]
    rows += [[kind, str(count), str(capital)] for kind, count, capital in statistics_rows(month)]
    return {
        "caption": f"Doanh nghiệp thành lập mới tháng {month}/{year}",
        "table": {"data": rows, "first_row_is_table_header": True, "first_col_is_header": False},
    }


def monthly_specs(month, year):
    """The three monthly reports, published early in the following month."""
    published = timezone.make_aware(datetime(year + month // 12, month % 12 + 1, 4, 9, 30))
    values = {
        "m": month,
        "y": year,
        "g": 6 + month % 5,
        "r": 5200 + 130 * month,
        "n": sum(count for _kind, count, _capital in statistics_rows(month)),
        "v": format_number(sum(capital for _kind, _count, capital in statistics_rows(month))),
        "p": min(8 * month, 95),
    }
    for template, table in (
        (MONTH_NEWS, None),
        (MONTH_STATISTICS, statistics_table(month, year)),
        (MONTH_DISBURSEMENT, None),
    ):
        path, title, intro, body, area, tags = template
        yield (
            path,
            title.format(**values),
            intro.format(**values),
            body.format(**values),
            area,
            tags,
            table,
            published,
        )


def article_specs():
    """(section path, title, intro, body, area, tags, table or None, published or None) of every article."""
    specs = [(*spec, None, None) for spec in ARTICLES]
    for month, year in MONTHS:
        specs.extend(monthly_specs(month, year))
    return specs


def ensure_article(section, index, spec, areas, images):
    path, title, intro, body, area, tags, table, published = spec
    if section.get_children().filter(title=title).exists():
        return
    blocks = [("paragraph", f"<p>{body}</p>")] + ([("table", table)] if table else [])
    article = ArticlePage(
        title=title,
        intro=intro,
        body=blocks,
        subject_area=areas[area],
        author_name=AUTHOR[0],
        author_address=AUTHOR[1],
        main_image=images[index % len(images)],
        main_image_caption=title,
    )
    section.add_child(instance=article)
    article.tags.add(*tags)
    article.save_revision().publish()
    published = published or timezone.now() - timedelta(days=2 * index + 1, hours=index % 7)
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=published, last_published_at=published
    )


def load_demo(home):
    sections = ensure_sections(home)
    areas = ensure_subject_areas()
    images = [ensure_image(f"Ảnh minh họa tin {n}", draw_landscape, f"anh-tin-{n}.png") for n in range(1, 5)]
    for index, spec in enumerate(article_specs()):
        ensure_article(sections[spec[0]], index, spec, areas, images)
    return sections

"""Demo investment projects of tỉnh An Khánh; running the loader again finds them instead of adding more."""

import datetime
from decimal import Decimal

from portal.demo.subject_areas import ensure_subject_areas
from projects.enums import FundingSource as Fund
from projects.enums import ProjectStatus as Status
from projects.enums import ProjectType as Type
from projects.enums import SelectionMethod as Method
from projects.models import BiddingPackage, ProjectIndexPage, ProjectPage

SECTION_SLUG = "du-an-dau-tu"
PROVINCE = "Ủy ban nhân dân tỉnh An Khánh"
COUNCIL = "Hội đồng nhân dân tỉnh An Khánh"
TRANSPORT_BOARD = "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh An Khánh"
CIVIL_BOARD = "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh An Khánh"
AGRI_BOARD = "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh"

SECTION = {
    "title": "Dự án đầu tư, đấu thầu, mua sắm công",
    "intro": (
        "Danh mục dự án đầu tư công, dự án PPP và dự án kêu gọi đầu tư trên địa bàn tỉnh An Khánh: "
        "chuẩn bị đầu tư, đang triển khai, đã hoàn thành; kế hoạch và kết quả lựa chọn nhà thầu."
    ),
    "body": [
        (
            "paragraph",
            "<p>Thông tin dự án được công bố theo Luật Đầu tư công, Luật Đấu thầu và quy định về cung cấp "
            "thông tin trên cổng thông tin điện tử của cơ quan nhà nước, chậm nhất 10 ngày làm việc kể từ "
            "ngày quyết định được ban hành. Kết quả lựa chọn nhà thầu đầy đủ được đăng tải trên Hệ thống "
            "mạng đấu thầu quốc gia.</p>",
        )
    ],
}


def _money(billions):
    """Tỷ đồng, as the decisions state them, to đồng."""
    return (Decimal(str(billions)) * 1_000_000_000).quantize(Decimal(1))


def _package(name, method, billions, result="", contract_date=None):
    return {
        "name": name,
        "method": method,
        "value": _money(billions),
        "result": result,
        "contract_date": contract_date,
    }


PROJECTS = [
    {
        "slug": "duong-ven-bien-hai-an-binh-chau",
        "title": "Đường ven biển tỉnh An Khánh, đoạn từ xã Hải An đến xã Bình Châu",
        "objective": (
            "Hoàn thiện trục giao thông ven biển dài 32,4 km, kết nối các khu du lịch và cảng cá; "
            "tạo quỹ đất phát triển đô thị, dịch vụ dọc tuyến; tăng khả năng ứng phó thiên tai."
        ),
        "area": "dau-tu-cong",
        "project_type": Type.GROUP_B,
        "status": Status.PREPARING,
        "sponsor": COUNCIL,
        "investor": TRANSPORT_BOARD,
        "location": "Xã Hải An, xã Long Thủy và xã Bình Châu, tỉnh An Khánh",
        "decision_number": "42/NQ-HĐND",
        "decision_date": datetime.date(2026, 7, 16),
        "period": (2027, 2030),
        "billions": 2850,
        "funding_source": Fund.MIXED,
        "packages": [
            _package(
                "Tư vấn khảo sát địa hình, địa chất và lập Báo cáo nghiên cứu khả thi",
                Method.OPEN,
                "21.6",
                "Liên danh Công ty Cổ phần Tư vấn thiết kế giao thông Duyên Hải – Công ty TNHH Tư vấn "
                "xây dựng Hải Đăng; giá trúng thầu 20.985.000.000 đồng.",
                datetime.date(2026, 10, 2),
            ),
            _package("Tư vấn thẩm tra Báo cáo nghiên cứu khả thi", Method.DIRECT_CONTRACTING, "1.85"),
        ],
    },
    {
        "slug": "benh-vien-san-nhi-500-giuong",
        "title": "Bệnh viện Sản - Nhi tỉnh An Khánh quy mô 500 giường",
        "objective": (
            "Đầu tư bệnh viện chuyên khoa sản - nhi 500 giường, giảm quá tải cho Bệnh viện Đa khoa tỉnh, "
            "nâng cao chất lượng chăm sóc sức khỏe bà mẹ và trẻ em."
        ),
        "area": "dau-tu-cong",
        "project_type": Type.GROUP_B,
        "status": Status.PREPARING,
        "sponsor": COUNCIL,
        "investor": CIVIL_BOARD,
        "location": "Phường Trung Tâm, tỉnh An Khánh",
        "decision_number": "37/NQ-HĐND",
        "decision_date": datetime.date(2026, 4, 24),
        "period": (2027, 2030),
        "billions": 1450,
        "funding_source": Fund.CENTRAL_BUDGET,
        "packages": [
            _package(
                "Thi tuyển phương án kiến trúc công trình",
                Method.SELF_PERFORMANCE,
                "2.4",
                "Ban Quản lý dự án tự tổ chức thi tuyển; phương án đạt giải nhất của Công ty Cổ phần "
                "Kiến trúc Miền Trung.",
            ),
            _package("Tư vấn lập Báo cáo nghiên cứu khả thi", Method.OPEN, "9.7"),
        ],
    },
    {
        "slug": "ha-tang-khu-cong-nghiep-nam-an-khanh",
        "title": "Đầu tư xây dựng và kinh doanh kết cấu hạ tầng Khu công nghiệp Nam An Khánh, giai đoạn 1",
        "objective": (
            "Xây dựng hạ tầng kỹ thuật đồng bộ trên diện tích 420 ha (giao thông, cấp điện, cấp nước, "
            "xử lý nước thải tập trung) để thu hút các dự án công nghiệp chế biến, cơ khí, điện tử."
        ),
        "area": "dau-tu-tai-viet-nam",
        "project_type": Type.GROUP_A,
        "status": Status.PREPARING,
        "sponsor": PROVINCE,
        "investor": "Công ty Cổ phần Phát triển hạ tầng Khu công nghiệp Nam An Khánh",
        "location": "Xã Tân Phước và xã Phước Lộc, tỉnh An Khánh",
        "decision_number": "1876/QĐ-UBND",
        "decision_date": datetime.date(2025, 9, 15),
        "period": (2026, 2029),
        "billions": 3200,
        "funding_source": Fund.ENTERPRISE,
        "packages": [
            _package(
                "Rà phá bom mìn, vật nổ",
                Method.DIRECT_CONTRACTING,
                "14.2",
                "Công ty TNHH MTV Rà phá bom mìn Trường Sơn; giá trúng thầu 13.960.000.000 đồng.",
                datetime.date(2026, 3, 9),
            ),
        ],
    },
    {
        "slug": "trung-tam-du-lieu-tinh",
        "title": "Trung tâm dữ liệu tỉnh An Khánh",
        "objective": (
            "Xây dựng trung tâm dữ liệu dùng chung đạt tiêu chuẩn TCVN 9250:2021 mức 3, tập trung hạ tầng "
            "máy chủ của các sở, ngành; bảo đảm an toàn thông tin cho chính quyền số của tỉnh."
        ),
        "area": "cai-cach-hanh-chinh",
        "project_type": Type.GROUP_B,
        "status": Status.PREPARING,
        "sponsor": PROVINCE,
        "investor": "Sở Khoa học và Công nghệ tỉnh An Khánh",
        "location": "Phường Trung Tâm, tỉnh An Khánh",
        "decision_number": "2210/QĐ-UBND",
        "decision_date": datetime.date(2025, 11, 3),
        "period": (2026, 2028),
        "billions": 280,
        "funding_source": Fund.LOCAL_BUDGET,
        "packages": [
            _package("Tư vấn lập Báo cáo nghiên cứu khả thi và thiết kế cơ sở", Method.OPEN, "4.3"),
            _package(
                "Tư vấn đánh giá hồ sơ đề xuất cấp độ an toàn hệ thống thông tin",
                Method.COMPETITIVE_QUOTATION,
                "0.65",
            ),
        ],
    },
    {
        "slug": "nang-cap-duong-tinh-dt652",
        "title": "Nâng cấp, mở rộng Đường tỉnh ĐT.652, đoạn từ phường Trung Tâm đến xã Tân Phước",
        "objective": (
            "Nâng cấp 18,7 km đường lên cấp III đồng bằng, 4 làn xe; giảm ùn tắc tại cửa ngõ phía tây, "
            "rút ngắn thời gian đi từ trung tâm tỉnh đến Khu công nghiệp Nam An Khánh."
        ),
        "area": "dau-tu-cong",
        "project_type": Type.GROUP_B,
        "status": Status.IN_PROGRESS,
        "sponsor": PROVINCE,
        "investor": TRANSPORT_BOARD,
        "location": "Phường Trung Tâm, xã Tân Phước, tỉnh An Khánh",
        "decision_number": "2487/QĐ-UBND",
        "decision_date": datetime.date(2023, 10, 25),
        "period": (2024, 2027),
        "billions": 685,
        "funding_source": Fund.LOCAL_BUDGET,
        "packages": [
            _package(
                "Thi công xây dựng công trình đoạn Km0+000 – Km9+500",
                Method.OPEN,
                "298.5",
                "Liên danh Công ty Cổ phần Xây dựng công trình giao thông An Khánh – Công ty Cổ phần "
                "Đầu tư xây dựng Sông Lam; giá trúng thầu 291.374.000.000 đồng.",
                datetime.date(2024, 4, 12),
            ),
            _package(
                "Thi công xây dựng công trình đoạn Km9+500 – Km18+700",
                Method.OPEN,
                "276.1",
                "Công ty Cổ phần Tập đoàn xây dựng Phú Thịnh; giá trúng thầu 270.880.000.000 đồng.",
                datetime.date(2024, 4, 19),
            ),
            _package(
                "Tư vấn giám sát thi công xây dựng",
                Method.DIRECT_CONTRACTING,
                "6.9",
                "Công ty Cổ phần Tư vấn xây dựng giao thông Miền Trung; giá trúng thầu 6.812.000.000 đồng.",
                datetime.date(2024, 4, 25),
            ),
        ],
    },
    {
        "slug": "ho-chua-nuoc-song-lanh",
        "title": "Hồ chứa nước Sông Lạnh và hệ thống kênh tưới",
        "objective": (
            "Tạo nguồn nước tưới ổn định cho 3.200 ha đất sản xuất nông nghiệp, cấp nước sinh hoạt cho "
            "khoảng 45.000 người dân các xã phía tây; cắt giảm lũ cho vùng hạ du."
        ),
        "area": "oda",
        "project_type": Type.GROUP_B,
        "status": Status.IN_PROGRESS,
        "sponsor": PROVINCE,
        "investor": AGRI_BOARD,
        "location": "Xã Sông Lạnh và xã Phước Lộc, tỉnh An Khánh",
        "decision_number": "1315/QĐ-UBND",
        "decision_date": datetime.date(2022, 6, 30),
        "period": (2023, 2027),
        "billions": 1120,
        "funding_source": Fund.ODA,
        "packages": [
            _package(
                "Thi công đập chính, tràn xả lũ và cống lấy nước",
                Method.OPEN,
                "512",
                "Liên danh Tổng công ty Xây dựng thủy lợi 4 – Công ty Cổ phần Sông Đà 9; giá trúng thầu "
                "497.260.000.000 đồng.",
                datetime.date(2023, 8, 14),
            ),
            _package("Thi công hệ thống kênh chính và kênh cấp 1", Method.OPEN, "236.4"),
        ],
    },
    {
        "slug": "truong-thpt-chuyen-co-so-2",
        "title": "Xây dựng Trường Trung học phổ thông chuyên An Khánh, cơ sở 2",
        "objective": (
            "Xây dựng cơ sở 2 của trường chuyên với 30 phòng học, khu thí nghiệm, thư viện và ký túc xá "
            "600 chỗ; đáp ứng tiêu chuẩn trường chuẩn quốc gia mức độ 2."
        ),
        "area": "dau-tu-cong",
        "project_type": Type.GROUP_C,
        "status": Status.IN_PROGRESS,
        "sponsor": PROVINCE,
        "investor": CIVIL_BOARD,
        "location": "Phường Bắc Sơn, tỉnh An Khánh",
        "decision_number": "905/QĐ-UBND",
        "decision_date": datetime.date(2024, 5, 8),
        "period": (2024, 2026),
        "billions": 98,
        "funding_source": Fund.LOCAL_BUDGET,
        "packages": [
            _package(
                "Thi công xây dựng các hạng mục công trình",
                Method.OPEN,
                "71.3",
                "Công ty Cổ phần Xây dựng Hòa Phát An Khánh; giá trúng thầu 69.845.000.000 đồng.",
                datetime.date(2024, 9, 6),
            ),
            _package("Mua sắm thiết bị phòng thí nghiệm và phòng học bộ môn", Method.OPEN, "11.8"),
        ],
    },
    {
        "slug": "cao-toc-bac-nam-gpmb-an-khanh",
        "title": "Bồi thường, hỗ trợ, tái định cư Dự án đường bộ cao tốc Bắc - Nam phía Đông đoạn qua tỉnh An Khánh",
        "objective": (
            "Bàn giao 486 ha mặt bằng sạch cho dự án thành phần đường cao tốc; xây dựng 4 khu tái định cư "
            "bảo đảm người dân có chỗ ở mới bằng hoặc tốt hơn nơi ở cũ."
        ),
        "area": "dau-tu-cong",
        "project_type": Type.NATIONAL,
        "status": Status.IN_PROGRESS,
        "sponsor": "Quốc hội (chủ trương đầu tư); Ủy ban nhân dân tỉnh An Khánh (dự án thành phần)",
        "investor": "Trung tâm Phát triển quỹ đất tỉnh An Khánh",
        "location": "Các xã Hải An, Tân Phước, Phước Lộc và Bình Châu, tỉnh An Khánh",
        "decision_number": "3012/QĐ-UBND",
        "decision_date": datetime.date(2023, 12, 28),
        "period": (2024, 2026),
        "billions": 1980,
        "funding_source": Fund.CENTRAL_BUDGET,
        "packages": [
            _package(
                "Xây dựng hạ tầng kỹ thuật Khu tái định cư Hải An",
                Method.OPEN,
                "84.6",
                "Công ty Cổ phần Đầu tư và Xây dựng Nam Trung Bộ; giá trúng thầu 82.910.000.000 đồng.",
                datetime.date(2024, 6, 3),
            ),
            _package(
                "Đo đạc, lập hồ sơ địa chính phục vụ bồi thường",
                Method.DIRECT_CONTRACTING,
                "3.9",
                "Văn phòng Đăng ký đất đai tỉnh An Khánh; giá hợp đồng 3.870.000.000 đồng.",
                datetime.date(2024, 2, 20),
            ),
        ],
    },
    {
        "slug": "benh-vien-da-khoa-khu-vuc-phia-tay",
        "title": "Bệnh viện Đa khoa khu vực phía Tây tỉnh An Khánh",
        "objective": (
            "Đầu tư bệnh viện đa khoa khu vực 250 giường phục vụ nhân dân 7 xã phía tây, đáp ứng yêu cầu "
            "phòng, chống dịch bệnh theo Chương trình phục hồi và phát triển kinh tế - xã hội."
        ),
        "area": "dau-tu-cong",
        "project_type": Type.GROUP_B,
        "status": Status.COMPLETED,
        "sponsor": PROVINCE,
        "investor": CIVIL_BOARD,
        "location": "Xã Tân Phước, tỉnh An Khánh",
        "decision_number": "1408/QĐ-UBND",
        "decision_date": datetime.date(2022, 6, 14),
        "period": (2022, 2024),
        "billions": 420,
        "funding_source": Fund.CENTRAL_BUDGET,
        "packages": [
            _package(
                "Thi công xây dựng và lắp đặt thiết bị công trình",
                Method.OPEN,
                "287.2",
                "Liên danh Công ty Cổ phần Xây dựng số 1 An Khánh – Công ty TNHH Cơ điện Thành Đạt; giá "
                "trúng thầu 281.650.000.000 đồng.",
                datetime.date(2022, 11, 10),
            ),
            _package(
                "Mua sắm thiết bị y tế",
                Method.OPEN,
                "78.5",
                "Công ty Cổ phần Thiết bị y tế Việt Đức; giá trúng thầu 76.190.000.000 đồng.",
                datetime.date(2023, 9, 22),
            ),
        ],
    },
    {
        "slug": "ke-chong-sat-lo-bo-bien-hai-an",
        "title": "Kè chống sạt lở bờ biển xã Hải An",
        "objective": (
            "Xây dựng 2,8 km kè mái nghiêng bảo vệ khu dân cư và đường ven biển trước triều cường, sóng "
            "lớn; ổn định đời sống cho hơn 600 hộ dân."
        ),
        "area": "dau-tu-cong",
        "project_type": Type.GROUP_C,
        "status": Status.COMPLETED,
        "sponsor": PROVINCE,
        "investor": AGRI_BOARD,
        "location": "Xã Hải An, tỉnh An Khánh",
        "decision_number": "812/QĐ-UBND",
        "decision_date": datetime.date(2021, 4, 12),
        "period": (2021, 2023),
        "billions": 95,
        "funding_source": Fund.MIXED,
        "packages": [
            _package(
                "Thi công xây dựng công trình kè",
                Method.OPEN,
                "78.4",
                "Công ty Cổ phần Xây dựng thủy lợi Duyên Hải; giá trúng thầu 76.958.000.000 đồng.",
                datetime.date(2021, 9, 1),
            ),
        ],
    },
    {
        "slug": "nha-may-xu-ly-chat-thai-ran-ppp",
        "title": "Nhà máy xử lý chất thải rắn sinh hoạt tỉnh An Khánh (hợp đồng BOO)",
        "objective": (
            "Xử lý 400 tấn chất thải rắn sinh hoạt mỗi ngày bằng công nghệ đốt phát điện, chấm dứt chôn "
            "lấp tại bãi rác Phước Lộc; công suất phát điện 8 MW."
        ),
        "area": "dau-tu-tai-viet-nam",
        "project_type": Type.GROUP_B,
        "status": Status.COMPLETED,
        "sponsor": PROVINCE,
        "investor": "Công ty Cổ phần Môi trường Xanh An Khánh (doanh nghiệp dự án PPP)",
        "location": "Xã Phước Lộc, tỉnh An Khánh",
        "decision_number": "655/QĐ-UBND",
        "decision_date": datetime.date(2021, 3, 18),
        "period": (2021, 2024),
        "billions": 560,
        "funding_source": Fund.PPP,
        "packages": [
            _package(
                "Lựa chọn nhà đầu tư thực hiện dự án",
                Method.OPEN,
                "560",
                "Liên danh Công ty Cổ phần Môi trường Xanh – Công ty TNHH Năng lượng Tái tạo Sao Mai.",
                datetime.date(2021, 12, 15),
            ),
        ],
    },
    {
        "slug": "trung-tam-ho-tro-doanh-nghiep-nho-va-vua",
        "title": "Cải tạo trụ sở và mua sắm trang thiết bị Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp",
        "objective": (
            "Cải tạo trụ sở làm việc, bố trí không gian hỗ trợ khởi nghiệp đổi mới sáng tạo và phòng tư vấn "
            "cho doanh nghiệp nhỏ và vừa; mua sắm thiết bị hội nghị trực tuyến."
        ),
        "area": "ho-tro-doanh-nghiep",
        "project_type": Type.GROUP_C,
        "status": Status.COMPLETED,
        "sponsor": PROVINCE,
        "investor": "Sở Kế hoạch và Đầu tư tỉnh An Khánh",
        "location": "Số 12 đường Trần Hưng Đạo, phường Trung Tâm, tỉnh An Khánh",
        "decision_number": "1122/QĐ-UBND",
        "decision_date": datetime.date(2023, 6, 5),
        "period": (2023, 2024),
        "billions": "14.6",
        "funding_source": Fund.LOCAL_BUDGET,
        "packages": [
            _package(
                "Thi công cải tạo, sửa chữa trụ sở",
                Method.COMPETITIVE_QUOTATION,
                "9.2",
                "Công ty TNHH Xây dựng Thương mại Minh Khoa; giá trúng thầu 8.964.000.000 đồng.",
                datetime.date(2023, 10, 16),
            ),
            _package(
                "Mua sắm thiết bị hội nghị trực tuyến",
                Method.DIRECT_PROCUREMENT,
                "1.35",
                "Công ty Cổ phần Công nghệ Viễn thông Sài Gòn; giá trúng thầu 1.318.000.000 đồng.",
                datetime.date(2024, 1, 11),
            ),
            _package(
                "Mua sắm bàn ghế, tủ hồ sơ",
                Method.COMPETITIVE_QUOTATION,
                "0.82",
                "Hộ kinh doanh Nội thất Trường Thành; giá trúng thầu 792.000.000 đồng.",
                datetime.date(2024, 1, 18),
            ),
        ],
    },
]


def ensure_index(home):
    """The live project section under the home page, created and published only if missing."""
    existing = home.get_children().filter(slug=SECTION_SLUG).first()
    if existing:
        if not isinstance(existing.specific, ProjectIndexPage):
            raise RuntimeError(
                f"Đường dẫn /{SECTION_SLUG}/ đã thuộc một trang khác loại ({existing.specific_class.__name__}); "
                "hãy xóa trang đó trước khi nạp dữ liệu mẫu về dự án đầu tư."
            )
        return existing.specific
    index = ProjectIndexPage(slug=SECTION_SLUG, show_in_menus=True, **SECTION)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def ensure_project(index, areas, data):
    if index.get_children().filter(slug=data["slug"]).exists():
        return
    fields = dict(data)
    area, billions, packages = fields.pop("area"), fields.pop("billions"), fields.pop("packages")
    fields["start_year"], fields["end_year"] = fields.pop("period")
    project = ProjectPage(
        **fields,
        subject_area=areas[area],
        budget=_money(billions),
        bidding_packages=[BiddingPackage(**package) for package in packages],
    )
    index.add_child(instance=project)
    project.save_revision().publish()


def load_demo(home):
    """The project section with a dozen projects in every status; missing pieces only."""
    index = ensure_index(home)
    areas = ensure_subject_areas()
    for data in PROJECTS:
        ensure_project(index, areas, data)
    return index

"""Demo procedures of a provincial Department of Planning and Investment (Sở Kế hoạch và Đầu tư).

Codes other than 1.001612 are illustrative: check them against the national procedures database.
"""

from portal.demo.subject_areas import ensure_subject_areas
from procedures.enums import ImplementationLevel, OnlineServiceLevel
from procedures.models import ProcedureIndexPage, ProcedurePage

INDEX_SLUG = "thu-tuc-hanh-chinh"
BUSINESS_REGISTRATION_OFFICE = "Phòng Đăng ký kinh doanh, Sở Kế hoạch và Đầu tư tỉnh An Khánh"
DEPARTMENT = "Sở Kế hoạch và Đầu tư tỉnh An Khánh"
BUSINESS_FEES = (
    "Lệ phí đăng ký doanh nghiệp: 50.000 đồng/lần; miễn lệ phí khi nộp hồ sơ qua mạng điện tử.\n"
    "Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần."
)
BUSINESS_STEPS = (
    "<ol><li>Người thành lập doanh nghiệp hoặc người được ủy quyền nộp hồ sơ qua Cổng thông tin quốc gia về "
    "đăng ký doanh nghiệp, Cổng Dịch vụ công quốc gia hoặc trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh."
    "</li><li>Phòng Đăng ký kinh doanh tiếp nhận, kiểm tra tính hợp lệ của hồ sơ; nếu hồ sơ chưa hợp lệ, thông "
    "báo bằng văn bản nội dung cần sửa đổi, bổ sung.</li><li>Trả kết quả trực tuyến, qua dịch vụ bưu chính công "
    "ích hoặc trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh.</li></ol>"
)
BUSINESS_LAW = (
    "<ul><li>Luật Doanh nghiệp số 59/2020/QH14 ngày 17/6/2020;</li><li>Nghị định số 168/2025/NĐ-CP ngày "
    "30/6/2025 của Chính phủ về đăng ký doanh nghiệp;</li><li>Thông tư số 47/2019/TT-BTC ngày 05/8/2019 của Bộ "
    "Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí "
    "đăng ký doanh nghiệp.</li></ul>"
)
INVESTMENT_LAW = (
    "<ul><li>Luật Đầu tư số 61/2020/QH14 ngày 17/6/2020;</li><li>Nghị định số 31/2021/NĐ-CP ngày 26/3/2021 của "
    "Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư;</li><li>Thông tư số "
    "03/2021/TT-BKHĐT ngày 09/4/2021 của Bộ Kế hoạch và Đầu tư quy định mẫu văn bản, báo cáo liên quan đến hoạt "
    "động đầu tư tại Việt Nam.</li></ul>"
)

PROCEDURES = [
    {
        "slug": "dang-ky-thanh-lap-doanh-nghiep-tu-nhan",
        "title": "Đăng ký thành lập doanh nghiệp tư nhân",
        "code": "1.001612",
        "area": "dang-ky-doanh-nghiep",
        "level": ImplementationLevel.PROVINCE,
        "online_level": OnlineServiceLevel.FULL,
        "processing_time": "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "fees": BUSINESS_FEES,
        "agency": BUSINESS_REGISTRATION_OFFICE,
        "result": "Giấy chứng nhận đăng ký doanh nghiệp.",
        "steps": BUSINESS_STEPS,
        "dossier": (
            "<ul><li>Giấy đề nghị đăng ký doanh nghiệp tư nhân;</li><li>Bản sao giấy tờ pháp lý của cá nhân đối "
            "với chủ doanh nghiệp tư nhân;</li><li>Văn bản ủy quyền cho người nộp hồ sơ (nếu có).</li></ul>"
        ),
        "legal_basis": BUSINESS_LAW,
    },
    {
        "slug": "dang-ky-thanh-lap-cong-ty-tnhh-mot-thanh-vien",
        "title": "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
        "code": "2.001199",
        "area": "dang-ky-doanh-nghiep",
        "level": ImplementationLevel.PROVINCE,
        "online_level": OnlineServiceLevel.FULL,
        "processing_time": "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "fees": BUSINESS_FEES,
        "agency": BUSINESS_REGISTRATION_OFFICE,
        "result": "Giấy chứng nhận đăng ký doanh nghiệp.",
        "steps": BUSINESS_STEPS,
        "dossier": (
            "<ul><li>Giấy đề nghị đăng ký doanh nghiệp;</li><li>Điều lệ công ty;</li><li>Bản sao giấy tờ pháp lý "
            "của người đại diện theo pháp luật và của chủ sở hữu công ty (cá nhân hoặc tổ chức);</li><li>Văn bản "
            "cử người đại diện theo ủy quyền quản lý phần vốn góp đối với chủ sở hữu là tổ chức.</li></ul>"
        ),
        "legal_basis": BUSINESS_LAW,
    },
    {
        "slug": "dang-ky-thay-doi-noi-dung-dang-ky-doanh-nghiep",
        "title": "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
        "code": "2.002042",
        "area": "dang-ky-doanh-nghiep",
        "level": ImplementationLevel.PROVINCE,
        "online_level": OnlineServiceLevel.FULL,
        "processing_time": "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "fees": BUSINESS_FEES,
        "agency": BUSINESS_REGISTRATION_OFFICE,
        "result": "Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy xác nhận thay đổi nội dung đăng ký doanh nghiệp.",
        "steps": BUSINESS_STEPS,
        "dossier": (
            "<ul><li>Thông báo thay đổi nội dung đăng ký doanh nghiệp do người đại diện theo pháp luật ký;</li>"
            "<li>Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông về việc thay "
            "đổi;</li><li>Giấy tờ khác tùy theo nội dung thay đổi (hợp đồng chuyển nhượng phần vốn góp, danh sách "
            "thành viên, bản sao giấy tờ pháp lý của người đại diện mới...).</li></ul>"
        ),
        "legal_basis": BUSINESS_LAW,
    },
    {
        "slug": "cap-giay-chung-nhan-dang-ky-dau-tu",
        "title": "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư",
        "code": "1.009645",
        "area": "dau-tu-tai-viet-nam",
        "level": ImplementationLevel.PROVINCE,
        "online_level": OnlineServiceLevel.PARTIAL,
        "processing_time": "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "fees": "",
        "agency": DEPARTMENT,
        "result": "Giấy chứng nhận đăng ký đầu tư.",
        "steps": (
            "<ol><li>Nhà đầu tư kê khai trực tuyến trên Hệ thống thông tin quốc gia về đầu tư, sau đó nộp hồ sơ "
            "tại Trung tâm Phục vụ hành chính công tỉnh trong 15 ngày kể từ ngày kê khai.</li><li>Sở Kế hoạch và "
            "Đầu tư xem xét hồ sơ, lấy ý kiến các cơ quan liên quan khi cần.</li><li>Cấp Giấy chứng nhận đăng ký "
            "đầu tư hoặc thông báo từ chối bằng văn bản, nêu rõ lý do.</li></ol>"
        ),
        "dossier": (
            "<ul><li>Văn bản đề nghị thực hiện dự án đầu tư;</li><li>Tài liệu về tư cách pháp lý của nhà đầu tư;"
            "</li><li>Tài liệu chứng minh năng lực tài chính của nhà đầu tư;</li><li>Đề xuất dự án đầu tư;</li>"
            "<li>Bản sao giấy tờ về quyền sử dụng địa điểm thực hiện dự án;</li><li>Hợp đồng BCC (đối với dự án "
            "theo hình thức hợp đồng BCC).</li></ul>"
        ),
        "legal_basis": INVESTMENT_LAW,
    },
    {
        "slug": "dieu-chinh-du-an-dau-tu",
        "title": "Điều chỉnh dự án đầu tư thuộc thẩm quyền chấp thuận chủ trương đầu tư của Ủy ban nhân dân tỉnh",
        "code": "1.009650",
        "area": "dau-tu-tai-viet-nam",
        "level": ImplementationLevel.PROVINCE,
        "online_level": OnlineServiceLevel.PARTIAL,
        "processing_time": "25 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "fees": "",
        "agency": DEPARTMENT,
        "result": "Quyết định chấp thuận điều chỉnh chủ trương đầu tư; Giấy chứng nhận đăng ký đầu tư điều chỉnh.",
        "steps": (
            "<ol><li>Nhà đầu tư nộp hồ sơ đề nghị điều chỉnh dự án tại Trung tâm Phục vụ hành chính công tỉnh.</li>"
            "<li>Sở Kế hoạch và Đầu tư lấy ý kiến thẩm định của các cơ quan liên quan đến nội dung điều chỉnh.</li>"
            "<li>Sở lập báo cáo thẩm định, trình Ủy ban nhân dân tỉnh quyết định chấp thuận điều chỉnh.</li>"
            "<li>Trả kết quả cho nhà đầu tư.</li></ol>"
        ),
        "dossier": (
            "<ul><li>Văn bản đề nghị điều chỉnh dự án đầu tư;</li><li>Báo cáo tình hình triển khai dự án đến thời "
            "điểm điều chỉnh;</li><li>Quyết định của nhà đầu tư về việc điều chỉnh dự án;</li><li>Giải trình, tài "
            "liệu liên quan đến nội dung điều chỉnh.</li></ul>"
        ),
        "legal_basis": INVESTMENT_LAW,
    },
    {
        "slug": "chap-thuan-chu-truong-dau-tu",
        "title": "Chấp thuận chủ trương đầu tư của Ủy ban nhân dân tỉnh",
        "code": "1.009742",
        "area": "dau-tu-tai-viet-nam",
        "level": ImplementationLevel.PROVINCE,
        "online_level": OnlineServiceLevel.PARTIAL,
        "processing_time": "35 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "fees": "",
        "agency": f"Ủy ban nhân dân tỉnh An Khánh (cơ quan tiếp nhận, thẩm định: {DEPARTMENT})",
        "result": "Quyết định chấp thuận chủ trương đầu tư đồng thời chấp thuận nhà đầu tư.",
        "steps": (
            "<ol><li>Nhà đầu tư nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.</li><li>Trong 03 ngày làm "
            "việc, Sở Kế hoạch và Đầu tư gửi hồ sơ lấy ý kiến các cơ quan liên quan; các cơ quan có ý kiến trong 15 "
            "ngày.</li><li>Sở lập báo cáo thẩm định trình Ủy ban nhân dân tỉnh.</li><li>Ủy ban nhân dân tỉnh xem "
            "xét, quyết định chấp thuận chủ trương đầu tư.</li></ol>"
        ),
        "dossier": (
            "<ul><li>Văn bản đề nghị thực hiện dự án đầu tư;</li><li>Tài liệu về tư cách pháp lý và năng lực tài "
            "chính của nhà đầu tư;</li><li>Đề xuất dự án đầu tư gồm mục tiêu, quy mô, vốn, phương án huy động vốn, "
            "địa điểm, thời hạn, tiến độ, nhu cầu lao động, đánh giá tác động và hiệu quả kinh tế - xã hội;</li>"
            "<li>Đề xuất nhu cầu sử dụng đất hoặc bản sao giấy tờ về quyền sử dụng đất.</li></ul>"
        ),
        "legal_basis": INVESTMENT_LAW,
    },
    {
        "slug": "dang-ky-thanh-lap-hop-tac-xa",
        "title": "Đăng ký thành lập hợp tác xã",
        "code": "2.002235",
        "area": "hop-tac-xa",
        "level": ImplementationLevel.COMMUNE,
        "online_level": OnlineServiceLevel.FULL,
        "processing_time": "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "fees": "Lệ phí đăng ký hợp tác xã theo Nghị quyết của Hội đồng nhân dân tỉnh An Khánh.",
        "agency": "Phòng Kinh tế, Ủy ban nhân dân xã, phường nơi hợp tác xã đặt trụ sở chính",
        "result": "Giấy chứng nhận đăng ký hợp tác xã.",
        "steps": (
            "<ol><li>Người đại diện hợp tác xã nộp hồ sơ qua Cổng Dịch vụ công quốc gia hoặc tại bộ phận một cửa "
            "của Ủy ban nhân dân cấp xã.</li><li>Cơ quan đăng ký kinh doanh cấp xã kiểm tra tính hợp lệ của hồ sơ."
            "</li><li>Cấp Giấy chứng nhận đăng ký hợp tác xã hoặc thông báo nội dung cần sửa đổi, bổ sung.</li></ol>"
        ),
        "dossier": (
            "<ul><li>Giấy đề nghị đăng ký hợp tác xã;</li><li>Điều lệ hợp tác xã;</li><li>Phương án sản xuất, kinh "
            "doanh;</li><li>Danh sách thành viên; danh sách thành viên Hội đồng quản trị, Giám đốc, Ban kiểm soát;"
            "</li><li>Nghị quyết hội nghị thành lập hợp tác xã.</li></ul>"
        ),
        "legal_basis": (
            "<ul><li>Luật Hợp tác xã số 17/2023/QH15 ngày 20/6/2023;</li><li>Nghị định số 92/2024/NĐ-CP ngày "
            "18/7/2024 của Chính phủ về đăng ký hộ kinh doanh, hợp tác xã và liên hiệp hợp tác xã.</li></ul>"
        ),
    },
    {
        "slug": "tham-dinh-ke-hoach-lua-chon-nha-thau",
        "title": "Thẩm định kế hoạch lựa chọn nhà thầu",
        "code": "1.010938",
        "area": "dau-thau",
        "level": ImplementationLevel.PROVINCE,
        "online_level": OnlineServiceLevel.OFFLINE,
        "processing_time": "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "fees": "",
        "agency": f"{DEPARTMENT} (Phòng Đầu tư công và Đấu thầu)",
        "result": "Báo cáo thẩm định kế hoạch lựa chọn nhà thầu trình Ủy ban nhân dân tỉnh phê duyệt.",
        "steps": (
            "<ol><li>Chủ đầu tư trình kế hoạch lựa chọn nhà thầu kèm tài liệu liên quan.</li><li>Sở Kế hoạch và "
            "Đầu tư thẩm định căn cứ lập kế hoạch, sự phù hợp của việc phân chia gói thầu, hình thức và phương thức "
            "lựa chọn nhà thầu.</li><li>Sở lập báo cáo thẩm định gửi Ủy ban nhân dân tỉnh phê duyệt.</li></ol>"
        ),
        "dossier": (
            "<ul><li>Tờ trình phê duyệt kế hoạch lựa chọn nhà thầu;</li><li>Quyết định phê duyệt dự án hoặc dự toán"
            " mua sắm;</li><li>Văn bản giao vốn, bố trí vốn cho dự án;</li><li>Các tài liệu khác có liên quan.</li>"
            "</ul>"
        ),
        "legal_basis": (
            "<ul><li>Luật Đấu thầu số 22/2023/QH15 ngày 23/6/2023;</li><li>Nghị định số 214/2025/NĐ-CP ngày "
            "04/8/2025 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn "
            "nhà thầu.</li></ul>"
        ),
    },
]


def ensure_index(home):
    existing = home.get_children().filter(slug=INDEX_SLUG).first()
    if existing and isinstance(existing.specific, ProcedureIndexPage):
        return existing.specific
    index = ProcedureIndexPage(
        slug=INDEX_SLUG,
        title="Thủ tục hành chính",
        intro="Thủ tục hành chính thuộc thẩm quyền giải quyết của Sở; tra cứu theo lĩnh vực, cấp thực hiện và nộp "
        "hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia.",
        show_in_menus=True,
    )
    if existing:
        return replace_placeholder(existing, index)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def replace_placeholder(placeholder, section):
    """Put `section` where a plain page with its slug stood (the generic loader makes one), menu order kept."""
    if placeholder.get_children().exists():
        raise RuntimeError(f"Trang «{placeholder.title}» đã có trang con: không thể thay bằng chuyên mục.")
    parent, following = placeholder.get_parent(), placeholder.get_next_sibling()
    placeholder.delete()
    parent.refresh_from_db()
    parent.add_child(instance=section)
    section.save_revision().publish()
    if following:
        section.move(following, pos="left")
    return type(section).objects.get(pk=section.pk)


def ensure_procedures(index):
    areas = ensure_subject_areas()
    existing = set(index.get_children().values_list("slug", flat=True))
    for data in PROCEDURES:
        if data["slug"] in existing:
            continue
        fields = {key: value for key, value in data.items() if key != "area"}
        procedure = ProcedurePage(subject_area=areas[data["area"]], **fields)
        index.add_child(instance=procedure)
        procedure.save_revision().publish()


# The province's own catalogue, which it shares with its component portals (ProcedureIndexPage.shared):
# procedures a commune carries out, published once by the province.
PROVINCIAL_PROCEDURES = [
    {
        "slug": "chung-thuc-ban-sao-tu-ban-chinh",
        "title": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "code": "2.000815",
        "level": ImplementationLevel.COMMUNE,
        "online_level": OnlineServiceLevel.PARTIAL,
        "processing_time": "Trong ngày tiếp nhận yêu cầu hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ.",
        "fees": "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.",
        "agency": "Ủy ban nhân dân cấp xã",
        "result": "Bản sao được chứng thực từ bản chính",
        "steps": "<ol><li>Người yêu cầu xuất trình bản chính và bản sao tại Bộ phận Một cửa xã.</li>"
        "<li>Công chức tư pháp – hộ tịch đối chiếu, ghi lời chứng, người có thẩm quyền ký và đóng dấu.</li></ol>",
        "dossier": "<ul><li>Bản chính giấy tờ, văn bản;</li><li>Bản sao cần chứng thực.</li></ul>",
        "legal_basis": "<ul><li>Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ.</li></ul>",
    },
    {
        "slug": "dang-ky-khai-sinh",
        "title": "Đăng ký khai sinh",
        "code": "1.001193",
        "level": ImplementationLevel.COMMUNE,
        "online_level": OnlineServiceLevel.FULL,
        "processing_time": "Ngay trong ngày làm việc khi nhận đủ giấy tờ.",
        "fees": "Miễn lệ phí khi đăng ký đúng hạn.",
        "agency": "Ủy ban nhân dân cấp xã",
        "result": "Giấy khai sinh (bản chính)",
        "steps": "<ol><li>Nộp tờ khai và giấy chứng sinh tại Bộ phận Một cửa xã hoặc trên Cổng Dịch vụ công quốc "
        "gia.</li><li>Công chức tư pháp – hộ tịch ghi vào Sổ hộ tịch; Chủ tịch UBND xã cấp Giấy khai sinh.</li></ol>",
        "dossier": "<ul><li>Tờ khai đăng ký khai sinh;</li><li>Giấy chứng sinh.</li></ul>",
        "legal_basis": "<ul><li>Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014.</li></ul>",
    },
]


def ensure_provincial_catalogue(home):
    """The province's "Thủ tục hành chính" section (add_component_portal makes it), shared, with its procedures."""
    index = home.get_children().get(slug=INDEX_SLUG).specific
    if not index.shared:
        index.shared = True
        index.save_revision().publish()
    existing = set(index.get_children().values_list("slug", flat=True))
    area = ensure_subject_areas()["tu-phap-ho-tich"]
    for fields in PROVINCIAL_PROCEDURES:
        if fields["slug"] not in existing:
            procedure = ProcedurePage(subject_area=area, **fields)
            index.add_child(instance=procedure)
            procedure.save_revision().publish()


def load_demo(home):
    index = ensure_index(home)
    ensure_procedures(index)
    return index

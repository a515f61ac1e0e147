"""Demo schedule: this week and next week, relative to the day the loader runs."""

from datetime import time, timedelta

from django.utils import timezone

from schedule.models import ScheduleEntry, SchedulePage
from schedule.queries import monday_of

SECTION_SLUG = "chi-dao-dieu-hanh"
PAGE_SLUG = "lich-cong-tac"

DIRECTOR = "Đ/c Nguyễn Văn Minh - Giám đốc Sở"
DEPUTY_INVESTMENT = "Đ/c Trần Thị Thu Hằng - Phó Giám đốc Sở"
DEPUTY_PLANNING = "Đ/c Lê Quang Huy - Phó Giám đốc Sở"
MEETING_ROOM = "Phòng họp tầng 3, Sở Kế hoạch và Đầu tư"
CITIZEN_ROOM = "Phòng Tiếp công dân, Sở Kế hoạch và Đầu tư"

# (week 0 = this week or 1 = next, weekday 0 = Monday, start, end or None, leaders, content, location,
#  attendees / preparing unit, note)
ENTRIES = [
    (
        0,
        0,
        "07:30",
        "09:00",
        f"{DIRECTOR}; các Phó Giám đốc Sở",
        "Họp giao ban lãnh đạo Sở đầu tuần: đánh giá kết quả công tác tuần trước, triển khai nhiệm vụ tuần này.",
        MEETING_ROOM,
        "Trưởng các phòng, đơn vị thuộc Sở; Văn phòng Sở chuẩn bị nội dung.",
        "",
    ),
    (
        0,
        0,
        "14:00",
        "16:30",
        DEPUTY_INVESTMENT,
        "Làm việc với Công ty TNHH Dệt may Hòa Phát Việt về đề xuất dự án nhà máy may xuất khẩu tại Khu công "
        "nghiệp Bắc An Khánh.",
        MEETING_ROOM,
        "Phòng Xúc tiến và Hỗ trợ đầu tư chuẩn bị hồ sơ; mời Ban Quản lý các khu công nghiệp.",
        "",
    ),
    (
        0,
        1,
        "08:00",
        "11:00",
        DEPUTY_PLANNING,
        "Kiểm tra tiến độ thi công dự án Đường ven biển đoạn qua xã Tân Hải (dự án đầu tư công nhóm B).",
        "Công trường dự án, xã Tân Hải",
        "Phòng Đầu tư công và Đấu thầu; Ban Quản lý dự án đầu tư xây dựng tỉnh.",
        "Xe xuất phát lúc 07:15 tại trụ sở Sở.",
    ),
    (
        0,
        2,
        "08:00",
        "11:30",
        DIRECTOR,
        "Tiếp công dân định kỳ tháng theo Quy chế tiếp công dân của Sở.",
        CITIZEN_ROOM,
        "Thanh tra Sở, Văn phòng Sở.",
        "",
    ),
    (
        0,
        2,
        "14:00",
        None,
        DIRECTOR,
        "Dự họp Ủy ban nhân dân tỉnh thông qua dự thảo Kế hoạch đầu tư công năm 2027 của tỉnh.",
        "Phòng họp số 1, Ủy ban nhân dân tỉnh",
        "Phòng Tổng hợp, quy hoạch chuẩn bị báo cáo.",
        "",
    ),
    (
        0,
        3,
        "08:00",
        "11:30",
        DEPUTY_INVESTMENT,
        "Hội nghị đối thoại với doanh nghiệp về tháo gỡ khó khăn trong thủ tục đầu tư, đất đai.",
        "Hội trường Trung tâm Hội nghị tỉnh",
        "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp chuẩn bị; mời Hiệp hội Doanh nghiệp tỉnh.",
        "",
    ),
    (
        0,
        4,
        "08:00",
        "10:00",
        DEPUTY_PLANNING,
        "Họp Tổ thẩm định kế hoạch lựa chọn nhà thầu gói thầu xây lắp Trường THPT Nguyễn Trãi.",
        MEETING_ROOM,
        "Phòng Đầu tư công và Đấu thầu.",
        "",
    ),
    (
        0,
        4,
        "15:00",
        "16:30",
        DIRECTOR,
        "Họp Ban biên tập Cổng thông tin điện tử của Sở: duyệt kế hoạch tin, bài tháng tới.",
        MEETING_ROOM,
        "Thành viên Ban biên tập; Tổ thư ký chuẩn bị báo cáo.",
        "",
    ),
    (
        1,
        0,
        "07:30",
        "09:00",
        f"{DIRECTOR}; các Phó Giám đốc Sở",
        "Họp giao ban lãnh đạo Sở đầu tuần.",
        MEETING_ROOM,
        "Trưởng các phòng, đơn vị thuộc Sở; Văn phòng Sở chuẩn bị nội dung.",
        "",
    ),
    (
        1,
        1,
        "08:00",
        "11:30",
        DIRECTOR,
        "Hội nghị xúc tiến đầu tư tỉnh An Khánh năm 2026: giới thiệu danh mục dự án kêu gọi đầu tư.",
        "Trung tâm Hội nghị tỉnh",
        "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp; các sở, ngành liên quan.",
        "Trang phục: áo vest, cà vạt.",
    ),
    (
        1,
        1,
        "14:00",
        "17:00",
        DEPUTY_INVESTMENT,
        "Làm việc với đoàn nhà đầu tư Hàn Quốc về dự án trung tâm logistics cảng biển An Khánh.",
        MEETING_ROOM,
        "Phòng Xúc tiến và Hỗ trợ đầu tư; phiên dịch của Trung tâm Xúc tiến đầu tư.",
        "",
    ),
    (
        1,
        2,
        "08:00",
        "11:00",
        DEPUTY_PLANNING,
        "Kiểm tra tiến độ giải ngân vốn đầu tư công tại các dự án do xã Phú Lộc làm chủ đầu tư.",
        "Ủy ban nhân dân xã Phú Lộc",
        "Phòng Đầu tư công và Đấu thầu.",
        "",
    ),
    (1, 3, "08:00", "11:30", DEPUTY_INVESTMENT, "Tiếp công dân định kỳ.", CITIZEN_ROOM, "Thanh tra Sở.", ""),
    (
        1,
        4,
        "14:00",
        "16:00",
        DIRECTOR,
        "Họp thẩm định hồ sơ đề nghị chấp thuận chủ trương đầu tư dự án khu du lịch sinh thái Hồ Suối Tiên.",
        MEETING_ROOM,
        "Phòng Xúc tiến và Hỗ trợ đầu tư; mời Sở Nông nghiệp và Môi trường, Sở Xây dựng.",
        "",
    ),
]


def _time(text):
    return time.fromisoformat(text) if text else None


def ensure_entries(today, site):
    """Entries keyed by date and start time: a rerun, even a week later, never double-books a slot."""
    monday = monday_of(today)
    for week, weekday, start, end, leaders, content, location, attendees, note in ENTRIES:
        ScheduleEntry.objects.get_or_create(
            site=site,
            date=monday + timedelta(days=7 * week + weekday),
            start_time=_time(start),
            defaults={
                "content": content,
                "end_time": _time(end),
                "leaders": leaders,
                "location": location,
                "attendees": attendees,
                "note": note,
            },
        )


def ensure_page(home):
    """The schedule page, under the "Chỉ đạo điều hành" section when the site has one."""
    parent = home.get_children().filter(slug=SECTION_SLUG).first() or home
    existing = parent.get_children().filter(slug=PAGE_SLUG).first()
    if existing:
        return existing.specific
    page = SchedulePage(
        slug=PAGE_SLUG,
        title="Lịch công tác",
        intro="Lịch công tác hằng tuần của Giám đốc và các Phó Giám đốc Sở; lịch có thể thay đổi khi có "
        "công việc đột xuất.",
        show_in_menus=True,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_demo(home):
    ensure_entries(timezone.localdate(), home.get_site())
    return ensure_page(home)


def ensure_agency_entries(site, entries, today):
    """A portal's engagements this week, on its own schedule (core/sites.py)."""
    monday = monday_of(today)
    for weekday, start, leaders, content, location in entries:
        ScheduleEntry.objects.get_or_create(
            site=site,
            date=monday + timedelta(days=weekday),
            start_time=_time(start),
            defaults={"leaders": leaders, "content": content, "location": location},
        )

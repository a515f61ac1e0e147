"""Demo questions and petitions of the Department of Planning and Investment: the Q&A section at /hoi-dap/,
a few published answers, and an inbox with questions in several states (one of them late).

Senders, addresses and emails are fictional. Nothing here queues mail: the rows are written as they would
stand after the steps, not by running them.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from feedback.enums import QuestionStatus
from feedback.inbox import DATE_FIELDS, answer_html
from feedback.models import AnsweredQuestionPage, Question, QuestionEvent, QuestionIndexPage
from feedback.models.questions import new_code
from portal.demo.procedures import replace_placeholder
from portal.demo.subject_areas import ensure_subject_areas

INDEX_SLUG = "hoi-dap"
S = QuestionStatus
PATH_TO = {
    S.NEW: [S.NEW],
    S.CLASSIFIED: [S.NEW, S.CLASSIFIED],
    S.PUBLISHED: [S.NEW, S.CLASSIFIED, S.ROUTED, S.ANSWERED, S.PUBLISHED],
    S.OUT_OF_SCOPE: [S.NEW, S.OUT_OF_SCOPE],
    S.SPAM: [S.NEW, S.SPAM],
}

# (days ago received, days ago answered, field, sender, title, question, answer)
PUBLISHED = [
    (
        48,
        40,
        "dang-ky-doanh-nghiep",
        ("Trần Văn Hậu", "Phường Trung Tâm, tỉnh An Khánh", "hau.tv@example.vn"),
        "Thời hạn cấp Giấy chứng nhận đăng ký doanh nghiệp",
        "Tôi nộp hồ sơ thành lập công ty trách nhiệm hữu hạn một thành viên qua mạng. Sau bao lâu thì được cấp "
        "Giấy chứng nhận đăng ký doanh nghiệp, và có phải đến Sở nộp bản giấy không?",
        "Theo Nghị định số 168/2025/NĐ-CP, Phòng Đăng ký kinh doanh cấp Giấy chứng nhận đăng ký doanh nghiệp trong "
        "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.\n\nHồ sơ nộp qua Cổng thông tin quốc gia về đăng ký "
        "doanh nghiệp có giá trị như hồ sơ giấy; Ông/Bà không phải nộp thêm bản giấy, trừ khi được yêu cầu đối "
        "chiếu. Kết quả được trả trực tuyến hoặc qua dịch vụ bưu chính công ích theo đăng ký.",
    ),
    (
        35,
        21,
        "hop-tac-xa",
        ("Lê Thị Mai", "Xã Tân Lập, tỉnh An Khánh", "mai.lt@example.vn"),
        "Số thành viên tối thiểu để thành lập hợp tác xã",
        "Nhóm nông dân chúng tôi muốn thành lập hợp tác xã trồng rau an toàn. Cần tối thiểu bao nhiêu thành viên, "
        "và hồ sơ nộp ở đâu?",
        "Theo Luật Hợp tác xã số 17/2023/QH15, hợp tác xã có ít nhất 05 thành viên chính thức.\n\nHồ sơ đăng ký "
        "hợp tác xã nộp tại cơ quan đăng ký kinh doanh cấp xã nơi hợp tác xã đặt trụ sở chính, hoặc trực tuyến qua "
        "Cổng Dịch vụ công quốc gia. Thành phần hồ sơ xem tại mục Thủ tục hành chính của cổng thông tin.",
    ),
    (
        30,
        18,
        "dau-tu-tai-viet-nam",
        ("Nguyễn Quốc Bảo", "Khu công nghiệp Phú Mỹ, tỉnh An Khánh", "bao.nq@example.vn"),
        "Dự án nào phải chấp thuận chủ trương đầu tư",
        "Công ty chúng tôi dự kiến đầu tư nhà máy chế biến thủy sản trong khu công nghiệp, vốn 120 tỷ đồng. Dự án "
        "có phải làm thủ tục chấp thuận chủ trương đầu tư không?",
        "Dự án thực hiện trong khu công nghiệp đã có quy hoạch được phê duyệt, không thuộc các trường hợp tại "
        "Điều 30, 31, 32 Luật Đầu tư số 61/2020/QH14, thì không phải chấp thuận chủ trương đầu tư.\n\nNhà đầu tư "
        "nước ngoài thực hiện thủ tục cấp Giấy chứng nhận đăng ký đầu tư; nhà đầu tư trong nước được triển khai dự "
        "án mà không phải làm thủ tục này. Đề nghị Công ty liên hệ Ban Quản lý các khu công nghiệp tỉnh để được "
        "hướng dẫn cụ thể.",
    ),
    (
        20,
        9,
        "dau-thau",
        ("Phạm Minh Tuấn", "Phường Bắc Sơn, tỉnh An Khánh", "tuan.pm@example.vn"),
        "Đăng tải kế hoạch lựa chọn nhà thầu trên Hệ thống mạng đấu thầu quốc gia",
        "Chủ đầu tư phải đăng tải kế hoạch lựa chọn nhà thầu lên Hệ thống mạng đấu thầu quốc gia trong thời hạn bao "
        "lâu kể từ khi được phê duyệt?",
        "Theo Luật Đấu thầu số 22/2023/QH15 và Nghị định số 214/2025/NĐ-CP, kế hoạch lựa chọn nhà thầu được đăng "
        "tải trên Hệ thống mạng đấu thầu quốc gia chậm nhất 05 ngày làm việc kể từ ngày được phê duyệt.",
    ),
]

# (days ago received, status, field, sender, title, question, out-of-scope reason)
INBOX = [
    (
        1,
        S.NEW,
        "ho-tro-doanh-nghiep",
        ("Đặng Thu Hà", "Phường Nam Thành, tỉnh An Khánh", "ha.dt@example.vn"),
        "Hỗ trợ chi phí tư vấn cho doanh nghiệp nhỏ và vừa",
        "Doanh nghiệp siêu nhỏ của tôi có được hỗ trợ chi phí thuê tư vấn lập hồ sơ vay vốn không? Mức hỗ trợ là "
        "bao nhiêu?",
        "",
    ),
    (
        26,
        S.NEW,
        "quy-hoach",
        ("Võ Văn Thành", "Xã Hòa Bình, tỉnh An Khánh", "thanh.vv@example.vn"),
        "Tra cứu quy hoạch sử dụng đất khu dân cư Hòa Bình",
        "Gia đình tôi có thửa đất tại thôn 3 xã Hòa Bình. Xin cho biết thửa đất có nằm trong quy hoạch khu dân cư "
        "mới không và tra cứu ở đâu?",
        "",
    ),
    (
        4,
        S.CLASSIFIED,
        "dau-tu-cong",
        ("Hồ Thị Ngọc", "Phường Trung Tâm, tỉnh An Khánh", "ngoc.ht@example.vn"),
        "Tiến độ dự án đường ven biển đoạn qua phường Trung Tâm",
        "Dự án đường ven biển đoạn qua phường Trung Tâm khi nào được bố trí vốn để thi công tiếp?",
        "",
    ),
    (
        6,
        S.OUT_OF_SCOPE,
        "",
        ("Bùi Văn Long", "Xã Tân Lập, tỉnh An Khánh", "long.bv@example.vn"),
        "Cấp đổi giấy phép lái xe",
        "Giấy phép lái xe hạng B2 của tôi sắp hết hạn, xin hỏi thủ tục cấp đổi.",
        "Cấp đổi giấy phép lái xe thuộc thẩm quyền của Sở Xây dựng (lĩnh vực đường bộ) và Công an tỉnh, không "
        "thuộc lĩnh vực của Sở Kế hoạch và Đầu tư. Đề nghị Ông/Bà liên hệ Trung tâm Phục vụ hành chính công tỉnh.",
    ),
    (
        2,
        S.SPAM,
        "",
        ("Khuyến mãi", "Không rõ", "quangcao@example.com"),
        "Vay tiền nhanh lãi suất thấp",
        "Vay tiền nhanh trong ngày, không cần thế chấp, liên hệ ngay!",
        "",
    ),
]


def ensure_index(home):
    existing = home.get_children().filter(slug=INDEX_SLUG).first()
    if existing and isinstance(existing.specific, QuestionIndexPage):
        return existing.specific
    index = QuestionIndexPage(
        slug=INDEX_SLUG,
        title="Hỏi đáp",
        intro="Gửi câu hỏi, phản ánh, kiến nghị và tra cứu câu trả lời.",
        show_in_menus=True,
    )
    if existing:
        return replace_placeholder(existing, index)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def days_ago(days, hour=9):
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def ensure_published(index, areas):
    for received, answered, area, sender, title, question, answer in PUBLISHED:
        if Question.objects.filter(page=index, title=title).exists():
            continue
        page = AnsweredQuestionPage(
            title=title,
            subject_area=areas[area],
            question=question,
            answer=answer_html(answer),
            asked_on=days_ago(received).date(),
            answered_on=days_ago(answered).date(),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        store(
            index,
            areas,
            received,
            S.PUBLISHED,
            area,
            sender,
            title,
            question,
            answer,
            page=page,
            done=answered,
        )


def ensure_inbox(index, areas):
    for received, status, area, sender, title, question, reason in INBOX:
        if not Question.objects.filter(page=index, title=title).exists():
            store(index, areas, received, status, area, sender, title, question, reason=reason)


def store(
    index, areas, received, status, area, sender, title, content, reply="", reason="", page=None, done=None
):
    """The question as it stands after its steps, one history line per step, evenly spread from its receipt
    to `done` days ago (a day per step when not given)."""
    name, address, email = sender
    path = PATH_TO[status]
    start = days_ago(received)
    span = days_ago(received - len(path) + 1 if done is None else done) - start
    question = Question(
        code=new_code(),
        page=index,
        name=name,
        address=address,
        email=email,
        field=areas.get(area),
        title=title,
        content=content,
        consent=True,
        status=status,
        reply=reply,
        out_of_scope_reason=reason,
        received_at=start,
        published_page=page,
    )
    events, previous = [], ""
    for step, target in enumerate(path):
        moment = start + span * step / max(len(path) - 1, 1)
        if target in DATE_FIELDS:
            setattr(question, DATE_FIELDS[target], moment)
        note = reason if target == S.OUT_OF_SCOPE else ""
        events.append(QuestionEvent(from_status=previous, to_status=target, created_at=moment, note=note))
        previous = target
    question.save()
    for event in events:
        event.question = question
        event.save()


@transaction.atomic
def load_demo(home):
    index = ensure_index(home)
    areas = ensure_subject_areas()
    ensure_published(index, areas)
    ensure_inbox(index, areas)
    return index

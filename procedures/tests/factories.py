import factory
import wagtail_factories

from core.tests.factories import SubjectAreaFactory
from procedures.enums import ImplementationLevel, OnlineServiceLevel
from procedures.models import ProcedureIndexPage, ProcedurePage


class ProcedureIndexPageFactory(wagtail_factories.PageFactory):
    title = "Thủ tục hành chính"
    slug = "thu-tuc-hanh-chinh"
    show_in_menus = True

    class Meta:
        model = ProcedureIndexPage


class ProcedurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thủ tục số {n}")
    code = factory.Sequence(lambda n: f"1.{n:06d}")
    subject_area = factory.SubFactory(SubjectAreaFactory)
    level = ImplementationLevel.PROVINCE
    online_level = OnlineServiceLevel.FULL
    processing_time = "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
    fees = "50.000 đồng/lần"
    dossier = "<ul><li>Giấy đề nghị theo mẫu</li></ul>"
    steps = "<p>Nộp hồ sơ trực tuyến hoặc trực tiếp.</p>"
    agency = "Sở Kế hoạch và Đầu tư"
    result = "Giấy chứng nhận"

    class Meta:
        model = ProcedurePage

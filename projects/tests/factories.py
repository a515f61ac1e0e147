import datetime
from decimal import Decimal

import factory
import wagtail_factories

from core.tests.factories import SubjectAreaFactory
from projects.enums import FundingSource, ProjectStatus, ProjectType, SelectionMethod
from projects.models import BiddingPackage, ProjectAttachment, ProjectIndexPage, ProjectPage


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dự án đầu tư, đấu thầu, mua sắm công"
    slug = "du-an-dau-tu"
    intro = "Dự án chuẩn bị đầu tư, đang triển khai và đã hoàn thành trên địa bàn tỉnh."
    show_in_menus = True

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dự án đường giao thông số {n}")
    objective = "Kết nối các xã ven biển, phục vụ phát triển kinh tế - xã hội."
    subject_area = factory.SubFactory(SubjectAreaFactory, name="Đầu tư công", slug="dau-tu-cong")
    project_type = ProjectType.GROUP_B
    status = ProjectStatus.IN_PROGRESS
    sponsor = "Ủy ban nhân dân tỉnh An Khánh"
    investor = "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"
    location = "Xã Hải An, tỉnh An Khánh"
    decision_number = factory.Sequence(lambda n: f"{n + 100}/QĐ-UBND")
    decision_date = datetime.date(2024, 5, 20)
    start_year = 2024
    end_year = 2027
    budget = Decimal("250000000000")
    funding_source = FundingSource.LOCAL_BUDGET

    class Meta:
        model = ProjectPage


class BiddingPackageFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    name = factory.Sequence(lambda n: f"Gói thầu số {n}: Thi công xây dựng")
    method = SelectionMethod.OPEN
    value = Decimal("120000000000")

    class Meta:
        model = BiddingPackage


class ProjectAttachmentFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    document = factory.SubFactory(wagtail_factories.DocumentFactory)

    class Meta:
        model = ProjectAttachment

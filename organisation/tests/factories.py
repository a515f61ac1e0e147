import factory
import wagtail_factories
from wagtail.models import Site

from organisation.enums import UnitKind
from organisation.models import ContactPage, LeadersPage, Official, OrganisationChartPage, OrganisationUnit


class OrganisationUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Phòng chuyên môn số {n}")
    slug = factory.Sequence(lambda n: f"phong-{n}")
    kind = UnitKind.DEPARTMENT
    phone = "0260 3 812 370"
    email = factory.Sequence(lambda n: f"phong{n}@example.gov.vn")
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))

    class Meta:
        model = OrganisationUnit


class OfficialFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Trần Văn Bình {n}")
    position = "Chuyên viên"
    unit = factory.SubFactory(OrganisationUnitFactory)
    phone = "0260 3 812 371"
    email = factory.Sequence(lambda n: f"canbo{n}@example.gov.vn")

    class Meta:
        model = Official


class LeadersPageFactory(wagtail_factories.PageFactory):
    title = "Lãnh đạo Sở"
    slug = "lanh-dao"

    class Meta:
        model = LeadersPage


class OrganisationChartPageFactory(wagtail_factories.PageFactory):
    title = "Sơ đồ tổ chức"
    slug = "so-do-to-chuc"

    class Meta:
        model = OrganisationChartPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Liên hệ"
    slug = "lien-he"

    class Meta:
        model = ContactPage

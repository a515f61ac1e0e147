import factory
import wagtail_factories
from wagtail.models import Site

from core.blocks import BodyBlock
from core.models import HomePage, PortalSettings, StandardPage, SubjectArea


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Trang nội dung số {n}")
    intro = "Tóm tắt nội dung trang."
    show_in_menus = True

    class Meta:
        model = StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Trang chủ"
    intro = "Cổng thông tin điện tử."

    class Meta:
        model = HomePage


class PortalSettingsFactory(factory.django.DjangoModelFactory):
    agency_name = "Sở Nội vụ tỉnh Hòa Bình"
    short_name = "Sở Nội vụ"
    governing_body = "Ủy ban nhân dân tỉnh Hòa Bình"
    address = "Số 5 đường Lê Lợi, phường Phương Lâm, tỉnh Hòa Bình"
    phone = "0218 3 852 123"
    fax = "0218 3 852 124"
    email = "sonv@example.gov.vn"
    responsible_person = "Bùi Thị Thu Hà"
    responsible_title = "Giám đốc Sở"
    licence = "Giấy phép số 03/GP-TTĐT ngày 10/01/2025"

    class Meta:
        model = PortalSettings
        django_get_or_create = ("site",)


def body_of(*blocks):
    """A StreamValue for BodyBlock from (type, value) pairs."""
    return BodyBlock().to_python([{"type": kind, "value": value} for kind, value in blocks])


class SubjectAreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực số {n}")
    slug = factory.Sequence(lambda n: f"linh-vuc-{n}")

    class Meta:
        model = SubjectArea
        django_get_or_create = ("slug",)


def default_site_id():
    """The site factories put a site's own records on (core/sites.py)."""
    return Site.objects.get(is_default_site=True).pk

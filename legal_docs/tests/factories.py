import datetime

import factory
import wagtail_factories
from wagtail.models import Site

from core.tests.factories import default_site_id  # noqa: F401 (the documents' tests read it here)
from legal_docs.models import DocumentType, Issuer, LegalDocument, LegalDocumentIndexPage


class LegalDocumentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Văn bản"
    slug = "van-ban"
    intro = "Cơ sở dữ liệu văn bản quy phạm pháp luật và văn bản chỉ đạo điều hành."
    show_in_menus = True

    class Meta:
        model = LegalDocumentIndexPage


def document_type(name):
    return DocumentType.objects.get(name=name)


def issuer(name):
    return Issuer.objects.get(name=name)


class LegalDocumentFactory(factory.django.DjangoModelFactory):
    """A published document; types and issuers come from the seeded lists (migration 0002)."""

    number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    doc_type = factory.LazyFunction(lambda: document_type("Quyết định"))
    issuer = factory.LazyFunction(lambda: issuer("Ủy ban nhân dân tỉnh"))
    signer = "Nguyễn Văn Minh"
    signer_title = "Chủ tịch"
    issued_on = datetime.date(2024, 3, 15)
    effective_on = datetime.date(2024, 3, 15)
    summary = "Về việc phê duyệt kế hoạch lựa chọn nhà thầu"
    live = True
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))

    class Meta:
        model = LegalDocument

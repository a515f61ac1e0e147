import pytest

from legal_docs.enums import ValidityStatus
from legal_docs.models import DocumentRelation, LegalDocument
from portal.demo.legal_docs import load_demo

pytestmark = pytest.mark.django_db


def test_demo_documents_are_stable_and_statuses_follow_relations(client, home_page):
    load_demo(home_page)
    counts = LegalDocument.objects.count(), DocumentRelation.objects.count()
    load_demo(home_page)
    assert (LegalDocument.objects.count(), DocumentRelation.objects.count()) == counts
    assert LegalDocument.objects.get(number="43/2011/NĐ-CP").status == ValidityStatus.EXPIRED
    assert LegalDocument.objects.get(number="64/2007/NĐ-CP").status == ValidityStatus.PARTLY_EXPIRED
    assert client.get("/van-ban/43-2011-nd-cp/").status_code == 200
    assert "42/2022/NĐ-CP" in client.get("/van-ban/", {"q": "42/2022/nd-cp"}).content.decode()

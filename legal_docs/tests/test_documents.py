"""Validation, validity status from dates and relations, and the public pages."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from legal_docs.enums import RelationKind, ValidityStatus
from legal_docs.models import DocumentRelation, LegalDocument

from .factories import LegalDocumentFactory, LegalDocumentIndexPageFactory, document_type, issuer

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def nd(number, issued, effective, **fields):
    return LegalDocumentFactory(
        number=number,
        doc_type=document_type("Nghị định"),
        issuer=issuer("Chính phủ"),
        issued_on=issued,
        effective_on=effective,
        **fields,
    )


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        (
            {"issued_on": datetime.date(2024, 5, 2), "effective_on": datetime.date(2024, 5, 1)},
            "effective_on",
            "Ngày có hiệu lực không được trước ngày ban hành.",
        ),
        (
            {
                "issued_on": datetime.date(2024, 5, 2),
                "effective_on": None,
                "expires_on": datetime.date(2024, 5, 2),
            },
            "expires_on",
            "Ngày hết hiệu lực phải sau ngày ban hành.",
        ),
        (
            {
                "issued_on": datetime.date(2024, 5, 2),
                "effective_on": datetime.date(2024, 6, 1),
                "expires_on": datetime.date(2024, 6, 1),
            },
            "expires_on",
            "Ngày hết hiệu lực phải sau ngày có hiệu lực.",
        ),
    ],
)
def test_dates_are_validated_in_vietnamese(dates, field, message):
    document = LegalDocumentFactory.build(**dates)
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert error.value.message_dict[field] == [message]


def test_same_number_same_issuer_same_year_is_refused_but_other_years_are_fine():
    LegalDocumentFactory(number="217/QĐ-UBND", issued_on=datetime.date(2024, 2, 1))
    clash = LegalDocumentFactory.build(
        number="217/QĐ-ubnd", issued_on=datetime.date(2024, 9, 9), effective_on=None
    )
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert error.value.message_dict["number"] == [
        "Số, ký hiệu «217/QĐ-ubnd» của cơ quan này đã có trong năm 2024."
    ]
    next_year = LegalDocumentFactory(
        number="217/QĐ-UBND", issued_on=datetime.date(2025, 1, 5), effective_on=None
    )
    assert next_year.slug == "217-qd-ubnd-2025"
    other_issuer = LegalDocumentFactory.build(
        number="217/QĐ-UBND",
        issuer=issuer("Sở Kế hoạch và Đầu tư"),
        issued_on=datetime.date(2024, 3, 3),
        effective_on=None,
    )
    other_issuer.full_clean()


def test_status_follows_the_dates():
    future = nd("10/2026/NĐ-CP", datetime.date(2026, 11, 1), datetime.date(2027, 1, 1))
    assert future.computed_status(TODAY) == ValidityStatus.NOT_YET
    expired = nd(
        "11/2020/NĐ-CP",
        datetime.date(2020, 1, 1),
        datetime.date(2020, 2, 1),
        expires_on=datetime.date(2025, 1, 1),
    )
    assert expired.computed_status(TODAY) == ValidityStatus.EXPIRED
    assert (
        nd("12/2020/NĐ-CP", datetime.date(2020, 1, 1), None).computed_status(TODAY) == ValidityStatus.IN_FORCE
    )


def test_a_replacing_document_ends_the_old_one_once_in_effect_and_publishing_updates_it():
    old = nd("43/2011/NĐ-CP", datetime.date(2011, 6, 13), datetime.date(2011, 8, 1))
    new = nd("42/2022/NĐ-CP", datetime.date(2022, 6, 24), datetime.date(2022, 8, 1))
    DocumentRelation.objects.create(source=new, kind=RelationKind.REPLACES, target=old)
    assert old.computed_status(datetime.date(2022, 7, 1)) == ValidityStatus.IN_FORCE
    assert old.computed_status(TODAY) == ValidityStatus.EXPIRED
    new.save_revision().publish()
    old.refresh_from_db()
    assert old.status == ValidityStatus.EXPIRED


def test_partial_repeal_and_manual_override():
    old = nd("64/2007/NĐ-CP", datetime.date(2007, 4, 10), datetime.date(2007, 5, 1))
    new = nd("43/2011/NĐ-CP", datetime.date(2011, 6, 13), datetime.date(2011, 8, 1))
    DocumentRelation.objects.create(source=new, kind=RelationKind.REPEALS, target=old, partial=True)
    assert old.computed_status(TODAY) == ValidityStatus.PARTLY_EXPIRED
    old.status_is_manual, old.status = True, ValidityStatus.SUSPENDED
    old.save()
    assert not old.refresh_status(TODAY) and old.status == ValidityStatus.SUSPENDED


@pytest.fixture
def index_page(home_page):
    return LegalDocumentIndexPageFactory(parent=home_page)


def test_index_lists_documents_with_facets_and_bookmarkable_filters(client, index_page):
    nd("43/2011/NĐ-CP", datetime.date(2011, 6, 13), datetime.date(2011, 8, 1), summary="Cung cấp thông tin")
    LegalDocumentFactory(number="2154/QĐ-UBND", summary="Quy chế thư điện tử")
    response = client.get("/van-ban/", {"q": "thu dien tu"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".legal-result h3 a")] == ["Quyết định 2154/QĐ-UBND"]
    facets = soup.select_one(".legal-facets").get_text(" ", strip=True)
    assert "Quyết định (1)" in facets and "Nghị định" not in facets
    response = client.get("/van-ban/", {"issued_from": "32/13/2020"})
    assert response.status_code == 200
    assert "Ngày không hợp lệ" in response.content.decode()


def test_detail_page_at_a_readable_url_shows_metadata_relations_and_history(client, index_page):
    old = nd(
        "43/2011/NĐ-CP", datetime.date(2011, 6, 13), datetime.date(2011, 8, 1), summary="Cung cấp thông tin"
    )
    new = nd("42/2022/NĐ-CP", datetime.date(2022, 6, 24), datetime.date(2022, 8, 1), summary="Thay thế")
    DocumentRelation.objects.create(source=new, kind=RelationKind.REPLACES, target=old)
    new.save_revision().publish()
    assert old.url == "/van-ban/43-2011-nd-cp/"
    text = BeautifulSoup(client.get("/van-ban/43-2011-nd-cp/").content, "html.parser").get_text(
        " ", strip=True
    )
    for expected in (
        "Nghị định 43/2011/NĐ-CP",
        "Chính phủ",
        "13/06/2011",
        "01/08/2011",
        "Hết hiệu lực toàn bộ",
        "Bị thay thế bởi : 42/2022/NĐ-CP",
        "01/08/2022 : Bị thay thế bởi 42/2022/NĐ-CP",
        "Ngày hết hiệu lực 01/08/2022",  # the day its replacement took effect
    ):
        assert expected.replace(" :", ":") in text.replace(" :", ":"), expected
    newer = BeautifulSoup(client.get("/van-ban/42-2022-nd-cp/").content, "html.parser").get_text(
        " ", strip=True
    )
    assert "Thay thế: 43/2011/NĐ-CP" in newer.replace(" :", ":")
    assert client.get("/van-ban/khong-co/").status_code == 404


def test_drafts_have_no_public_page(client, index_page):
    LegalDocumentFactory(number="5/QĐ-UBND", live=False)
    assert client.get("/van-ban/5-qd-ubnd/").status_code == 404


def test_rss_lists_the_newest_documents(client, index_page):
    nd("43/2011/NĐ-CP", datetime.date(2011, 6, 13), datetime.date(2011, 8, 1))
    nd("42/2022/NĐ-CP", datetime.date(2022, 6, 24), datetime.date(2022, 8, 1))
    channel = ET.fromstring(client.get("/van-ban/rss/").content).find("channel")
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "Nghị định 42/2022/NĐ-CP",
        "Nghị định 43/2011/NĐ-CP",
    ]
    # Dated by issue, not by the day they were put online (today).
    dates = [item.findtext("pubDate") for item in channel.findall("item")]
    assert dates == ["Fri, 24 Jun 2022 00:00:00 +0700", "Mon, 13 Jun 2011 00:00:00 +0700"]


def test_the_index_page_lives_only_under_home(home_page, index_page):
    from core.tests.factories import StandardPageFactory
    from legal_docs.models import LegalDocumentIndexPage

    assert not LegalDocumentIndexPage.can_create_at(StandardPageFactory(parent=home_page))
    assert not LegalDocumentIndexPage.can_create_at(home_page)  # one per site
    assert LegalDocument.objects.count() == 0


def test_daily_refresh_moves_documents_into_force_when_their_date_comes(monkeypatch):
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    upcoming = nd("20/2026/NĐ-CP", datetime.date(2026, 11, 1), datetime.date(2026, 12, 1))
    LegalDocument.objects.filter(pk=upcoming.pk).update(status=ValidityStatus.NOT_YET)
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2026, 12, 1))
    output = StringIO()
    call_command("refresh_legal_document_status", stdout=output)
    upcoming.refresh_from_db()
    assert upcoming.status == ValidityStatus.IN_FORCE
    assert "1 văn bản" in output.getvalue()


def test_a_planning_article_links_its_legal_documents(client, index_page, home_page):
    from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish

    basis = nd(
        "42/2022/NĐ-CP", datetime.date(2022, 6, 24), datetime.date(2022, 8, 1), summary="Cung cấp thông tin"
    )
    draft = LegalDocumentFactory(number="7/QĐ-UBND", live=False)
    planning = SectionPageFactory(parent=home_page, slug="quy-hoach-ke-hoach")
    article = publish(
        ArticlePageFactory(
            parent=planning,
            body=[
                ("legal_document", {"document": basis, "note": "căn cứ"}),
                ("legal_document", {"document": draft, "note": ""}),
            ],
        )
    )
    links = BeautifulSoup(client.get(article.url).content, "html.parser").select(".doc-link a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Nghị định 42/2022/NĐ-CP", "/van-ban/42-2022-nd-cp/")
    ]


def test_a_documents_page_carries_its_own_metadata_and_canonical_address(client, index_page):
    """Not its index page's ("Văn bản", today, /van-ban/): search engines index each document at its own
    address, with its issuer and issue date."""
    from bs4 import BeautifulSoup as Soup

    document = nd(
        "43/2011/NĐ-CP", datetime.date(2011, 6, 13), datetime.date(2011, 8, 1), summary="Cung cấp thông tin"
    )
    soup = Soup(client.get(document.url).content, "html.parser")
    dc = {meta["name"]: meta["content"] for meta in soup.select('meta[name^="DC."]')}
    assert dc["DC.title"] == "Nghị định 43/2011/NĐ-CP" and dc["DC.creator"] == "Chính phủ"
    assert dc["DC.date"] == "2011-06-13" and dc["DC.description"] == "Cung cấp thông tin"
    assert dc["DC.identifier"] == f"http://testserver{document.url}"
    assert soup.select_one('link[rel="canonical"]')["href"] == f"http://testserver{document.url}"
    assert soup.title.get_text().startswith("Nghị định 43/2011/NĐ-CP")


def test_the_sitemap_lists_each_published_document_at_its_address(client, index_page):
    import xml.etree.ElementTree as ET

    published = nd("43/2011/NĐ-CP", datetime.date(2011, 6, 13), datetime.date(2011, 8, 1))
    LegalDocumentFactory(number="5/QĐ-UBND", live=False)
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", namespace)]
    assert f"http://localhost{published.url}" in locations
    assert not any("5-qd-ubnd" in location for location in locations)

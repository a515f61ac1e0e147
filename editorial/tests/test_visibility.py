"""Contributors and members see no draft, title or count from sections that are not theirs
(editorial.visibility): a classified ("Mật") draft of section B never shows to a contributor or member of
section A, on any admin route; live pages stay choosable; an approver still opens what waits at their step."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from editorial.models import EditorialBoard, HeadDelegation
from editorial.visibility import ITEM_HIDDEN, PAGE_HIDDEN, PAGE_TYPES_REPORT_REFUSED
from legal_docs.tests.factories import LegalDocumentFactory, LegalDocumentIndexPageFactory
from news.tests.factories import ArticlePageFactory, SectionPageFactory

from .report_helpers import load_board

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: deputy.a, full_name: Trần Trung Định, roles: [deputy], sections: [tin-tuc]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: ctv.a, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [tin-tuc]}
  - {username: member.a, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc, thong-bao]}
  - {username: member.b, full_name: Phạm Thị Bình, roles: [member], sections: [cai-cach]}
"""
SECRET = "Phương án bảo vệ bí mật nhà nước năm 2026"
RENAMED = "Tên mới chưa duyệt của tin đã đăng"
READERS = ["ctv.a", "member.a"]


@pytest.fixture
def board(home_page, tmp_path):
    """Sections A (tin-tuc, with thong-bao beside it) and B (cai-cach); in B a classified draft in the
    workflow, a live article, and a live article whose pending draft renames it; in A the reader's draft."""
    sections = {
        slug: SectionPageFactory(parent=home_page, slug=slug, title=title)
        for slug, title in (("tin-tuc", "Tin tức"), ("thong-bao", "Thông báo"), ("cai-cach", "Cải cách"))
    }
    LegalDocumentIndexPageFactory(parent=home_page)
    users = load_board(BOARD, tmp_path)
    secret = ArticlePageFactory(
        parent=sections["cai-cach"], title=SECRET, live=False, classification="confidential"
    )
    secret.save_revision(user=users["member.b"])
    published = ArticlePageFactory(parent=sections["cai-cach"], title="Cải cách thủ tục đầu tư")
    renamed = ArticlePageFactory(parent=sections["cai-cach"], title="Tin đã đăng của chuyên mục B")
    renamed.title = RENAMED
    renamed.save_revision(user=users["member.b"])
    own = ArticlePageFactory(parent=sections["tin-tuc"], title="Bản nháp của chuyên mục A", live=False)
    own.save_revision(user=users["ctv.a"])
    return {"sections": sections, "users": users, "secret": secret, "published": published, "own": own}


def text_of(response):
    """The answer's text; a chooser's JSON answer (which escapes non-ASCII) decoded."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def hidden(response):
    """Neither the classified draft's title nor the pending rename appears anywhere in the answer."""
    body = text_of(response)
    return SECRET not in body and RENAMED not in body


def refused_with(response, reason):
    return response.status_code == 403 and reason in text_of(response) and hidden(response)


@pytest.mark.parametrize("reader", READERS)
def test_the_page_chooser_offers_live_pages_and_the_readers_own_never_another_sections_drafts(
    board, client, reader
):
    client.force_login(board["users"][reader])
    section_b, section_a = board["sections"]["cai-cach"], board["sections"]["tin-tuc"]
    browse_b = client.get(f"/admin/choose-page/{section_b.pk}/")
    assert browse_b.status_code == 200 and hidden(browse_b)
    assert "Cải cách thủ tục đầu tư" in text_of(browse_b)
    browse_a = client.get(f"/admin/choose-page/{section_a.pk}/")
    assert "Bản nháp của chuyên mục A" in text_of(browse_a)
    for query in ("bảo vệ bí mật", "Tên mới chưa duyệt", "Cải cách thủ tục"):
        found = client.get("/admin/choose-page/search/", {"q": query})
        assert found.status_code == 200 and hidden(found)
    assert "Cải cách thủ tục đầu tư" in text_of(client.get("/admin/choose-page/search/", {"q": "Cải cách"}))


@pytest.mark.parametrize("reader", READERS)
def test_the_choosers_direct_urls_refuse_another_sections_draft(board, client, reader):
    client.force_login(board["users"][reader])
    secret = board["secret"]
    assert refused_with(client.get(f"/admin/choose-page/{secret.pk}/"), PAGE_HIDDEN)
    assert refused_with(client.get("/admin/choose-page/chosen-multiple/", {"id": secret.pk}), PAGE_HIDDEN)
    own = client.get("/admin/choose-page/chosen-multiple/", {"id": [board["own"].pk, board["published"].pk]})
    assert own.status_code == 200 and "Bản nháp của chuyên mục A" in own.json()["result"][0]["adminTitle"]


@pytest.mark.parametrize("reader", READERS)
def test_page_urls_naming_another_sections_draft_answer_403_without_its_title(board, client, reader):
    client.force_login(board["users"][reader])
    pk = board["secret"].pk
    for path in (
        "edit/",
        "history/",
        "revisions/",
        "workflow_history/",
        "view_draft/",
        "usage/",
        "delete/",
        "unpublish/",
        "move/",
        "copy/",
        "revisions/compare/earliest...latest/",
    ):
        assert refused_with(client.get(f"/admin/pages/{pk}/{path}"), PAGE_HIDDEN), path
    for action in ("publish", "delete", "unpublish", "move"):
        response = client.get(f"/admin/bulk/wagtailcore/page/{action}/", {"id": pk})
        assert refused_with(response, PAGE_HIDDEN), action
    own = client.get(f"/admin/pages/{board['own'].pk}/edit/")
    assert own.status_code == 200


@pytest.mark.parametrize("reader", READERS)
def test_selecting_all_pages_in_bulk_names_no_draft_of_another_section(board, client, reader):
    """ "Select all" under the home page takes every child of it, the other sections included: the
    confirmation lists the pages the reader may not act on without naming those they may not see."""
    client.force_login(board["users"][reader])
    section_b = board["sections"]["cai-cach"]
    for action in ("publish", "move"):
        response = client.get(
            f"/admin/bulk/wagtailcore/page/{action}/", {"id": "all", "childOf": section_b.pk}
        )
        assert response.status_code == 200 and hidden(response), action
        assert "Cải cách thủ tục đầu tư" in text_of(response)
        assert "Trang chưa đăng của chuyên mục khác không được nêu tên." in text_of(response)


@pytest.mark.parametrize("reader", READERS)
def test_admin_search_explorer_and_wagtails_reports_show_no_other_sections_draft(board, client, reader):
    client.force_login(board["users"][reader])
    home, section_b = board["sections"]["cai-cach"].get_parent(), board["sections"]["cai-cach"]
    own = "Bản nháp của chuyên mục A"
    search = client.get("/admin/pages/search/", {"q": "bảo vệ bí mật"})
    assert search.status_code == 200 and hidden(search)
    assert own in text_of(client.get("/admin/pages/search/", {"q": "Bản nháp"}))
    for url in (
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{section_b.pk}/",
        "/admin/pages/usage/news/articlepage/",
        f"/admin/api/main/pages/?child_of={home.pk}&for_explorer=1",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/",
    ):
        response = client.get(url, follow=True)
        assert response.status_code in (200, 400) and hidden(response), url
    assert own in text_of(client.get("/admin/pages/usage/news/articlepage/"))


@pytest.mark.parametrize("reader", READERS)
def test_the_page_types_report_is_for_superusers_only(board, client, admin_client, reader):
    """It counts every page of every site and names the last edited page of each type, drafts included."""
    client.force_login(board["users"][reader])
    for url in ("/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/"):
        assert refused_with(client.get(url), PAGE_TYPES_REPORT_REFUSED)
    assert "/admin/reports/page-types-usage/" not in text_of(client.get("/admin/"))
    board["secret"].save_revision(user=board["users"]["member.b"])  # the latest edited article
    report = admin_client.get("/admin/reports/page-types-usage/")
    assert report.status_code == 200 and SECRET in text_of(report)


def test_the_dashboard_counts_only_the_readers_own_pages(board, client):
    """Wagtail counts every page under the highest page a user may explore: for a member of two sections,
    the home page, that is the whole site."""
    member = board["users"]["member.a"]
    client.force_login(member)
    soup = BeautifulSoup(text_of(client.get("/admin/")), "html.parser")
    home = board["sections"]["tin-tuc"].get_parent()
    link = soup.find("a", href=f"/admin/pages/{home.pk}/")
    count = int(re.search(r"\d+", link.get_text()).group())
    # tin-tuc and its draft, thong-bao: three pages; the site has eight.
    assert count == 3


def test_an_approver_still_opens_what_waits_at_their_step(board, client):
    """The acting head (a deputy of section A) opens section B's item at the head's step; before that step
    it is hidden from them like from anyone of section A."""
    users, section_b = board["users"], board["sections"]["cai-cach"]
    item = ArticlePageFactory(parent=section_b, title="Tin cải cách chờ duyệt", live=False)
    item.save_revision(user=users["member.b"])
    state = item.get_workflow().start(item, users["member.b"])
    client.force_login(users["deputy.a"])
    assert refused_with(client.get(f"/admin/pages/{item.pk}/edit/"), PAGE_HIDDEN)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, users["secretary"], "approve", comment="Đủ thủ tục.")
    today = timezone.localdate()
    HeadDelegation.objects.create(
        board=EditorialBoard.objects.get(),
        delegate=users["deputy.a"],
        starts_on=today,
        ends_on=today + datetime.timedelta(days=3),
        reason="Trưởng ban đi công tác",
    )
    state.refresh_from_db()
    assert type(state.current_task_state.task.specific).__name__ == "HeadTask"
    assert client.get(f"/admin/pages/{item.pk}/edit/").status_code == 200


@pytest.mark.parametrize("reader", READERS)
def test_the_legal_document_chooser_offers_live_documents_only(board, client, reader):
    """A page's writer links legal documents; only whoever edits documents sees their drafts."""
    draft = LegalDocumentFactory(
        number="99/2026/QĐ-MẬT", summary=SECRET, live=False, classification="confidential"
    )
    LegalDocumentFactory(number="12/2026/QĐ-UBND", summary="Quy chế phối hợp")
    client.force_login(board["users"][reader])
    chooser = client.get("/admin/snippets/choose/legal_docs/legaldocument/")
    assert chooser.status_code == 200 and hidden(chooser) and "99/2026" not in text_of(chooser)
    assert "12/2026/QĐ-UBND" in text_of(chooser)
    results = client.get("/admin/snippets/choose/legal_docs/legaldocument/results/", {"q": "99/2026"})
    assert results.status_code == 200 and "QĐ-MẬT" not in text_of(results) and hidden(results)
    chosen = client.get(f"/admin/snippets/choose/legal_docs/legaldocument/chosen/{draft.pk}/")
    assert refused_with(chosen, ITEM_HIDDEN) and "QĐ-MẬT" not in text_of(chosen)
    several = client.get("/admin/snippets/choose/legal_docs/legaldocument/chosen-multiple/", {"id": draft.pk})
    assert "QĐ-MẬT" not in text_of(several) and hidden(several)
    for view in ("edit", "delete", "history", "usage", "unpublish"):
        response = client.get(f"/admin/snippets/legal_docs/legaldocument/{view}/{draft.pk}/")
        assert refused_with(response, ITEM_HIDDEN) and "QĐ-MẬT" not in text_of(response), view
    client.force_login(board["users"]["secretary"])
    assert "99/2026/QĐ-MẬT" in text_of(client.get("/admin/snippets/choose/legal_docs/legaldocument/"))

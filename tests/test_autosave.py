"""Autosave (Wagtail 8 saves the editor's form in the background) never races the first Save or Submit and
never leaves a draft behind that nobody saved.

Wagtail's create views autosave too: the editor's script POSTs the unsaved form to the create URL, which
creates the page or snippet, then points the form at the new edit URL. A Save or Submit pressed while that
request is in flight (or before its answer arrives) still goes to the create URL and creates the item a
second time: the page's slug, or a legal document's number, is then taken by the autosaved copy, the first
Save fails, and the autosaved copy stays behind as a draft nobody chose to save. The portal therefore turns
autosave off (WAGTAIL_AUTOSAVE_INTERVAL = 0, config/settings/base.py): the editor warns about unsaved
changes before leaving instead."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from wagtail.models import WorkflowState

from editorial.tests.report_helpers import load_board
from legal_docs.models import LegalDocument
from legal_docs.tests.factories import LegalDocumentIndexPageFactory, document_type, issuer
from news.models import ArticlePage
from news.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [tin-tuc, van-ban]}
"""
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # what the editor's script sends (w-autosave controller)
LEGAL_ADD_URL = "/admin/snippets/legal_docs/legaldocument/add/"
WAGTAIL_DEFAULT = override_settings(WAGTAIL_AUTOSAVE_INTERVAL=500)


@pytest.fixture
def contributor(home_page, tmp_path, client):
    section = SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    LegalDocumentIndexPageFactory(parent=home_page)
    users = load_board(BOARD, tmp_path)
    client.force_login(users["ctv"])
    return section


def editor_form(response):
    """The editor form's fields as a browser sends them."""
    form = BeautifulSoup(response.content, "html.parser").find("form", attrs={"data-edit-form": True})
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name, kind = field.get("name"), field.get("type")
        if not name or kind in ("submit", "button", "file"):
            continue
        if kind in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select" and field.has_attr("multiple"):
            chosen = [option.get("value", "") for option in field.find_all("option", selected=True)]
            if chosen:
                data[name] = chosen
        elif field.name == "select":
            option = field.find("option", selected=True) or field.find("option")
            data[name] = option.get("value", "") if option else ""
        else:
            data[name] = field.get("value", "")
    return data


def article_form(client, section, **action):
    url = f"/admin/pages/add/news/articlepage/{section.pk}/"
    data = editor_form(client.get(url))
    data.setdefault("body-count", "0")
    data.update(
        title="Hội nghị đối thoại doanh nghiệp",
        slug="hoi-nghi-doi-thoai-doanh-nghiep",
        intro="Lãnh đạo Sở đối thoại với doanh nghiệp.",
        author_name="Đỗ Mạnh Hùng",
        author_address="Văn phòng Sở",
        **action,
    )
    return url, data


def legal_document_form(client, **action):
    data = editor_form(client.get(LEGAL_ADD_URL))
    data.update(
        number="12/2026/QĐ-UBND",
        doc_type=document_type("Quyết định").pk,
        issuer=issuer("Ủy ban nhân dân tỉnh").pk,
        signer="Nguyễn Văn Minh",
        issued_on="2026-03-02",
        effective_on="2026-03-15",
        summary="Ban hành Quy chế phối hợp",
        **action,
    )
    return LEGAL_ADD_URL, data


@WAGTAIL_DEFAULT
def test_with_wagtails_default_the_create_views_autosave_makes_the_first_save_fail(client, contributor):
    """The collision, as Wagtail 8 ships: the autosave creates the item; the Save pressed meanwhile goes to
    the create URL and fails on the slug (pages) or the number (legal documents)."""
    url, data = article_form(client, contributor)
    assert autosaves(client.get(url))
    autosaved = client.post(url, data, **AUTOSAVE)
    assert autosaved.json()["success"] is True
    response = client.post(url, {**data, "action-submit": "1"})
    assert response.status_code == 200
    assert "đã được sử dụng trong trang cấp trên" in response.context["form"].errors["slug"][0]
    (left_behind,) = ArticlePage.objects.filter(title="Hội nghị đối thoại doanh nghiệp")
    assert not left_behind.live and left_behind.current_workflow_state is None  # a draft nobody submitted

    url, data = legal_document_form(client)
    assert client.post(url, data, **AUTOSAVE).json()["success"] is True
    response = client.post(url, {**data, "action-submit": "1"})
    assert response.status_code == 200
    assert "Số, ký hiệu «12/2026/QĐ-UBND» của cơ quan này đã có" in response.content.decode()
    assert LegalDocument.objects.filter(number="12/2026/QĐ-UBND").count() == 1


def autosaves(response):
    """The editor form carries Wagtail's autosave controller (its script then POSTs the form by itself)."""
    form = BeautifulSoup(response.content, "html.parser").find("form", attrs={"data-edit-form": True})
    return "w-autosave" in form["data-controller"].split()


def test_the_portal_turns_autosave_off(client, contributor):
    """No editor form autosaves, new or existing, page or legal document: the first Save or Submit is the
    first write."""
    assert settings.WAGTAIL_AUTOSAVE_INTERVAL == 0
    url, _data = article_form(client, contributor)
    existing_url = f"/admin/pages/{contributor.pk}/edit/"
    for editor in (url, LEGAL_ADD_URL, existing_url):
        assert not autosaves(client.get(editor)), editor
    with WAGTAIL_DEFAULT:
        assert autosaves(client.get(url))  # what the setting switches off


def test_the_first_submit_of_a_new_article_succeeds_and_creates_it_once(client, contributor):
    url, data = article_form(client, contributor, **{"action-submit": "1"})
    response = client.post(url, data)
    assert response.status_code == 302
    (article,) = ArticlePage.objects.filter(title="Hội nghị đối thoại doanh nghiệp")
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_first_save_of_a_new_legal_document_succeeds_and_creates_it_once(client, contributor):
    url, data = legal_document_form(client)
    assert client.post(url, data).status_code == 302
    assert LegalDocument.objects.filter(number="12/2026/QĐ-UBND").count() == 1

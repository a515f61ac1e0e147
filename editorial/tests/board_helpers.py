"""A board with enough people for four eyes, and the admin routes of its moderation path (issue: the board's
rules hold on every route). Shared by test_four_eyes, test_rejection and test_classified_moderation."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, Site, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.board_file import load_board_file
from legal_docs.tests.factories import LegalDocumentIndexPageFactory, document_type, issuer
from news.tests.factories import ArticlePageFactory, SectionPageFactory

# dinh is both a secretary and the deputy of tin-tuc (as in the demo board); cai gives final approval in
# tin-tuc/cai-cach and answers for van-ban.
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, email: long@example.gov.vn, roles: [head]}
  - username: dinh
    full_name: Trần Trung Định
    email: dinh@example.gov.vn
    roles: [standing_deputy, secretary]
    sections: [tin-tuc]
  - {username: secretary, full_name: Lê Hoàng Trung, email: trung@example.gov.vn, roles: [secretary]}
  - username: cai
    full_name: Phạm Văn Cải
    email: cai@example.gov.vn
    roles: [deputy]
    sections: [van-ban]
    approves: [tin-tuc/cai-cach]
  - {username: author, full_name: Nguyễn Thị Viết, roles: [member], sections: [tin-tuc, van-ban]}
  - username: ctv
    full_name: Đỗ Mạnh Hùng
    email: hung@example.gov.vn
    roles: [contributor]
    sections: [tin-tuc]
"""
LEGAL_LIST_URL = "/admin/snippets/legal_docs/legaldocument/"


def make_board(home_page, tmp_path):
    """Sections tin-tuc (with cai-cach below it) and van-ban, and the board above."""
    news = SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    reform = SectionPageFactory(parent=news, slug="cai-cach", title="Cải cách hành chính")
    LegalDocumentIndexPageFactory(parent=home_page)
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    users = {user.username: user for user in get_user_model().objects.all()}
    return {"tin-tuc": news, "cai-cach": reform}, users


def write(section, author, title="Hội nghị đối thoại doanh nghiệp"):
    """A draft article whose first revision (and page) belong to author."""
    article = ArticlePageFactory(parent=section, title=title, live=False, owner=author)
    article.save_revision(user=author)
    return article


def submit(item, user):
    return item.get_workflow().start(item, user)


def step_name(state):
    state.refresh_from_db()
    return type(state.current_task_state.task.specific).__name__


def current(state):
    state.refresh_from_db()
    return state.current_task_state


def action_url(item, action, task_state):
    if isinstance(item, Page):
        return reverse("wagtailadmin_pages:workflow_action", args=[item.pk, action, task_state.pk])
    return reverse(
        "wagtailsnippets_legal_docs_legaldocument:workflow_action", args=[item.pk, action, task_state.pk]
    )


def collect_url(item, action, task_state):
    return reverse("wagtailadmin_pages:collect_workflow_action_data", args=[item.pk, action, task_state.pk])


def article_form(article, action, **extra):
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "intro": article.intro,
            "author_name": article.author_name,
            "author_address": article.author_address,
            "classification": extra.pop("classification", "unclassified"),
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            action: "1",
        }
    )
    return {**data, **extra}


def workflow_action_form(article, action, comment=None, **extra):
    """The editor's own workflow button: the action's name, and the modal's data (the reason) as JSON."""
    data = {"workflow-action-name": action, **extra}
    if comment is not None:
        data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return article_form(article, "action-workflow-action", **data)


def legal_document_form(action, number="12/2026/QĐ-UBND", **extra):
    data = nested_form_data(
        {
            "number": number,
            "site": Site.objects.get(is_default_site=True).pk,
            "doc_type": document_type("Quyết định").pk,
            "issuer": issuer("Ủy ban nhân dân tỉnh").pk,
            "signer": "Nguyễn Văn Minh",
            "issued_on": "2026-03-02",
            "effective_on": "2026-03-15",
            "status": "in_force",
            "summary": "Ban hành Quy chế phối hợp quản lý nhà nước về đầu tư trên địa bàn tỉnh",
            "classification": extra.pop("classification", "unclassified"),
            "files": inline_formset([]),
            "relations": inline_formset([]),
            action: "1",
        }
    )
    return {**data, **extra}


def text(response):
    return response.content.decode()


def reviewable(user):
    return set(TaskState.objects.reviewable_by(user).values_list("workflow_state__object_id", flat=True))

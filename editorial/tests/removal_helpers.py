"""A board, pages and legal documents in every state the removal rules tell apart (editorial.deletion)."""

from pathlib import Path

from django.contrib.auth import get_user_model
from wagtail.models import Page

from editorial.board_file import load_board_file
from legal_docs.models import LegalDocument
from legal_docs.tests.factories import LegalDocumentFactory, LegalDocumentIndexPageFactory
from news.tests.factories import ArticlePageFactory, SectionPageFactory
from users.tests.factories import SuperuserFactory

BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: deputy, full_name: Trần Trung Định, roles: [standing_deputy]}
  - {username: deputy.docs, full_name: Nguyễn Thanh Vũ, roles: [deputy], sections: [van-ban]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: secretary2, full_name: Vũ Thị Duyệt, roles: [secretary]}
  - {username: author, full_name: Nguyễn Thị Viết, roles: [member], sections: [tin-tuc]}
  - {username: ctv, full_name: Đào Văn Góp, roles: [contributor], sections: [tin-tuc]}
  - {username: it, full_name: Phan Văn Kỹ, roles: [admin]}
"""
REASON = "Thông tin tuyển dụng năm 2023 đã hết hạn."


def make_board(home_page, tmp_path):
    """The news section, the legal-documents page (so this board moderates documents) and the board's people,
    with a superuser `root`."""
    news = SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    LegalDocumentIndexPageFactory(parent=home_page)
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    users = {user.username: user for user in get_user_model().objects.all()}
    users["root"] = SuperuserFactory(username="root")
    return news, users


def draft(section, owner, title="Bản nháp tin hội nghị"):
    """A never-submitted, never-live draft with one revision by its owner."""
    page = ArticlePageFactory(parent=section, title=title, owner=owner, live=False)
    page.save_revision(user=owner)
    return Page.objects.get(pk=page.pk).specific


def live(section, owner, title="Hội nghị xúc tiến đầu tư năm 2023"):
    """A page published through a revision (first and last publication dates set)."""
    page = draft(section, owner, title)
    page.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)
    return Page.objects.get(pk=page.pk).specific


def submitted(section, owner, title="Tin đã gửi duyệt"):
    page = draft(section, owner, title)
    page.get_workflow().start(page, owner)
    return Page.objects.get(pk=page.pk).specific


def live_document(number="15/2026/QĐ-UBND", editor=None):
    """A published legal document with a revision (as the board's workflow or the head leaves it)."""
    document = LegalDocumentFactory(number=number, live=False)
    document.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    return LegalDocument.objects.get(pk=document.pk)


def draft_document(author, number="16/2026/QĐ-UBND"):
    document = LegalDocumentFactory(number=number, live=False)
    document.save_revision(user=author)
    return LegalDocument.objects.get(pk=document.pk)


def act(obj, user, action="approve", comment=""):
    """Take the current step of obj's workflow as user (what the dashboard's buttons do)."""
    obj = type(obj).objects.get(pk=obj.pk)
    task_state = obj.current_workflow_task_state
    task = task_state.task.specific
    assert action in [name for name, _label, _form in task.get_actions(obj, user)], (user, task)
    task.on_action(task_state, user, action, comment=comment)


def text(response):
    return response.content.decode()

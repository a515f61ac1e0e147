"""The admin publishes directly only items taken from an official source, and each such publication is
recorded for the board's weekly report (docs/requirements.md, Direct publication)."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.board_file import load_board_file
from editorial.models import OfficialSource
from news.models import SectionPage
from news.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: admin, full_name: Lê Hoàng Trung, roles: [secretary, admin]}
  - {username: member, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
"""


@pytest.fixture
def setup(home_page, tmp_path):
    section = SectionPage(title="Tin tức", slug="tin-tuc")
    home_page.add_child(instance=section)
    path = Path(tmp_path) / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    load_board_file(path)
    return section, {user.username: user for user in get_user_model().objects.all()}


def test_the_admin_may_publish_only_official_source_items(setup):
    section, users = setup
    government = OfficialSource.objects.get(name="Cổng Thông tin điện tử Chính phủ")
    marked = ArticlePageFactory(parent=section, official_source=government)
    plain = ArticlePageFactory(parent=section)
    assert marked.permissions_for_user(users["admin"]).can_publish()
    assert not plain.permissions_for_user(users["admin"]).can_publish()
    assert plain.permissions_for_user(users["head"]).can_publish()
    assert not marked.permissions_for_user(users["member"]).can_publish()


def test_a_direct_publication_is_logged_for_the_weekly_report(setup):
    section, users = setup
    source = OfficialSource.objects.get(name="Báo Nhân Dân")
    article = ArticlePageFactory(parent=section, official_source=source, live=False)
    article.save_revision(user=users["admin"]).publish(user=users["admin"])
    entry = PageLogEntry.objects.get(action="editorial.official_source_publication")
    assert (
        entry.page_id == article.pk
        and entry.user == users["admin"]
        and entry.data["source"] == "Báo Nhân Dân"
    )
    other = ArticlePageFactory(parent=section, live=False)
    other.save_revision(user=users["head"]).publish(user=users["head"])
    assert PageLogEntry.objects.filter(action="editorial.official_source_publication").count() == 1


def test_the_admin_form_refuses_to_publish_an_unmarked_item(setup, client):
    section, users = setup
    article = ArticlePageFactory(parent=section, live=False)
    article.save_revision()
    client.force_login(users["admin"])
    fields = {
        "title": article.title,
        "slug": article.slug,
        "intro": article.intro,
        "author_name": article.author_name,
        "author_address": article.author_address,
        "classification": "unclassified",
        "body": streamfield([]),
        "tags": "",
        "comments": inline_formset([]),
        "action-publish": "1",
    }
    response = client.post(f"/admin/pages/{article.pk}/edit/", nested_form_data(fields))
    assert "chỉ được đăng trực tiếp tin, bài lấy từ nguồn chính thức" in response.content.decode()
    article.refresh_from_db()
    assert not article.live
    # Marked as taken from an official source (saved), it can then be published by the admin.
    source = OfficialSource.objects.get(name="Báo Nhân Dân")
    draft = {key: value for key, value in fields.items() if key != "action-publish"}
    client.post(f"/admin/pages/{article.pk}/edit/", nested_form_data({**draft, "official_source": source.pk}))
    client.post(
        f"/admin/pages/{article.pk}/edit/", nested_form_data({**fields, "official_source": source.pk})
    )
    article.refresh_from_db()
    assert article.live

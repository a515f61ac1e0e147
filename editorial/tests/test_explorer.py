"""The section explorer of a board member: what each row's buttons ask (editorial.permissions,
editorial.deletion) costs no query per live row, so that a section of thousands of articles lists at the same
speed as a small one (docs/benchmarks.md, Province scale)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.tests.removal_helpers import live, make_board
from news.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def explorer_queries(client, section):
    url = f"/admin/pages/{section.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_more_live_articles_cost_the_secretary_no_more_queries(client, home_page, tmp_path):
    news, users = make_board(home_page, tmp_path)
    for number in range(2):
        live(news, users["author"], f"Tin số {number}")
    client.force_login(users["secretary"])
    few = explorer_queries(client, news)
    for number in range(2, 12):
        live(news, users["author"], f"Tin số {number}")
    assert explorer_queries(client, news) == few


def test_a_live_page_stays_where_it_is_for_someone_who_may_not_publish(client, home_page, tmp_path):
    """The explorer's shortcut (BoardPagePermissionTester.live_beyond_reach) answers as Wagtail's own test
    did on every route that moves or deletes: the move chooser, the move confirmation by POST, the delete
    view; the head, who may publish, still moves it."""
    news, users = make_board(home_page, tmp_path)
    other = SectionPageFactory(parent=home_page, slug="thong-bao", title="Thông báo")
    page = live(news, users["author"])
    client.force_login(users["secretary"])

    def refused(response):  # Wagtail's admin sends a refused page action back to the dashboard
        return response.status_code == 403 or response.get("Location") == "/admin/"

    chooser = f"/admin/pages/{page.pk}/move/"
    assert refused(client.get(chooser)) and refused(client.post(chooser))
    assert refused(client.post(f"/admin/pages/{page.pk}/move/{other.pk}/confirm/"))
    assert refused(client.post(f"/admin/pages/{page.pk}/delete/"))
    page.refresh_from_db()
    assert page.get_parent().pk == news.pk and page.live
    assert not page.permissions_for_user(users["secretary"]).can_move()
    assert page.permissions_for_user(users["head"]).can_move()

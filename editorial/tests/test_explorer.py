"""The section explorer of a board member: what each row's buttons ask (editorial.permissions,
editorial.deletion) costs no query per live row, so that a section of thousands of articles lists at the same
speed as a small one (docs/benchmarks.md, Province scale)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.tests.removal_helpers import live, make_board

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

"""Script typed into any public search box or form comes back as text: on the public page, on the form shown
again with its errors, and on the admin pages where staff read what citizens sent."""

from urllib.parse import quote

import pytest

from feedback.enums import CommentStatus
from feedback.models import ConsultationComment, PageRating, Question
from feedback.single_use import fresh_token
from feedback.tests.factories import BOARD, guard_fields, load_question_board

from .conftest import API, PUBLIC_QUERIES, XSS_PAYLOADS, assert_escaped, injected_markup

pytestmark = pytest.mark.django_db
ALL_PAYLOADS = " ".join(XSS_PAYLOADS)  # 150 characters: fits every text field but the name
SHORT_PAYLOAD = XSS_PAYLOADS[0] + XSS_PAYLOADS[1]


def shown(response):
    """The page shows the payload in some form (so the test checks something) and nothing of it runs."""
    assert "alert(1)" in response.content.decode(), response.request["PATH_INFO"]
    assert_escaped(response)


@pytest.fixture
def board(portal, tmp_path):
    return load_question_board(tmp_path, BOARD)


def test_the_checker_finds_what_an_unescaped_payload_injects():
    for payload in XSS_PAYLOADS:
        assert injected_markup(f"<p>{payload}</p><a href='{payload}'>x</a>"), payload
    assert not injected_markup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><a href='/x'>x</a>")


@pytest.mark.parametrize("url", list(PUBLIC_QUERIES))
def test_every_search_box_and_filter_echoes_payloads_escaped(client, portal, url):
    for name in PUBLIC_QUERIES[url]:
        for payload in XSS_PAYLOADS:
            response = client.get(url, {name: payload})
            assert response.status_code in (200, 404), (url, name, payload, response.status_code)
            assert_escaped(response)


def test_the_search_pages_show_the_query_back_as_text(client, portal):
    for url in ("/tim-kiem/", "/van-ban/", "/hoi-dap/", "/thu-tuc-hanh-chinh/", "/lien-he/"):
        shown(client.get(url, {"q": ALL_PAYLOADS}))


def test_the_json_api_is_never_served_as_html(client, portal):
    for name in PUBLIC_QUERIES["/van-ban/"]:
        response = client.get(API, {name: XSS_PAYLOADS[0]})
        assert response["Content-Type"].startswith("application/json"), name
        assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize("path", ["/{}/", "/tin-tuc/the/{}/", "/van-ban/{}/", "/gop-y-du-thao/{}/"])
def test_a_payload_in_the_path_gives_an_escaped_404(client, portal, path):
    for payload in XSS_PAYLOADS:
        response = client.get(path.format(quote(payload, safe="")))
        assert response.status_code == 404
        assert_escaped(response)


# Forms: shown again with errors ---------------------------------------------------------------------------
def test_the_question_form_shown_again_with_errors_escapes_every_field(client, portal):
    values = {
        name: ALL_PAYLOADS for name in ("name", "address", "email", "phone", "field", "title", "content")
    }
    response = client.post("/hoi-dap/gui-cau-hoi/", {**values, **guard_fields()})
    assert response.status_code == 200 and not Question.objects.exists()
    shown(response)


def test_the_status_lookup_shown_again_escapes_its_fields(client, portal):
    response = client.post("/hoi-dap/tra-cuu/", {"code": XSS_PAYLOADS[1], "email": XSS_PAYLOADS[3]})
    assert response.status_code == 200
    shown(response)


def test_the_comment_form_shown_again_with_errors_escapes_every_field(client, portal):
    values = {name: ALL_PAYLOADS for name in ("name", "organisation", "email", "clause", "content")}
    response = client.post(portal.consultation.url, {**values, **guard_fields()})
    assert response.status_code == 200 and not ConsultationComment.objects.exists()
    shown(response)


def test_a_refused_rating_escapes_what_was_sent(client, portal):
    url = f"/danh-gia/bai-viet/{portal.article.pk}/"
    response = client.post(url, {"useful": ALL_PAYLOADS, "comment": "x" * 5000, **guard_fields()})
    assert response.status_code == 400 and not PageRating.objects.exists()
    assert_escaped(response)


# Forms: stored, then read by the public and by staff ------------------------------------------------------
def test_a_stored_question_is_escaped_on_the_thanks_page_and_in_the_inbox(client, portal, board):
    data = {
        "name": SHORT_PAYLOAD,
        "address": ALL_PAYLOADS,
        "email": "nguoi.hoi@example.vn",
        "field": str(portal.consultation.subject_area_id),
        "title": ALL_PAYLOADS,
        "content": ALL_PAYLOADS,
        "consent": "on",
        **guard_fields(),
    }
    response = client.post("/hoi-dap/gui-cau-hoi/", data)
    assert response.status_code == 200
    assert_escaped(response)
    question = Question.objects.get()
    assert question.title == ALL_PAYLOADS  # stored as typed: escaping is the templates' job
    client.force_login(board["secretary"])
    for url in ("/admin/hoi-dap/", f"/admin/hoi-dap/{question.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        shown(response)


def test_a_stored_comment_is_escaped_in_moderation_and_once_approved_on_the_page(client, portal, board):
    data = {
        "name": SHORT_PAYLOAD,
        "organisation": ALL_PAYLOADS,
        "email": "nguoi.gop.y@example.vn",
        "clause": ALL_PAYLOADS,
        "content": ALL_PAYLOADS,
        **guard_fields(),
    }
    response = client.post(portal.consultation.url, data, follow=True)
    assert response.status_code == 200
    assert_escaped(response)
    comment = ConsultationComment.objects.get()
    client.force_login(board["secretary"])
    for view in ("", "inspect/{}/", "edit/{}/"):
        response = client.get("/admin/gop-y-du-thao/" + view.format(comment.pk))
        assert response.status_code == 200, view
        shown(response)
    ConsultationComment.objects.filter(pk=comment.pk).update(status=CommentStatus.APPROVED)
    client.logout()
    shown(client.get(portal.consultation.url))


def test_a_rating_comment_is_escaped_on_the_thanks_page_and_in_the_report(client, portal, board):
    url = f"/danh-gia/bai-viet/{portal.article.pk}/"
    data = {"useful": "khong", "comment": ALL_PAYLOADS, "rating_once": fresh_token(), **guard_fields()}
    response = client.post(url, data)
    assert response.status_code == 200 and PageRating.objects.get().comment == ALL_PAYLOADS
    assert_escaped(response)
    client.force_login(board["head"])
    shown(client.get("/admin/bao-cao/danh-gia-trang/"))

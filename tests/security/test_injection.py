"""SQL-ish, path-traversal, oversized and odd Unicode input in any GET parameter of the public listings and
the JSON API is a 200, 400 or 404, never a server error; file URLs never serve a file outside their root."""

import json

import pytest
import wagtail_factories
from django.core.files.base import ContentFile

from documents.tests.factories import publish_on_its_own
from feedback.tests.factories import QuestionFactory
from organisation.models import Official

from .conftest import API, API_PARAMETERS, HOSTILE_STRINGS, PUBLIC_QUERIES, assert_not_a_server_error

pytestmark = pytest.mark.django_db
PASSWD = "root:x:0:0"


@pytest.mark.parametrize("url", list(PUBLIC_QUERIES))
def test_hostile_values_in_every_parameter_never_break_a_public_page(client, portal, url):
    """All of the page's parameters at once (a bad one is dropped, not fatal), then each on its own."""
    names = PUBLIC_QUERIES[url]
    for value in HOSTILE_STRINGS:
        assert_not_a_server_error(client.get(url, dict.fromkeys(names, value)), (url, value))
        for name in names:
            assert_not_a_server_error(client.get(url, {name: value}), (url, name, value))


def test_hostile_values_get_a_json_answer_from_the_api(client, portal):
    for value in HOSTILE_STRINGS:
        for params in (dict.fromkeys(API_PARAMETERS, value), *({name: value} for name in API_PARAMETERS)):
            response = client.get(API, params)
            assert response.status_code in (200, 400, 404), (params, response.status_code)
            json.loads(response.content)


def test_repeated_and_unknown_parameters_are_harmless(client, portal):
    for url in [*PUBLIC_QUERIES, API]:
        response = client.get(f"{url}?q=a&q=b&page=1&page=2&year=2024&year=x&__proto__[x]=1&a[]=1&")
        assert_not_a_server_error(response, url)


def test_the_officials_directory_sends_no_nul_byte_to_the_database(client, portal):
    """PostgreSQL answers a NUL byte in a query parameter with an error (a 500 on /lien-he/?q=%00): only the
    query's words reach the database, and the directory still finds the official."""
    query = Official.objects.matching_name("bình\x00 tran\x00")
    assert "\x00" not in str(query.query)
    assert [official.full_name for official in query] == ["Trần Văn Bình"]
    assert client.get("/lien-he/", {"q": "Bình\x00"}).status_code == 200


@pytest.fixture
def wagtail_document(db):
    document = wagtail_factories.DocumentFactory(title="Kế hoạch", file__filename="ke-hoach.pdf")
    publish_on_its_own(document)
    return document


TRAVERSALS = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "..\\..\\..\\etc\\passwd",
    "%00.pdf",
    "....//....//etc/passwd",
]


def test_document_urls_serve_only_the_document_itself(client, wagtail_document):
    own_url = wagtail_document.url
    assert client.get(own_url).status_code == 200
    for traversal in TRAVERSALS:
        response = client.get(f"/documents/{wagtail_document.pk}/{traversal}")
        assert response.status_code in (301, 302, 400, 403, 404), (traversal, response.status_code)
        if response.status_code in (301, 302):
            assert response["Location"].endswith(own_url), traversal
        assert PASSWD not in b"".join(getattr(response, "streaming_content", [response.content])).decode(
            errors="replace"
        )


def test_media_urls_never_leave_the_media_root(client, settings, portal):
    question = QuestionFactory(page=portal.question_index)
    question.attachment.save("don.pdf", ContentFile(b"%PDF-1.4\n% bi mat\n%%EOF\n"))
    private = settings.PRIVATE_MEDIA_ROOT
    outside = [
        *(f"/media/{traversal}" for traversal in TRAVERSALS),
        f"/media/../{private.name}/{question.attachment.name}",
        f"/media/..%2f{private.name}%2f{question.attachment.name}",
        f"/media/{private}/{question.attachment.name}",
        "/media//etc/passwd",
        "/media/%2fetc%2fpasswd",
    ]
    for url in outside:
        response = client.get(url)
        assert response.status_code in (400, 403, 404), (url, response.status_code)

"""Property-based fuzz of the search and filter parameters: whatever text, in whatever combination, the
document search, its JSON API and the Q&A list never answer with a server error, and the API always with
JSON. Deterministic (derandomized, no example database), so a CI run is repeatable."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import API, API_PARAMETERS, HOSTILE_STRINGS, PUBLIC_QUERIES, assert_not_a_server_error

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Plausible values next to arbitrary text, so that valid filters combine with broken ones.
PLAUSIBLE = ["", "1", "2", "2024", "15/03/2024", "2024-03-15", "newest", "oldest", "relevance", "in_force"]
PLAUSIBLE += ["quyet-dinh", "uy-ban-nhan-dan-tinh", "dau-tu-cong", "15/2024/QĐ-UBND", "Nguyễn Văn Minh"]
# Any Unicode but lone surrogates, which no browser can send in a URL.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
VALUE = st.one_of(TEXT, st.sampled_from(PLAUSIBLE + HOSTILE_STRINGS), st.integers().map(str))


def parameters(names):
    return st.dictionaries(st.sampled_from(names), VALUE, max_size=len(names))


@FUZZ
@given(params=parameters(PUBLIC_QUERIES["/van-ban/"]))
def test_the_document_search_never_fails(client, portal, params):
    assert_not_a_server_error(client.get("/van-ban/", params), params)


@FUZZ
@given(params=parameters(API_PARAMETERS))
def test_the_document_api_always_answers_json(client, portal, params):
    response = client.get(API, params)
    assert response.status_code in (200, 400, 404), (params, response.status_code)
    body = json.loads(response.content)
    assert ("results" in body) if response.status_code == 200 else ("errors" in body)


@FUZZ
@given(params=parameters(PUBLIC_QUERIES["/hoi-dap/"]))
def test_the_question_list_search_never_fails(client, portal, params):
    assert_not_a_server_error(client.get("/hoi-dap/", params), params)

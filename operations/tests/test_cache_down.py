"""Redis is a cache, never a condition of serving (operations/cache.py): stopped, paused or full, pages are
served uncached, questions are stored, /healthz says which part is down; and query parameters a page does not
read never create page-cache entries (operations/page_cache.py)."""

import logging
import uuid
from unittest import mock

import pytest
import redis
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from core.tests.factories import SubjectAreaFactory
from feedback.models import Question
from feedback.tests.factories import QuestionIndexPageFactory, guard_fields
from news.tests.factories import ArticlePageFactory, SectionPageFactory
from operations import cache as resilient
from operations.cache import ResilientCacheMixin

pytestmark = pytest.mark.django_db

ASK = "/hoi-dap/gui-cau-hoi/"
# Nothing listens on port 1: every connection is refused, as with a stopped Redis.
REDIS_DOWN = {
    "default": {
        "BACKEND": "operations.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
    }
}


class PausedCache(LocMemCache):
    """A Redis that accepts connections and never answers (SIGSTOP): every call times out."""

    def get(self, *args, **kwargs):
        raise redis.TimeoutError("Timeout reading from socket")

    get_many = set = add = incr = delete = has_key = touch = get


class FullCache(LocMemCache):
    """A Redis at maxmemory with noeviction: reads answer, every write is refused."""

    def set(self, *args, **kwargs):
        raise redis.ResponseError("OOM command not allowed when used memory > 'maxmemory'.")

    add = incr = set


class ResilientPaused(ResilientCacheMixin, PausedCache):
    pass


class ResilientFull(ResilientCacheMixin, FullCache):
    pass


def cache_settings(backend):
    return {"default": {"BACKEND": f"{__name__}.{backend.__name__}", "LOCATION": uuid.uuid4().hex}}


BROKEN = {
    "stopped": REDIS_DOWN,
    "paused": cache_settings(ResilientPaused),
    "full": cache_settings(ResilientFull),
}


@pytest.fixture
def article(home_page):
    news = SectionPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    return ArticlePageFactory(parent=news, title="Khai mạc hội chợ thương mại")


@pytest.fixture
def index(home_page):
    return QuestionIndexPageFactory(parent=home_page)


def question_data():
    field = SubjectAreaFactory(name="Đăng ký doanh nghiệp", slug="dang-ky-doanh-nghiep")
    return {
        "name": "Nguyễn Văn Bình",
        "address": "Số 7 đường Hùng Vương, phường Trung Tâm",
        "email": "binh.nv@example.vn",
        "phone": "0987 654 321",
        "field": str(field.pk),
        "title": "Thủ tục đăng ký hộ kinh doanh",
        "content": "Tôi muốn mở quán cà phê tại nhà thì cần giấy tờ gì, nộp ở đâu?",
        "consent": "on",
        **guard_fields(),
    }


def cache_warnings(caplog):
    return [record for record in caplog.records if record.name == "operations.cache"]


@pytest.mark.parametrize("state", BROKEN)
def test_pages_are_served_uncached_with_one_warning_when_the_cache_fails(
    client, settings, caplog, article, state
):
    settings.CACHES = BROKEN[state]
    settings.PAGE_CACHE_SECONDS = 600
    caplog.set_level(logging.WARNING)

    for url in ("/", article.url, "/", article.url):
        response = client.get(url)
        assert response.status_code == 200
        assert response.get("X-Cache") != "HIT"
    assert "Khai mạc hội chợ thương mại" in client.get(article.url).content.decode()

    # One failed call, then the process leaves the cache alone: an outage costs one timeout, not one per
    # cache call of every request.
    [warning] = cache_warnings(caplog)
    assert warning.levelno == logging.WARNING and "Cache unavailable" in warning.getMessage()


@pytest.mark.parametrize("state", BROKEN)
def test_a_question_is_stored_when_the_cache_fails(client, settings, caplog, index, state):
    settings.CACHES = BROKEN[state]
    caplog.set_level(logging.WARNING)
    assert client.get(ASK).status_code == 200

    response = client.post(ASK, question_data())

    assert response.status_code == 200
    assert Question.objects.count() == 1
    assert 'data-tracking-code="HD-' in response.content.decode()
    assert cache_warnings(caplog)


def test_the_rate_limit_fails_open_with_a_log_line(client, settings, caplog, index):
    settings.CACHES = REDIS_DOWN
    settings.FEEDBACK_RATE_LIMIT = "1/600"
    caplog.set_level(logging.WARNING)
    data = question_data()

    assert client.post(ASK, data).status_code == 200
    assert client.post(ASK, {**data, **guard_fields()}).status_code == 200

    assert Question.objects.count() == 2
    assert any("Rate limit of" in record.getMessage() for record in caplog.records)


def test_the_rate_limit_still_counts_when_the_cache_answers(client, settings, index):
    settings.FEEDBACK_RATE_LIMIT = "1/600"
    data = question_data()
    assert client.post(ASK, data).status_code == 200
    assert client.post(ASK, {**data, **guard_fields()}).status_code == 429


@pytest.mark.parametrize("state", BROKEN)
def test_healthz_is_503_json_naming_the_cache(client, settings, state):
    settings.CACHES = BROKEN[state]

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


def test_the_cache_is_tried_again_after_a_few_seconds(settings):
    settings.CACHES = cache_settings(ResilientPaused)
    with mock.patch.object(PausedCache, "get", side_effect=redis.TimeoutError) as get:
        assert cache.get("a") is None
        assert cache.get("b", "default") == "default"
        assert get.call_count == 1
        with mock.patch("operations.cache.time.monotonic", return_value=10**9):
            cache.get("c")
        assert get.call_count == 2


def test_incr_of_a_missing_key_is_still_a_value_error(settings, tmp_path):
    settings.CACHES = {
        "default": {"BACKEND": "operations.cache.ResilientFileBasedCache", "LOCATION": str(tmp_path)}
    }
    with pytest.raises(ValueError):
        cache.incr("missing")
    assert cache.available()


@pytest.mark.parametrize(
    "config, warned",
    [
        ({"maxmemory": "0", "maxmemory-policy": "noeviction"}, "no maxmemory"),
        ({"maxmemory": "268435456", "maxmemory-policy": "noeviction"}, "noeviction"),
        ({"maxmemory": "268435456", "maxmemory-policy": "allkeys-lru"}, None),
    ],
)
def test_start_up_warns_when_redis_has_no_limit_or_no_eviction(settings, caplog, config, warned):
    settings.CACHES = REDIS_DOWN
    caplog.set_level(logging.WARNING)
    with mock.patch("redis.Redis.config_get", return_value=config):
        resilient.warn_without_eviction()
    messages = [record.getMessage() for record in cache_warnings(caplog)]
    if warned:
        assert len(messages) == 1 and warned in messages[0]
    else:
        assert messages == []


def test_start_up_check_is_silent_without_redis(caplog):
    assert resilient.eviction_warning() is None


def test_start_up_check_says_when_redis_cannot_be_asked(settings):
    settings.CACHES = REDIS_DOWN
    assert "not checked" in resilient.eviction_warning()


# Query parameters ------------------------------------------------------------------------------------


@pytest.fixture
def file_cache(settings, tmp_path):
    settings.CACHES = {
        "default": {"BACKEND": "operations.cache.ResilientFileBasedCache", "LOCATION": str(tmp_path)}
    }
    settings.PAGE_CACHE_SECONDS = 600
    return tmp_path


def entries(location):
    return len(list(location.glob("*.djcache")))


def test_random_tracking_parameters_create_at_most_one_entry(client, file_cache, article):
    client.get(article.url)
    before = entries(file_cache)

    responses = [
        client.get(article.url, {f"utm_{uuid.uuid4().hex[:6]}": uuid.uuid4().hex}) for _ in range(50)
    ]

    assert all(response.status_code == 200 for response in responses)
    assert entries(file_cache) - before <= 1
    assert all(response.get("X-Cache") == "HIT" for response in responses)


def test_tracking_parameters_on_a_cold_cache_store_the_plain_page_once(client, file_cache, article):
    def visit():
        return client.get(article.url, {"utm_source": uuid.uuid4().hex, "fbclid": uuid.uuid4().hex})

    assert visit().get("X-Cache") != "HIT"
    after_first = entries(file_cache)  # the page, plus the generation and the layout's fragments

    assert all(visit().get("X-Cache") == "HIT" for _ in range(49))
    assert entries(file_cache) == after_first
    assert client.get(article.url).get("X-Cache") == "HIT"


def test_parameters_a_page_does_not_read_are_never_stored(client, file_cache, article):
    client.get(article.url)
    before = entries(file_cache)

    responses = [client.get(article.url, {uuid.uuid4().hex[:8]: "1"}) for _ in range(50)]

    assert all(response.status_code == 200 and response.get("X-Cache") != "HIT" for response in responses)
    assert entries(file_cache) == before


def test_parameters_a_page_reads_are_part_of_the_key(client, settings, article):
    settings.PAGE_CACHE_SECONDS = 600
    news = article.get_parent()
    client.get(news.url, {"page": "1"})
    assert client.get(news.url, {"page": "1"}).get("X-Cache") == "HIT"
    assert client.get(news.url, {"page": "1", "utm_medium": "email"}).get("X-Cache") == "HIT"
    assert client.get(news.url, {"page": "1", "other": "x"}).get("X-Cache") != "HIT"

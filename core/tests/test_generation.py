"""One content generation per request, and what each process keeps for it (core/generation.py)."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from core import generation
from core.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_page_reads_the_generation_from_the_cache_once(client, monkeypatch, home_page):
    page = StandardPageFactory(parent=home_page, slug="gioi-thieu")  # menu, breadcrumb, language links
    client.get(page.url)
    reads = []
    original = generation.cache.get_or_set

    def counted(key, *args, **kwargs):
        reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(generation.cache, "get_or_set", counted)
    assert client.get(page.url).status_code == 200

    assert reads.count(generation.KEY) == 1


def test_a_change_during_a_request_is_seen_by_the_rest_of_it_and_by_the_next(site):
    def view(request):
        before = generation.current()
        generation.renew()  # an editor's publish
        return HttpResponse(f"{before} {generation.current()}")

    before, during = generation.GenerationMiddleware(view)(RequestFactory().get("/")).content.decode().split()

    assert before != during
    assert generation.of_site(site.pk) == during


def test_what_a_process_keeps_is_built_once_per_generation_and_bounded(monkeypatch):
    built = []

    def build():
        built.append(1)
        return len(built)

    assert generation.remembered("test", 1, build=build) == generation.remembered("test", 1, build=build) == 1
    generation.renew()
    assert generation.remembered("test", 1, build=build) == 2

    monkeypatch.setattr(generation, "LOCAL_LIMIT", 2)
    generation.remembered("test", 2, build=build)
    generation.remembered("test", 3, build=build)  # over the limit: starts again
    assert generation.remembered("test", 1, build=build) == 5


def test_each_site_has_its_own_generation_and_the_shared_one_renews_them_all():
    first, second = generation.of_site(1), generation.of_site(2)
    assert first != second

    generation.renew([1])
    assert generation.of_site(1) != first and generation.of_site(2) == second

    first = generation.of_site(1)
    generation.renew()
    assert generation.of_site(1) != first and generation.of_site(2) != second


def test_a_request_reads_its_sites_generation(site):
    """Found from the request (any request, cached by the page cache or not: a logged-in editor's menu too),
    or as the page cache or a fragment says."""

    def view(request):
        before = generation.current()
        generation.for_site(2)
        return HttpResponse(f"{before} {generation.current()}")

    before, after = generation.GenerationMiddleware(view)(RequestFactory().get("/")).content.decode().split()

    assert before == generation.of_site(site.pk) != generation.shared()
    assert after == generation.of_site(2)


def test_what_a_process_keeps_for_one_site_survives_a_change_on_another():
    built = []

    def build():
        built.append(1)
        return len(built)

    kept = generation.remembered("test", build=build, generation=generation.of_site(1))
    generation.renew([2])
    assert generation.remembered("test", build=build, generation=generation.of_site(1)) == kept == 1
    generation.renew([1])
    assert generation.remembered("test", build=build, generation=generation.of_site(1)) == 2

"""WCAG 2.1 AA in a real browser: axe-core (npm, pinned in package-lock.json; `make test` installs it) run
inside Debian's chromium on the pages citizens use most, filled with the demo portal's content."""

from io import StringIO
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_JS = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
# aria-describedby and friends pointing at an id that is not on the page: axe only lists these as
# "needs review", yet a screen reader then reads nothing, so they count as failures here.
MISSING_IDREFS = """() => {
    const names = ['aria-describedby', 'aria-labelledby', 'aria-controls'];
    return [...document.querySelectorAll(names.map(name => `[${name}]`).join(','))].flatMap(el => names
        .flatMap(name => (el.getAttribute(name) || '').split(/\\s+/).filter(Boolean)
            .filter(id => !document.getElementById(id))
            .map(id => `${el.id || el.tagName}[${name}=${id}]`)));
}"""


@pytest.fixture
def axe_source():
    """Fails rather than skips: CI must run these tests."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `make axe` (npm ci) first.")
    return AXE_JS.read_text()


@pytest.fixture
def demo_portal(site):
    call_command("load_demo_portal", stdout=StringIO())
    return site


def problems(page, axe_source):
    """Serious and critical WCAG 2.1 A/AA violations and dangling ARIA id references on the current page.

    `evaluate` runs outside the page's Content-Security-Policy, which would block an injected <script>.
    """
    page.evaluate(axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    found = [
        f"{page.url}: {violation['impact']} {violation['id']} ({violation['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]
    found += [f"{page.url}: dangling ARIA reference {ref}" for ref in page.evaluate(MISSING_IDREFS)]
    return found


def path_of(url):
    return urlsplit(url).path


def test_public_pages_have_no_serious_wcag_violations(page, live_server, demo_portal, axe_source):
    from wagtail.models import Site

    from feedback.models import ConsultationPage
    from news.models import ArticlePage

    base = live_server.url
    home = Site.objects.get(is_default_site=True).root_page  # the live server answers the default site
    article = ArticlePage.objects.live().descendant_of(home).order_by("-first_published_at").first()
    consultation = next(c for c in ConsultationPage.objects.live() if c.status() == "dang-lay-y-kien")
    found = []

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base + "/")
    found += problems(page, axe_source)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base + "/")
    found += problems(page, axe_source)

    page.goto(base + path_of(article.full_url))
    expect(page.locator("h1")).to_have_text(article.title)
    found += problems(page, axe_source)

    page.goto(base + "/van-ban/?q=" + quote("đầu tư"))
    results = page.locator(".legal-result")
    expect(results.first).to_be_visible()
    found += problems(page, axe_source)
    with page.expect_navigation():
        results.first.get_by_role("link").first.click()
    expect(page.locator(".legal-result")).to_have_count(0)
    found += problems(page, axe_source)

    page.goto(base + path_of(consultation.full_url))
    expect(page.locator("#gop-y form")).to_be_visible()
    found += problems(page, axe_source)

    page.goto(base + "/hoi-dap/gui-cau-hoi/")
    found += problems(page, axe_source)
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.locator(".field-error").first).to_be_visible()
    found += problems(page, axe_source)

    assert not found, "\n".join(found)

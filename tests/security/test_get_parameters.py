"""No GET parameter of the portal, public or admin, answers with a server error, whatever its value.

The endpoints and their parameters are found, not listed by hand, so the fuzz keeps covering the code as
it grows: a breadth-first crawl of the portal (one of every listing, report and inbox, with a row each) as
an anonymous visitor from "/" and as a superuser from "/admin/" and every admin URL the resolver names,
collecting the GET forms' fields and the links' query strings; plus the parameters that views read but no
link shows. Each parameter then gets hostile values (emoji floods, huge numbers, impossible dates, NUL,
invalid UTF-8) alone and all of them together, and a derandomized hypothesis fuzz mixes them with text
and plausible values. Bad input must give a 400/404, a form error or an ignored filter (docs/operations.md,
Security).
"""

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Site

from editorial.reports import REPORTS
from users.tests.factories import SuperuserFactory

from .conftest import build_portal, build_staffed_portal

# One xdist worker runs the module (make test: --dist loadgroup), so that the crawl happens once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("get-parameters")]

ALLOWED = (200, 301, 302, 400, 403, 404)
# Never followed: signing out, anything that deletes or takes content down, file downloads, and the views
# that do something on GET by design (a preview renders, an export downloads; both are still fuzzed
# when a form or link names their parameters).
SKIP = re.compile(
    r"logout|/delete|unpublish|/remove|/revert|/disable|/enable|/lock|/unlock|/copy/|/move/|/convert_alias"
    r"|/workflow/|/restart|/cancel|/approve|/reject|/duyet|/tu-choi|/de-nghi-go|/tep|/download"
    r"|/bulk/|^/captcha/|^/media/|^/static/|^/documents/|^/tai-lieu/|^/django-admin/|^/admin/sprite|^/admin/jsi18n|^/admin/failwhale"
    r"|\.(pdf|docx?|xlsx?|odt|ods|csv|zip|jpe?g|png|gif|svg|webp|ico|css|js|xml|txt|ics)$",
    re.IGNORECASE,
)
# Not crawled (still fuzzed if a link names their parameters): the editing forms, which are POST forms and
# the slowest pages; the choosers they open are reached from the resolver's list.
FORMS = re.compile(r"/(add|new|edit|create|multiple|copy|move|usage|history|revisions|compare|preview)/")
CSRF = "csrfmiddlewaretoken"
# Rows a GET may add: the session, per-user and per-site defaults made on first read, image renditions, and
# the unconfirmed key the second-factor setup page offers (confirmed only by a POST).
LAZY = ("sessions.Session", "wagtailusers.UserProfile", "home.PortalSettings", "wagtailimages.Rendition")
LAZY += ("otp_totp.TOTPDevice", "captcha.CaptchaStore")
# Parameters that views read and no form or link shows (read from the views), by path.
SEEDED = {
    "/tim-kiem/": ["q", "page"],
    "/van-ban/": ["q", "page", "sort", "type", "issuer", "field", "status", "from", "to", "year"],
    "/tin-tuc/lich-cong-tac/": ["tuan"],
    "/gop-y-du-thao/": ["status", "field", "year", "page"],
    "/admin/pages/search/": ["q", "p", "ordering"],
    "/admin/gop-y-du-thao/": ["consultation", "q", "p", "ordering", "status"],
    "/admin/hoi-dap/": ["q", "p", "o", "status", "field"],
    "/admin/bao-cao/nhuan-but/": ["period", "month", "export"],
    "/admin/bao-cao/nhuan-but/results/": ["period", "month"],
    "/admin/bao-cao/tin-bai-thanh-vien/": ["period", "week", "month", "export"],
    "/admin/bao-cao/tin-bai-chuyen-muc/": ["period", "week", "month"],
    "/admin/bao-cao/thoi-han-duyet/": ["period", "week", "month"],
}
# What a broken crawl would miss: present, or the fuzz has lost ground.
MUST_HAVE = [
    ("/tim-kiem/", "q"),
    ("/van-ban/", "q"),
    ("/hoi-dap/", "field"),
    ("/du-an-dau-tu/", "status"),
    ("/thu-tuc-hanh-chinh/", "level"),
    ("/tin-tuc/lich-cong-tac/", "tuan"),
    ("/admin/pages/search/", "q"),
    ("/admin/gop-y-du-thao/", "consultation"),
    ("/admin/bao-cao/tin-bai-thanh-vien/", "period"),
    ("/admin/bao-cao/nhuan-but/", "period"),
    ("/admin/hoi-dap/", "q"),
    ("/admin/images/results/", "q"),
    ("/admin/documents/results/", "q"),
    ("/admin/users/results/", "q"),
]
EMOJI_FLOOD = quote("😀" * 3000)
# Raw query-string values: sent as they are, so that NUL and invalid UTF-8 reach Django undecoded.
HOSTILE = [
    EMOJI_FLOOD,
    str(10**30),
    "1e309",
    "2024-02-30",
    "31%2F02%2F2024",
    "0000-00-00",
    "0001-01",
    "9999-12",
    "9999-W53",
    "a%00b",
    "%FF%FE",
    "%ED%A0%80",
    "-1",
    "",
]


@dataclass
class Surface:
    """What the crawl found: path -> the parameter names it reads."""

    parameters: dict = field(default_factory=dict)
    visited: set = field(default_factory=set)

    def add(self, path, names):
        names = {name for name in names if name and name != CSRF}
        self.parameters.setdefault(path, set()).update(names)

    def pairs(self):
        return {(path, name) for path, names in self.parameters.items() for name in names}

    def endpoints(self):
        """(path, its parameter names), without a Wagtail listing's results/ view when its page takes the same
        parameters: both run the same filters, the page around the results only adds the layout."""
        return sorted(
            (path, sorted(names))
            for path, names in self.parameters.items()
            if names and not (path.endswith("/results/") and names <= self.parameters.get(path[:-8], set()))
        )


def shape(path):
    """One URL pattern per family of paths: the ids in path segments become a placeholder."""
    return re.sub(r"/(\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/|$)", "/<id>", path)


def same_host_path(base, url):
    url = urljoin("http://testserver" + base, url.strip())
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in ("testserver", None):
        return None, None
    return parts.path or "/", parts.query


def collect(surface, base, html):
    """The page's same-host links (to follow) and the GET parameters its forms and links name."""
    soup = BeautifulSoup(html, "lxml")
    links = []
    for form in soup.find_all("form"):
        if form.get("method", "get").lower() != "get":
            continue
        path, _query = same_host_path(base, form.get("action") or base)
        if path:
            fields = form.find_all(["input", "select", "textarea", "button"])
            surface.add(path, (element.get("name") for element in fields))
            links.append(path)
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            named = attribute in ("href", "src", "action", "formaction") or attribute.startswith("data-")
            if named and isinstance(value, str) and value.startswith(("/", "?", "http://testserver")):
                links.append(value)
    # The admin's menus come as JSON props for its scripts.
    for script in soup.find_all("script", type="application/json"):
        links += re.findall(r'"(/admin/[^"\s]*)"', script.string or "")
    found = []
    for link in links:
        path, query = same_host_path(base, link)
        if not path:
            continue
        names = [name for name, _value in parse_qsl(query, keep_blank_values=True)]
        if names and not SKIP.search(path):
            surface.add(path, names)
        found.append(path)
    return found


def admin_seeds(patterns=None, prefix=""):
    """Every admin URL the resolver names that takes no argument: the menus' pages, reports and inbox."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_seeds(pattern.url_patterns, route)
        elif route.startswith("admin/") and "<" not in route and not re.search(r"[\^$(\\]", route):
            yield "/" + route


def crawl(client, starts, prefix, limit=400):
    surface = Surface()
    queue = deque(starts)
    seen = set()
    while queue and len(seen) < limit:
        path = queue.popleft()
        if not path.startswith(prefix) or SKIP.search(path) or FORMS.search(path) or shape(path) in seen:
            continue
        seen.add(shape(path))
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        surface.visited.add(path)
        surface.add(path, ())
        queue.extend(collect(surface, path, response.content.decode()))
    for path, names in {**SEEDED, **report_seeds()}.items():
        if path.startswith(prefix):
            surface.add(path, names)
    return surface


def table_sizes():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def report_seeds():
    """The board reports' filters (each view's filterset) and Wagtail's export switch, by path."""
    seeds = {}
    for report in REPORTS:
        names = [*report.view.filterset_class.base_filters, "export", "ordering"]
        seeds[f"/admin/bao-cao/{report.slug}/"] = seeds[f"/admin/bao-cao/{report.slug}/results/"] = names
    return seeds


@pytest.fixture(scope="module")
def surfaces(django_db_setup, django_db_blocker, tmp_path_factory):
    """The portal with a row on every listing, crawled once for the module as an anonymous visitor and as a
    superuser (a crawl is most of this module's time). The rows live in a transaction that the module's
    end rolls back; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        home_page = Site.objects.get(is_default_site=True).root_page.specific
        build_staffed_portal(build_portal(home_page), tmp_path_factory.mktemp("board"))
        superuser = SuperuserFactory(username="quan.tri")
        client = Client()
        cache.clear()
        before = table_sizes()
        public = crawl(client, ["/"], "/")
        client.force_login(superuser)
        admin = crawl(client, ["/admin/", *admin_seeds()], "/admin/")
        after = table_sizes()
        changed = {name: (before[name], after[name]) for name in before if before[name] != after[name]}
        for lazily_created in LAZY:
            changed.pop(lazily_created, None)
        assert not changed, f"a GET changed data: {changed}"
        yield {"anonymous": (public, None), "superuser": (admin, superuser)}
        transaction.set_rollback(True)


def signed_in(surfaces, role):
    """A client for `role` that answers a server error with its 500 page, so that a test lists them all."""
    surface, user = surfaces[role]
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client, surface


def query(values):
    """A raw query string: the values are already percent-encoded (or deliberately broken)."""
    return "&".join(f"{quote(name)}={value}" for name, value in values.items())


def failure(client, path, values):
    """None, or what went wrong: the status and the start of the URL."""
    url = f"{path}?{query(values)}"
    status = client.get(url).status_code
    return None if status in ALLOWED else (status, url[:200])


def test_the_crawl_finds_the_known_parameters(surfaces):
    public, admin = surfaces["anonymous"][0], surfaces["superuser"][0]
    found = public.pairs() | admin.pairs()
    missing = [pair for pair in MUST_HAVE if pair not in found]
    assert not missing, missing
    assert len(public.visited) > 10
    assert len(admin.visited) > 50


@pytest.mark.parametrize("role", ["anonymous", "superuser"])
def test_every_parameter_takes_hostile_values(surfaces, role):
    """Each parameter alone with a hostile value, and all of an endpoint's parameters together, rotated so
    that each parameter meets every hostile value among the others."""
    client, surface = signed_in(surfaces, role)
    failures, turn = [], 0
    for path, names in surface.endpoints():
        for name in names if len(names) > 1 else ():  # one parameter: the rotations below cover it
            failures.append(failure(client, path, {name: HOSTILE[turn % len(HOSTILE)]}))
            turn += 1
        for shift in range(len(HOSTILE)):
            values = {name: HOSTILE[(index + shift) % len(HOSTILE)] for index, name in enumerate(names)}
            failures.append(failure(client, path, values))
    failures = [found for found in failures if found]
    assert not failures, "\n".join(f"{status} {url}" for status, url in failures)


# Arbitrary text (percent-encoded as a browser would), the hostile values raw, and plausible ones, so that
# valid filters meet broken ones.
PLAUSIBLE = ["1", "2", "2026", "2026-03", "2026-W10", "15/03/2026", "2026-03-15", "newest", "week"]
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200).map(lambda text: quote(text, safe=""))
VALUE = st.one_of(TEXT, st.sampled_from(HOSTILE + PLAUSIBLE), st.integers().map(str))


@pytest.mark.parametrize("role", ["anonymous", "superuser"])
def test_fuzz_every_endpoint(surfaces, role):
    """Hypothesis draws an endpoint and a mix of its parameters (derandomized: the same examples in every
    run, so that CI is repeatable)."""
    client, surface = signed_in(surfaces, role)
    endpoints = surface.endpoints()

    @settings(
        max_examples=150,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=st.data())
    def fuzz(data):
        path, names = data.draw(st.sampled_from(endpoints))
        values = data.draw(st.dictionaries(st.sampled_from(names), VALUE, min_size=1, max_size=len(names)))
        assert failure(client, path, values) is None

    fuzz()

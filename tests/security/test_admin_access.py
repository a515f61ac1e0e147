"""Every admin and staff URL, as the URL resolver lists them, refuses whoever may not use it: anonymous
visitors and signed-in users without admin access everywhere, board members without the role on the
board's reports, royalties, the questions inbox and comment moderation (with real objects)."""

import uuid
from urllib.parse import urlparse

import pytest
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import timezone

from editorial.models import BoardMember
from feedback.models import FieldResponsibility
from feedback.tests.factories import (
    ConsultationCommentFactory,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    QuestionFactory,
    QuestionIndexPageFactory,
    load_question_board,
)
from news.models import SectionPage
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from royalties.tests.factories import RoyaltyProposalFactory, RoyaltyRateFactory
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ADMIN_PREFIXES = ("admin/", "django-admin/")
OPEN_BY_DESIGN = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/django-admin/login/",
    "/admin/jsi18n/",  # the admin's translations and icons: the login page needs them
    "/admin/sprite/",
    "/django-admin/logout/",
)
REFUSAL_VIEWS = (
    "wagtailadmin_login",
    "admin:login",
    "wagtailadmin_home",
    "two_factor_verify",
    "two_factor_setup",
)
BOARD = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: member, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
  - {username: ctv, full_name: Đỗ Thị Cộng Tác, roles: [contributor], sections: [tin-tuc]}
"""


def admin_endpoints(patterns=None, prefix="", namespace=(), params=()):
    """(route, view name, URL parameter names) of every named URL under the admin prefixes."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        names = tuple(getattr(pattern.pattern, "converters", {})) or tuple(pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
            yield from admin_endpoints(pattern.url_patterns, route, inner, params + names)
        elif pattern.name and route.startswith(ADMIN_PREFIXES):
            yield route, ":".join((*namespace, pattern.name)), params + names


def concrete_url(view_name, params, ids):
    """The endpoint's URL with each parameter filled: the id of a real object where one is given."""
    for value in (ids, "1", str(uuid.UUID(int=1))):
        kwargs = {name: (value.get(name, "1") if isinstance(value, dict) else value) for name in params}
        try:
            return reverse(view_name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None


def all_admin_urls(ids=None):
    urls = {concrete_url(view_name, params, ids or {}) for _route, view_name, params in admin_endpoints()}
    urls.discard(None)
    return sorted(urls)


def refusal_pages():
    """Where a refused request may be sent: a sign-in page, the dashboard (Wagtail's own refusals) or the
    second factor, when the two-factor step is installed."""
    pages = set()
    for name in REFUSAL_VIEWS:
        try:
            pages.add(reverse(name))
        except NoReverseMatch:
            continue
    return pages


def refused(response, url):
    """403 or 404 (405 for a POST-only view), or a redirect to a refusal page: never the protected page."""
    if response.status_code in (403, 404, 405):
        return True
    target = urlparse(response.get("Location", "")).path
    return response.status_code == 302 and target != url and target in refusal_pages()


@pytest.fixture
def board(home_page, tmp_path):
    SectionPageFactory(parent=home_page, slug="tin-tuc")
    return load_question_board(tmp_path, BOARD)


@pytest.fixture
def objects(board, home_page):
    """One real object behind each of the board's URLs: a question with an attachment, a comment, a
    royalty proposal on a published article, a field duty."""
    section = SectionPage.objects.get(slug="tin-tuc")
    article = publish(ArticlePageFactory(parent=section, owner=board["member"]), timezone.now())
    question = QuestionFactory(page=QuestionIndexPageFactory(parent=home_page))
    question.attachment.save("don.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    consultation = ConsultationPageFactory(parent=ConsultationIndexPageFactory(parent=home_page))
    comment = ConsultationCommentFactory(consultation=consultation)
    comment.attachment.save("y-kien.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    proposal = RoyaltyProposalFactory(
        page=article, proposed_by=board["secretary"], category=RoyaltyRateFactory(name="Tin")
    )
    duty = FieldResponsibility.objects.create(
        member=BoardMember.objects.get(user=board["member"]), field=question.field
    )
    return {"question": question, "comment": comment, "proposal": proposal, "duty": duty, "article": article}


def board_urls(objects):
    """Each board URL with the id of the real object it is about."""
    by_prefix = {
        "/admin/hoi-dap/": objects["question"].pk,
        "/admin/hoi-dap-phan-cong/": objects["duty"].pk,
        "/admin/gop-y-du-thao/": objects["comment"].pk,
        "/admin/nhuan-but/": objects["proposal"].pk,
        "/admin/bao-cao/": objects["article"].pk,
    }
    urls = []
    for prefix, pk in by_prefix.items():
        ids = {"pk": str(pk), "instance_pk": str(pk), "page_id": str(pk)}
        urls += [url for url in all_admin_urls(ids) if url.startswith(prefix)]
    return sorted(set(urls))


def test_the_resolver_lists_the_whole_admin():
    urls = all_admin_urls()
    assert len(urls) > 300
    for url in ("/admin/", "/admin/bao-cao/nhuan-but/", "/admin/hoi-dap/1/tep-dinh-kem/", "/django-admin/"):
        assert url in urls, url


def opened(client, urls):
    """The URLs among `urls` that this client is not refused, with their status."""
    answers = ((url, client.get(url)) for url in urls)
    return [(url, response.status_code) for url, response in answers if not refused(response, url)]


def protected_admin_urls():
    """Every admin URL but signing in and out and resetting a password, which are open by design."""
    return [url for url in all_admin_urls() if not url.startswith(OPEN_BY_DESIGN)]


def test_an_anonymous_visitor_is_refused_everywhere_in_the_admin(client, objects):
    assert not opened(client, protected_admin_urls())


def test_a_signed_in_user_without_admin_access_is_refused_everywhere(client, objects):
    user = UserFactory(username="nguoi.dan")
    assert not user.has_perm("wagtailadmin.access_admin")
    client.force_login(user)
    assert not opened(client, protected_admin_urls())


@pytest.mark.parametrize("role", ["ctv", "member"])
def test_board_views_refuse_contributors_and_members_even_for_real_objects(client, board, objects, role):
    """Contributors and members have admin access (they write) but neither read the reports, nor decide
    royalties, nor handle the inbox or moderate comments: each such URL is refused, with a real object.
    A member answers the questions routed to them, so their inbox opens, without anyone else's question."""
    user = board[role]
    assert user.has_perm("wagtailadmin.access_admin")
    client.force_login(user)
    urls = board_urls(objects)
    assert len(urls) > 30
    inbox = reverse("hoi-dap_modeladmin_index")
    assert not opened(client, [url for url in urls if role == "ctv" or url != inbox])
    if role == "member":
        response = client.get(inbox)
        assert response.status_code == 200
        assert objects["question"].title not in response.content.decode()


def test_the_real_objects_are_reachable_by_the_board(client, board, objects):
    """The same URLs with the same ids work for the roles that own them: the refusals above are not 404s
    for want of an object."""
    client.force_login(board["secretary"])
    for url in (
        f"/admin/hoi-dap/{objects['question'].pk}/",
        f"/admin/hoi-dap/{objects['question'].pk}/tep-dinh-kem/",
        f"/admin/gop-y-du-thao/inspect/{objects['comment'].pk}/",
        f"/admin/gop-y-du-thao/tep/{objects['comment'].pk}/",
        f"/admin/nhuan-but/inspect/{objects['proposal'].pk}/",
        "/admin/bao-cao/tin-bai-thanh-vien/",
    ):
        assert client.get(url).status_code == 200, url
    client.force_login(board["head"])
    assert client.get(f"/admin/nhuan-but/duyet/{objects['proposal'].pk}/").status_code == 200

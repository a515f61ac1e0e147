"""Only what the public sees starts a new generation, and only for the sites that show it
(operations/invalidation.py)."""

import datetime

import pytest
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageLogEntry, Site

from core import generation
from core.tests.factories import (
    HomePageFactory,
    PortalSettingsFactory,
    StandardPageFactory,
    SubjectAreaFactory,
)
from editorial.models import BoardMember, EditorialBoard, HeadDelegation
from feedback.tests.factories import (
    ConsultationCommentFactory,
    ConsultationPageFactory,
    PageRatingFactory,
    QuestionFactory,
    QuestionIndexPageFactory,
)
from legal_docs.tests.factories import LegalDocumentFactory
from news.tests.factories import ArticlePageFactory, SectionPageFactory
from operations.tests.factories import MaintenanceNoticeFactory
from organisation.models import OrganisationUnit
from organisation.tests.factories import OfficialFactory, OrganisationUnitFactory
from schedule.tests.factories import ScheduleEntryFactory
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=False)

HOST_B = "so-b.example.vn"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def site_b(root_page):
    home = HomePageFactory(parent=root_page, title="Trang chủ B", slug="trang-chu-b")
    return Site.objects.create(hostname=HOST_B, port=80, root_page=home, site_name="Sở B")


@pytest.fixture
def article(home_page):
    news = SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")
    return ArticlePageFactory(parent=news, title="Khai mạc hội chợ thương mại")


class Generations:
    """The generation of each site, before and after a change."""

    def __init__(self, *sites):
        self.sites = sites
        self.before = self.now()

    def now(self):
        return [generation.of_site(site.pk) for site in self.sites]

    def renewed(self):
        return [before != now for before, now in zip(self.before, self.now(), strict=True)]


def test_citizens_the_board_and_drafts_renew_no_site(site, site_b, home_page, article):
    index = QuestionIndexPageFactory(parent=home_page)
    consultation = ConsultationPageFactory(parent=home_page)
    user = UserFactory()
    field = SubjectAreaFactory()  # a shared list: made before, its creation renews every site
    generations = Generations(site, site_b)

    QuestionFactory(page=index, field=field)  # a citizen's question
    ConsultationCommentFactory(consultation=consultation)  # a comment waiting for moderation
    PageRatingFactory(item=article)  # a rating
    board = EditorialBoard.objects.create(site=site)
    member = BoardMember.objects.create(board=board, user=user, roles=["secretary"])
    member.active = False
    member.save()
    today = datetime.date.today()
    HeadDelegation.objects.create(board=board, delegate=user, starts_on=today, ends_on=today, reason="Họp")
    article.title = "Bản nháp chưa duyệt"
    article.save_revision(user=user)  # a draft save
    PageLogEntry.objects.log_action(article, "wagtail.edit", user=user)  # an audit row
    StandardPageFactory(parent=home_page, live=False)  # a new page not yet published

    assert generations.renewed() == [False, False]


def test_a_question_leaves_the_cached_home_page_in_the_cache(client, site, home_page):
    index = QuestionIndexPageFactory(parent=home_page)
    field = SubjectAreaFactory()
    client.get("/")
    assert client.get("/").get("X-Cache") == "HIT"
    QuestionFactory(page=index, field=field)
    assert client.get("/").get("X-Cache") == "HIT"


def test_a_publish_on_one_site_renews_it_and_not_the_other(client, site, site_b, article):
    client.get("/", HTTP_HOST=HOST_B)
    generations = Generations(site, site_b)

    article.title = "Tiêu đề mới"
    article.save_revision().publish()

    assert generations.renewed() == [True, False]
    assert client.get("/", HTTP_HOST=HOST_B).get("X-Cache") == "HIT"


def test_an_unpublish_and_a_delete_renew_the_site_of_the_page(site, site_b, article):
    generations = Generations(site, site_b)
    article.unpublish()
    assert generations.renewed() == [True, False]

    generations = Generations(site, site_b)
    Page.objects.get(pk=article.pk).delete()  # no longer public: its deletion shows nowhere
    assert generations.renewed() == [False, False]

    live = StandardPageFactory(parent=site.root_page)
    generations = Generations(site, site_b)
    Page.objects.get(pk=live.pk).delete()
    assert generations.renewed() == [True, False]


def test_a_move_renews_the_site_it_left_and_the_site_it_joined(site, site_b, article):
    generations = Generations(site, site_b)
    article.move(site_b.root_page, pos="last-child")
    assert generations.renewed() == [True, True]


def test_a_shared_snippet_renews_every_site(site, site_b):
    generations = Generations(site, site_b)
    LegalDocumentFactory(shared=True)
    assert generations.renewed() == [True, True]


def test_a_sites_own_record_renews_that_site(site, site_b):
    """Schedule entries, officials and units belong to one site (core/sites.py)."""
    changes = {
        "schedule": lambda: ScheduleEntryFactory(site=site_b),
        "unit": lambda: OrganisationUnitFactory(site=site_b),
        "official": lambda: OfficialFactory(unit=OrganisationUnit.objects.get(site=site_b)),
    }
    for name, change in changes.items():
        generations = Generations(site, site_b)
        change()
        assert generations.renewed() == [False, True], name


def test_a_moderated_snippet_renews_its_site_on_publish_and_unpublish_not_on_a_draft(site, site_b):
    """A legal document belongs to one site (core/sites.py): the other site's pages stay cached."""
    document = LegalDocumentFactory(site=site_b)
    generations = Generations(site, site_b)
    document.summary = "Bản nháp"
    document.save_revision()
    assert generations.renewed() == [False, False]

    document.save_revision().publish()
    assert generations.renewed() == [False, True]

    generations = Generations(site, site_b)
    document.unpublish()
    assert generations.renewed() == [False, True]


def test_a_notice_for_one_site_renews_that_site(site, site_b):
    generations = Generations(site, site_b)
    MaintenanceNoticeFactory(site=site_b, live=True)
    assert generations.renewed() == [False, True]

    generations = Generations(site, site_b)
    MaintenanceNoticeFactory(site=None, live=True)
    assert generations.renewed() == [True, True]


def test_settings_renew_their_site_and_a_site_change_renews_every_site(site, site_b):
    settings_b = PortalSettingsFactory(site=site_b)  # created: nothing shows it yet
    generations = Generations(site, site_b)
    settings_b.phone = "0218 3 999 999"
    settings_b.save()
    assert generations.renewed() == [False, True]

    generations = Generations(site, site_b)
    site_b.site_name = "Sở B mới"
    site_b.save()
    assert generations.renewed() == [True, True]


def test_a_file_edit_renews_every_site_a_new_upload_none(site, site_b):
    generations = Generations(site, site_b)
    image = Image.objects.create(title="Ảnh", file=get_test_image_file())
    assert generations.renewed() == [False, False]

    image.title = "Ảnh đã sửa"
    image.save()
    assert generations.renewed() == [True, True]


def test_approving_a_comment_renews_the_site_of_its_consultation(site, site_b, home_page):
    comment = ConsultationCommentFactory(consultation=ConsultationPageFactory(parent=home_page))
    generations = Generations(site, site_b)
    comment.status = "approved"
    comment.save()
    assert generations.renewed() == [True, False]

    generations = Generations(site, site_b)
    comment.status = "rejected"
    comment.save()
    assert generations.renewed() == [True, False]


def test_each_site_is_cached_under_its_own_generation(site, site_b, article):
    visitor = Client()
    for host in ("localhost", HOST_B):
        visitor.get("/", HTTP_HOST=host)
        assert visitor.get("/", HTTP_HOST=host).get("X-Cache") == "HIT"
    article.save_revision().publish()
    assert visitor.get("/", HTTP_HOST="localhost").get("X-Cache") != "HIT"
    assert visitor.get("/", HTTP_HOST=HOST_B).get("X-Cache") == "HIT"

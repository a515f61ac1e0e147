"""Classified content (Mật and above) never reaches the public site: not by the Publish button, a workflow,
a schedule, nor the admin forms."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from documents.classification import ClassifiedPublicationError
from documents.enums import Classification
from legal_docs.tests.factories import LegalDocumentFactory
from news.models import SectionPage
from news.tests.factories import ArticlePageFactory
from users.tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    section = SectionPage(title="Tin tức", slug="tin-tuc")
    home_page.add_child(instance=section)
    return section


def classified_draft(section):
    article = ArticlePageFactory(parent=section, title="Kế hoạch bảo vệ bí mật", live=False)
    article.classification = Classification.CONFIDENTIAL
    return article


def test_publishing_a_classified_revision_is_refused_and_nothing_goes_live(section, client):
    article = classified_draft(section)
    revision = article.save_revision()
    with pytest.raises(ClassifiedPublicationError, match="Mật"):
        revision.publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get(f"/tin-tuc/{article.slug}/").status_code == 404


def test_reclassifying_a_live_article_cannot_be_published(section):
    article = ArticlePageFactory(parent=section)
    article.save_revision().publish()
    article.classification = Classification.TOP_SECRET
    with pytest.raises(ClassifiedPublicationError):
        article.save_revision().publish()
    assert Page.objects.get(pk=article.pk).specific.classification == Classification.UNCLASSIFIED


def test_a_scheduled_classified_revision_never_goes_live(section):
    article = classified_draft(section)
    article.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    article.save_revision(approved_go_live_at=article.go_live_at)
    with pytest.raises(ClassifiedPublicationError):
        call_command("publish_scheduled")
    assert not Page.objects.get(pk=article.pk).live


def test_a_classified_legal_document_cannot_be_published():
    document = LegalDocumentFactory(number="12/QĐ-UBND", live=False)
    document.classification = Classification.CONFIDENTIAL
    with pytest.raises(ClassifiedPublicationError):
        document.save_revision().publish()
    document.refresh_from_db()
    assert not document.live


def test_the_admin_form_refuses_to_publish_a_classified_article(section, client):
    client.force_login(SuperuserFactory())
    article = ArticlePageFactory(parent=section)
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "intro": article.intro,
            "author_name": article.author_name,
            "author_address": article.author_address,
            "classification": Classification.CONFIDENTIAL,
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 200  # the form comes back with the error
    assert "không được gửi duyệt hay đăng" in response.content.decode()
    assert Page.objects.get(pk=article.pk).specific.classification == Classification.UNCLASSIFIED

"""Files follow their items (docs/requirements.md, Files): a file is served to the public only while a live,
public, unclassified item uses it, or while the board has published it on its own; every other URL of it is a
404 for the public, at /documents/<id>/<name> and under /media/. Staff who may see the file still get it."""

import subprocess
import sys

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.tests.factories import StandardPageFactory, body_of
from documents.access import is_public
from legal_docs.models import DocumentFile
from legal_docs.tests.factories import (
    LegalDocumentFactory,
    LegalDocumentIndexPageFactory,
    document_type,
    issuer,
)
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from users.tests.factories import SuperuserFactory, UserFactory

from . import files
from .factories import publish_on_its_own
from .stamped import vietnamese_pdf

pytestmark = pytest.mark.django_db
LEGAL_EDIT_URL = "/admin/snippets/legal_docs/legaldocument/edit/{}/"


def stored(name="ke-hoach.pdf", data=None):
    return wagtail_factories.DocumentFactory(
        title=name, file__filename=name, file__data=data or files.pdf("Ke hoach cong tac nam 2026")
    )


def attachment(document):
    return body_of(("document", {"document": document.pk, "title": "Kế hoạch"}))


def served(client, document):
    """Status of the file at its Wagtail URL and at its direct media path."""
    return client.get(document.url).status_code, client.get(f"/media/{document.file.name}").status_code


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")


def live_article(section, document, **kwargs):
    return publish(ArticlePageFactory(parent=section, body=attachment(document), **kwargs))


# What stays private ------------------------------------------------------------------------------------
def test_a_draft_pages_attachment_is_not_found(client, section):
    document = stored()
    ArticlePageFactory(parent=section, live=False, body=attachment(document))
    assert ReferenceIndex.get_references_to(document).exists()  # used, but by a draft
    assert served(client, document) == (404, 404)


def test_an_unpublished_legal_documents_file_is_not_found(client):
    document = stored("qd-12.pdf")
    legal = LegalDocumentFactory(number="12/QĐ-UBND", live=False)
    legal.files = [DocumentFile(document=document)]
    legal.save()
    assert served(client, document) == (404, 404)


def test_a_stamped_file_is_not_found_even_on_a_live_page(client, home_page):
    """A file stored before uploads refused stamps, on a live page that has no classification field."""
    document = stored("cong-van-mat.pdf", vietnamese_pdf("MẬT", "SỞ NỘI VỤ", "Kế hoạch năm 2026"))
    StandardPageFactory(parent=home_page, body=attachment(document))
    assert served(client, document) == (404, 404)


def test_a_file_used_only_by_a_classified_item_is_not_found(client, section):
    document = stored()
    ArticlePageFactory(parent=section, body=attachment(document), classification="confidential")
    assert served(client, document) == (404, 404)


def test_a_file_used_only_under_a_view_restriction_is_not_found(client, section):
    document = stored()
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    live_article(section, document)
    assert served(client, document) == (404, 404)


def test_a_file_nobody_uses_is_not_found(client):
    assert served(client, stored()) == (404, 404)


def test_a_published_file_still_in_draft_is_not_found(client):
    document = stored()
    publication = publish_on_its_own(document)
    publication.unpublish()
    assert served(client, document) == (404, 404)


# What is public -----------------------------------------------------------------------------------------
def test_a_file_of_a_live_public_article_is_served_only_through_wagtail(client, section):
    document = stored()
    live_article(section, document)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == document.file.open("rb").read()
    # Never straight from the media folder, which knows nothing of the items.
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(f"/media/images/../{document.file.name}").status_code == 404


def test_a_file_the_board_published_on_its_own_is_served(client):
    document = stored("mau-don.odt", files.odt())
    publish_on_its_own(document)
    assert served(client, document) == (200, 404)


def test_a_file_of_a_live_legal_document_is_served(client):
    document = stored("qd-13.pdf")
    legal = LegalDocumentFactory(number="13/QĐ-UBND", live=False)
    legal.files = [DocumentFile(document=document)]
    legal.save_revision().publish()
    assert served(client, document) == (200, 404)


# Drafts of live items ----------------------------------------------------------------------------------
def legal_document_form(legal, document, **actions):
    return nested_form_data(
        {
            "site": legal.site_id,
            "number": legal.number,
            "doc_type": document_type("Quyết định").pk,
            "issuer": issuer("Ủy ban nhân dân tỉnh").pk,
            "issued_on": "2026-03-12",
            "effective_on": "2026-03-12",
            "status": "in_force",
            "summary": legal.summary,
            "classification": "unclassified",
            "files": inline_formset([{"document": document.pk, "title": "Toàn văn"}]),
            "relations": inline_formset([]),
            **actions,
        }
    )


def test_a_file_added_in_a_draft_of_a_live_legal_document_stays_private_until_published(client):
    """Wagtail's snippet edit view keeps a live object's row as published and puts the edit in a revision
    (wagtail.actions.edit.EditAction), so the reference index, built from the row, does not see the file."""
    legal = LegalDocumentFactory(number="14/QĐ-UBND")
    legal.save_revision().publish()
    document = stored("qd-14.pdf")
    editor = client_for(SuperuserFactory())
    response = editor.post(LEGAL_EDIT_URL.format(legal.pk), legal_document_form(legal, document))
    assert response.status_code == 302
    legal.refresh_from_db()
    assert legal.live and legal.has_unpublished_changes
    assert not legal.files.exists()  # the live row
    assert [f.document_id for f in legal.get_latest_revision_as_object().files.all()] == [document.pk]
    assert served(client, document) == (404, 404)
    assert document.url not in client.get("/api/van-ban/").content.decode()

    editor.post(
        LEGAL_EDIT_URL.format(legal.pk), legal_document_form(legal, document, **{"action-publish": "1"})
    )
    assert served(client, document) == (200, 404)


def article_form(article, body, **actions):
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "intro": article.intro,
            "author_name": article.author_name,
            "author_address": article.author_address,
            "classification": "unclassified",
            "body": streamfield(body),
            "tags": "",
            "comments": inline_formset([]),
            **actions,
        }
    )


def test_a_file_linked_in_a_draft_of_a_live_article_stays_private(client, section):
    article = publish(ArticlePageFactory(parent=section))
    document = stored()
    html = f'<p>Xem <a linktype="document" id="{document.pk}">kế hoạch</a>.</p>'
    body = [("paragraph", rich_text(html, features=["link", "document-link"]))]
    editor = client_for(SuperuserFactory())
    response = editor.post(f"/admin/pages/{article.pk}/edit/", article_form(article, body))
    assert response.status_code == 302
    assert Page.objects.get(pk=article.pk).specific.has_unpublished_changes
    assert served(client, document) == (404, 404)


# Listings ------------------------------------------------------------------------------------------------
def test_no_public_listing_gives_the_url_of_a_file_of_an_unpublished_item(client, home_page, section):
    """Feeds, site maps, search and the legal-documents API list live items and their live files only."""
    LegalDocumentIndexPageFactory(parent=home_page)
    of_draft = stored("nhap.pdf")
    ArticlePageFactory(parent=section, live=False, title="Hội nghị nháp", body=attachment(of_draft))
    of_unpublished = stored("qd-15.pdf")
    unpublished = LegalDocumentFactory(number="15/QĐ-UBND", live=False)
    unpublished.files = [DocumentFile(document=of_unpublished)]
    unpublished.save()
    of_draft_revision = stored("qd-16.pdf")
    live = LegalDocumentFactory(number="16/QĐ-UBND")
    live.save_revision().publish()
    live.files = [DocumentFile(document=of_draft_revision)]
    live.save_revision()  # a draft of the live document; its row keeps no file
    public = stored("cong-khai.pdf")
    article = live_article(section, public, title="Hội nghị công khai")
    private_urls = [of_draft.url, of_unpublished.url, of_draft_revision.url]

    urls = [
        "/sitemap.xml",
        "/so-do-trang/",
        f"{section.url}rss/",
        "/tim-kiem/?q=hoi+nghi",
        "/api/van-ban/",
        "/api/van-ban/?q=16/QĐ-UBND",
        "/van-ban/",
        "/van-ban/rss/",
        "/van-ban/16-qd-ubnd/",
        article.url,
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert not [private for private in private_urls if private in content], url
    assert public.url in client.get(article.url).content.decode()  # the live item's own file is listed
    assert client.get("/van-ban/15-qd-ubnd/").status_code == 404
    for document in (of_draft, of_unpublished, of_draft_revision):
        assert client.get(document.url).status_code == 404


def test_staff_with_permission_on_another_collection_get_404(section):
    document = stored()
    other = Collection.get_first_root_node().add_child(name="Xã Tân Lập")
    assert client_for(staff_with("choose_document", other)).get(document.url).status_code == 404


# Staff --------------------------------------------------------------------------------------------------
def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def staff_with(codename, collection):
    group = Group.objects.create(name=f"Thư viện tệp ({codename})")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupCollectionPermission.objects.create(
        group=group,
        collection=collection,
        permission=Permission.objects.get(codename=codename, content_type__app_label="wagtaildocs"),
    )
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.mark.parametrize("codename", ["choose_document", "add_document", "change_document"])
def test_staff_with_a_document_permission_still_get_a_private_file(section, codename):
    document = stored()
    ArticlePageFactory(parent=section, live=False, body=attachment(document))
    response = client_for(staff_with(codename, document.collection)).get(document.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


def test_a_superuser_gets_a_private_file_but_never_through_the_media_folder(section):
    document = stored()
    superuser = client_for(SuperuserFactory())
    assert served(superuser, document) == (200, 404)


def test_a_signed_in_user_without_document_permission_gets_404(section):
    document = stored()
    ArticlePageFactory(parent=section, live=False, body=attachment(document))
    assert client_for(UserFactory()).get(document.url).status_code == 404


# Changes are seen at once ---------------------------------------------------------------------------------
def test_a_file_is_not_found_again_as_soon_as_its_page_is_unpublished(client, section, settings):
    settings.PAGE_CACHE_SECONDS = 600  # the anonymous page cache is on, as in production
    document = stored()
    article = live_article(section, document)
    first = client.get(document.url)
    assert first.status_code == 200
    # No shared cache (CDN, proxy) keeps it; browsers ask again every time.
    assert first["Cache-Control"] == "private, no-cache"
    assert client.get(document.url).status_code == 200
    article.unpublish()
    assert client.get(document.url).status_code == 404


def test_a_file_is_not_found_once_a_new_revision_without_it_is_published(client, section):
    document = stored()
    article = live_article(section, document)
    assert is_public(document)
    article.body = body_of(("paragraph", rich_text("<p>Đã thay tệp.</p>")))
    article.save_revision().publish()
    assert not is_public(document)
    assert client.get(document.url).status_code == 404


# Images --------------------------------------------------------------------------------------------------
def test_an_original_image_is_never_served_but_its_renditions_are(client):
    image = wagtail_factories.ImageFactory()
    rendition = image.get_rendition("fill-10x10")
    assert client.get(rendition.url).status_code == 200
    for url in (
        f"/media/{image.file.name}",
        f"/media/images/../{image.file.name}",
        f"/media//{image.file.name}",
        f"/media/./{image.file.name}",
    ):
        assert client.get(url).status_code == 404, url


# Production: nginx sends the file after the portal's check -------------------------------------------------
def test_behind_nginx_the_file_is_handed_to_an_internal_location(client, section, settings):
    settings.SENDFILE_BACKEND = "documents.accel_redirect"
    settings.SENDFILE_URL = "/tep-noi-bo/"
    private = stored("nhap.pdf")
    assert client.get(private.url).status_code == 404
    public = stored("cong-khai.pdf")
    live_article(section, public)
    response = client.get(public.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/tep-noi-bo/{public.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"


def test_production_settings_turn_x_accel_redirect_on_from_the_environment():
    from tests.test_settings import CLEAN, REPO

    show = (
        "import django; from django.conf import settings as s; django.setup(); "
        "print(s.SENDFILE_BACKEND, s.SENDFILE_URL)"
    )
    env = {**CLEAN, "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": "k" * 50}
    result = subprocess.run(
        [sys.executable, "-c", show],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "SENDFILE_URL": "/tep-noi-bo/"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["documents.accel_redirect", "/tep-noi-bo/"]

"""Upload rights per site (editorial.collections): each site has its own library (collection) of images and
documents; the board's roles upload and choose files there and see no other site's library; a file an item
uses is not deleted."""

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, Page, Site

from core.tests.factories import HomePageFactory
from documents.models import PortalDocument
from documents.tests import files
from editorial.collections import FILE_IN_USE, OTHER_LIBRARY
from editorial.tests.report_helpers import load_board
from news.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db
Image = get_image_model()
PROVINCE = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: secretary, full_name: Lê Hoàng Trung, roles: [secretary]}
  - {username: ctv, full_name: Đỗ Mạnh Hùng, roles: [contributor], sections: [tin-tuc]}
  - {username: member, full_name: Hoàng Thị Lan, roles: [member], sections: [tin-tuc]}
"""
COMMUNE = """
site: xa-tan-lap.localhost
members:
  - {username: xa.head, full_name: Nguyễn Thị Hòa, roles: [head]}
  - {username: xa.member, full_name: Phạm Thị An, roles: [member], sections: [tin-tuc]}
"""
PROVINCE_LIBRARY = "Cổng thông tin điện tử"
COMMUNE_LIBRARY = "UBND xã Tân Lập"


def png(name="anh.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return files.upload(name, buffer.getvalue())


@pytest.fixture
def sites(home_page, tmp_path):
    section = SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    commune_home = HomePageFactory(parent=Page.get_first_root_node(), slug="xa-tan-lap", title="Xã Tân Lập")
    Site.objects.create(hostname="xa-tan-lap.localhost", root_page=commune_home, site_name=COMMUNE_LIBRARY)
    SectionPageFactory(parent=commune_home, slug="tin-tuc", title="Tin tức xã")
    load_board(PROVINCE, tmp_path, "tinh.yaml")
    users = load_board(COMMUNE, tmp_path, "xa.yaml")
    libraries = {collection.name: collection for collection in Collection.objects.filter(depth=2)}
    commune_image = Image.objects.create(
        title="Ảnh chợ phiên xã Tân Lập", file=png("cho-phien.png"), collection=libraries[COMMUNE_LIBRARY]
    )
    commune_document = PortalDocument.objects.create(
        title="Kế hoạch của xã Tân Lập",
        file=ContentFile(files.pdf("Ke hoach"), name="ke-hoach.pdf"),
        collection=libraries[COMMUNE_LIBRARY],
    )
    return {
        "section": section,
        "users": users,
        "libraries": libraries,
        "commune_image": commune_image,
        "commune_document": commune_document,
    }


def text_of(response):
    """The answer's text; a chooser's JSON answer (which escapes non-ASCII) decoded."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def held(group_name):
    return sorted(
        (gcp.collection.name, gcp.permission.codename)
        for gcp in GroupCollectionPermission.objects.filter(group__name=group_name).select_related(
            "collection", "permission"
        )
    )


def test_the_board_file_gives_each_site_its_library_and_each_role_its_rights_there(home_page, tmp_path):
    from editorial.board_file import load_board_file

    path = tmp_path / "tinh.yaml"
    SectionPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    path.write_text(PROVINCE, encoding="utf-8")
    outcome = load_board_file(path)
    assert f"tạo thư viện ảnh, tệp «{PROVINCE_LIBRARY}»" in outcome.changes
    assert (
        f"{PROVINCE_LIBRARY} · Cộng tác viên: thêm quyền add_image, choose_image, add_document, "
        f"choose_document trên thư viện «{PROVINCE_LIBRARY}»"
    ) in outcome.changes
    library = Collection.objects.get(name=PROVINCE_LIBRARY)
    assert library.get_parent() == Collection.get_first_root_node()
    writes = ["add_document", "add_image", "choose_document", "choose_image"]
    edits = sorted([*writes, "change_document", "change_image"])
    for role, expected in (("Cộng tác viên", writes), ("Thành viên", writes), ("Thư ký", edits)):
        assert held(f"{PROVINCE_LIBRARY} · {role}") == [(PROVINCE_LIBRARY, name) for name in expected]
    assert held(f"{PROVINCE_LIBRARY} · Trưởng ban") == [(PROVINCE_LIBRARY, name) for name in edits]
    assert not GroupCollectionPermission.objects.filter(permission__codename__startswith="delete_").exists()

    assert load_board_file(path).changes == []
    # A right given by hand on another collection is taken back: the roles work in their site's library.
    elsewhere = Collection.get_first_root_node().add_child(name="Thư viện khác")
    GroupCollectionPermission.objects.create(
        group=Group.objects.get(name=f"{PROVINCE_LIBRARY} · Cộng tác viên"),
        collection=elsewhere,
        permission=Permission.objects.get(codename="choose_image"),
    )
    again = load_board_file(path)
    assert again.changes == [f"{PROVINCE_LIBRARY} · Cộng tác viên: bỏ quyền choose_image (Thư viện khác)"]


@pytest.mark.parametrize("role", ["ctv", "member"])
def test_a_writer_uploads_an_image_and_a_document_into_their_sites_library_and_chooses_them(
    sites, client, role
):
    client.force_login(sites["users"][role])
    response = client.post(reverse("wagtailimages:add"), {"title": "Ảnh hội nghị", "file": png()})
    assert response.status_code == 302
    image = Image.objects.get(title="Ảnh hội nghị")
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Báo cáo quý", "file": files.upload("bao-cao.pdf", files.pdf("Bao cao quy"))},
    )
    assert response.status_code == 302
    document = PortalDocument.objects.get(title="Báo cáo quý")
    library = sites["libraries"][PROVINCE_LIBRARY]
    assert image.collection == library and document.collection == library
    assert "Ảnh hội nghị" in text_of(client.get(reverse("wagtailimages_chooser:choose")))
    assert "Báo cáo quý" in text_of(client.get(reverse("wagtaildocs_chooser:choose")))
    chosen = client.get(reverse("wagtailimages_chooser:chosen", args=[image.pk]))
    assert chosen.status_code == 200 and chosen.json()["result"]["id"] == str(image.pk)
    # The bulk uploader puts files in the same library; naming another site's library is refused.
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": png("nhieu.png")})
    assert response.json()["success"] and Image.objects.get(title="nhieu.png").collection == library
    other = sites["libraries"][COMMUNE_LIBRARY]
    client.post(reverse("wagtailimages:add_multiple"), {"files[]": png("xa.png"), "collection": other.pk})
    assert not Image.objects.filter(collection=other, title="xa.png").exists()


@pytest.mark.parametrize("role", ["ctv", "member", "head"])
def test_no_other_sites_library_in_choosers_listings_or_upload_forms(sites, client, role):
    client.force_login(sites["users"][role])
    for name in (
        "wagtailimages:index",
        "wagtailimages:add",
        "wagtailimages:add_multiple",
        "wagtailimages_chooser:choose",
        "wagtaildocs:index",
        "wagtaildocs:add",
        "wagtaildocs:add_multiple",
        "wagtaildocs_chooser:choose",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        text = text_of(response)
        for other in (COMMUNE_LIBRARY, "Ảnh chợ phiên", "Kế hoạch của xã"):
            assert other not in text, (name, other)


def test_a_direct_url_of_another_sites_file_is_refused_with_the_reason(sites, client):
    client.force_login(sites["users"]["ctv"])
    image, document = sites["commune_image"], sites["commune_document"]
    for url in (
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtailimages:delete", args=[image.pk]),
        reverse("wagtailimages:image_usage", args=[image.pk]),
        reverse("wagtailimages:url_generator", args=[image.pk]),
        reverse("wagtailimages_chooser:chosen", args=[image.pk]),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs:delete", args=[document.pk]),
        reverse("wagtaildocs_chooser:chosen", args=[document.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        title = image.title if "image" in url else document.title
        assert OTHER_LIBRARY.format(file=title) in response.content.decode(), url
    image.refresh_from_db()
    assert client.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Đổi"}).status_code == 403
    image.refresh_from_db()
    assert image.title == "Ảnh chợ phiên xã Tân Lập"
    client.force_login(sites["users"]["xa.head"])
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200  # the commune's own


def test_a_file_an_item_uses_is_not_deleted_an_unused_own_upload_is(sites, client):
    users, library = sites["users"], sites["libraries"][PROVINCE_LIBRARY]
    used = Image.objects.create(
        title="Ảnh của tin đã đăng", file=png("dang.png"), collection=library, uploaded_by_user=users["ctv"]
    )
    ArticlePageFactory(parent=sites["section"], title="Tin có ảnh", main_image=used)
    client.force_login(users["head"])  # who may change every file of the library
    response = client.get(reverse("wagtailimages:delete", args=[used.pk]))
    assert response.status_code == 403
    assert FILE_IN_USE.format(file=used.title) in response.content.decode()
    client.post(reverse("wagtailimages:delete", args=[used.pk]))
    bulk = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"]) + f"?id={used.pk}"
    assert "đang được tin, bài hoặc văn bản sử dụng thì không xóa được" in client.get(bulk).content.decode()
    client.post(bulk)
    client.force_login(users["ctv"])  # its uploader
    client.post(reverse("wagtailimages:delete", args=[used.pk]))
    assert Image.objects.filter(pk=used.pk).exists()

    unused = Image.objects.create(
        title="Ảnh tải nhầm", file=png("nham.png"), collection=library, uploaded_by_user=users["ctv"]
    )
    assert client.post(reverse("wagtailimages:delete", args=[unused.pk])).status_code == 302
    assert not Image.objects.filter(pk=unused.pk).exists()

"""Each site's own library of images and documents: a Wagtail collection per site, where the board's roles
upload and choose files, seeing no other site's library: rights stop at each site's border
(docs/requirements.md, Province and component portals).

`setup_editorial_board` creates the collection (a child of the root collection, named after the site, as the
board's groups are) and gives each role group its rights on it, and none on any other collection:

- every role that writes items (all the board's roles) adds files and chooses them. Wagtail lets whoever
  added a file also edit it, as long as they own it;
- only the roles that edit every item of the site (head, secretariat, admin) change any file of the library:
  changing a file that others' items use changes those items;
- nobody gets delete_image / delete_document: files follow their items and are archived with them. Wagtail
  treats deleting as changing, so the portal's policy for images and documents (FilePermissionPolicy) refuses
  to delete a file that an item uses, on every route (delete view, bulk action, multiple upload).
"""

from django.contrib.auth.models import Permission
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Collection, GroupCollectionPermission, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from .enums import Role

WRITE = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
EDIT = ["wagtailimages.change_image", "wagtaildocs.change_document"]
EDITS_EVERY_ITEM = (Role.HEAD, Role.SECRETARY, Role.ADMIN)
FILE_PERMISSIONS = {role: WRITE + (EDIT if role in EDITS_EVERY_ITEM else []) for role in Role}
FILE_IN_USE = (
    "Không xóa được «{file}»: tệp đang được tin, bài hoặc văn bản sử dụng. Tệp đi theo nội dung dùng nó "
    "(gỡ, lưu trữ cùng nội dung qua Ban biên tập), không xóa riêng."
)
OTHER_LIBRARY = "«{file}» thuộc thư viện ảnh, tệp của trang khác: bạn chỉ dùng được ảnh, tệp của trang mình."


def site_label(site):
    return site.site_name or site.hostname


def site_collection(site, changes=None):
    """The site's collection, created under the root collection when missing (and noted in `changes`)."""
    root = Collection.get_first_root_node()
    name = site_label(site)
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=name))
        if changes is not None:
            changes.append(f"tạo thư viện ảnh, tệp «{name}»")
    return collection


def sync_file_permissions(site, role_groups):
    """Each role group holds exactly its FILE_PERMISSIONS on the site's collection and nothing on any other
    collection. Returns the changes, in the board file's words."""
    changes = []
    collection = site_collection(site, changes)
    permissions = {
        qualified(permission): permission
        for permission in Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"]
        ).select_related("content_type")
    }
    for role, group in role_groups.items():
        wanted = {(collection.pk, name) for name in FILE_PERMISSIONS[role]}
        held = {
            (gcp.collection_id, qualified(gcp.permission)): gcp
            for gcp in GroupCollectionPermission.objects.filter(group=group).select_related(
                "permission__content_type", "collection"
            )
        }
        extra = [held[key] for key in sorted(held.keys() - wanted)]
        if extra:
            GroupCollectionPermission.objects.filter(pk__in=[gcp.pk for gcp in extra]).delete()
            removed = ", ".join(f"{gcp.permission.codename} ({gcp.collection.name})" for gcp in extra)
            changes.append(f"{group.name}: bỏ quyền {removed}")
        missing = [name for name in FILE_PERMISSIONS[role] if (collection.pk, name) not in held]
        if missing:
            GroupCollectionPermission.objects.bulk_create(
                GroupCollectionPermission(group=group, collection=collection, permission=permissions[name])
                for name in missing
            )
            codenames = ", ".join(name.split(".")[1] for name in missing)
            changes.append(f"{group.name}: thêm quyền {codenames} trên thư viện «{collection.name}»")
    return changes


def qualified(permission):
    return f"{permission.content_type.app_label}.{permission.codename}"


def delete_refusal(user, file):
    """Why `user` may not delete an image or document, or None. A superuser decides alone; for everyone
    else a file that any item uses stays (Wagtail's own rights decide the rest)."""
    if user.is_superuser:
        return None
    if ReferenceIndex.get_references_to(file).exists():
        return FILE_IN_USE.format(file=file.title)
    return None


class FilePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's rights on images and documents (per collection, an uploader edits their own files), except
    that a file an item uses is deleted by no one but a superuser."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if "delete" in actions and delete_refusal(user, instance):
            actions = [action for action in actions if action != "delete"]
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_file_policies():
    """In AppConfig.ready(): exact-class policies win over the ones Wagtail's images and documents apps
    register for their base models."""
    for model, name, auth_model in (
        (get_image_model(), get_image_model_string(), "wagtailimages.Image"),
        (get_document_model(), get_document_model_string(), "wagtaildocs.Document"),
    ):
        policy = FilePermissionPolicy(name, auth_model=auth_model, owner_field_name="uploaded_by_user")
        register_permission_policy(model, policy, exact_class=True)

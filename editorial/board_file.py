"""The board file (YAML): members, roles and sections of one site's editorial board, turned into accounts,
groups and page permissions.

Loading is all or nothing and idempotent: the whole file is checked first (every problem reported in
Vietnamese), then written in one transaction; loading the same file again changes nothing. Passwords are
never in the file: a new account gets an unusable password and a one-time link to set its own.
"""

from dataclasses import dataclass, field

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import (
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from core.text import normalize
from documents.models import PublishedFile
from legal_docs.models import LegalDocument, LegalDocumentIndexPage

from .collections import sync_file_permissions
from .enums import Role
from .models import (
    BoardMember,
    EditorialBoard,
    HeadTask,
    SecretariatTask,
    SectionAssignment,
    SectionDeputyTask,
)
from .staffing import staffing_warnings

BOARD_FILE_ACTION = "editorial.board_file"
# Page permissions on the whole site, per role. Only the head publishes; everyone else goes through the
# workflow (Wagtail's Publish button ignores workflows for whoever holds publish permission).
SITE_PERMISSIONS = {
    Role.HEAD: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.SECRETARY: ["add_page", "change_page", "lock_page"],
    # The admin's publish permission only covers official-source items (editorial.permissions).
    Role.ADMIN: ["add_page", "change_page", "publish_page"],
}
# Other permissions per role ("app_label.codename"): the head records who acts in their place.
MODEL_PERMISSIONS = {
    Role.HEAD: [
        "editorial.add_headdelegation",
        "editorial.change_headdelegation",
        "editorial.delete_headdelegation",
        "editorial.view_headdelegation",
    ],
    # The secretariat keeps its own site's leaders' weekly schedule, officials and units (core/sites.py).
    Role.SECRETARY: [
        f"{app}.{action}_{model}"
        for app, model in (
            ("schedule", "scheduleentry"),
            ("organisation", "organisationunit"),
            ("organisation", "official"),
        )
        for action in ("add", "change", "delete", "view")
    ],
}


def _legal_document(*actions):
    return [f"legal_docs.{action}_legaldocument" for action in actions]


def _published_file(*actions):
    return [f"documents.{action}_publishedfile" for action in actions]


# Legal documents are snippets; each belongs to a site and is moderated by that site's board (core/sites.py
# keeps each board to its site's documents). The roles mirror the page permissions: the head publishes; so
# does the admin, because a non-classified legal document is an official source (docs/requirements.md, Direct
# publication); everyone else goes through the workflow (a workflow does not stop whoever holds the publish
# permission).
LEGAL_DOCUMENT_PERMISSIONS = {
    Role.HEAD: _legal_document("add", "change", "publish", "lock", "unlock"),
    Role.SECRETARY: _legal_document("add", "change", "lock"),
    Role.ADMIN: _legal_document("add", "change", "publish"),
}
# A file published on its own (documents.PublishedFile; docs/requirements.md, Files) is a global snippet
# moderated by one board (legal_documents_site) with the same rights, except that the admin does not publish
# it: it is no official source, so it goes through the workflow.
PUBLISHED_FILE_PERMISSIONS = {
    Role.HEAD: _published_file("add", "change", "publish", "lock", "unlock"),
    Role.SECRETARY: _published_file("add", "change", "lock"),
    Role.ADMIN: _published_file("add", "change"),
}
# ... and whoever answers for the legal-documents section (/van-ban/) writes documents too.
SECTION_LEGAL_DOCUMENT_PERMISSIONS = _legal_document("add", "change")
MANAGED_MODEL_PERMISSIONS = {
    name
    for permissions in (
        *MODEL_PERMISSIONS.values(),
        *LEGAL_DOCUMENT_PERMISSIONS.values(),
        *PUBLISHED_FILE_PERMISSIONS.values(),
    )
    for name in permissions
} | set(SECTION_LEGAL_DOCUMENT_PERMISSIONS)
# Page permissions of the members who answer for a section, on that section's subtree.
SECTION_PERMISSIONS = ["add_page", "change_page"]
SLA_ROLES = {"secretary": "secretary_sla_days", "deputy": "deputy_sla_days", "head": "head_sla_days"}


class BoardFileError(Exception):
    """The file cannot be loaded; `problems` lists every reason, in Vietnamese."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Entry:
    username: str
    full_name: str
    email: str = ""
    position: str = ""
    unit: str = ""
    phone: str = ""
    roles: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    approves: list = field(default_factory=list)
    fields: list = None  # fields (lĩnh vực) whose citizens' questions the member answers; None: key absent


@dataclass
class Outcome:
    board: EditorialBoard = None
    changes: list = field(default_factory=list)
    new_accounts: list = field(default_factory=list)  # (user, set-password URL)
    warnings: list = field(default_factory=list)  # paths distinct people cannot staff (editorial.staffing)

    def __str__(self):
        if not self.changes:
            return f"{self.board}: không có thay đổi."
        return f"{self.board}: {len(self.changes)} thay đổi.\n" + "\n".join(f"- {c}" for c in self.changes)


def load_board_file(path, actor=None):
    """Check the file, then write it; raises BoardFileError (nothing written) when anything is wrong."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise BoardFileError([f"Không đọc được tệp {path}: {error}"]) from error
    site, sla, entries = _check(data)
    with transaction.atomic():
        return _Writer(site, sla, entries, actor).run()


def set_up_board(site, actor=None):
    """A new site's board before it has members: its role groups, its library's permissions and its
    workflow, so that what the site's people write waits for the board from the start (a component portal,
    portal/component_portals.py). The members come with the board file. Returns the Outcome."""
    with transaction.atomic():
        return _Writer(site, {}, [], actor).run()


# Checking -----------------------------------------------------------------------------------------------
def _check(data):
    problems = []
    if not isinstance(data, dict) or not isinstance(data.get("members"), list):
        raise BoardFileError(["Tệp phải có khóa 'members' là danh sách thành viên."])
    site = _find_site(data.get("site"), problems)
    sla = _check_sla(data.get("sla_days") or {}, problems)
    entries, seen = [], set()
    for number, raw in enumerate(data["members"], start=1):
        where = f"Thành viên thứ {number}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: phải là một mục có username, full_name, roles.")
            continue
        entry = _entry(raw, where, problems)
        if entry is None:
            continue
        if entry.username in seen:
            problems.append(f"{where}: tên đăng nhập '{entry.username}' bị lặp.")
        seen.add(entry.username)
        if site:
            entry.sections = [_find_section(site, path, where, problems) for path in entry.sections]
            entry.approves = [_find_section(site, path, where, problems) for path in entry.approves]
        if entry.fields is not None:
            entry.fields = _find_fields(entry.fields, where, problems)
        entries.append(entry)
    if not problems and not any(Role.HEAD in entry.roles for entry in entries):
        problems.append("Ban biên tập phải có một Trưởng ban (vai trò head).")
    if problems:
        raise BoardFileError(problems)
    return site, sla, entries


def _find_site(key, problems):
    sites = Site.objects.all()
    if key:
        matches = [site for site in sites if key in (site.hostname, site.site_name)]
    else:
        matches = [site for site in sites if site.is_default_site]
    if len(matches) != 1:
        problems.append(f"Không tìm thấy trang '{key or 'mặc định'}' (khóa 'site': tên trang hoặc tên miền).")
        return None
    return matches[0]


def _check_sla(raw, problems):
    if not isinstance(raw, dict):
        problems.append("'sla_days' phải có dạng {secretary: 1, deputy: 1, head: 2}.")
        return {}
    sla = {}
    for role, days in raw.items():
        if role not in SLA_ROLES:
            problems.append(f"'sla_days': không có bước '{role}' (chỉ secretary, deputy, head).")
        elif not isinstance(days, int) or not 0 < days <= 30:
            problems.append(f"'sla_days.{role}': số ngày làm việc phải từ 1 đến 30.")
        else:
            sla[SLA_ROLES[role]] = days
    return sla


def _entry(raw, where, problems):
    username, full_name = str(raw.get("username") or "").strip(), normalize(str(raw.get("full_name") or ""))
    if not username or not full_name:
        problems.append(f"{where}: thiếu username hoặc full_name.")
        return None
    roles = raw.get("roles") or []
    unknown = [role for role in roles if role not in Role.values]
    if not isinstance(roles, list) or not roles or unknown:
        problems.append(
            f"{where} ({username}): vai trò không hợp lệ {unknown or roles}; dùng {', '.join(Role.values)}."
        )
        return None
    text = {key: normalize(str(raw.get(key) or "")) for key in ("email", "position", "unit", "phone")}
    return Entry(
        username=username,
        full_name=full_name,
        roles=list(dict.fromkeys(roles)),
        sections=list(raw.get("sections") or []),
        approves=list(raw.get("approves") or []),
        fields=list(raw.get("fields") or []) if "fields" in raw else None,
        **text,
    )


def _find_section(site, path, where, problems):
    """A page below the site root, by path ("tin-tuc/hoat-dong") or by a slug unique in the site."""
    root = site.root_page
    path = str(path).strip("/")
    page = Page.objects.filter(url_path=f"{root.url_path}{path}/").first()
    if page is None and "/" not in path:
        candidates = list(Page.objects.descendant_of(root).filter(slug=path)[:2])
        page = candidates[0] if len(candidates) == 1 else None
    if page is None:
        problems.append(
            f"{where}: không có chuyên mục '{path}' trên trang {site.site_name or site.hostname}."
        )
    return page


def _find_fields(slugs, where, problems):
    """The fields (lĩnh vực, home.SubjectArea) named by their slugs."""
    from core.models import SubjectArea

    found = {area.slug: area for area in SubjectArea.objects.filter(slug__in=[str(slug) for slug in slugs])}
    for slug in slugs:
        if str(slug) not in found:
            problems.append(f"{where}: không có lĩnh vực '{slug}' (khóa 'fields': đường dẫn của lĩnh vực).")
    return list(found.values())


# Writing ------------------------------------------------------------------------------------------------
class _Writer:
    def __init__(self, site, sla, entries, actor):
        self.site, self.sla, self.entries, self.actor = site, sla, entries, actor
        self.outcome = Outcome()
        self.label = site.site_name or site.hostname
        self.moderates_published_files = site == legal_documents_site()

    def run(self):
        board, created = EditorialBoard.objects.get_or_create(site=self.site)
        if created:
            self.outcome.changes.append("lập ban biên tập")
        for name, days in {**{v: getattr(board, v) for v in SLA_ROLES.values()}, **self.sla}.items():
            if getattr(board, name) != days:
                setattr(board, name, days)
                board.save(update_fields=[name])
                self.outcome.changes.append(f"{board._meta.get_field(name).verbose_name}: {days}")
        self.outcome.board = board
        role_groups = {role: self.role_group(role) for role in Role}
        # The site's library of images and documents, where its roles upload files (editorial.collections).
        self.outcome.changes += sync_file_permissions(self.site, role_groups)
        section_groups = {}
        kept = set()
        for entry in self.entries:
            user = self.account(entry)
            member = self.seat(board, user, entry)
            kept.add(member.pk)
            wanted = {role_groups[Role(role)] for role in entry.roles}
            for section in {*entry.sections, *entry.approves}:
                if section.pk not in section_groups:
                    section_groups[section.pk] = self.section_group(section)
                wanted.add(section_groups[section.pk])
            self.assign(member, entry)
            for apply in hooks.get_hooks("apply_board_file_entry"):  # e.g. feedback/board_file.py
                self.outcome.changes += apply(member, entry)
            self.set_groups(user, wanted)
        self.deactivate(board, kept)
        self.workflow(board)
        if self.outcome.changes:
            log(board, BOARD_FILE_ACTION, user=self.actor, data={"changes": self.outcome.changes[:200]})
        self.outcome.warnings = staffing_warnings(board)
        return self.outcome

    def board_groups(self):
        return Group.objects.filter(name__startswith=f"{self.label} · ")

    def role_group(self, role):
        group = self.group(f"{self.label} · {role.label}")
        self.sync_page_permissions(group, self.site.root_page, SITE_PERMISSIONS.get(role, []))
        files = PUBLISHED_FILE_PERMISSIONS.get(role, []) if self.moderates_published_files else []
        legal = LEGAL_DOCUMENT_PERMISSIONS.get(role, [])
        self.sync_model_permissions(group, [*MODEL_PERMISSIONS.get(role, []), *legal, *files])
        return group

    def section_group(self, section):
        path = section.url_path[len(self.site.root_page.url_path) :].strip("/")
        group = self.group(f"{self.label} · Chuyên mục {path}"[:150])
        self.sync_page_permissions(group, section, SECTION_PERMISSIONS)
        serves_legal_documents = issubclass(section.specific_class, LegalDocumentIndexPage)
        legal = SECTION_LEGAL_DOCUMENT_PERMISSIONS if serves_legal_documents else []
        self.sync_model_permissions(group, legal)
        return group

    def sync_model_permissions(self, group, names):
        """Among the model permissions the board file manages, the group holds exactly `names`; permissions
        given by hand outside that list are left alone."""
        wanted = set(names)
        held = {
            f"{permission.content_type.app_label}.{permission.codename}": permission
            for permission in group.permissions.select_related("content_type")
        }
        have = {name: permission for name, permission in held.items() if name in MANAGED_MODEL_PERMISSIONS}
        extra = [have[name] for name in sorted(have.keys() - wanted)]
        if extra:
            group.permissions.remove(*extra)
            self.outcome.changes.append(f"{group.name}: bỏ quyền {', '.join(p.codename for p in extra)}")
        missing = sorted(wanted - have.keys())
        if missing:
            group.permissions.add(*permissions_named(missing))
            self.outcome.changes.append(
                f"{group.name}: thêm quyền {', '.join(name.split('.')[1] for name in missing)}"
            )

    def group(self, name):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            self.outcome.changes.append(f"tạo nhóm {name}")
            group.permissions.add(
                Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
            )
        return group

    def sync_page_permissions(self, group, page, codenames):
        current = GroupPagePermission.objects.filter(group=group)
        wanted = {(page.pk, codename) for codename in codenames}
        have = {(p.page_id, p.permission.codename): p for p in current.select_related("permission")}
        for key, permission in have.items():
            if key not in wanted:
                permission.delete()
                self.outcome.changes.append(f"{group.name}: bỏ quyền {key[1]}")
        for page_id, codename in wanted - set(have):
            GroupPagePermission.objects.create(
                group=group,
                page_id=page_id,
                permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
            )
            self.outcome.changes.append(f"{group.name}: thêm quyền {codename}")

    def account(self, entry):
        family, _, given = entry.full_name.rpartition(" ")
        values = {
            "last_name": family,
            "first_name": given,
            "email": entry.email,
            "position": entry.position,
            "unit": entry.unit,
            "phone": entry.phone,
            "is_active": True,
        }
        user = get_user_model().objects.filter(username=entry.username).first()
        if user is None:
            user = get_user_model()(username=entry.username, **values)
            user.set_unusable_password()
            user.save()
            self.outcome.changes.append(f"tạo tài khoản {entry.username} ({entry.full_name})")
            self.outcome.new_accounts.append((user, set_password_url(user)))
            return user
        changed = [name for name, value in values.items() if getattr(user, name) != value]
        if changed:
            for name in changed:
                setattr(user, name, values[name])
            user.save(update_fields=changed)
            self.outcome.changes.append(f"cập nhật tài khoản {entry.username}: {', '.join(changed)}")
        return user

    def seat(self, board, user, entry):
        member, created = BoardMember.objects.get_or_create(
            board=board, user=user, defaults={"roles": entry.roles}
        )
        if created:
            self.outcome.changes.append(f"{user}: vào ban biên tập ({', '.join(entry.roles)})")
        elif member.roles != entry.roles or not member.active:
            member.roles, member.active = entry.roles, True
            member.save(update_fields=["roles", "active"])
            self.outcome.changes.append(f"{user}: vai trò {', '.join(entry.roles)}")
        return member

    def assign(self, member, entry):
        wanted = {section.pk: False for section in entry.sections}
        wanted.update({section.pk: True for section in entry.approves})
        have = {a.section_id: a for a in member.sections.all()}
        for section_id, assignment in have.items():
            if section_id not in wanted:
                assignment.delete()
                self.outcome.changes.append(f"{member.user}: thôi phụ trách chuyên mục #{section_id}")
            elif assignment.approves != wanted[section_id]:
                assignment.approves = wanted[section_id]
                assignment.save(update_fields=["approves"])
                self.outcome.changes.append(
                    f"{member.user}: duyệt cuối chuyên mục #{section_id} = {assignment.approves}"
                )
        for section_id in wanted.keys() - have.keys():
            SectionAssignment.objects.create(
                member=member, section_id=section_id, approves=wanted[section_id]
            )
            self.outcome.changes.append(f"{member.user}: phụ trách chuyên mục #{section_id}")

    def set_groups(self, user, wanted):
        mine = set(user.groups.filter(pk__in=self.board_groups()))
        for group in mine - wanted:
            user.groups.remove(group)
            self.outcome.changes.append(f"{user}: rời nhóm {group.name}")
        for group in wanted - mine:
            user.groups.add(group)
            self.outcome.changes.append(f"{user}: vào nhóm {group.name}")

    def workflow(self, board):
        """The board's workflow on the whole site: its three steps, in order."""
        workflow, created = Workflow.objects.get_or_create(name=f"Quy trình duyệt tin – {self.label}"[:255])
        if created:
            self.outcome.changes.append(f"tạo quy trình {workflow.name}")
        steps = []
        for model, title in STEPS:
            task = model.objects.filter(board=board).first()
            if task is None:
                task = model.objects.create(board=board, name=f"{title} – {self.label}"[:255])
            steps.append(task.pk)
        if list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)) != steps:
            workflow.workflow_tasks.all().delete()
            for order, task_id in enumerate(steps):
                WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=order)
            self.outcome.changes.append(f"{workflow.name}: các bước thư ký → phó trưởng ban → trưởng ban")
        self.attach(workflow, WorkflowPage, "toàn trang", page=self.site.root_page)
        if self.moderates_published_files:
            legal_documents = ContentType.objects.get_for_model(LegalDocument)
            self.attach(workflow, WorkflowContentType, "văn bản (/van-ban/)", content_type=legal_documents)
            published_files = ContentType.objects.get_for_model(PublishedFile)
            self.attach(workflow, WorkflowContentType, "tệp công bố", content_type=published_files)

    def attach(self, workflow, link_model, where, **lookup):
        """Link the workflow to a page subtree (WorkflowPage) or a snippet model (WorkflowContentType)."""
        link, created = link_model.objects.get_or_create(**lookup, defaults={"workflow": workflow})
        if not created and link.workflow_id != workflow.pk:
            link.workflow = workflow
            link.save()
            created = True
        if created:
            self.outcome.changes.append(f"áp dụng {workflow.name} cho {where}")

    def deactivate(self, board, kept):
        """Members no longer in the file lose this board's groups; their account is closed unless they sit on
        another board. Nothing they wrote is touched."""
        for member in board.members.filter(active=True).exclude(pk__in=kept).select_related("user"):
            member.active = False
            member.save(update_fields=["active"])
            user = member.user
            user.groups.remove(*self.board_groups())
            if not BoardMember.objects.filter(user=user, active=True).exists() and user.is_active:
                user.is_active = False
                user.save(update_fields=["is_active"])
            self.outcome.changes.append(f"{user}: không còn trong ban biên tập, tài khoản bị khóa")


# The moderation path: author -> secretariat -> deputy of the section -> head (docs/requirements.md,
# Moderation and four eyes).
STEPS = [
    (SecretariatTask, "Tổ thư ký biên tập, kiểm tra"),
    (SectionDeputyTask, "Phó trưởng ban phụ trách chuyên mục duyệt"),
    (HeadTask, "Trưởng ban duyệt"),
]


def legal_documents_site():
    """The site whose board moderates legal documents. They are global snippets, served and linked under the
    first live legal-documents page (as LegalDocument.get_url does): the board of that page's site, or while
    there is no such page, the default site's board."""
    index_page = LegalDocumentIndexPage.objects.live().first()
    if index_page is not None:
        return index_page.get_site()
    return Site.objects.filter(is_default_site=True).first()


def permissions_named(names):
    """Permission rows for "app_label.codename" names."""
    query = Q()
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def set_password_url(user):
    """A one-time link (Django's password-reset token) where a new member chooses a password."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
    )
    return f"{getattr(settings, 'WAGTAILADMIN_BASE_URL', '').rstrip('/')}{path}"

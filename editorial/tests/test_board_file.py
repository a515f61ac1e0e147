"""The board file: accounts, roles, sections and page permissions, loaded idempotently and all or nothing."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, ModelLogEntry

from core.tests.factories import StandardPageFactory
from editorial.board_file import BoardFileError, load_board_file
from editorial.models import BoardMember, EditorialBoard, SectionAssignment

pytestmark = pytest.mark.django_db
LUC_NAM = Path(__file__).resolve().parents[1] / "boards" / "luc-nam.yaml"
SECTIONS = [
    "gioi-thieu",
    "tin-tuc",
    "chi-dao-dieu-hanh",
    "van-ban",
    "pho-bien-phap-luat",
    "quy-hoach-ke-hoach",
    "du-an-dau-tu",
    "thu-tuc-hanh-chinh",
    "hoi-dap",
    "thong-ke",
]


@pytest.fixture
def sections(home_page):
    return {slug: StandardPageFactory(parent=home_page, slug=slug, title=slug) for slug in SECTIONS}


def write(tmp_path, text):
    path = tmp_path / "board.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def snapshot():
    User = get_user_model()
    return (
        sorted(User.objects.values_list("username", "is_active", "last_name", "first_name", "position")),
        sorted(Group.objects.values_list("name", flat=True)),
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")),
        sorted(BoardMember.objects.values_list("user__username", "roles", "active")),
        sorted(SectionAssignment.objects.values_list("member__user__username", "section_id", "approves")),
        sorted(User.groups.through.objects.values_list("user__username", "group__name")),
    )


def test_the_seed_003_board_of_22_members_loads_and_a_second_load_changes_nothing(sections, capsys):
    call_command("setup_editorial_board", str(LUC_NAM))
    output = capsys.readouterr().out
    board = EditorialBoard.objects.get()
    assert board.members.filter(active=True).count() == 22
    head = get_user_model().objects.get(username="toan.nd")
    assert str(head) == "Nguyễn Đức Toàn" and head.position == "Phó Chủ tịch UBND huyện"
    assert not head.has_usable_password()  # passwords are never in the file
    assert output.count("/admin/password_reset/confirm/") == 22
    secretary = BoardMember.objects.get(user__username="thuy.tt")
    assert secretary.roles == ["member", "secretary"]
    assert SectionAssignment.objects.get(member__user__username="hoa.tv").approves

    before = snapshot()
    outcome = load_board_file(LUC_NAM)
    assert outcome.changes == [] and outcome.new_accounts == []
    assert snapshot() == before
    assert ModelLogEntry.objects.filter(action="editorial.board_file").count() == 1


def test_permissions_follow_roles_and_sections(sections):
    load_board_file(LUC_NAM)
    users = {u.username: u for u in get_user_model().objects.all()}
    news, guide = sections["tin-tuc"], sections["gioi-thieu"]

    def can(username, page, action):
        return getattr(page.permissions_for_user(users[username]), action)()

    assert can("toan.nd", guide, "can_publish")  # the head publishes anywhere
    assert can("oanh.nt", news, "can_edit") and can("oanh.nt", news, "can_add_subpage")
    assert not can("oanh.nt", guide, "can_edit")  # a member edits only their own sections
    assert not can("oanh.nt", news, "can_publish")  # ... and publishes nothing
    assert can("thuy.tt", guide, "can_edit")  # the secretariat edits everything
    assert not can("thuy.tt", guide, "can_publish")
    assert not can("hoa.tv", news, "can_publish")  # final approval goes through the workflow


def test_a_member_left_out_is_deactivated_and_keeps_their_work(sections, tmp_path):
    text = LUC_NAM.read_text(encoding="utf-8")
    load_board_file(LUC_NAM)
    article = StandardPageFactory(parent=sections["tin-tuc"], title="Bài của bà Oanh")
    article.owner = get_user_model().objects.get(username="oanh.nt")
    article.save()
    start = text.index("  - username: oanh.nt")
    end = text.index("  - username: hoc.vt")
    outcome = load_board_file(write(tmp_path, text[:start] + text[end:]))
    oanh = get_user_model().objects.get(username="oanh.nt")
    assert not oanh.is_active and not oanh.groups.exists()
    assert not BoardMember.objects.get(user=oanh).active
    assert article.__class__.objects.get(pk=article.pk).owner == oanh
    assert any("oanh" in change.lower() or "Oanh" in change for change in outcome.changes)
    load_board_file(LUC_NAM)  # back in the file: the seat and the account come back
    oanh.refresh_from_db()
    assert oanh.is_active and oanh.groups.exists()


def test_a_bad_file_is_rejected_with_every_reason_and_writes_nothing(sections, tmp_path):
    path = write(
        tmp_path,
        """
members:
  - username: a.nv
    full_name: Nguyễn Văn A
    roles: [editor]
  - username: b.tt
    full_name: Trần Thị B
    roles: [member]
    sections: [khong-co]
  - username: b.tt
    full_name: Trần Thị B
    roles: [head]
sla_days: {head: 0}
""",
    )
    before = snapshot()
    with pytest.raises(BoardFileError) as failure:
        load_board_file(path)
    problems = "\n".join(failure.value.problems)
    assert "vai trò không hợp lệ ['editor']" in problems
    assert "không có chuyên mục 'khong-co'" in problems
    assert "'b.tt' bị lặp" in problems
    assert "'sla_days.head'" in problems
    assert snapshot() == before
    with pytest.raises(CommandError, match="chưa ghi gì"):
        call_command("setup_editorial_board", str(path))


def test_a_board_without_a_head_is_refused(sections, tmp_path):
    path = write(tmp_path, "members:\n  - {username: c.v, full_name: Lê Văn C, roles: [member]}\n")
    with pytest.raises(BoardFileError, match="Trưởng ban"):
        load_board_file(path)

"""setup_editorial_board warns (in Vietnamese, without failing) when four eyes leaves a path of the board
without distinct people: the site as a whole (secretariat → head), and each section with a deputy
(secretariat → deputy → head, or → the deputy whose approval is final there)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from core.tests.factories import StandardPageFactory
from editorial.board_file import load_board_file
from editorial.models import EditorialBoard

pytestmark = pytest.mark.django_db
STAFFED = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: dinh, full_name: Trần Trung Định, roles: [standing_deputy, secretary], sections: [tin-tuc]}
  - {username: trung, full_name: Lê Hoàng Trung, roles: [secretary, admin]}
  - username: cai
    full_name: Phạm Văn Cải
    roles: [deputy]
    sections: [van-ban]
    approves: [tin-tuc/cai-cach]
"""
# The only secretary is also the deputy of tin-tuc; the head is the only other person.
SHORT_HANDED = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head]}
  - {username: dinh, full_name: Trần Trung Định, roles: [standing_deputy, secretary], sections: [tin-tuc]}
  - {username: cai, full_name: Phạm Văn Cải, roles: [deputy], approves: [tin-tuc/cai-cach]}
"""
ONE_PERSON = """
members:
  - {username: head, full_name: Trịnh Xuân Long, roles: [head, secretary]}
"""


@pytest.fixture
def sections(home_page):
    news = StandardPageFactory(parent=home_page, slug="tin-tuc", title="Tin tức")
    StandardPageFactory(parent=news, slug="cai-cach", title="Cải cách hành chính")
    StandardPageFactory(parent=home_page, slug="van-ban", title="Văn bản")


def board_file(tmp_path, content):
    path = Path(tmp_path) / "board.yaml"
    path.write_text(content, encoding="utf-8")
    return path


def test_a_board_that_distinct_people_can_staff_gives_no_warning(sections, tmp_path):
    assert load_board_file(board_file(tmp_path, STAFFED)).warnings == []


def test_a_section_whose_steps_only_the_same_person_can_take_is_warned_about(sections, tmp_path):
    outcome = load_board_file(board_file(tmp_path, SHORT_HANDED))
    assert outcome.warnings == [
        "Cảnh báo (nguyên tắc bốn mắt): chuyên mục «tin-tuc» cần ba người khác nhau cho bước Tổ thư ký "
        "(Trần Trung Định), bước Phó trưởng ban phụ trách (Trần Trung Định) và bước Trưởng ban "
        "(Trịnh Xuân Long); tin, bài của chuyên mục này sẽ không duyệt được."
    ]  # tin-tuc/cai-cach is fine: dinh checks it, cai gives the final approval
    assert EditorialBoard.objects.count() == 1  # loaded all the same


def test_a_site_whose_secretary_is_its_head_is_warned_about(sections, tmp_path):
    (warning,) = load_board_file(board_file(tmp_path, ONE_PERSON)).warnings
    assert "toàn trang cần hai người khác nhau cho bước Tổ thư ký (Trịnh Xuân Long)" in warning


def test_the_command_prints_the_warnings_and_loads_the_file(sections, tmp_path):
    out = StringIO()
    call_command("setup_editorial_board", str(board_file(tmp_path, SHORT_HANDED)), stdout=out)
    assert "chuyên mục «tin-tuc» cần ba người khác nhau" in out.getvalue()
    assert EditorialBoard.objects.get().members.count() == 3

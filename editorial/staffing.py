"""Can each path of a board be staffed by distinct people? Four eyes lets nobody take two steps of one item
(docs/requirements.md, Moderation and four eyes), so a path whose steps only the same person can take leaves
its items stuck. Loading the board file warns about every such path (editorial.board_file); the file is still
loaded."""

from itertools import product

from .enums import Role
from .models import SectionAssignment, ancestor_paths

DEPUTIES = (Role.DEPUTY, Role.STANDING_DEPUTY)
SITE_WIDE = (
    "Cảnh báo (nguyên tắc bốn mắt): toàn trang cần hai người khác nhau cho bước Tổ thư ký ({secretaries}) "
    "và bước Trưởng ban ({heads}); tin, bài ngoài các chuyên mục có Phó trưởng ban phụ trách sẽ không duyệt "
    "được."
)
SECTION = (
    "Cảnh báo (nguyên tắc bốn mắt): chuyên mục «{section}» cần ba người khác nhau cho bước Tổ thư ký "
    "({secretaries}), bước Phó trưởng ban phụ trách ({deputies}) và bước Trưởng ban ({heads}){final}; "
    "tin, bài của chuyên mục này sẽ không duyệt được."
)
FINAL = ", hoặc hai người cho bước Tổ thư ký và Phó trưởng ban được duyệt cuối ({names})"
NOBODY = "không có ai"


def distinct_people(*steps):
    """Each step (a set of user ids) can be taken by a different person."""
    return any(len(set(people)) == len(people) for people in product(*steps))


def staffing_warnings(board):
    """Vietnamese warnings, one per path of the board that distinct people cannot staff: the site as a whole
    (secretariat → head), then each section with a deputy (secretariat → deputy → head, or → the deputy whose
    approval is final there)."""
    seats = list(board.members.filter(active=True, user__is_active=True).select_related("user"))
    names = {seat.user_id: str(seat.user) for seat in seats}

    def holding(*roles):
        return {seat.user_id for seat in seats if set(roles) & set(seat.roles)}

    def listed(ids):
        return ", ".join(sorted(names[pk] for pk in ids)) or NOBODY

    secretaries, heads, deputies = holding(Role.SECRETARY), holding(Role.HEAD), holding(*DEPUTIES)
    warnings = []
    if not distinct_people(secretaries, heads):
        warnings.append(SITE_WIDE.format(secretaries=listed(secretaries), heads=listed(heads)))
    assignments = [
        assignment
        for assignment in SectionAssignment.objects.filter(member__in=seats).select_related(
            "section", "member"
        )
        if assignment.member.user_id in deputies
    ]
    for section in sorted({a.section for a in assignments}, key=lambda page: page.path):
        covering = [a for a in assignments if a.section.path in ancestor_paths(section.path)]
        in_charge = {a.member.user_id for a in covering}
        final = {a.member.user_id for a in covering if a.approves}
        if distinct_people(secretaries, in_charge, heads) or distinct_people(secretaries, final):
            continue
        warnings.append(
            SECTION.format(
                section=section.url_path.strip("/").split("/", 1)[-1] or section.title,
                secretaries=listed(secretaries),
                deputies=listed(in_charge),
                heads=listed(heads),
                final=FINAL.format(names=listed(final)) if final else "",
            )
        )
    return warnings

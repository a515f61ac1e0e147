"""What the board file (editorial/board_file.py) says about citizens' questions: the fields whose
questions each member answers."""

from .models import FieldResponsibility


def answer_fields(member, entry):
    """The fields whose questions the member answers, exactly as the file lists them; a member without a
    'fields' key keeps what was set in the admin. Returns what changed, in words."""
    if entry.fields is None:
        return []
    changes = []
    wanted = {area.pk: area for area in entry.fields}
    have = {row.field_id: row for row in FieldResponsibility.objects.filter(member=member)}
    for field_id in have.keys() - wanted.keys():
        have[field_id].delete()
        changes.append(f"{member.user}: thôi trả lời hỏi đáp lĩnh vực #{field_id}")
    for field_id in wanted.keys() - have.keys():
        FieldResponsibility.objects.create(member=member, field=wanted[field_id])
        changes.append(f"{member.user}: trả lời hỏi đáp lĩnh vực {wanted[field_id]}")
    return changes

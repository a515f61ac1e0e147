from django import forms
from django.contrib.auth import get_user_model
from wagtail.admin.forms import WagtailAdminModelForm

from .models import board_of
from .permissions import may_propose


class ProposalForm(WagtailAdminModelForm):
    """The secretariat's proposal: payee and amount may stay empty and then follow the item's owner and
    the category's rate (RoyaltyProposal.clean)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payee"].required = False
        self.fields["payee"].queryset = get_user_model().objects.filter(is_active=True)
        self.fields["amount"].required = False

    def clean(self):
        cleaned = super().clean()
        page = cleaned.get("page")
        board = page and board_of(page)
        if board and self.for_user and not may_propose(self.for_user, board):
            self.add_error(
                "page", "Chỉ Tổ thư ký của Ban biên tập trang này được đề xuất nhuận bút cho tin, bài."
            )
        return cleaned


class DecisionForm(forms.Form):
    """The head's decision; a refusal says why, so the secretariat can correct and propose again."""

    note = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, approve, **kwargs):
        super().__init__(*args, **kwargs)
        self.approve = approve

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if not self.approve and not note:
            raise forms.ValidationError("Ghi rõ lý do từ chối để Tổ thư ký điều chỉnh.")
        return note

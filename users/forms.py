from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm

PROFILE_FIELDS = {"position", "unit", "phone"}


class PortalUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | PROFILE_FIELDS


class PortalUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | PROFILE_FIELDS


class TokenForm(forms.Form):
    """The 6-digit code of the user's authenticator app, checked against `device` (django-otp throttles
    repeated wrong codes with growing delays)."""

    token = forms.RegexField(
        label="Mã xác thực (6 chữ số)",
        regex=r"^\d{6}$",
        error_messages={"invalid": "Mã xác thực gồm đúng 6 chữ số."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"]
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                "Vừa nhập sai mã: hãy đợi vài giây rồi nhập mã mới (mỗi lần sai, thời gian chờ tăng gấp đôi)."
            )
        if not self.device.verify_token(token):
            raise forms.ValidationError("Mã xác thực không đúng hoặc đã hết hạn.")
        return token

from wagtail.admin.forms import WagtailAdminModelForm

from .validators import EMAIL_INVALID


class ContactDetailsForm(WagtailAdminModelForm):
    """Says what is wrong with a bad email: Django's Vietnamese message is only "Nhập địa chỉ email."."""

    class Meta:
        error_messages = {"email": {"invalid": EMAIL_INVALID}}

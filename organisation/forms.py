from core.site_admin import SiteOwnedModelForm

from .validators import EMAIL_INVALID


class ContactDetailsForm(SiteOwnedModelForm):
    """Says what is wrong with a bad email: Django's Vietnamese message is only "Nhập địa chỉ email."; offers
    only the user's sites and their units (core/sites.py)."""

    class Meta:
        error_messages = {"email": {"invalid": EMAIL_INVALID}}

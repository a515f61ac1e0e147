"""Who needs a second factor (TOTP) in the admin, and where an unverified user is sent first."""

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.enums import Role
from editorial.permissions import board_roles

# The board's leaders publish, approve and manage accounts: a stolen password must not be enough.
LEADING_ROLES = {
    Role.HEAD.value,
    Role.STANDING_DEPUTY.value,
    Role.DEPUTY.value,
    Role.SECRETARY.value,
    Role.ADMIN.value,
}
DEVICE_NAME = "Ứng dụng xác thực"


def requires_two_factor(user):
    """The one rule: superusers and the head, deputies, secretaries and admins of any board, when required."""
    if not settings.PORTAL_REQUIRE_2FA or not user.is_authenticated:
        return False
    return user.is_superuser or bool(board_roles(user) & LEADING_ROLES)


def pending_step(user):
    """URL name of the step an admin user still owes (the code, or setting up an app first), or None."""
    if not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user, confirmed=True):
        return "two_factor_verify"
    if requires_two_factor(user):
        return "two_factor_setup"
    return None


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def device_to_confirm(user):
    """The unconfirmed device being set up: the same secret on every reload until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def step_url(name, next_url):
    return f"{reverse(name)}?{urlencode({'next': next_url})}"

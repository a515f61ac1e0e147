"""The second factor in the admin: enter the code, or set up an authenticator app first."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from .forms import TokenForm
from .two_factor import confirmed_device, device_to_confirm, requires_two_factor, step_url


def next_url(request):
    """Where the user was going (same site only), else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def qr_svg(uri):
    """The otpauth URI as an inline SVG QR code (no image file, nothing external)."""
    return qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")


def render_step(request, template, form, **context):
    context.update(form=form, next=next_url(request))
    return TemplateResponse(request, template, context)


@never_cache
def verify(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect(step_url("two_factor_setup", next_url(request)))
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(next_url(request))
    return render_step(request, "users/two_factor/verify.html", form)


@never_cache
def setup(request):
    if confirmed_device(request.user) is not None:
        messages.info(request, "Tài khoản đã bật xác thực hai lớp.")
        return redirect(next_url(request))
    device = device_to_confirm(request.user)
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Đã bật xác thực hai lớp: từ nay mỗi lần đăng nhập cần thêm mã 6 chữ số.")
        return redirect(next_url(request))
    return render_step(
        request,
        "users/two_factor/setup.html",
        form,
        qr_code=qr_svg(device.config_url),
        uri=device.config_url,
        secret=b32encode(device.bin_key).decode(),
        required=requires_two_factor(request.user),
    )

"""What every public form of the portal does against abuse: a honeypot, a minimum fill time, a self-hosted
CAPTCHA, a per-IP rate limit, and text stored as NFC with a length cap on every field.

Public forms are the portal's main attack surface; the pieces live here once and each form mixes them in.
"""

import logging
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

from core import client_address

logger = logging.getLogger(__name__)

HONEYPOT = "website"
STARTED = "form_started"
SALT = "feedback.form-started"
TOO_FAST = "Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung rồi gửi lại."
REJECTED = "Không gửi được biểu mẫu. Vui lòng tải lại trang và thử lại."
RATE_LIMITED = (
    "Bạn đã gửi quá nhiều lần trong thời gian ngắn ({limit} lần trong {minutes} phút). Vui lòng thử lại sau."
)


def start_token(at=None):
    """A signed record of when the form was shown; the form must come back at least N seconds later."""
    return signing.dumps(at if at is not None else time.time(), salt=SALT)


def nfc(value):
    """Text as NFC (TCVN 6909:2001 asks for Unicode; browsers may send NFD), without stray edges."""
    return unicodedata.normalize("NFC", value).strip() if isinstance(value, str) else value


class GuardedForm(forms.Form):
    """Base of every citizen-facing form. Subclasses declare their fields with max_length; this adds the
    honeypot, the fill-time token and (unless switched off in settings) the CAPTCHA, and stores text NFC.

    A low-value form (a page rating) sets `use_captcha = False`: the honeypot, the fill time and the rate
    limit are enough there, and a CAPTCHA would cost more readers' answers than it stops."""

    use_captcha = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label="Để trống ô này",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED] = forms.CharField(widget=forms.HiddenInput, initial=start_token)
        if settings.FEEDBACK_CAPTCHA and self.use_captcha:
            from captcha.fields import CaptchaField

            self.fields["captcha"] = CaptchaField(
                label="Mã xác nhận",
                help_text="Nhập các ký tự trong ảnh.",
                error_messages={"invalid": "Mã xác nhận không đúng, vui lòng nhập lại."},
            )

    def clean(self):
        data = super().clean()
        for name, value in data.items():
            data[name] = nfc(value)
        if data.get(HONEYPOT):
            raise forms.ValidationError(REJECTED, code="honeypot")
        if not self.errors:  # a form with field errors goes back to be completed: time does not matter yet
            self._check_fill_time(self.data.get(STARTED, ""))
        return data

    def _check_fill_time(self, token):
        try:
            started = signing.loads(token, salt=SALT, max_age=24 * 3600)
        except signing.BadSignature:
            raise forms.ValidationError(REJECTED, code="bad_token") from None
        if time.time() - float(started) < settings.FEEDBACK_MIN_FILL_SECONDS:
            raise forms.ValidationError(TOO_FAST, code="too_fast")


def client_ip(request):
    """The visitor's address, as the login lockout sees it (core/client_address.py)."""
    return client_address.client_ip(request)


def rate_limit():
    """(submissions, seconds) from settings.FEEDBACK_RATE_LIMIT, e.g. "5/600"."""
    count, seconds = settings.FEEDBACK_RATE_LIMIT.split("/")
    return int(count), int(seconds)


def rate_key(request, form_name):
    return f"feedback-rate:{form_name}:{client_ip(request)}"


def at_rate_limit(request, form_name):
    """Whether the visitor's address has used up its attempts at this form, without counting one."""
    limit, _seconds = rate_limit()
    return (cache.get(rate_key(request, form_name)) or 0) >= limit


def over_rate_limit(request, form_name):
    """Count this POST against the visitor's address for this form; True once past the limit.

    The window starts at the first POST (a fixed window, kept in the shared cache so that every worker
    counts together)."""
    limit, seconds = rate_limit()
    key = rate_key(request, form_name)
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    if not count:  # the cache is unavailable (operations/cache.py): the submission is taken, not counted
        logger.warning("Rate limit of %s not counted: cache unavailable", form_name)
    return count > limit


def rate_limited_response(request):
    limit, seconds = rate_limit()
    message = RATE_LIMITED.format(limit=limit, minutes=max(1, seconds // 60))
    body = render_to_string("feedback/rate_limited.html", {"message": message}, request=request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(seconds)
    return response

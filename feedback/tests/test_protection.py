"""What every citizen form shares: honeypot, fill time, CAPTCHA, rate limit, NFC, attachments (the outbox
is tested in operations/tests/test_mail.py)."""

import io
import unicodedata

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from PIL import Image

from feedback.attachments import check_attachment
from feedback.protection import (
    GuardedForm,
    over_rate_limit,
    rate_limited_response,
    start_token,
)
from feedback.tests.factories import guard_fields

pytestmark = pytest.mark.django_db


class NameForm(GuardedForm):
    name = forms.CharField(max_length=50)


def data(**extra):
    return {"name": "Nguyễn Văn An", **guard_fields(), **extra}


def test_a_filled_form_passes_and_text_is_stored_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    form = NameForm(data(name=f"  {decomposed} "))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == unicodedata.normalize("NFC", "Nguyễn Thị Ánh")


def test_the_honeypot_rejects():
    form = NameForm(data(website="http://spam.example"))
    assert not form.is_valid()
    assert "Không gửi được biểu mẫu" in str(form.non_field_errors())


def test_a_form_sent_back_too_fast_is_rejected():
    form = NameForm(data(form_started=start_token()))
    assert not form.is_valid()
    assert "quá nhanh" in str(form.non_field_errors())


def test_an_incomplete_form_sent_at_once_gets_its_field_errors_alone():
    """An empty submit is a person's mistake, not a robot's speed: "quá nhanh" would only confuse."""
    form = NameForm(data(name="", form_started=start_token()))
    assert not form.is_valid()
    assert "name" in form.errors and not form.non_field_errors()


def test_a_forged_or_missing_start_token_is_rejected():
    assert not NameForm(data(form_started="1700000000")).is_valid()
    assert not NameForm({k: v for k, v in data().items() if k != "form_started"}).is_valid()


def test_the_captcha_is_on_by_default_and_checked():
    form = NameForm(data(captcha_1="WRONG"))
    assert not form.is_valid()
    assert "Mã xác nhận không đúng" in str(form.errors["captcha"])


def test_the_captcha_can_be_switched_off(settings):
    settings.FEEDBACK_CAPTCHA = False
    assert "captcha" not in NameForm().fields


def test_over_length_text_is_refused():
    form = NameForm(data(name="a" * 51))
    assert not form.is_valid()
    assert "name" in form.errors


def test_the_rate_limit_counts_per_ip_and_form(settings):
    settings.FEEDBACK_RATE_LIMIT = "5/600"
    factory = RequestFactory()
    first = factory.post("/", REMOTE_ADDR="203.0.113.7")
    other = factory.post("/", REMOTE_ADDR="203.0.113.8")
    assert [over_rate_limit(first, "question") for _ in range(6)] == [False] * 5 + [True]
    assert not over_rate_limit(other, "question")
    assert not over_rate_limit(first, "comment")


def test_the_rate_limit_answer_is_429_in_vietnamese(site):
    request = RequestFactory().post("/")
    request.site = site
    response = rate_limited_response(request)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Bạn đã gửi quá nhiều lần" in response.content.decode()


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_attachments_are_checked_by_content():
    check_attachment(SimpleUploadedFile("anh.png", png_bytes()))
    check_attachment(SimpleUploadedFile("don.pdf", b"%PDF-1.4\n%%EOF\n"))
    with pytest.raises(ValidationError, match="không phải tệp PDF"):
        check_attachment(SimpleUploadedFile("don.pdf", b"<html><script>alert(1)</script></html>"))
    with pytest.raises(ValidationError, match="không phải tệp PNG"):
        check_attachment(SimpleUploadedFile("anh.png", b"%PDF-1.4\n"))
    with pytest.raises(ValidationError, match="chỉ nhận tệp"):
        check_attachment(SimpleUploadedFile("trang.html", b"<html></html>"))


def test_an_oversize_attachment_is_refused(settings):
    settings.FEEDBACK_MAX_ATTACHMENT_SIZE = 1000
    upload = SimpleUploadedFile("lon.pdf", b"%PDF-1.4\n" + b"0" * 1000)
    with pytest.raises(ValidationError, match="vượt mức tối đa"):
        check_attachment(upload)

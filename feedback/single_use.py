"""The rating form's single-use token, without keeping articles out of the page cache.

The rating form sits under every article and legal document, pages served from the shared page cache
(operations/page_cache.py) with the same HTML for every visitor, so it cannot carry a CSRF token. Instead
the template writes a placeholder and SingleUseTokenMiddleware, above the page cache, swaps it on every
response (hit or miss) for a fresh signed token holding a random id. A rating is stored only if that id
was never used: the id is recorded in the database (UsedRatingToken), so a replayed form is refused even
while the cache is down.
"""

import datetime
import uuid

from django import forms
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import UsedRatingToken

FIELD = "rating_once"
PLACEHOLDER = "__portal-rating-token__"
SALT = "feedback.rating-once"
LIFETIME = datetime.timedelta(hours=24)
REPLAYED = "Đánh giá này đã được gửi. Vui lòng tải lại trang nếu bạn muốn đánh giá lại."
INVALID = "Không gửi được đánh giá. Vui lòng tải lại trang và thử lại."


def fresh_token():
    return signing.dumps(uuid.uuid4().hex, salt=SALT)


def claim(token):
    """Mark the token's id used; a ValidationError (in Vietnamese) for a forged, expired or used token."""
    try:
        nonce = signing.loads(token or "", salt=SALT, max_age=LIFETIME)
    except signing.BadSignature:
        raise forms.ValidationError(INVALID, code="bad_once") from None
    UsedRatingToken.objects.filter(used_at__lt=timezone.now() - LIFETIME).delete()
    try:
        with transaction.atomic():
            UsedRatingToken.objects.create(nonce=str(nonce)[:32])
    except IntegrityError:
        raise forms.ValidationError(REPLAYED, code="replayed") from None


class SingleUseTokenMiddleware:
    """Fills every placeholder of an HTML response with its own fresh token. Sits right above the page
    cache, so the stored page keeps the placeholder and each visitor gets a token nobody else holds."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.marker = PLACEHOLDER.encode()

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or self.marker not in response.content
        ):
            return response
        pieces = response.content.split(self.marker)
        body = pieces[0]
        for piece in pieces[1:]:
            body += fresh_token().encode() + piece
        response.content = body
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(body))
        return response

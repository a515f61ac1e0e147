"""A public form refuses an oversized POST from its Content-Length, before reading a byte of it.

Django caps what it keeps in memory (DATA_UPLOAD_MAX_MEMORY_SIZE) but still reads, and spools to disk, a body
of any size to find that out; a 200 MB POST to the question form kept a worker busy for it. The citizens'
forms take at most one attachment of FEEDBACK_MAX_ATTACHMENT_SIZE, so anything larger than that plus room
for the fields is refused at once with a Vietnamese 413 page. The admin has its own, larger, upload caps
(DOCUMENTS_MAX_UPLOAD_SIZE) and is left to them.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string

BODY_METHODS = ("POST", "PUT", "PATCH")
FIELDS_ALLOWANCE = 1024 * 1024  # the text fields and the multipart framing around the attachment


def public_body_limit():
    return settings.FEEDBACK_MAX_ATTACHMENT_SIZE + FIELDS_ALLOWANCE


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class PublicBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in BODY_METHODS and not request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            length, limit = declared_length(request), public_body_limit()
            if length > limit:
                return too_large(length, limit)
        return self.get_response(request)


def too_large(length, limit):
    context = {
        "sent": filesizeformat(length),
        "limit": filesizeformat(limit),
        "attachment_limit": filesizeformat(settings.FEEDBACK_MAX_ATTACHMENT_SIZE),
    }
    response = HttpResponse(render_to_string("feedback/request_too_large.html", context), status=413)
    response["Connection"] = "close"  # the unread body must not be taken for the next request
    return response

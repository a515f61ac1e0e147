"""Query parameters no page can use, refused with a 400 instead of a 500 (docs/operations.md, Security).

The portal's own views validate what they read. Two kinds of bad input reach code the portal does not own
(Django's and Wagtail's list filters, choosers and search backends, in the admin and on the site):

- a value longer than MAX_VALUE_LENGTH: no search term, filter or return URL is that long, and a flood of
  characters makes search backends build queries too large to run (SQLite refuses them);
- an id or number the database cannot hold (OverflowError, e.g. ?group=10**30 on SQLite) and a list filter
  value of the wrong type (Django admin's IncorrectLookupParameters, which wagtail-modeladmin leaves
  uncaught): raised while a view reads its query string, they are the visitor's error, not the server's.

Both are answered with the 400 page (site/templates/400.html), in Vietnamese; the second is logged with its
traceback, so that a real fault hidden behind one still shows in the logs.
"""

import logging

from django.contrib.admin.options import IncorrectLookupParameters
from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

MAX_VALUE_LENGTH = 1000
BAD_PARAMETER_ERRORS = (OverflowError, IncorrectLookupParameters)


# Paths answered in JSON, in the shape of the legal-documents API's own errors ({"errors": {name: [...]}}).
JSON_PREFIXES = ("/api/",)
GENERIC_REASON = "Địa chỉ có tham số không hợp lệ (số quá lớn hoặc sai định dạng)."


def bad_request(request, reason="", name="__all__"):
    """The 400 page, static like the 500 page (no database or cache needed), or its JSON for the API."""
    if request.path.startswith(JSON_PREFIXES):
        body = {"errors": {name: [reason or GENERIC_REASON]}}
        return JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})
    return HttpResponseBadRequest(render_to_string("400.html", {"reason": reason}))


def too_long(request):
    """The name of the first query parameter whose value is longer than MAX_VALUE_LENGTH, or None."""
    for name, values in request.GET.lists():
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            return name
    return None


class BadInputMiddleware:
    """High in MIDDLEWARE: a value too long is refused before the page cache or any view reads it; the
    exceptions come back through process_exception from the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get("QUERY_STRING") and (name := too_long(request)) is not None:
            reason = f"Giá trị của tham số «{name[:50]}» quá dài (tối đa 1.000 ký tự)."
            return bad_request(request, reason, name[:50])
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, BAD_PARAMETER_ERRORS) or not request.META.get("QUERY_STRING"):
            return None
        logger.warning("Tham số không hợp lệ: %s", request.get_full_path()[:300], exc_info=exception)
        return bad_request(request)

"""A refusal inside the Wagtail admin answered as 403 with its reason in Vietnamese.

Wagtail's admin turns PermissionDenied into a redirect to the dashboard, which neither a person nor a script
can tell from success; every app's admin views refuse through here instead.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

TITLE = "Không có quyền"


def refused(request, reason, title=TITLE):
    """The 403 page: the reason and the way back."""
    context = {"page_title": title, "reason": reason}
    return TemplateResponse(request, "home/admin/refused.html", context, status=403)


def refuse_with_403(default_reason):
    """A view decorator: PermissionDenied raised inside becomes the 403 page (its message, or the default)."""

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied as refusal:
                return refused(request, str(refusal) or default_reason)

        return guarded

    return decorator

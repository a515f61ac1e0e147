"""Security headers every response carries: the Content Security Policy and the Permissions-Policy.

The policies themselves are settings (config/settings/base.py); this module only picks which one applies.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with two twists: the admin's relaxed policy, and framing that follows X-Frame-Options.

    Wagtail's preview views answer "X-Frame-Options: SAMEORIGIN" because the editor shows them in an
    iframe; frame-ancestors says the same there ('self') and 'none' everywhere else, so the two headers
    never disagree.
    """

    def process_response(self, request, response):
        """Wagtail renders a preview through the middleware a second time, with a dummy request for the
        page's public URL; the policy is set once, by the real request for the admin's preview URL."""
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts


def permissions_policy_header(features):
    """{"camera": []} gives "camera=()"; an origin list gives camera=(self "https://...")."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in features.items())


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (Django has no setting for it) unless a view set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response

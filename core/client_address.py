"""The visitor's address, for the login lockout (django-axes) and the citizens' forms' rate limit.

Behind TRUSTED_PROXY_COUNT reverse proxies (a setting, 0 by default: the connection's own address), each
proxy appends the address it received the request from to X-Forwarded-For, and the last one is REMOTE_ADDR.
The client is therefore the hop the outermost trusted proxy wrote, counted from the right of that chain;
whatever a client puts on the left of the header is forged at will and never read. django-ipware reads the
header; it counts only the proxies named in the header, one fewer than those in front of the app.
"""

from django.conf import settings
from ipware import get_client_ip

FORWARDED = "HTTP_X_FORWARDED_FOR"


def client_ip(request):
    """The address the nearest untrusted hop connected from; REMOTE_ADDR without trusted proxies, or when
    the header is missing or shorter than the proxies it should have passed (a request that bypassed
    them). Other headers a client can set (X-Real-IP, CDN headers) are never read."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    address, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=[FORWARDED],
        strict=False,
    )
    return address or remote

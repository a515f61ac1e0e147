"""The visitor's address, for the login lockout (django-axes) and the citizens' forms' rate limit.

Behind TRUSTED_PROXY_COUNT reverse proxies (a setting, 0 by default: the connection's own address), each
proxy appends the address it received the request from to X-Forwarded-For, and the last one is REMOTE_ADDR.
The client is therefore the hop the outermost trusted proxy wrote, counted from the right of that chain;
whatever a client puts on the left of the header is forged at will and never read.
"""

import ipaddress

from django.conf import settings

FORWARDED = "HTTP_X_FORWARDED_FOR"


def valid(address):
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_ip(request):
    """The address the nearest untrusted hop connected from; REMOTE_ADDR without trusted proxies, when the
    chain is shorter than the proxies it should have passed (a request that bypassed them) or when the hop
    is not an address."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get(FORWARDED, "")
    if proxies <= 0 or not forwarded:
        return remote
    chain = [hop.strip() for hop in forwarded.split(",")] + [remote]
    if len(chain) <= proxies:
        return remote
    return valid(chain[-(proxies + 1)]) or remote

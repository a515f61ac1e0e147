"""core/client_address.py: the address the login lockout and the forms' rate limit count."""

import pytest
from django.test import RequestFactory

from core.client_address import client_ip
from feedback.protection import client_ip as forms_client_ip


def request(forwarded=None, remote="10.0.0.2"):
    meta = {"REMOTE_ADDR": remote, "HTTP_X_REAL_IP": "6.6.6.6", "HTTP_CF_CONNECTING_IP": "6.6.6.7"}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, None, "10.0.0.2"),
        (0, "6.6.6.6", "10.0.0.2"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 7.7.7.7, 203.0.113.9", "203.0.113.9"),
        (1, None, "10.0.0.2"),
        (1, "không-phải-địa-chỉ, 203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 2001:db8::9", "2001:db8::9"),
        (2, "203.0.113.9, 192.0.2.1", "203.0.113.9"),
        (2, "6.6.6.6, 203.0.113.9, 192.0.2.1", "203.0.113.9"),
        (2, "192.0.2.1", "10.0.0.2"),
    ],
    ids=[
        "no proxy",
        "no proxy ignores the header",
        "one proxy",
        "one proxy forged first hop",
        "one proxy two forged hops",
        "bypassed proxy",
        "garbage forged hop",
        "one proxy ipv6 client",
        "two proxies",
        "two proxies forged first hop",
        "chain shorter than the proxies",
    ],
)
def test_the_client_is_counted_from_the_right_of_the_chain(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request(forwarded)) == expected
    assert forms_client_ip(request(forwarded)) == expected


def test_the_forms_rate_limit_ignores_a_forged_first_hop(client, settings):
    """Varying the forged first hop does not give a fresh rate-limit window."""
    from feedback.protection import over_rate_limit

    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_RATE_LIMIT = "2/600"
    results = [over_rate_limit(request(f"6.6.6.{n}, 203.0.113.77"), "thu-nghiem") for n in range(3)]
    assert results == [False, False, True]

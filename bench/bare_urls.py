"""One view answering the saved home page (bench/bare_settings.py): its body and the headers that carry
information (the server's own Date, Server, Connection and Content-Length are its own business)."""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

SERVER_HEADERS = {"date", "server", "connection", "content-length", "transfer-encoding", "keep-alive"}


def saved_page(file_name):
    """(headers, body) of a response saved by `curl -D - -o -` (status line, headers, blank line, body)."""
    raw = Path(file_name).read_bytes()
    head, body = raw.split(b"\r\n\r\n", 1)
    headers = {}
    for line in head.decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() not in SERVER_HEADERS:
            headers[name.strip()] = value.strip()
    return headers, body


HEADERS, BODY = saved_page(settings.BARE_PAGE)


def page(request):
    return HttpResponse(BODY, headers=HEADERS)


urlpatterns = [path("", page)]

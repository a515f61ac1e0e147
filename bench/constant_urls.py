"""config.urls plus the constant response bench/load.sh compares the cached home page with."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns

BODY = ("<p>" + "Cổng thông tin điện tử " * 20 + "</p>\n").encode() * 56  # 35 KB


def constant(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/constant/", constant), *portal_urlpatterns]

"""A sendfile backend for Wagtail's document serve view behind nginx: `SENDFILE_BACKEND =
"documents.accel_redirect"` (wagtail.utils.sendfile reads that setting and calls this module's sendfile()).

Wagtail has checked who may see the file (documents.access) before it gets here; the answer is then an empty
response whose X-Accel-Redirect header tells nginx to send the file itself from an `internal` location that
no visitor can request directly. SENDFILE_URL is that location's prefix, mapped by nginx to MEDIA_ROOT
(docs/deployment.md). Wagtail adds the content type, disposition and length to the response.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = HttpResponse()
    response["X-Accel-Redirect"] = quote(f"{settings.SENDFILE_URL.rstrip('/')}/{relative.as_posix()}")
    return response

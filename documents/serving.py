"""The public URLs of uploaded files (config/urls.py), where "files follow their items" holds
(docs/requirements.md, Files).

Documents are served only by Wagtail's serve view, which asks documents.access first (the
before_serve_document hook); originals of images are never served, only their renditions. The embedded
media server (settings.SERVE_MEDIA: demo and tests) therefore refuses both folders, and production keeps
them out of the web server's and the bucket's public paths (docs/deployment.md).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views import static
from wagtail.documents.views.serve import serve

# Where Wagtail stores documents (AbstractDocument.file) and the originals of images
# (AbstractImage.get_upload_to); renditions are under "images/".
PRIVATE_MEDIA_FOLDERS = ("documents", "original_images")


def serve_document(request, document_id, document_filename):
    """Wagtail's serve view, with a response no shared cache (a CDN, a proxy) keeps and every browser checks
    again: a file whose item goes offline answers 404 on the next request."""
    response = serve(request, document_id, document_filename)
    patch_cache_control(response, private=True, no_cache=True)
    return response


def serve_media(request, path):
    """Uploaded media from Django where no web server does it: renditions and other public uploads, never a
    document or an original image, whatever the path's spelling ("images/../documents/…")."""
    folder = posixpath.normpath(path).lstrip("/").split("/", 1)[0]
    if folder.casefold() in PRIVATE_MEDIA_FOLDERS:
        raise Http404
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)

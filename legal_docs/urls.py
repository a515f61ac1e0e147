"""Legal-document URLs outside the page tree: the JSON search API.

Included from config/urls.py with `path("", include("legal_docs.urls")),` (outside i18n_patterns).
"""

from django.urls import path

from . import api

urlpatterns = [
    path("api/van-ban/", api.document_list, name="legal_docs_api"),
]

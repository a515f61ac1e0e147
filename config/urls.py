from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as home_views
from documents import serving as documents_serving
from operations import views as operations_views
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, its serve view wrapped so that no cache keeps a file (documents/serving.py).
    re_path(r"^documents/(\d+)/(.*)$", documents_serving.serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz", operations_views.healthz, name="healthz"),
    path("captcha/", include("captcha.urls")),
    path("", include("legal_docs.urls")),
    path("", include("feedback.urls")),
]

if settings.SERVE_MEDIA:
    # Never documents/ nor original_images/: files follow their items (documents/serving.py).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", documents_serving.serve_media)]

# Vietnamese without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("tim-kiem/", search_views.search, name="search"),
    path("so-do-trang/", home_views.html_sitemap, name="html_sitemap"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The database unreachable: 503 with Retry-After instead of the 500 page (operations/views.py).
handler500 = "operations.views.server_error"

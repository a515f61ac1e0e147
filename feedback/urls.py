"""Citizens' forms served outside the page tree.

Included from config/urls.py with `path("", include("feedback.urls")),` (outside i18n_patterns: the same
form posts from Vietnamese and English pages).
"""

from django.urls import path

from . import ratings

urlpatterns = [
    path("danh-gia/<slug:kind>/<int:pk>/", ratings.rate, name="feedback_rate"),
]

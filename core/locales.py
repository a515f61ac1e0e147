"""Locale language codes from the cache: Wagtail reads the locale table several times per page served."""

from wagtail.models import Locale

from core import chrome


def language_code(locale_id):
    """The language code of a locale id (locales change rarely and renew the content generation)."""
    codes = chrome.cached(
        "locales", None, build=lambda: dict(Locale.all_objects.values_list("id", "language_code"))
    )
    return codes.get(locale_id) or Locale.all_objects.get(pk=locale_id).language_code

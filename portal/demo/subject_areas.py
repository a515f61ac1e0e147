"""The demo's fields (lĩnh vực), which every app's demo files its items under."""

from core.models import SubjectArea

from . import content


def ensure_subject_areas():
    """The demo fields (lĩnh vực), by slug; other apps' demo loaders use them too."""
    areas = {}
    for order, (slug, name) in enumerate(content.SUBJECT_AREAS):
        areas[slug], _ = SubjectArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
    return areas

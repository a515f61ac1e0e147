import functools

from django import template

from ..protection import HONEYPOT, STARTED, start_token
from ..ratings import RatingForm, rating_url
from ..single_use import FIELD as ONCE_FIELD
from ..single_use import PLACEHOLDER

register = template.Library()


@register.inclusion_tag("feedback/includes/rating.html")
def page_rating(item):
    """The "Thông tin có hữu ích không?" form under `item` (an article or a legal document)."""
    return {
        "action": rating_url(item),
        "fields": blank_fields(),
        "started": start_token(),
        "once": {"name": ONCE_FIELD, "value": PLACEHOLDER},
    }


@functools.cache
def blank_fields():
    """The unbound form's labels and inputs but the fill-time token: the same under every article, rendered
    once per process (Django's widget templates took a tenth of an article page's time)."""
    form = RatingForm()

    def shown(field):
        return {"id": field.id_for_label, "label": field.label, "input": str(field)}

    return {
        "website": shown(form[HONEYPOT]),
        "comment": shown(form["comment"]),
        "started": {"name": STARTED, "id": form[STARTED].auto_id},
    }

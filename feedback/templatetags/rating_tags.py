import functools

from django import template

from ..protection import HONEYPOT, STARTED, start_token
from ..ratings import RatingForm, rating_url

register = template.Library()


@register.inclusion_tag("feedback/includes/rating.html")
def page_rating(item):
    """The "Thông tin có hữu ích không?" form under `item` (an article or a legal document)."""
    return {"action": rating_url(item), "fields": blank_fields(), "started": start_token()}


@functools.cache
def blank_fields():
    """The unbound form's labels and inputs but the fill-time token: the same under every article, rendered
    once per process (Django's widget templates took a tenth of an article page's time)."""
    form = RatingForm()
    return {
        name: {"id": form[name].id_for_label, "label": form[name].label, "input": str(form[name])}
        for name in (HONEYPOT, "comment")
    } | {"started_name": STARTED, "started_id": form[STARTED].auto_id}

from django import template

from ..ratings import RatingForm, rating_url

register = template.Library()


@register.inclusion_tag("feedback/includes/rating.html", takes_context=True)
def page_rating(context, item):
    """The "Thông tin có hữu ích không?" form under `item` (an article or a legal document)."""
    return {"action": rating_url(item), "form": RatingForm(), "csrf_token": context.get("csrf_token")}

from django import template

from ..ratings import RatingForm, rating_url

register = template.Library()


@register.inclusion_tag("feedback/includes/rating.html")
def page_rating(item):
    """The "Thông tin có hữu ích không?" form under `item` (an article or a legal document)."""
    return {"action": rating_url(item), "form": RatingForm()}

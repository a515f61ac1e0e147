from django import template
from wagtail.models import Site

from operations.models import MaintenanceNotice
from operations.notices import active_notices

register = template.Library()


@register.inclusion_tag("operations/maintenance_banner.html", takes_context=True)
def maintenance_banner(context):
    """The banner of planned downtime and alerts, on every public page that extends base.html."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return {"notices": active_notices(site), "alert": MaintenanceNotice.Kind.ALERT}

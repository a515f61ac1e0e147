"""Whose records are whose on one installation serving a province and its component portals
(docs/requirements.md, Province and component portals): a record belongs to one site; the people of that
site's board see and edit it; the province may share some of its records with its component portals, where
they are shown as the province's and edited by nobody there.

A person's sites are read from Wagtail's page permissions, which the board file grants on each site's tree:
whoever holds any permission on a page of a site's tree (or above it) works for that site."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from wagtail.models import DraftStateMixin, GroupPagePermission, Site

from . import generation
from .models import PortalSettings


def owning_site(related_name, help_text="", **options):
    """The field of a record that belongs to one site: deleting a site that still holds records is refused."""
    return models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="cổng",
        on_delete=models.PROTECT,
        related_name=related_name,
        help_text=help_text,
        **options,
    )


def user_site_ids(user):
    """The ids of the sites the user works for (every site for a superuser), once per user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "portal_site_ids", None)
    if cached is None:
        sites = Site.objects.values_list("pk", "root_page__path")
        if user.is_superuser:
            cached = frozenset(pk for pk, _path in sites)
        else:
            paths = set(
                GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
            )
            cached = frozenset(
                pk
                for pk, root in sites
                if any(path.startswith(root) or root.startswith(path) for path in paths)
            )
        user.portal_site_ids = cached
    return cached


def owned_by_user(user, objects):
    """The records of the user's sites (all of them for a superuser)."""
    if user.is_superuser:
        return objects
    return objects.filter(site_id__in=user_site_ids(user))


def may_edit(user, record):
    """Whether the record belongs to one of the user's sites: a record shared by the province is read-only on
    its component portals."""
    return user.is_superuser or record.site_id in user_site_ids(user)


def parent_site_id(site_id):
    """The province portal a component portal belongs to (its settings' "cổng thành phần của"), or None:
    read once per process and generation (a change to the settings renews the site's)."""

    def build():
        settings = PortalSettings.objects.filter(site_id=site_id)
        return settings.values_list("parent_site_id", flat=True).first()

    return generation.remembered("parent-site", site_id, build=build, generation=generation.of_site(site_id))


def shown_on(site_id):
    """Which records a site's public pages list: its own, and what its province shares with it."""
    condition = Q(site_id=site_id)
    parent = parent_site_id(site_id) if site_id else None
    if parent:
        condition |= Q(site_id=parent, shared=True)
    return condition


def is_site_owned(model):
    """Records that belong to one site: a `site` every row fills (a maintenance notice's optional site only
    says where it shows)."""
    try:
        field = model._meta.get_field("site")
    except FieldDoesNotExist:
        return False
    return field.is_relation and field.related_model is Site and not field.null


def usable_by(user, model):
    """What a user may pick in a chooser or link to: their sites' records, and what their provinces share
    (published: a shared record's draft stays the province's)."""
    sites = user_site_ids(user)
    condition = Q(site_id__in=sites)
    if any(field.name == "shared" for field in model._meta.get_fields()):
        parents = PortalSettings.objects.filter(site_id__in=sites, parent_site__isnull=False)
        shared = Q(shared=True, site_id__in=parents.values("parent_site_id"))
        condition |= shared & Q(live=True) if issubclass(model, DraftStateMixin) else shared
    return condition


def component_portals(site_id):
    """A province portal's component portals: [(site, agency name)] by name (none for any other site): read
    once per process and generation (a component's settings renew its province's: operations/invalidation)."""

    def build():
        components = PortalSettings.objects.filter(parent_site_id=site_id).select_related("site")
        return [
            (settings.site, settings.agency_name) for settings in components.order_by("agency_name", "pk")
        ]

    if site_id is None:
        return []
    return generation.remembered("components", site_id, build=build, generation=generation.of_site(site_id))

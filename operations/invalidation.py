"""Which changes start a new content generation (core/generation.py), and for which sites.

An allow-list: only what the public can see. A publish, unpublish, move or delete of a page renews the sites
whose tree holds it, their province portals and, for a procedure catalogue, their component portals; of a
moderated snippet (legal documents, published files, maintenance notices), every site that shows it. Edits of
a site's own records (legal documents, schedule entries, officials and units: core/sites.py) renew that site.
Edits of the public snippets that pages read without moderation (subject areas, document types and issuers,
official sources), files already in use, the sites themselves, languages and collections are shared by every
site and renew them all; a site's settings renew that site. A consultation comment renews its consultation's
site when its approval changes. Nothing else does: citizens' questions, comments waiting for moderation and
ratings, the board, its members and delegations, removal proposals, audit rows, revisions and drafts change no
public page.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    DraftStateMixin,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from core import generation
from core.models import PortalSettings
from procedures.models import ProcedureIndexPage

EVERY_SITE = None  # generation.renew(None): the shared generation

# Saves that touch only what editors see (a new draft, a lock), never the published version.
EDITOR_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# Shown by every site, edited without moderation (snippets and lists the public pages read).
SHARED_MODELS = frozenset(
    {
        "home.subjectarea",
        "legal_docs.documenttype",
        "legal_docs.issuer",
        "editorial.officialsource",
        "news.newstag",
    }
)
# Shown by one site, its own (core/sites.py), edited without moderation.
SITE_MODELS = frozenset({"schedule.scheduleentry", "organisation.organisationunit", "organisation.official"})
SHARED_FRAMEWORK_MODELS = (Site, Locale, Collection, CollectionViewRestriction, BaseGenericSetting)


def sites_of_path(path):
    """The ids of the sites whose tree holds the page at `path` (treebeard's materialised path), and of
    their province portals, whose home page lists their component portals' news (portal/home_blocks.py); for
    a page of a procedure catalogue (or the catalogue), also their component portals, which may list it
    (procedures.models.ProcedureIndexPage.shared)."""
    ids = [
        site_id
        for site_id, root_path in Site.objects.values_list("pk", "root_page__path")
        if path.startswith(root_path)
    ]
    parents = PortalSettings.objects.filter(site_id__in=ids, parent_site__isnull=False)
    related = set(parents.values_list("parent_site_id", flat=True))
    ancestors = [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]
    if ProcedureIndexPage.objects.filter(path__in=ancestors).exists():
        components = PortalSettings.objects.filter(parent_site_id__in=ids)
        related |= set(components.values_list("site_id", flat=True))
    return sorted({*ids, *related})


def sites_of_page(page):
    return sites_of_path(page.path)


def affected_sites(instance, created=False, update_fields=None):
    """False when the change shows on no public page; EVERY_SITE; or the ids of the sites it shows on."""
    model = type(instance)
    if update_fields and EDITOR_ONLY_FIELDS.issuperset(update_fields):
        return False
    if isinstance(instance, Page):
        # A new draft page is not public; a publish, unpublish or move sends its own signal.
        return sites_of_page(instance) if instance.live else False
    if isinstance(instance, BaseSiteSetting):
        # Wagtail creates a settings row with its defaults the first time a page reads it. A component
        # portal's settings show on its province's pages too (its name on the document search).
        parent = getattr(instance, "parent_site_id", None)
        return False if created else [instance.site_id, *([parent] if parent else [])]
    if isinstance(instance, SHARED_FRAMEWORK_MODELS):
        return False if created and isinstance(instance, BaseGenericSetting) else EVERY_SITE
    if isinstance(instance, PageViewRestriction):
        return sites_of_page(instance.page)
    if isinstance(instance, (AbstractImage, AbstractDocument)):
        return False if created else EVERY_SITE  # a new upload is used nowhere yet
    if isinstance(instance, DraftStateMixin):
        # Draft edits of a live object go to a revision; only live rows are public.
        return sites_showing(instance) if instance.live else False
    parent = moderated_parent(instance)
    if parent is not None:
        return affected_sites(parent)
    if model._meta.label_lower in SITE_MODELS:
        return [instance.site_id]
    if model._meta.label_lower in SHARED_MODELS:
        return EVERY_SITE
    if model._meta.label_lower == "feedback.consultationcomment":
        return comment_sites(instance)
    return False


def sites_showing(instance):
    """A moderated snippet is shown on every site, unless it names one (a maintenance notice, a legal
    document); one the province shares with its component portals (core/sites.py) shows on every site."""
    if isinstance(instance, Page):
        return sites_of_page(instance)
    site_id = getattr(instance, "site_id", None)
    return [site_id] if site_id and not getattr(instance, "shared", False) else EVERY_SITE


def moderated_parent(instance):
    """The live object an inline row (a legal document's files, a project's attachments) belongs to."""
    for field in type(instance)._meta.concrete_fields:
        if isinstance(field, ParentalKey):
            try:
                return getattr(instance, field.name)
            except ObjectDoesNotExist:  # deleted with its parent, which renewed what it showed on
                return None
    return None


def comment_sites(comment):
    """An approved comment is public: its approval, change, withdrawal or removal shows on its consultation's
    site; a comment waiting for moderation or rejected shows nowhere."""
    if comment.status != "approved" and not getattr(comment, "was_approved", False):
        return False
    try:
        return sites_of_page(comment.consultation)
    except ObjectDoesNotExist:  # deleted with its consultation, whose deletion renewed its site
        return False


def renew(sites):
    """Now, and again when the transaction commits: a request that read the new generation before the
    commit still saw the old rows, and must not be the one kept under it."""
    if sites is False or sites == []:
        return
    generation.renew(sites)
    transaction.on_commit(lambda: generation.renew(sites))


def remember_approval(sender, instance, **kwargs):
    """Whether a comment was approved before this save (an unapproval removes it from the page)."""
    if sender._meta.label_lower == "feedback.consultationcomment" and instance.pk:
        instance.was_approved = sender.objects.filter(pk=instance.pk, status="approved").exists()


def saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if not raw:
        renew(affected_sites(instance, created=created, update_fields=update_fields))


def deleted(sender, instance, **kwargs):
    renew(affected_sites(instance))


def page_changed(sender, instance, **kwargs):
    renew(sites_of_page(instance))


def page_moved(sender, instance, url_path_before="", **kwargs):
    """Both the sites it left and the sites it joined (their index pages list it no more, or now)."""
    left = [
        site.pk
        for site in Site.objects.select_related("root_page")
        if url_path_before.startswith(site.root_page.url_path)
    ]
    renew(sorted(set(sites_of_page(instance)) | set(left)))


def object_changed(sender, instance, **kwargs):
    """A moderated snippet published or unpublished (scheduled publishing goes through here too)."""
    renew(sites_showing(instance))


def connect():
    pre_save.connect(remember_approval, dispatch_uid="portal-generation-approval")
    post_save.connect(saved, dispatch_uid="portal-generation-save")
    post_delete.connect(deleted, dispatch_uid="portal-generation-delete")
    page_published.connect(page_changed, dispatch_uid="portal-generation-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="portal-generation-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="portal-generation-page-moved")
    published.connect(object_changed, dispatch_uid="portal-generation-published")
    unpublished.connect(object_changed, dispatch_uid="portal-generation-unpublished")

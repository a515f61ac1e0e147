"""Who may download a file of the library (docs/requirements.md, Files: files follow their items).

A file is public only while a live, public, unclassified item uses it, and its own text carries no
classification stamp. A file published on its own goes through the board as an item too (a live
PublishedFile uses it). Every other file answers 404 to the public on every URL; staff who hold a document
permission on its collection, and superusers, still get it through Wagtail's serve view.

Wagtail's reference index says which objects use a file. It is built from the stored rows, and for a live
page or a live draft-state snippet the stored row is the published version (drafts live in revisions), so a
file added in a draft of a live item counts only once that draft is published.

The documents app sits below the apps whose items use files, so it imports none of them: an item counts
when it is a live page with no view restriction on it, its ancestors or the page it is an alias of, or a
live draft-state object (snippets), and when it does not say it is classified (`is_classified`, the
property documents.classification.ClassifiedContent gives its models). Objects without a draft state (lists,
settings) never make a file public.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from wagtail.documents import get_document_model
from wagtail.models import DraftStateMixin, Page, ReferenceIndex
from wagtail.permissions import policy_registry

from .stamps import classification_stamp

# Any of these on the file's collection lets a member of staff open the file whatever its items' state.
STAFF_ACTIONS = ["add", "change", "choose"]


def may_download(user, document):
    """The file may be sent to this user: it is public, or the user is staff who may see it."""
    return may_see_privately(user, document) or is_public(document)


def may_see_privately(user, document):
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(user, STAFF_ACTIONS, document)


def is_public(document):
    """True while a live, public, unclassified item uses the file and the file carries no stamp."""
    if classification_stamp(document.extracted_text):
        return False
    return any(item_is_public(item) for item in items_using(document))


def items_using(document):
    """The objects whose stored version refers to the document, loaded one at a time (the first public one
    is enough)."""
    pairs = (
        ReferenceIndex.get_references_to(document)
        .order_by()
        .values_list("content_type", "object_id")
        .distinct()
    )
    for content_type_id, object_id in pairs:
        try:
            item = ContentType.objects.get_for_id(content_type_id).get_object_for_this_type(pk=object_id)
        except ObjectDoesNotExist:  # the model is gone, or the row was deleted without its references
            continue
        yield item.specific if isinstance(item, Page) else item


def item_is_public(item):
    if getattr(item, "is_classified", False):
        return False
    if isinstance(item, Page):
        return item.live and not _restricted(item)
    if isinstance(item, DraftStateMixin):
        return item.live
    return False


def _restricted(page):
    """A view restriction (login, password, groups) on the page or its ancestors, or on those of the page
    an alias copies (serving the alias checks both)."""
    pages = [page, page.alias_of] if page.alias_of_id else [page]
    return any(each.get_view_restrictions().exists() for each in pages)

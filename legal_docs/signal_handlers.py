"""Keep derived data right when a document is published: its files' text and the statuses it changes."""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import published, unpublished

from .models import LegalDocument


def refresh_search_text(document):
    """Files are saved after the document itself, so their text joins the index only once they exist."""
    text = document.folded_text()
    if text != document.search_text:
        LegalDocument.objects.filter(pk=document.pk).update(search_text=text)
        document.search_text = text
        index.insert_or_update_object(document)


@receiver(published, sender=LegalDocument)
@receiver(unpublished, sender=LegalDocument)
def refresh_related(sender, instance, **kwargs):
    refresh_search_text(instance)
    for relation in instance.relations.select_related("target"):
        relation.target.refresh_status()
    instance.refresh_status()

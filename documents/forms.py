from wagtail.documents.forms import BaseDocumentForm


class PortalDocumentForm(BaseDocumentForm):
    """Every upload form for documents (admin, choosers, bulk upload) starts here."""

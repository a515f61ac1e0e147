"""The portal's own document model is the one Wagtail uses for every upload."""

import pytest
import wagtail_factories
from wagtail.documents import get_document_model

from documents.models import PortalDocument

from .factories import publish_on_its_own

pytestmark = pytest.mark.django_db


def test_wagtail_uses_the_portal_document_model():
    assert get_document_model() is PortalDocument


def test_a_published_document_is_served_for_download(client):
    document = wagtail_factories.DocumentFactory(
        title="Kế hoạch năm 2026",
        description="Kế hoạch công tác",
        file__data=b"%PDF-1.4 ke hoach",
        file__filename="ke-hoach-2026.pdf",
    )
    assert isinstance(document, PortalDocument)
    publish_on_its_own(document)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 ke hoach"

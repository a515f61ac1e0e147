from documents.models import PublishedFile


def publish_on_its_own(document, title="Biểu mẫu đăng ký"):
    """A file the board published on its own (a live PublishedFile): public from now on."""
    published = PublishedFile.objects.create(document=document, title=title, live=False)
    published.save_revision().publish()
    published.refresh_from_db()
    return published

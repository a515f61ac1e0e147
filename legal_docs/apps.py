from django.apps import AppConfig


class LegalDocsConfig(AppConfig):
    name = "legal_docs"
    verbose_name = "Văn bản quy phạm pháp luật và chỉ đạo điều hành"

    def ready(self):
        from . import signals  # noqa: F401

from django.apps import AppConfig


class LegalDocsConfig(AppConfig):
    name = "legal_docs"
    verbose_name = "Văn bản quy phạm pháp luật và chỉ đạo điều hành"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (its @receiver handlers connect on import)

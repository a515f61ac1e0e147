from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal: backups and restores, health checks, scheduled jobs, planned-downtime notices."""

    name = "operations"
    verbose_name = "Vận hành"

    def ready(self):
        from . import audit, cache, invalidation, notices

        audit.connect()
        invalidation.connect()  # what starts a new content generation (core/generation.py)
        notices.connect()
        cache.warn_without_eviction()

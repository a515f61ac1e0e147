from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal: backups and restores, health checks, scheduled jobs, planned-downtime notices."""

    name = "operations"
    verbose_name = "Vận hành"

    def ready(self):
        from . import audit, cache, generation, notices

        audit.connect()
        generation.connect()
        notices.connect()
        cache.warn_without_eviction()

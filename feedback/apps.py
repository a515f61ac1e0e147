from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Hỏi đáp, góp ý"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()

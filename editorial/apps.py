from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Ban biên tập"

    def ready(self):
        from . import notifications, removal

        notifications.connect()
        removal.connect()

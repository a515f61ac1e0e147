from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Ban biên tập"

    def ready(self):
        from . import collections, forms, notifications, permissions, removal

        forms.use_board_forms()

        notifications.connect()
        removal.connect()
        permissions.register_snippet_policies()
        collections.register_file_policies()

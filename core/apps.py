from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer (docs/architecture.md): the portal's settings, subject areas, base and home page
    models, blocks, page-tree helpers, text folding, the content generation. It imports no other app of the
    project. Its label stays "home", the app it grew from, so that its tables and migrations keep their names.
    """

    name = "core"
    label = "home"
    verbose_name = "Trang chủ và cài đặt chung"

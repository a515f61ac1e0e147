from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Dự án đầu tư, đấu thầu, mua sắm công"

"""Drop Wagtail's site-wide "Moderators approval" workflow: the board's own workflows replace it."""

from django.db import migrations

DEFAULT_WORKFLOW = "Moderators approval"


def remove_default_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    Task = apps.get_model("wagtailcore.Task")

    workflows = Workflow.objects.filter(name=DEFAULT_WORKFLOW)
    task_ids = list(WorkflowTask.objects.filter(workflow__in=workflows).values_list("task_id", flat=True))
    WorkflowPage.objects.filter(workflow__in=workflows).delete()
    workflows.delete()
    # A task shared with another workflow stays; an orphaned default task goes.
    Task.objects.filter(pk__in=task_ids, workflow_tasks__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage"), ("wagtailcore", "0048_add_default_workflows")]

    operations = [migrations.RunPython(remove_default_workflow, migrations.RunPython.noop)]

"""What happens when the board's moderation path is complete."""

from contextlib import contextmanager
from contextvars import ContextVar

# Set while the completed path publishes: that publication went through the board, it is not a direct one
# (editorial.notifications records direct publications for the weekly report).
# See docs/requirements.md, Direct publication.
COMPLETING_WORKFLOW = ContextVar("editorial_completing_workflow", default=False)


@contextmanager
def completing_workflow():
    token = COMPLETING_WORKFLOW.set(True)
    try:
        yield
    finally:
        COMPLETING_WORKFLOW.reset(token)


def publish_approved(workflow_state, user=None):
    """Publish at once (approved items go online the day they are approved). The completed path is the
    authority: a deputy whose approval is final for a section holds no publish permission of their own.
    A path run for a removal proposal unpublishes the page instead (editorial.removal): nothing is published
    then, not even a newer draft."""
    from .removal import remove_if_proposed  # this module is imported while wagtail.models loads

    if remove_if_proposed(workflow_state, user=user):
        return
    with completing_workflow():
        workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)

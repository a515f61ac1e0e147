"""Sending a page to the board from code (an answer drafted in the inbox, the demo's waiting article)."""


def submit(page, user):
    """Save the page's draft as user's revision and start its workflow, if one applies to it (the site's
    board's, editorial/board_file.py); the page stays a draft until the board approves it."""
    page.save_revision(user=user)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page

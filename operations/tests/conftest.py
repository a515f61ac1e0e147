import pytest
from django.test import Client


@pytest.fixture
def visitor():
    """A browser's view of a failure: the error page, not the test client's re-raised exception."""
    return Client(raise_request_exception=False)

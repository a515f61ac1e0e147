import pytest
from bs4 import BeautifulSoup

from core.tests.factories import PortalSettingsFactory, StandardPageFactory


@pytest.fixture
def portal(site):
    return PortalSettingsFactory(site=site)


@pytest.fixture
def introduction(home_page, portal):
    """The "Giới thiệu" section that holds the leaders and chart pages."""
    return StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")


@pytest.fixture
def soup_of(client):
    def get(url, **params):
        response = client.get(url, params)
        assert response.status_code == 200
        return BeautifulSoup(response.content.decode(), "html.parser")

    return get

"""Where project pages may live and what an editor may not save."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.models import HomePage, StandardPage
from core.tests.factories import StandardPageFactory
from projects.models import BiddingPackage, ProjectIndexPage, ProjectPage

from .factories import BiddingPackageFactory, ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ProjectIndexPageFactory(parent=home_page)


def test_project_pages_live_only_under_the_project_section(home_page, root_page, index):
    project = ProjectPageFactory(parent=index)
    standard = StandardPageFactory(parent=home_page)

    assert ProjectIndexPage.can_create_at(home_page)
    assert not ProjectIndexPage.can_create_at(root_page)
    assert not ProjectIndexPage.can_create_at(standard)
    assert ProjectPage.can_create_at(index)
    assert not ProjectPage.can_create_at(home_page)
    assert not ProjectPage.can_create_at(project)
    assert ProjectIndexPage.allowed_subpage_models() == [ProjectPage]
    assert ProjectPage.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(index)
    assert not HomePage.can_create_at(index)


def errors_of(instance):
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return raised.value.message_dict


def test_a_complete_project_validates(index):
    ProjectPageFactory(parent=index, start_year=2024, end_year=2024).full_clean()


def test_period_cannot_end_before_it_starts(index):
    project = ProjectPageFactory(parent=index, start_year=2026, end_year=2026)
    project.end_year = 2025

    assert errors_of(project) == {"end_year": ["Năm hoàn thành không được trước năm bắt đầu."]}


def test_budget_cannot_be_negative(index):
    project = ProjectPageFactory(parent=index)
    project.budget = Decimal("-1")

    assert errors_of(project) == {"budget": ["Số tiền không được là số âm."]}


def test_publishing_needs_the_mandatory_facts(index):
    project = ProjectPage(title="Dự án thiếu thông tin", slug="du-an-thieu-thong-tin")

    errors = errors_of(project)

    for name in (
        "objective",
        "subject_area",
        "project_type",
        "status",
        "investor",
        "decision_date",
        "budget",
    ):
        assert name in errors


def test_package_value_cannot_be_negative(index):
    package = BiddingPackageFactory(project=ProjectPageFactory(parent=index), value=Decimal("-5"))

    assert errors_of(package)["value"] == ["Số tiền không được là số âm."]
    assert BiddingPackage.objects.count() == 1

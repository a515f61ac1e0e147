"""Every page type of the portal: a template, accent-free search, Dublin Core, and a place in the tree."""

import pytest
from django.template.loader import get_template
from wagtail.models import Page, get_page_models

from core.indexing import FOLDED_FIELD
from core.models import BasePortalPage, HomePage

PORTAL_PAGE_TYPES = [model for model in get_page_models() if model is not Page]


@pytest.mark.parametrize("model", PORTAL_PAGE_TYPES, ids=lambda model: model._meta.label)
def test_every_page_type_has_template_search_and_metadata(model):
    assert issubclass(model, BasePortalPage), "base.html's Dublin Core tags and folded search come from here"
    get_template(model.template)
    assert FOLDED_FIELD in {field.field_name for field in model.search_fields}


@pytest.mark.parametrize("model", PORTAL_PAGE_TYPES, ids=lambda model: model._meta.label)
def test_every_page_type_declares_where_it_lives(model):
    assert model.parent_page_types is not None and model.subpage_types is not None


def test_only_sections_go_directly_under_the_home_page():
    allowed = {model._meta.label for model in HomePage.clean_subpage_models()}
    assert "news.ArticlePage" not in allowed and "projects.ProjectPage" not in allowed
    assert {"news.SectionPage", "projects.ProjectIndexPage", "organisation.ContactPage"} <= allowed

"""Security headers: what a visitor's browser is told about a public page, the admin and its preview."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.tests.factories import StandardPageFactory
from operations.security import permissions_policy_header

REPO = Path(__file__).resolve().parents[2]


def directives(response):
    """The CSP header as {"script-src": ["'self'"], ...}."""
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.fixture
def standard_page(home_page):
    return StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")


@pytest.mark.django_db
def test_a_public_page_carries_a_strict_policy(client, standard_page):
    response = client.get(standard_page.url)
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert "https://www.youtube.com" in policy["frame-src"]  # embedded videos still play
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_public_layout_has_no_inline_code_the_policy_would_block(client, standard_page):
    """Inline scripts, style attributes and on* handlers would be blocked: the templates have none."""
    soup = BeautifulSoup(client.get(standard_page.url).content, "html.parser")
    assert soup.find_all("script") and all(script.get("src") for script in soup.find_all("script"))
    assert not soup.find_all("style")
    for element in soup.find_all(True):
        assert not [name for name in element.attrs if name == "style" or name.startswith("on")], element


@pytest.mark.django_db
def test_the_captcha_image_is_served_from_the_portal_itself(client):
    """img-src 'self' covers it: the question form's CAPTCHA comes from /captcha/image/."""
    from captcha.models import CaptchaStore

    key = CaptchaStore.generate_key()
    response = client.get(f"/captcha/image/{key}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"


@pytest.mark.django_db
def test_an_embed_is_rendered_without_a_style_attribute():
    from django.template.loader import render_to_string

    class Embed:
        is_responsive = True
        html = '<iframe src="https://www.youtube.com/embed/x" title="Video"></iframe>'

    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": Embed()})
    assert "style=" not in html and 'class="embed embed--responsive"' in html


@pytest.mark.django_db
def test_the_admin_preview_may_be_framed_by_the_admin_only(admin_client, standard_page):
    url = f"/admin/pages/{standard_page.pk}/edit/preview/"
    form = nested_form_data(
        {"title": "Giới thiệu (bản nháp)", "slug": "gioi-thieu", "intro": "", "body": streamfield([])}
    )
    assert admin_client.post(url, form).json()["is_valid"] is True
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Giới thiệu (bản nháp)" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_the_rest_of_the_admin_is_never_framed(admin_client, standard_page):
    response = admin_client.get(f"/admin/pages/{standard_page.pk}/edit/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert directives(response)["frame-ancestors"] == ["'none'"]
    # Wagtail's own admin writes inline scripts and styles: it has the relaxed policy, the public does not.
    assert "'unsafe-inline'" in directives(response)["script-src"]


def test_permissions_policy_header_format():
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == "camera=(), fullscreen=(self)"


def test_production_settings_pass_the_deployment_checks():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "congthongtin.example.gov.vn",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr

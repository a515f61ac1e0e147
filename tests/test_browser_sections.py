"""A visitor's path through the sections in a real browser: menu → news article, menu → projects → filter."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.tests.factories import PortalSettingsFactory, SubjectAreaFactory
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from projects.enums import ProjectStatus, ProjectType
from projects.tests.factories import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def portal(site, home_page):
    PortalSettingsFactory(site=site, agency_name="Sở Kế hoạch và Đầu tư tỉnh An Khánh")
    news = SectionPageFactory(parent=home_page, title="Tin tức, sự kiện", slug="tin-tuc")
    publish(
        ArticlePageFactory(
            parent=news,
            title="Hội nghị xúc tiến đầu tư vào khu kinh tế ven biển",
            intro="Trao 6 chủ trương đầu tư.",
        ),
        timezone.now() - timedelta(hours=1),
    )
    projects = ProjectIndexPageFactory(parent=home_page)
    health = SubjectAreaFactory(name="Y tế", slug="y-te")
    roads = SubjectAreaFactory(name="Giao thông", slug="giao-thong")
    for title, status, area, kind in (
        ("Bệnh viện đa khoa tỉnh", ProjectStatus.COMPLETED, health, ProjectType.GROUP_B),
        ("Trạm y tế xã An Hải", ProjectStatus.COMPLETED, health, ProjectType.GROUP_C),
        ("Đường ven biển An Khánh", ProjectStatus.IN_PROGRESS, roads, ProjectType.GROUP_A),
    ):
        publish(
            ProjectPageFactory(
                parent=projects, title=title, status=status, subject_area=area, project_type=kind
            )
        )
    return home_page


def test_menu_to_article_and_to_filtered_projects(page, live_server, portal):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    menu = page.locator("#main-nav-list")

    menu.get_by_role("link", name="Tin tức, sự kiện").click()
    expect(page.locator("h1")).to_have_text("Tin tức, sự kiện")
    page.get_by_role("link", name="Hội nghị xúc tiến đầu tư vào khu kinh tế ven biển").first.click()
    expect(page.locator("h1")).to_have_text("Hội nghị xúc tiến đầu tư vào khu kinh tế ven biển")
    expect(page.locator(".lead")).to_have_text("Trao 6 chủ trương đầu tư.")

    menu.get_by_role("link", name="Dự án đầu tư, đấu thầu, mua sắm công").click()
    projects = page.locator(".project-list h2")
    expect(projects).to_have_count(3)
    page.locator(".project-tabs").get_by_role("link", name="Đã hoàn thành").click()
    expect(projects).to_have_count(2)
    expect(page.locator(".project-list")).to_contain_text("Bệnh viện đa khoa tỉnh")
    expect(page.locator(".project-list")).not_to_contain_text("Đường ven biển An Khánh")
    page.get_by_label("Loại dự án").select_option(value=ProjectType.GROUP_C)
    page.get_by_role("button", name="Lọc").click()
    expect(projects).to_have_text(["Trạm y tế xã An Hải"])
    assert "status=completed" in page.url and f"type={ProjectType.GROUP_C}" in page.url


def test_directory_and_schedule_are_cards_on_a_phone(page, live_server, site, home_page):
    """At 360 px each row is a card: no sideways scrolling, a phone number on one line, an email address
    whole (wrapped, not cut)."""
    from organisation.tests.factories import (
        ContactPageFactory,
        OfficialFactory,
        OrganisationChartPageFactory,
        OrganisationUnitFactory,
    )
    from schedule.tests.factories import ScheduleEntryFactory, SchedulePageFactory

    unit = OrganisationUnitFactory(
        name="Phòng Đăng ký kinh doanh", email="dangkykinhdoanh.skhdt@example.gov.vn"
    )
    OfficialFactory(
        full_name="Nguyễn Thị Thu Hương",
        position="Phó Trưởng phòng Đăng ký kinh doanh",
        unit=unit,
        phone="0260 3 812 345",
        email="nguyenthithuhuong.skhdt@example.gov.vn",
    )
    level = unit
    for depth in range(4):  # a chart four levels deep
        level = OrganisationUnitFactory(
            name=f"Tổ công tác chuyển đổi số cấp {depth} thuộc phòng", parent=level, slug=f"to-{depth}"
        )
    contact = ContactPageFactory(parent=home_page)
    schedule = SchedulePageFactory(parent=home_page)
    chart = OrganisationChartPageFactory(parent=home_page)
    ScheduleEntryFactory(date=timezone.localdate(), content="Họp giao ban", location="Phòng họp số 2")
    page.set_viewport_size({"width": 360, "height": 740})
    for url in (contact.url, schedule.url, chart.url):
        page.goto(live_server.url + url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, url
    page.goto(live_server.url + contact.url)
    phone = page.locator('table.directory a[href^="tel:"]').first
    assert phone.bounding_box()["height"] < 30  # one line
    email = page.locator('table.directory a[href^="mailto:"]').first
    box = email.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    expect(page.locator("table.directory td").first).to_be_visible()
    label = page.evaluate(
        "getComputedStyle(document.querySelector('table.directory td[data-label]'), '::before').content"
    )
    assert label == '"Chức vụ: "'

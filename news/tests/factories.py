import factory
import wagtail_factories

from news.models import ArticlePage, SectionPage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    intro = "Tin hoạt động của Sở."
    show_in_menus = True

    class Meta:
        model = SectionPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Hội nghị xúc tiến đầu tư lần thứ {n}")
    intro = "Sáng nay, Sở Kế hoạch và Đầu tư tổ chức hội nghị xúc tiến đầu tư."
    author_name = "Minh Anh"
    author_address = "Văn phòng Sở Kế hoạch và Đầu tư"

    class Meta:
        model = ArticlePage


def publish(page, when=None):
    """Publish a revision, optionally at a given first-publication time (listings order by it)."""
    page.save_revision().publish()
    if when is not None:
        type(page).objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
        page.refresh_from_db()
    return page

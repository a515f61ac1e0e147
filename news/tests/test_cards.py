"""Article cards write what the template filters and Wagtail's image tag used to write (news/cards.py)."""

from datetime import UTC, datetime

import pytest
import wagtail_factories
from django.template import Context, Template
from django.utils import translation
from wagtail.images.models import Filter

from news.cards import CARD_ATTRIBUTES, CARD_FILTER, SUMMARY_WORDS, article_cards, images_for_cards, img_tag

pytestmark = pytest.mark.django_db

INTRO = " ".join(f"từ{number}" for number in range(SUMMARY_WORDS + 10))


def row(published_at, intro=INTRO):
    return {
        "pk": 1,
        "title": "Hội nghị",
        "intro": intro,
        "path": "0001",
        "url_path": "/hoi-nghi/",
        "first_published_at": published_at,
        "main_image_id": None,
        "subject_area__name": None,
    }


def filtered(value, text):
    filters = [
        "{{ value|date:'c' }}",
        "{{ value|date:'SHORT_DATETIME_FORMAT' }}",
        "{{ text|truncatewords:" + str(SUMMARY_WORDS) + " }}",
    ]
    template = Template("|".join(filters))
    return template.render(Context({"value": value, "text": text})).split("|")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dates_and_summary_are_what_the_filters_wrote(language):
    published = datetime(2026, 11, 22, 23, 30, 5, 123456, tzinfo=UTC)  # the next day in Hà Nội
    with translation.override(language):
        card = article_cards([row(published)], None)[0]
        iso, shown, summary = filtered(published, INTRO)

    assert (card.published_iso, card.published, card.summary) == (iso, shown, summary)
    if language == "vi":
        assert card.published == "06:30 23/11/2026"  # Hà Nội's time, as agencies write dates


def test_a_never_published_card_has_no_date():
    card = article_cards([row(None, intro="")], None)[0]
    assert (card.published, card.published_iso, card.summary) == ("", "", "")


def test_the_image_tag_is_wagtails_own_markup():
    image = wagtail_factories.ImageFactory(title='Ảnh "hội nghị" <b>')
    images = images_for_cards([image.pk], "width-1000")

    assert img_tag(images[image.pk]) == image.get_rendition(CARD_FILTER).img_tag(CARD_ATTRIBUTES)
    caption = {"alt": 'Chú thích "có" <dấu>'}
    wide = Filter("width-1000")
    assert img_tag(images[image.pk], wide, caption) == image.get_rendition(wide).img_tag(caption)

"""Article cards (link, title, date, field, summary, image) built from plain values.

A list of cards costs its own query plus two for the images and their renditions, and no page objects:
building an article page object costs about half a millisecond (modelcluster's set-up), and so did
resolving {% pageurl %} and {% image %} once per card.
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

from home.tree import url_below

CARD_FIELDS = (
    "pk",
    "title",
    "intro",
    "path",
    "url_path",
    "first_published_at",
    "main_image_id",
    "subject_area__name",
)
CARD_IMAGE = "fill-320x200"
CARD_FILTER = Filter(CARD_IMAGE)
CARD_ATTRIBUTES = {"alt": "", "loading": "lazy"}  # decorative: the card's title is the link's text


@dataclass(frozen=True)
class Card:
    pk: int
    path: str
    url: str
    title: str
    intro: str
    first_published_at: datetime | None
    subject_area: str | None  # the field's name
    image: str | None  # the <img> tag


def card_values(articles):
    """The article queryset reduced to what a card shows."""
    return articles.values(*CARD_FIELDS)


def article_cards(rows, request, root=None, images=None):
    """Cards for the template news/includes/article_cards.html, from card_values() rows.

    root, a page above most of them, gives their URLs without Wagtail's per-page URL work; images is
    images_for_cards() of the rows' images when the caller read them together with its own."""
    rows = list(rows)
    if images is None:
        images = images_for_cards({row["main_image_id"] for row in rows})
    root_url = root.get_url(request) if root is not None else None
    return [
        Card(
            pk=row["pk"],
            path=row["path"],
            url=url_below(row["url_path"], root, root_url, request),
            title=row["title"],
            intro=row["intro"],
            first_published_at=row["first_published_at"],
            subject_area=row["subject_area__name"],
            image=img_tag(images.get(row["main_image_id"])),
        )
        for row in rows
    ]


def images_for_cards(ids, *specs):
    """{image id: image}, with the card's rendition and those of specs: two queries for a whole list."""
    ids = set(ids) - {None}
    if not ids:
        return {}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(CARD_IMAGE, *specs)
    return {image.pk: image for image in images}


def img_tag(image, spec=CARD_FILTER, attributes=CARD_ATTRIBUTES):
    """What {% image image spec alt="" loading="lazy" %} (attributes) writes, from a prefetched rendition and
    without get_rendition()'s write of it to the renditions cache."""
    if image is None:
        return None
    try:
        rendition = image.find_existing_rendition(spec)
    except image.get_rendition_model().DoesNotExist:
        rendition = get_rendition_or_not_found(image, spec)
    return rendition.img_tag(attributes)

"""Article cards (link, title, date, field, summary, image) built from plain values.

A list of cards costs its own query plus two for the images and their renditions, and no page objects:
building an article page object costs about half a millisecond (modelcluster's set-up), and so did
resolving {% pageurl %} and {% image %} once per card.
"""

from dataclasses import dataclass
from html import escape

from django.apps import apps
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

from home import compiled
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
SUMMARY_WORDS = 40


@dataclass(frozen=True)
class Card:
    pk: int
    path: str
    url: str
    title: str
    intro: str
    published: str  # the date shown, as |date:"SHORT_DATETIME_FORMAT" writes it ("" when never published)
    published_iso: str  # for <time datetime>
    summary: str  # the intro cut to SUMMARY_WORDS words, as |truncatewords writes it
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
            **dates(row["first_published_at"]),
            summary=Truncator(row["intro"]).words(SUMMARY_WORDS, truncate=" …"),
            subject_area=row["subject_area__name"],
            image=img_tag(images.get(row["main_image_id"])),
        )
        for row in rows
    ]


def dates(published_at):
    """The card's date written here, not by two template filters per card (a fifth of a list's time)."""
    if published_at is None:
        return {"published": "", "published_iso": ""}
    local = timezone.localtime(published_at)
    return {
        "published": formats.date_format(local, "SHORT_DATETIME_FORMAT"),
        "published_iso": local.isoformat(),
    }


def images_for_cards(ids, *specs):
    """{image id: image}, with the card's rendition and those of specs: two queries for a whole list, as
    prefetch_renditions() makes them but compiled once per content generation (home/compiled.py)."""
    ids = sorted(set(ids) - {None})
    if not ids:
        return {}
    specs = sorted({CARD_IMAGE, *specs})
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    images = compiled.instances(("card-images", *ids), lambda: image_model.objects.filter(pk__in=ids))
    renditions = compiled.instances(
        ("card-renditions", *specs, "images", *ids),
        lambda: rendition_model.objects.filter(image_id__in=ids, filter_spec__in=specs),
    )
    by_id = {image.pk: image for image in images}
    for image in images:
        image.prefetched_renditions = []  # Wagtail's name for renditions prefetched to an attribute
    for rendition in renditions:
        rendition.image = by_id[rendition.image_id]
        rendition.image.prefetched_renditions.append(rendition)
    return by_id


def img_tag(image, spec=CARD_FILTER, attributes=CARD_ATTRIBUTES):
    """What {% image image spec alt="" loading="lazy" %} (attributes) writes, from a prefetched rendition and
    without get_rendition()'s write of it to the renditions cache."""
    if image is None:
        return None
    try:
        rendition = image.find_existing_rendition(spec)
    except image.get_rendition_model().DoesNotExist:
        rendition = get_rendition_or_not_found(image, spec)
    values = {
        **{"src": rendition.url, "width": rendition.width, "height": rendition.height, "alt": rendition.alt},
        **apps.get_app_config("wagtailimages").default_attrs,
        **attributes,
    }
    # Rendition.img_tag()'s markup (flatatt() sorts the attributes), escaped by the standard library: its
    # format_html() per attribute cost a list of cards about two milliseconds.
    markup = "".join(f' {name}="{escape(str(value))}"' for name, value in sorted(values.items()))
    return mark_safe(f"<img{markup}>")  # noqa: S308 (every value escaped above)

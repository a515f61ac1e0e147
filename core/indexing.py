"""Accent-free copies of indexed text, so a query typed without diacritics still matches."""

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.search import index

from .text import fold

FOLDED_FIELD = "folded_search_text"


def _text_of(value):
    if isinstance(value, StreamValue):
        return " ".join(value.stream_block.get_searchable_content(value))
    return strip_tags(str(value or ""))


class FoldedSearchMixin:
    """Indexes a folded copy of every other SearchField; add `folded_search_field()` to search_fields."""

    def folded_search_text(self):
        parts = []
        for field in self.search_fields:
            if isinstance(field, index.SearchField) and field.field_name != FOLDED_FIELD:
                value = getattr(self, field.field_name, "")
                parts.append(_text_of(value() if callable(value) else value))
        return fold(" ".join(parts))


def folded_search_field():
    return index.SearchField(FOLDED_FIELD)

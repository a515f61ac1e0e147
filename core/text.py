"""The one Vietnamese text-folding function that every index and every query uses."""

import re
import unicodedata

from anyascii import anyascii
from django.utils.text import slugify

# Real data carries Ð (U+00D0, Icelandic eth) where Đ (U+0110) is meant, and text copied out of PDFs
# carries ƣ/Ƣ (U+01A3/U+01A2, "oi") where ư/Ư is meant ("Đầu tƣ"); none of them decomposes in Unicode.
_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u01a3": "ư", "\u01a2": "Ư"})
_SPACES = re.compile(r"\s+")


def normalize(text):
    """NFC text with look-alike letters fixed: the form the portal stores (TCVN 6909:2001)."""
    return unicodedata.normalize("NFC", text or "").translate(_LOOKALIKES)


def fold(text):
    """Lower-case ASCII without diacritics, so "Quyết định", "quyet dinh" and "QUYẾT ĐỊNH" meet.

    Works for NFD input, stacked marks (ộ, ướ), tone-placement variants (Ủy/Uỷ) and đ/Đ/Ð, which
    neither SQLite FTS5 nor NFD decomposition fold by themselves.
    """
    return _SPACES.sub(" ", anyascii(normalize(text)).lower()).strip()


_NOT_A_WORD = re.compile(r"[^0-9a-z]+")


def words(text):
    """The folded words of a query: only [0-9a-z] tokens, so no input can break a full-text syntax."""
    return _NOT_A_WORD.sub(" ", fold(text)).split()


MAX_QUERY_LENGTH = 200  # characters of a search box's query that are searched


def folded_query(raw):
    """What an index can match: the query's folded words."""
    return " ".join(words(raw[:MAX_QUERY_LENGTH]))


def slug_of(text):
    """A không-dấu address part, as Vietnamese sites write them: "Tháng 10/2026: Đầu tư" gives
    "thang-10-2026-dau-tu" (đ is d, a slash separates)."""
    return slugify(fold(text).replace("/", " "))

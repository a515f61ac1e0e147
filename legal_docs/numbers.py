"""Document numbers (số, ký hiệu) as people type them: 43/2011/NĐ-CP, 43/2011/ND-CP, 43-2011-nd-cp."""

import re

from core.text import fold, normalize

_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[^0-9a-z]+")
_NUMBER_WITH_YEAR = re.compile(r"^\s*(\d+)\s*[/\-. ]\s*((?:19|20)\d\d)\s*$")
_LOOKS_LIKE_NUMBER = re.compile(r"^\s*\d+\s*[/\-]\s*[\w\-/Đđ]+\s*$", re.UNICODE)


def normalized_number(number):
    """The stored canonical form: NFC, upper case, Ð→Đ, no spaces ("43/2011/NĐ-CP")."""
    return _SPACES.sub("", normalize(number)).upper()


def number_key(number):
    """The matching form every spelling shares: folded, separators unified ("43-2011-nd-cp")."""
    return _SEPARATORS.sub("-", fold(number)).strip("-")


def number_with_year(query):
    """("43", 2011) for a bare "43/2011" or "43-2011", else None."""
    match = _NUMBER_WITH_YEAR.match(query or "")
    return (match.group(1), int(match.group(2))) if match else None


def looks_like_number(query):
    """A query shaped like a document number ("217/QĐ-UBND", "43/2011/ND-CP"), not like words."""
    return bool(_LOOKS_LIKE_NUMBER.match(query or ""))

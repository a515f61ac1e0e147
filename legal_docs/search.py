"""Finding documents: by number in any spelling first, then by words with or without diacritics.

The same code serves the public page and the JSON API, on SQLite and PostgreSQL alike.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Q
from wagtail.search.query import And, Phrase, PlainText

from search.text import fold

from .models import LegalDocument
from .numbers import looks_like_number, number_key, number_with_year

_PHRASE = re.compile(r'"([^"]+)"')
_NOT_A_WORD = re.compile(r"[^0-9a-z]+")
FACETS = {"type": "doc_type_id", "issuer": "issuer_id", "status": "status"}


def _words(text):
    return _NOT_A_WORD.sub(" ", fold(text)).split()


def filtered(filters):
    """Live documents narrowed by the form's valid filters."""
    documents = LegalDocument.objects.filter(live=True)
    lookups = {
        "type": "doc_type",
        "issuer": "issuer",
        "status": "status",
        "year": "issued_on__year",
        "issued_from": "issued_on__gte",
        "issued_to": "issued_on__lte",
    }
    for name, lookup in lookups.items():
        if name in filters:
            documents = documents.filter(**{lookup: filters[name]})
    if "field" in filters:
        # A subquery on the link table rather than a join: search backends cannot filter through M2M joins.
        links = LegalDocument.subject_areas.through.objects.filter(subjectarea=filters["field"])
        documents = documents.filter(pk__in=links.values("legaldocument_id"))
    if "signer" in filters:
        documents = documents.filter(signer_key__contains=fold(filters["signer"]))
    return documents


def number_matches(documents, query):
    """Documents whose number is the query in any spelling ("43/2011/ND-CP", "43-2011-nd-cp", "43/2011")."""
    conditions = Q(number_key=number_key(query))
    bare = number_with_year(query)
    if bare:
        number, year = bare
        conditions |= Q(number_key__startswith=f"{number}-{year}-") | Q(
            number_key__startswith=f"{number}-", issued_on__year=year
        )
    return documents.filter(conditions).order_by("-issued_on")


def text_query(query):
    """All words must match (folded); text in double quotes must match as a phrase."""
    phrases = [" ".join(_words(phrase)) for phrase in _PHRASE.findall(query)]
    words = _words(_PHRASE.sub(" ", query))
    parts = ([PlainText(" ".join(words), operator="and")] if words else []) + [
        Phrase(p) for p in phrases if p
    ]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


@dataclass
class Results:
    """Number matches first, then text matches; sliceable and countable, so Paginator can page it."""

    first: list
    rest: object
    rest_count: int = field(default=0)

    def count(self):
        return len(self.first) + self.rest_count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop
        head = self.first[start:stop]
        rest_start = max(0, start - len(self.first))
        rest_stop = None if stop is None else max(0, stop - len(self.first))
        tail = list(self.rest[rest_start:rest_stop]) if rest_stop is None or rest_stop > rest_start else []
        return head + tail


def find(filters):
    """(results, facets) for valid filters: q, type, issuer, field, signer, status, year, dates, sort."""
    documents = filtered(filters).select_related("doc_type", "issuer")
    query = (filters.get("q") or "").strip()
    sort = filters.get("sort") or ("relevance" if query else "newest")
    ordering = "issued_on" if sort == "oldest" else "-issued_on"
    if not query:
        ordered = documents.order_by(ordering, "-pk")
        return Results([], ordered, ordered.count()), facet_counts(documents)
    exact = list(number_matches(documents, query)[:20])
    remaining = documents.exclude(pk__in=[document.pk for document in exact])
    search_query = text_query(query)
    if search_query is None or (exact and looks_like_number(query)):
        return Results(exact, remaining.none(), 0), facet_counts(
            documents.filter(pk__in=[d.pk for d in exact])
        )
    if sort == "relevance":
        matches = remaining.search(search_query)
    else:
        matches = remaining.order_by(ordering, "-pk").search(search_query, order_by_relevance=False)
    return Results(exact, matches, matches.count()), search_facets(exact, matches)


def facet_counts(documents):
    """{facet name: {value: count}} over a queryset, one grouped query per facet."""
    counts = {}
    for name, column in FACETS.items():
        rows = documents.order_by().values(column).annotate(total=Count("pk"))
        counts[name] = {row[column]: row["total"] for row in rows}
    return counts


def search_facets(exact, matches):
    counts = {}
    for name, column in FACETS.items():
        counts[name] = dict(matches.facet(column))
        for document in exact:
            value = getattr(document, column)
            counts[name][value] = counts[name].get(value, 0) + 1
    return counts

"""Finding documents: by number in any spelling first, then by words with or without diacritics.

The same code serves the public page and the JSON API, on SQLite and PostgreSQL alike.
"""

import re
from dataclasses import dataclass

from django.db.models import Q

from core.sites import shown_on
from core.text import fold, words

from . import fulltext
from .models import LegalDocument
from .numbers import looks_like_number, number_key, number_with_year

_PHRASE = re.compile(r'"([^"]+)"')
FACETS = {"type": "doc_type_id", "issuer": "issuer_id", "status": "status"}


def filtered(filters, site_id):
    """Live documents a site shows (core/sites.py), or on a province portal those of the component portals
    chosen (`cong`), narrowed by the form's valid filters."""
    portals = filters.get("cong")
    scope = shown_on(site_id) if not portals or portals["own"] else Q(pk__in=[])
    if portals:
        scope |= Q(site_id__in=portals["sites"])
    documents = LegalDocument.objects.filter(live=True).filter(scope)
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


def narrowed(documents, query):
    """documents whose number is the query in any spelling or whose text holds its words: the admin's search
    (listing and chooser), on the same index as the public search."""
    terms, phrases = parse(query)
    condition = Q(pk__in=number_matches(documents, query).values("pk"))
    if terms or phrases:
        condition |= fulltext.matching(terms, phrases)
    return documents.filter(condition)


def parse(query):
    """(words, phrases) of a query: folded tokens; text in double quotes is a phrase."""
    phrases = [words(phrase) for phrase in _PHRASE.findall(query)]
    return words(_PHRASE.sub(" ", query)), [phrase for phrase in phrases if phrase]


@dataclass
class Results:
    """Ids shown first (number matches, best-ranked matches), then the rest in date order.

    Sliceable and countable, so Paginator pages it; only the rows of the requested page are loaded.
    """

    first_ids: list
    rest: object
    rest_count: int = 0
    listing: object = None

    def count(self):
        return len(self.first_ids) + self.rest_count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop
        head_ids = self.first_ids[start:stop]
        head = self.listing.in_bulk(head_ids) if head_ids else {}
        rest_start = max(0, start - len(self.first_ids))
        rest_stop = None if stop is None else max(0, stop - len(self.first_ids))
        tail = list(self.rest[rest_start:rest_stop]) if rest_stop is None or rest_stop > rest_start else []
        return [head[pk] for pk in head_ids if pk in head] + tail


def find(filters, site_id):
    """(results, facets) for valid filters (q, type, issuer, field, signer, status, year, dates, sort) among
    the documents a site shows."""
    documents = filtered(filters, site_id)
    listing = documents.select_related("doc_type", "issuer").defer("full_text", "search_text")
    query = (filters.get("q") or "").strip()
    sort = filters.get("sort") or ("relevance" if query else "newest")
    ordering = ("issued_on", "pk") if sort == "oldest" else ("-issued_on", "-pk")
    if not query:
        counts, total = facet_counts(documents)
        return Results([], listing.order_by(*ordering), total, listing), counts
    exact = list(number_matches(documents, query).values_list("pk", flat=True)[:20])
    terms, phrases = parse(query)
    if not (terms or phrases) or (exact and looks_like_number(query)):
        counts, total = facet_counts(documents.filter(pk__in=exact))
        return Results(exact, listing.none(), 0, listing), counts
    matching = fulltext.matching(terms, phrases)
    found = documents.filter(matching | Q(pk__in=exact)) if exact else documents.filter(matching)
    first = list(exact)
    if sort == "relevance":
        ranked, rows = fulltext.ranked_with_groups(found, terms, phrases, list(FACETS.values()))
        shown = set(first)
        first += [pk for pk in ranked if pk not in shown]
    else:
        rows = fulltext.groups(found, list(FACETS.values()))
    counts, total = tally(rows)
    # Only read when a page goes past the ids shown first (rare with relevance order).
    rest = listing.filter(matching).exclude(pk__in=first).order_by(*ordering)
    return Results(first, rest, max(total - len(first), 0), listing), counts


def facet_counts(documents):
    """({facet name: {value: count}}, total) from one grouped query over the matching documents."""
    return tally(fulltext.groups(documents, list(FACETS.values())))


def tally(rows):
    """({facet name: {value: count}}, total) from [(*facet values in FACETS order, count)]."""
    counts = {name: {} for name in FACETS}
    total = 0
    for *values, found in rows:
        total += found
        for name, value in zip(FACETS, values, strict=True):
            counts[name][value] = counts[name].get(value, 0) + found
    return counts, total

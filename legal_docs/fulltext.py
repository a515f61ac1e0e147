"""Word and phrase matching on the folded search text, through the index of migration 0003."""

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

RANK_LIMIT = 1000
# PostgreSQL ranks the newest matches only: ts_rank reads every candidate's vector, and a broad query
# ("quyet dinh") matches most of a 100,000-document database.
RANK_POOL = 5000


def _sqlite_match(words, phrases):
    terms = [f'"{word}"' for word in words] + [f'"{" ".join(phrase)}"' for phrase in phrases]
    return " AND ".join(terms)


def _postgres_query(words, phrases):
    terms = list(words) + ["(" + " <-> ".join(phrase) + ")" for phrase in phrases]
    return " & ".join(terms)


def matching(words, phrases):
    """A filter condition (Q) on legal documents: every word and phrase must occur.

    On PostgreSQL the condition is on the row's own vector, so the planner can combine it with the other
    filters and the date order (an `id IN (subquery)` made it join the table to itself). Words and phrase
    tokens are folded [0-9a-z] tokens, so they need no escaping beyond quoting.
    """
    if connection.vendor == "sqlite":
        fts = "SELECT rowid FROM legal_docs_fts WHERE legal_docs_fts MATCH %s"
        return Q(pk__in=RawSQL(fts, [_sqlite_match(words, phrases)]))
    if connection.vendor == "postgresql":
        return Q(
            RawSQL(
                "search_vector @@ to_tsquery('simple', %s)",
                [_postgres_query(words, phrases)],
                output_field=BooleanField(),
            )
        )
    raise NotImplementedError(f"Full-text search is not set up for {connection.vendor}.")


def ranked_ids(documents, words, phrases, limit=RANK_LIMIT):
    """Ids of the best-matching documents among `documents`, best first, at most `limit`.

    PostgreSQL ranks the newest RANK_POOL matches of the filtered set (ts_rank on the row's own vector);
    SQLite ranks with BM25 in the FTS table and the filters are applied to those ids.
    """
    if connection.vendor == "postgresql":
        rank = RawSQL("ts_rank(search_vector, to_tsquery('simple', %s))", [_postgres_query(words, phrases)])
        pool = documents.filter(matching(words, phrases)).annotate(rank=rank).order_by("-issued_on")
        sql, params = pool.values("rank", "issued_on", "pk")[:RANK_POOL].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT pk FROM ({sql}) AS pool ORDER BY rank DESC, issued_on DESC, pk DESC LIMIT %s",
                [*params, limit],
            )
            return [row[0] for row in cursor.fetchall()]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM legal_docs_fts WHERE legal_docs_fts MATCH %s ORDER BY rank LIMIT %s",
            [_sqlite_match(words, phrases), limit],
        )
        ids = [row[0] for row in cursor.fetchall()]
    allowed = set(documents.filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in allowed]

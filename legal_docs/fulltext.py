"""Word and phrase matching on the folded search text, through the index of migration 0003."""

from django.db import connection
from django.db.models.expressions import RawSQL

RANK_LIMIT = 1000


def _sqlite_match(words, phrases):
    terms = [f'"{word}"' for word in words] + [f'"{" ".join(phrase)}"' for phrase in phrases]
    return " AND ".join(terms)


def _postgres_query(words, phrases):
    terms = list(words) + ["(" + " <-> ".join(phrase) + ")" for phrase in phrases]
    return " & ".join(terms)


def matching(words, phrases):
    """An `id IN (...)` condition value for Django's `pk__in`: every word and phrase must occur.

    Words and phrase tokens are folded [0-9a-z] tokens, so they need no escaping beyond quoting.
    """
    if connection.vendor == "sqlite":
        return RawSQL(
            "SELECT rowid FROM legal_docs_fts WHERE legal_docs_fts MATCH %s", [_sqlite_match(words, phrases)]
        )
    if connection.vendor == "postgresql":
        return RawSQL(
            "SELECT id FROM legal_docs_legaldocument WHERE search_vector @@ to_tsquery('simple', %s)",
            [_postgres_query(words, phrases)],
        )
    raise NotImplementedError(f"Full-text search is not set up for {connection.vendor}.")


def ranked_ids(words, phrases, limit=RANK_LIMIT):
    """The best-matching ids, best first (BM25 on SQLite, ts_rank on PostgreSQL), at most `limit`."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT rowid FROM legal_docs_fts WHERE legal_docs_fts MATCH %s ORDER BY rank LIMIT %s",
                [_sqlite_match(words, phrases), limit],
            )
        else:
            cursor.execute(
                "SELECT id FROM legal_docs_legaldocument, to_tsquery('simple', %s) query "
                "WHERE search_vector @@ query "
                "ORDER BY ts_rank(search_vector, query) DESC, issued_on DESC LIMIT %s",
                [_postgres_query(words, phrases), limit],
            )
        return [row[0] for row in cursor.fetchall()]

"""Word and phrase matching on the folded search text, through the index of migration 0003."""

from django.db import connection
from django.db.models import BooleanField, Count, Q
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


def ranked_with_groups(found, words, phrases, columns, limit=RANK_LIMIT):
    """(ids best first, at most `limit`; [(*values of columns, count)]) for the documents `found`.

    The groups give the facet counts. On PostgreSQL one statement reads the matching rows once for both: a
    broad query ("quyet dinh") matches most of a 100,000-document database, and a second scan of the same
    rows cost as much as the first. It ranks the newest RANK_POOL matches (ts_rank on the row's own vector).
    SQLite ranks with BM25 in the FTS table, then groups with a second query.
    """
    if connection.vendor == "postgresql":
        return _postgres_ranked_with_groups(found, words, phrases, columns, limit)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM legal_docs_fts WHERE legal_docs_fts MATCH %s ORDER BY rank LIMIT %s",
            [_sqlite_match(words, phrases), limit],
        )
        ids = [row[0] for row in cursor.fetchall()]
    allowed = set(found.filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in allowed], groups(found, columns)


def groups(documents, columns):
    """[(*values of columns, count)] of documents, in one grouped query."""
    rows = documents.order_by().values_list(*columns).annotate(found=Count("pk"))
    return [tuple(row) for row in rows]


def _postgres_ranked_with_groups(found, words, phrases, columns, limit):
    table = found.model._meta.db_table
    sql, params = found.order_by().values("pk", "issued_on", *columns).query.sql_with_params()
    listed = ", ".join(f'm."{column}"' for column in columns)
    nulls = ", ".join("NULL" for _ in columns)
    statement = f"""
        WITH m AS MATERIALIZED ({sql}),
        pool AS (SELECT m.pk, m.issued_on FROM m ORDER BY m.issued_on DESC, m.pk DESC LIMIT %s),
        ranked AS (
            SELECT pool.pk FROM pool JOIN "{table}" d ON d.id = pool.pk
            ORDER BY ts_rank(d.search_vector, to_tsquery('simple', %s)) DESC,
                pool.issued_on DESC, pool.pk DESC
            LIMIT %s
        )
        SELECT 0, {listed}, COUNT(*) FROM m GROUP BY {listed}
        UNION ALL
        SELECT 1, {nulls}, ranked.pk FROM ranked
    """
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, RANK_POOL, _postgres_query(words, phrases), limit])
        rows = cursor.fetchall()
    ranked = [row[-1] for row in rows if row[0] == 1]
    return ranked, [row[1:] for row in rows if row[0] == 0]

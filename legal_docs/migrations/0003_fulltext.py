"""A full-text index of the folded search text, maintained by the database itself.

Wagtail's generic search backend filtered through a correlated subquery: at 20,000 documents SQLite ran
the FTS match once per index entry (seconds per query) and PostgreSQL joined its whole index table
(minutes). Here SQLite keeps an FTS5 table in step through triggers, and PostgreSQL a generated tsvector
column with a GIN index; `legal_docs.fulltext` queries them as an uncorrelated `id IN (...)`.
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE legal_docs_fts USING fts5(search_text, content='legal_docs_legaldocument', "
    "content_rowid='id')",
    "CREATE TRIGGER legal_docs_fts_insert AFTER INSERT ON legal_docs_legaldocument BEGIN "
    "INSERT INTO legal_docs_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER legal_docs_fts_delete AFTER DELETE ON legal_docs_legaldocument BEGIN "
    "INSERT INTO legal_docs_fts(legal_docs_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER legal_docs_fts_update AFTER UPDATE OF search_text ON legal_docs_legaldocument BEGIN "
    "INSERT INTO legal_docs_fts(legal_docs_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO legal_docs_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO legal_docs_fts(legal_docs_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS legal_docs_fts_insert",
    "DROP TRIGGER IF EXISTS legal_docs_fts_delete",
    "DROP TRIGGER IF EXISTS legal_docs_fts_update",
    "DROP TABLE IF EXISTS legal_docs_fts",
]
POSTGRES = [
    "ALTER TABLE legal_docs_legaldocument ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_text, ''))) STORED",
    "CREATE INDEX legal_docs_search_vector_idx ON legal_docs_legaldocument USING GIN (search_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS legal_docs_search_vector_idx",
    "ALTER TABLE legal_docs_legaldocument DROP COLUMN IF EXISTS search_vector",
]


def statements_for(vendor, forward):
    if vendor == "sqlite":
        return SQLITE if forward else SQLITE_REVERSE
    if vendor == "postgresql":
        return POSTGRES if forward else POSTGRES_REVERSE
    return []


def apply(forward):
    def run(apps, schema_editor):
        for statement in statements_for(schema_editor.connection.vendor, forward):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("legal_docs", "0002_seed_types_and_issuers")]

    operations = [migrations.RunPython(apply(True), apply(False))]

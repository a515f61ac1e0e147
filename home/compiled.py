"""Queries whose SQL is compiled once per process and content generation, and run on every request.

Django builds and compiles a queryset's SQL each time it is evaluated. For the queries every page view makes
(routing, page-tree ranges, view restrictions, the newest articles of each section) that costs several times
the database's own work: the home page's news query took 6 ms to build and compile and 0.4 ms to run. Its
SQL depends only on the content (which sections, which pages are restricted), whose every change renews the
generation (operations/generation.py), and on what the caller names in the key. The rows themselves are read
from the database on every request: nothing here keeps results.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections, router

from operations import generation


def rows(key, build):
    """list(build()) for a .values() queryset, its SQL compiled once per generation. key names everything
    build() depends on besides the content (a page's pk, the tags it filters on); never the time."""
    return generation.remembered("sql-rows", *key, build=lambda: Statement(build())).rows()


def instances(key, build):
    """list(build()) for a plain queryset of model instances (no select_related, annotations or
    prefetching), its SQL compiled once per generation; key as for rows()."""
    return generation.remembered("sql-objects", *key, build=lambda: ObjectStatement(build())).instances()


class Statement:
    """A queryset's SQL and Django's converters for the values of its columns (dates on SQLite), with the
    names its ValuesIterable gives them. Nothing of the connection that compiled it is kept: the next
    request may be served by another thread, with its own connection."""

    def __init__(self, queryset):
        query = queryset.query
        self.model = queryset.model
        names = query.selected or [*query.extra_select, *query.values_select, *query.annotation_select]
        self.names = list(names)
        compiler = query.get_compiler(queryset.db)
        try:
            self.sql, self.params = compiler.as_sql()
        except EmptyResultSet:  # e.g. pk__in=[]: Django answers without asking the database
            self.sql = None
            return
        columns = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
        self.converters = list(compiler.get_converters(columns).items())
        self.describe(queryset, compiler)

    def describe(self, queryset, compiler):
        """What a subclass needs of the compiled query besides its SQL."""

    def fetch(self):
        """(database alias, the converted rows as lists)."""
        if self.sql is None:
            return None, []
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            found = [list(row) for row in cursor.fetchall()]
        for row in found:
            for position, (converters, expression) in self.converters:
                for converter in converters:
                    row[position] = converter(row[position], expression, connection)
        return alias, found

    def rows(self):
        return [dict(zip(self.names, row, strict=True)) for row in self.fetch()[1]]


class ObjectStatement(Statement):
    """A queryset of model instances, built from their columns as its ModelIterable builds them."""

    def describe(self, queryset, compiler):
        info = compiler.klass_info
        plain = not (queryset._prefetch_related_lookups or queryset._known_related_objects)
        if not plain or info.get("related_klass_infos") or compiler.annotation_col_map:
            raise ValueError("compiled.instances() takes a plain queryset")
        self.fields = slice(info["select_fields"][0], info["select_fields"][-1] + 1)
        self.attnames = [column[0].target.attname for column in compiler.select[self.fields]]

    def instances(self):
        alias, found = self.fetch()
        return [self.model.from_db(alias, self.attnames, row[self.fields]) for row in found]

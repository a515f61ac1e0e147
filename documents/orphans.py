"""Stored files that no document row references, and their removal.

A file is written before the row that names it is committed: an upload or an import killed in between
(SIGKILL, a power cut) leaves the file behind with nothing pointing at it. `purge_orphan_files`, run from
cron (docs/deployment.md, "Orphan files"), finds and removes them. Files younger than a grace period are
left alone: they may belong to an upload or an import whose transaction has not committed yet.
"""

import posixpath
from datetime import timedelta

from django.utils import timezone
from wagtail.documents import get_document_model

FOLDER = "documents"
DEFAULT_MIN_AGE = timedelta(hours=24)


def document_storage():
    return get_document_model().file.field.storage


def stored_names(storage, folder=FOLDER):
    """Every file under `folder` in `storage`, as the names a FileField holds ("documents/a.pdf")."""
    if not storage.exists(folder):
        return
    directories, files = storage.listdir(folder)
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for directory in sorted(directories):
        yield from stored_names(storage, posixpath.join(folder, directory))


def orphan_files(min_age=DEFAULT_MIN_AGE):
    """Names of files under documents/ that no document references and that are older than `min_age`."""
    storage = document_storage()
    referenced = set(get_document_model().objects.values_list("file", flat=True))
    cutoff = timezone.now() - min_age
    return [
        name
        for name in stored_names(storage)
        if name not in referenced and storage.get_modified_time(name) <= cutoff
    ]


def purge_orphan_files(min_age=DEFAULT_MIN_AGE, dry_run=False):
    """Remove (or, with `dry_run`, only list) the orphans; returns their names."""
    storage = document_storage()
    names = orphan_files(min_age)
    if not dry_run:
        for name in names:
            storage.delete(name)
    return names

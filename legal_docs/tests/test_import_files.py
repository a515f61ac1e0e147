"""Imports leave nothing behind (docs/operations.md): an import that does not commit removes the files it
stored, and running one again stores no second copy of a file."""

import hashlib
import os
import signal
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from documents.models import PortalDocument
from documents.orphans import purge_orphan_files
from legal_docs.importer import Importer, import_documents
from legal_docs.models import LegalDocument

from .test_import import GOOD_ROWS, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def files_dir(tmp_path):
    folder = tmp_path / "tep"
    folder.mkdir()
    (folder / "nd-43-2011.pdf").write_bytes(b"%PDF-1.4\n% Nghi dinh 43/2011/ND-CP\n")
    (folder / "nd-42-2022.pdf").write_bytes(b"%PDF-1.4\n% Nghi dinh 42/2022/ND-CP\n")
    return folder


def stored(media):
    """Content hash -> how many copies of it are under media/documents."""
    copies = {}
    for path in (media / "documents").rglob("*") if (media / "documents").exists() else []:
        if path.is_file():
            digest = hashlib.sha1(path.read_bytes()).hexdigest()
            copies[digest] = copies.get(digest, 0) + 1
    return copies


def fail_after_files_are_stored(monkeypatch, error):
    def create_documents(self):
        raise error

    monkeypatch.setattr(Importer, "create_documents", create_documents)


def test_an_import_that_fails_after_storing_its_files_leaves_no_file_in_media(
    media, tmp_path, files_dir, monkeypatch
):
    fail_after_files_are_stored(monkeypatch, RuntimeError("mất kết nối cơ sở dữ liệu"))

    with pytest.raises(RuntimeError):
        import_documents(write_csv(tmp_path, GOOD_ROWS), files_dir=files_dir)

    assert stored(media) == {}
    assert not PortalDocument.objects.exists() and not LegalDocument.objects.exists()


def test_an_import_interrupted_by_ctrl_c_leaves_no_file_in_media(media, tmp_path, files_dir, monkeypatch):
    fail_after_files_are_stored(monkeypatch, KeyboardInterrupt())

    with pytest.raises(KeyboardInterrupt):
        import_documents(write_csv(tmp_path, GOOD_ROWS), files_dir=files_dir)

    assert stored(media) == {}


def test_the_command_stopped_by_sigterm_leaves_no_file_in_media(media, tmp_path, files_dir, monkeypatch):
    def create_documents(self):
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(Importer, "create_documents", create_documents)
    previous = signal.getsignal(signal.SIGTERM)

    with pytest.raises(SystemExit):
        call_command("import_legal_documents", str(write_csv(tmp_path, GOOD_ROWS)), files_dir=str(files_dir))

    assert stored(media) == {}
    assert not PortalDocument.objects.exists()
    assert signal.getsignal(signal.SIGTERM) == previous


def test_running_an_import_again_stores_one_copy_per_file(media, tmp_path, files_dir, monkeypatch):
    path = write_csv(tmp_path, GOOD_ROWS)
    with monkeypatch.context() as patched:
        fail_after_files_are_stored(patched, RuntimeError("dừng giữa chừng"))
        with pytest.raises(RuntimeError):
            import_documents(path, files_dir=files_dir)

    import_documents(path, files_dir=files_dir)
    import_documents(path, files_dir=files_dir)

    assert list(stored(media).values()) == [1, 1]
    assert PortalDocument.objects.count() == 2
    assert LegalDocument.objects.count() == len(GOOD_ROWS)


def test_a_file_already_uploaded_by_an_editor_is_reused_not_stored_again(media, tmp_path, files_dir):
    uploaded = PortalDocument(title="Nghị định 43")
    uploaded.file.save("nghi-dinh-43.pdf", ContentFile((files_dir / "nd-43-2011.pdf").read_bytes()))

    import_documents(write_csv(tmp_path, GOOD_ROWS), files_dir=files_dir)

    assert list(stored(media).values()) == [1, 1]
    document = LegalDocument.objects.get(number="43/2011/NĐ-CP")
    assert [item.document for item in document.files.all()] == [uploaded]


def test_files_left_by_a_killed_import_are_purged_and_the_rerun_keeps_one_copy(
    media, tmp_path, files_dir, monkeypatch
):
    """SIGKILL runs no cleanup (as if `remove_stored_files` never ran): purge_orphan_files removes them."""
    path = write_csv(tmp_path, GOOD_ROWS)
    with monkeypatch.context() as patched:
        fail_after_files_are_stored(patched, RuntimeError("SIGKILL"))
        patched.setattr(Importer, "remove_stored_files", lambda self: None)
        with pytest.raises(RuntimeError):
            import_documents(path, files_dir=files_dir)
    assert list(stored(media).values()) == [1, 1]

    import_documents(path, files_dir=files_dir)
    assert list(stored(media).values()) == [2, 2]

    purged = purge_orphan_files(min_age=timedelta(0))

    assert len(purged) == 2
    assert list(stored(media).values()) == [1, 1]
    assert all(item.file.storage.exists(item.file.name) for item in PortalDocument.objects.all())

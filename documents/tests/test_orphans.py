"""purge_orphan_files: a file under media/documents that no document references goes; a referenced file,
or one younger than the grace period (an upload or import still in its transaction), stays."""

import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from documents.models import PortalDocument
from documents.tests import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents_folder(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT / "documents"


def aged(path, hours):
    then = time.time() - hours * 3600
    os.utime(path, (then, then))
    return path


@pytest.fixture
def stored_files(documents_folder):
    document = PortalDocument(title="Quyết định 12")
    document.file.save("quyet-dinh-12.pdf", ContentFile(files.pdf("Quyet dinh 12")))
    (documents_folder / "cu").mkdir()
    written = {
        "referenced": documents_folder / document.file.name.removeprefix("documents/"),
        "orphan": documents_folder / "bo-lai.pdf",
        "nested": documents_folder / "cu" / "bo-lai-2.pdf",
        "young": documents_folder / "dang-nhap.pdf",
    }
    for key in ("orphan", "nested", "young"):
        written[key].write_bytes(f"%PDF-1.4 {key}".encode())
    for key in ("referenced", "orphan", "nested"):
        aged(written[key], 30)
    return written


def purge(*arguments):
    out = io.StringIO()
    call_command("purge_orphan_files", *arguments, stdout=out)
    return out.getvalue()


def test_dry_run_lists_the_orphans_and_removes_nothing(stored_files):
    output = purge("--dry-run")

    assert "Sẽ xóa 2 tệp không thuộc tài liệu nào." in output
    assert "documents/bo-lai.pdf" in output and "documents/cu/bo-lai-2.pdf" in output
    assert all(path.exists() for path in stored_files.values())


def test_the_orphans_are_removed_and_a_referenced_or_young_file_is_kept(stored_files):
    output = purge()

    assert "Đã xóa 2 tệp không thuộc tài liệu nào." in output
    assert not stored_files["orphan"].exists() and not stored_files["nested"].exists()
    assert stored_files["referenced"].exists() and stored_files["young"].exists()
    assert "documents/quyet-dinh-12.pdf" not in output


def test_min_age_zero_takes_young_orphans_too(stored_files):
    purge("--min-age-hours", "0")

    assert not stored_files["young"].exists()
    assert stored_files["referenced"].exists()


def test_no_documents_folder_is_nothing_to_do(documents_folder):
    assert "Đã xóa 0 tệp" in purge()

"""Backup and restore: a round trip into a fresh empty database gives back the same portal, and an archive
that was tampered with, or a database that is not empty, is refused before anything is written."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from wagtail.models import Page, Revision

from documents.models import PortalDocument
from documents.tests import files
from feedback.models import Question
from feedback.tests.factories import QuestionFactory, QuestionIndexPageFactory
from legal_docs.models import DocumentFile, LegalDocument
from legal_docs.tests.factories import LegalDocumentFactory
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from operations.backup import MANIFEST, BackupError, create_backup, restore_backup
from users.tests.factories import UserFactory

BASE_DIR = Path(settings.BASE_DIR)
KEY_MODELS = [Page, Revision, PortalDocument, LegalDocument, DocumentFile, Question, get_user_model()]


# What must survive a round trip ----------------------------------------------------------------------------
def snapshot():
    """Rows of the key tables (pages with their specific fields) and a checksum of every stored file.

    Also run inside the restored portal (see `restored_snapshot`), so both sides serialise alike.
    """
    rows = {model._meta.label: serialized(model.objects.order_by("pk")) for model in KEY_MODELS}
    rows["specific pages"] = serialized(page.specific for page in Page.objects.order_by("pk"))
    return {"rows": rows, "files": {name: tree_checksums(root) for name, root in file_roots().items()}}


def serialized(objects):
    return json.loads(serializers.serialize("json", objects))


def file_roots():
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def tree_checksums(root):
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def portal_content(home_page):
    """Pages with several revisions, a legal document with a file, a question with an attachment, users."""
    section = SectionPageFactory(parent=home_page)
    article = ArticlePageFactory(parent=section, title="Hội nghị tổng kết năm")
    publish(article)
    article.title = "Hội nghị tổng kết năm 2026"
    publish(article)
    document = LegalDocumentFactory(number="12/2026/QĐ-UBND")
    stored = PortalDocument(title="Quyết định 12")
    stored.file.save("quyet-dinh-12.pdf", ContentFile(files.pdf("Quyet dinh 12")), save=False)
    stored.save()
    DocumentFile.objects.create(legal_document=document, document=stored)
    document.save_revision().publish()
    questions = QuestionIndexPageFactory(parent=home_page)
    QuestionFactory(page=questions, attachment=SimpleUploadedFile("don-hoi.pdf", files.pdf("Don hoi")))
    UserFactory(username="bien.tap", email="bientap@example.gov.vn")
    UserFactory(username="thu.ky", email="thuky@example.gov.vn")


# A fresh empty database and directories, reached from a separate `manage.py` process -----------------------
@contextmanager
def empty_database(tmp_path):
    """The DATABASE_URL of an empty database of the test run's vendor, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'khoi-phuc.sqlite3'}"
        return
    name = f"portal_h_backup_restore_{os.getpid()}"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_url(connection.settings_dict, name)
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_url(params, name):
    credentials = quote(params["USER"] or "", safe="")
    if params.get("PASSWORD"):
        credentials += ":" + quote(params["PASSWORD"], safe="")
    return f"postgres://{credentials}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}"


def target_environment(database_url, tmp_path):
    target = tmp_path / "may-moi"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database_url,
        "PORTAL_VAR_DIR": str(target / "var"),
        "MEDIA_ROOT": str(target / "media"),
        "PRIVATE_MEDIA_ROOT": str(target / "private"),
    }


def manage(environment, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def restored_snapshot(environment):
    code = "import json; from operations.tests.test_backup import snapshot; print(json.dumps(snapshot()))"
    result = manage(environment, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def table_count(environment):
    code = "from django.db import connection; print(len(connection.introspection.table_names()))"
    result = manage(environment, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    return int(result.stdout)


def written_files(environment):
    return [
        path for key in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT") for path in Path(environment[key]).rglob("*")
    ]


# Archives changed after the backup -------------------------------------------------------------------------
def rewrite_archive(source, target, change):
    """Copy an archive member by member, passing each member's bytes through `change(name, data)`."""
    with tarfile.open(source, "r:gz") as original, tarfile.open(target, "w:gz") as copy:
        for member in original:
            data = change(member.name, original.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


def manifest_of(archive):
    with tarfile.open(archive, "r:gz") as opened:
        return json.loads(opened.extractfile(MANIFEST).read())


# Tests -----------------------------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restored_into_an_empty_database_gives_back_the_same_portal(home_page, tmp_path):
    portal_content(home_page)
    before = snapshot()
    archive = create_backup(tmp_path / "sao-luu")

    assert archive.parent == tmp_path / "sao-luu"
    assert archive.name.startswith("cong-thong-tin-") and archive.name.endswith(".tar.gz")
    manifest = manifest_of(archive)
    assert manifest["database"]["vendor"] == connection.vendor
    assert {"django", "wagtail"} <= manifest["versions"].keys()
    attachment = Question.objects.get().attachment.name
    assert manifest["files"][f"private/{attachment}"]["size"] == Question.objects.get().attachment.size
    secrets = [
        settings.SECRET_KEY,
        connection.settings_dict["NAME"],
        connection.settings_dict.get("PASSWORD"),
    ]
    assert not [secret for secret in secrets if secret and secret in json.dumps(manifest)]

    with empty_database(tmp_path) as database_url:
        environment = target_environment(database_url, tmp_path)
        result = manage(environment, "restore", str(archive))
        assert result.returncode == 0, result.stderr
        assert "Đã khôi phục" in result.stdout and "1 câu hỏi" in result.stdout
        after = restored_snapshot(environment)

    assert after["rows"] == before["rows"]
    assert after["files"] == before["files"]
    assert len(before["rows"]["wagtailcore.Revision"]) >= 3
    assert attachment in after["files"]["private"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_tampered_or_truncated_archive_is_refused_and_nothing_is_written(home_page, tmp_path):
    questions = QuestionIndexPageFactory(parent=home_page)
    QuestionFactory(page=questions, attachment=SimpleUploadedFile("don.pdf", files.pdf("Don")))
    archive = create_backup(tmp_path / "sao-luu")
    attachment = f"private/{Question.objects.get().attachment.name}"
    tampered = rewrite_archive(
        archive,
        tmp_path / "da-sua.tar.gz",
        lambda name, data: data + b"%% them" if name == attachment else data,
    )
    truncated = tmp_path / "bi-cat.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])

    with empty_database(tmp_path) as database_url:
        environment = target_environment(database_url, tmp_path)
        refused_tampered = manage(environment, "restore", str(tampered))
        refused_truncated = manage(environment, "restore", str(truncated))
        assert table_count(environment) == 0

    assert refused_tampered.returncode != 0
    assert f"đã bị sửa đổi hoặc hỏng (sai tổng kiểm tra {attachment})" in refused_tampered.stderr
    assert refused_truncated.returncode != 0
    assert "bị hỏng hoặc không đầy đủ" in refused_truncated.stderr
    assert written_files(environment) == []


def test_a_database_that_is_not_empty_is_refused(home_page, tmp_path):
    archive = create_backup(tmp_path)
    pages = Page.objects.count()
    with pytest.raises(BackupError, match="Cơ sở dữ liệu đích không trống .*createdb"):
        restore_backup(archive)
    assert Page.objects.count() == pages


def test_an_archive_of_another_database_vendor_is_refused(db, tmp_path):
    archive = create_backup(tmp_path)
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"

    def relabel(name, data):
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["database"]["vendor"] = other
        return json.dumps(manifest).encode()

    forged = rewrite_archive(archive, tmp_path / "khac-loai.tar.gz", relabel)
    with pytest.raises(BackupError, match=f"Bản sao lưu là cơ sở dữ liệu {other}, nhưng cổng đang dùng"):
        restore_backup(forged)

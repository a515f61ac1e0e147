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
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision

from documents.models import PortalDocument
from documents.tests import files
from feedback.models import Question
from feedback.tests.factories import QuestionFactory, QuestionIndexPageFactory
from legal_docs.models import DocumentFile, LegalDocument
from legal_docs.tests.factories import LegalDocumentFactory
from news.tests.factories import ArticlePageFactory, SectionPageFactory, publish
from operations.backup import (
    MANIFEST,
    SIGNATURE,
    BackupError,
    create_backup,
    manifest_signature,
    restore_backup,
    restore_destination,
)
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
        # The new machine has the portal's key: the archive's signature is checked with it.
        "SECRET_KEY": settings.SECRET_KEY,
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
def rewrite_archive(source, target, change, resign=False):
    """Copy an archive member by member, passing each member's bytes through `change(name, data)`;
    `resign` signs the changed manifest with the portal's key, as only someone holding it could."""
    manifest = b""
    with tarfile.open(source, "r:gz") as original, tarfile.open(target, "w:gz") as copy:
        for member in original:
            data = change(member.name, original.extractfile(member).read())
            if member.name == MANIFEST:
                manifest = data
            if member.name == SIGNATURE and resign:
                data = manifest_signature(manifest).encode()
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

    forged = rewrite_archive(archive, tmp_path / "khac-loai.tar.gz", relabel, resign=True)
    with pytest.raises(BackupError, match=f"Bản sao lưu là cơ sở dữ liệu {other}, nhưng cổng đang dùng"):
        restore_backup(forged)


def test_an_archive_is_readable_by_its_owner_only(db, tmp_path):
    previous = os.umask(0o022)
    try:
        call_command("backup", output=str(tmp_path / "sao-luu"), stdout=io.StringIO())
    finally:
        os.umask(previous)
    [archive] = (tmp_path / "sao-luu").iterdir()
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive, "r:gz") as opened:
        assert SIGNATURE in opened.getnames()


# Crafted archives: refused before anything is written ------------------------------------------------------
def regular(name, data=b"noi dung"):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def directory(name):
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    return info, b""


def link(name, target, kind):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info, b""


def crafted_archive(path, members, listed=None, signature=None):
    """An archive with `members` (TarInfo, bytes) and a manifest listing `listed` (by default every
    member) with the right checksums, signed with the portal's key unless `signature` is given."""
    checksums = {
        info.name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)} for info, data in members
    }
    if listed is not None:
        checksums = {name: checksums.get(name, {"sha256": "", "size": 0}) for name in listed}
    database = {"vendor": connection.vendor, "file": "database.sqlite3"}
    manifest = json.dumps({"format": 1, "database": database, "files": checksums}).encode()
    control = [regular(MANIFEST, manifest)]
    if signature != b"":
        control.append(regular(SIGNATURE, signature or manifest_signature(manifest).encode()))
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as archive:
        for info, data in [*members, *control]:
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture
def roots(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    outside = tmp_path / "ngoai"
    outside.mkdir()
    return {"media": settings.MEDIA_ROOT, "private": settings.PRIVATE_MEDIA_ROOT, "outside": outside}


def nothing_written(roots):
    return [path for path in roots["outside"].parent.rglob("*") if path.suffix != ".gz"] == [roots["outside"]]


CRAFTED_PATHS = {
    "double-slash": (lambda outside: [regular(f"media/{outside}/mat-khau")], "có '//' hoặc thành phần '.'"),
    "absolute": (lambda outside: [regular(f"{outside}/mat-khau")], "là đường dẫn tuyệt đối"),
    "dot-dot": (lambda outside: [regular("media/../ngoai/mat-khau")], "có thành phần '..'"),
    "dot-dot-directory": (lambda outside: [directory("private/../../ngoai")], "có thành phần '..'"),
    "symlink": (
        lambda outside: [link("media/lien-ket", str(outside), tarfile.SYMTYPE)],
        "là liên kết hoặc tệp đặc biệt, không phải tệp thường",
    ),
    "hardlink": (
        lambda outside: [link("media/lien-ket-cung", f"{outside}/mat-khau", tarfile.LNKTYPE)],
        "là liên kết hoặc tệp đặc biệt, không phải tệp thường",
    ),
    "unknown-root": (
        lambda outside: [regular("config/settings.py")],
        "không thuộc thư mục media/ hay private/",
    ),
}


@pytest.mark.parametrize("case", CRAFTED_PATHS)
def test_a_member_path_that_leaves_its_root_is_refused_and_nothing_is_written(case, roots, tmp_path):
    members, reason = CRAFTED_PATHS[case]
    archive = crafted_archive(tmp_path / "doc-hai.tar.gz", members(roots["outside"]))

    with pytest.raises(BackupError) as refused:
        restore_backup(archive)

    assert "Tệp sao lưu chứa mục không hợp lệ" in str(refused.value)
    assert f"({reason}); chưa khôi phục gì." in str(refused.value)
    assert nothing_written(roots)


def test_a_nul_byte_in_a_listed_path_is_refused(roots, tmp_path):
    # tarfile cuts a member's name at NUL, so the NUL reaches restore through the signed manifest's list.
    archive = crafted_archive(tmp_path / "nul.tar.gz", [regular("media/a")], listed=["media/a\x00b"])
    refusal = r"mục không hợp lệ: media/a\\0b \(có ký tự NUL\); chưa khôi phục gì"
    with pytest.raises(BackupError, match=refusal):
        restore_backup(archive)
    assert nothing_written(roots)


def test_a_path_through_a_symlink_on_disk_is_refused(roots):
    roots["media"].mkdir()
    (roots["media"] / "lien-ket").symlink_to(roots["outside"], target_is_directory=True)
    with pytest.raises(BackupError, match=r"\(nằm ngoài thư mục .*media\); chưa khôi phục gì"):
        restore_destination("media/lien-ket/mat-khau")
    assert restore_destination("media/documents/a.pdf") == roots["media"].resolve() / "documents/a.pdf"


def test_an_unsigned_archive_is_refused_and_nothing_is_written(roots, tmp_path):
    archive = crafted_archive(tmp_path / "khong-ky.tar.gz", [regular("media/a.pdf")], signature=b"")
    with pytest.raises(BackupError, match=r"không có chữ ký \(thiếu manifest.sig\); chưa khôi phục gì"):
        restore_backup(archive)
    assert nothing_written(roots)


def test_the_restore_command_refuses_an_unsigned_archive(roots, tmp_path):
    archive = crafted_archive(tmp_path / "khong-ky.tar.gz", [regular("media/a.pdf")], signature=b"")
    with pytest.raises(CommandError, match=r"không có chữ ký \(thiếu manifest.sig\); chưa khôi phục gì"):
        call_command("restore", str(archive))
    assert nothing_written(roots)


def test_an_archive_signed_with_another_key_is_refused_and_nothing_is_written(roots, tmp_path, settings):
    settings.BACKUP_SIGNING_KEY = "khoa-cua-ke-gia-mao"
    archive = crafted_archive(tmp_path / "ky-sai.tar.gz", [regular("media/a.pdf")])
    settings.BACKUP_SIGNING_KEY = ""
    with pytest.raises(BackupError, match=r"Chữ ký của tệp sao lưu ky-sai.tar.gz không khớp"):
        restore_backup(archive)
    assert nothing_written(roots)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edited_file_rehashed_without_the_key_is_refused(home_page, tmp_path):
    questions = QuestionIndexPageFactory(parent=home_page)
    QuestionFactory(page=questions, attachment=SimpleUploadedFile("don.pdf", files.pdf("Don")))
    archive = create_backup(tmp_path / "sao-luu")
    attachment = f"private/{Question.objects.get().attachment.name}"
    edited = b"%PDF-1.4 sua doi"

    def edit_and_rehash(name, data):
        if name == attachment:
            return edited
        if name == MANIFEST:
            manifest = json.loads(data)
            rehashed = {"sha256": hashlib.sha256(edited).hexdigest(), "size": len(edited)}
            manifest["files"][attachment] = rehashed
            return json.dumps(manifest).encode()
        return data

    forged = rewrite_archive(archive, tmp_path / "sua-va-bam-lai.tar.gz", edit_and_rehash)
    with pytest.raises(BackupError, match="không khớp: tệp đã bị sửa đổi hoặc được ký bằng khóa khác"):
        restore_backup(forged)

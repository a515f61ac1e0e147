"""Backups of the whole portal (database, public media, citizens' private files) and their restore.

An archive is a .tar.gz holding the database dump, `media/`, `private/` and a manifest.json with the
SHA-256 checksum and size of every other member, signed (manifest.sig) with BACKUP_SIGNING_KEY. It is
readable by its owner only (0600): it holds password hashes and citizens' personal data. A restore
checks the signature, every member's path and every checksum before it writes anything and only ever
fills an empty database: it can never overwrite a live portal, nor write outside its folders.
"""

import gzip
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SIGNING_SALT = "operations.backup.manifest"
ARCHIVE_PREFIX = "cong-thong-tin"
DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is for the operator, in Vietnamese."""


@dataclass
class RestoreResult:
    vendor: str
    media_files: int
    private_files: int
    total_bytes: int


def file_roots():
    """Archive folder -> directory on disk, for every tree of files the portal keeps."""
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def database_connection():
    return connections["default"]


# Backup ----------------------------------------------------------------------------------------------------
def default_output_dir():
    return Path(settings.VAR_DIR) / "backups"


def create_backup(output_dir=None):
    """Write a timestamped archive into `output_dir` and return its path.

    The archive is written under a temporary name and renamed at the end, so a backup that fails
    half-way never leaves a file that looks complete.
    """
    output_dir = Path(output_dir or default_output_dir())
    output_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = output_dir / f"{ARCHIVE_PREFIX}-{stamp}.tar.gz"
    if target.exists():
        raise BackupError(f"Tệp sao lưu {target} đã tồn tại; hãy chờ một giây rồi chạy lại.")
    partial = target.with_name(f".{target.name}.partial")
    vendor = database_connection().vendor
    try:
        with tempfile.TemporaryDirectory(prefix="sao-luu-") as staging:
            dump = Path(staging) / DUMP_NAMES[supported_vendor(vendor)]
            dump_database(dump)
            with owner_only_file(partial) as stream, tarfile.open(fileobj=stream, mode="w:gz") as archive:
                checksums = {dump.name: add_file(archive, dump, dump.name)}
                for folder, root in file_roots().items():
                    checksums.update(add_tree(archive, root, folder))
                add_manifest(archive, build_manifest(vendor, checksums))
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def owner_only_file(path):
    """A new file open for writing with mode 0600 whatever the umask: nobody else may read an archive."""
    Path(path).unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(descriptor, 0o600)
    return os.fdopen(descriptor, "wb")


def supported_vendor(vendor):
    if vendor not in DUMP_NAMES:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}; chỉ PostgreSQL và SQLite.")
    return vendor


def dump_database(path):
    """pg_dump (custom format) on PostgreSQL, SQLite's online backup API otherwise: both are consistent
    snapshots taken while the portal keeps running."""
    connection = database_connection()
    if connection.vendor == "postgresql":
        run_postgres_tool(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"], connection
        )
    else:
        # A read-only connection of its own: the portal's connection may hold the write lock (transactions
        # begin IMMEDIATE), and SQLite's backup from a connection that is writing never gets the pages. In
        # WAL mode this reader sees the last commit and blocks nobody.
        source = f"file:{connection.settings_dict['NAME']}?mode=ro"
        with closing(sqlite3.connect(source, uri=True)) as original, closing(sqlite3.connect(path)) as copy:
            original.backup(copy)


def postgres_environment(connection):
    """libpq's environment variables for this connection: the password never appears on a command line."""
    params = connection.settings_dict
    values = {
        "PGDATABASE": params["NAME"],
        "PGUSER": params.get("USER"),
        "PGPASSWORD": params.get("PASSWORD"),
        "PGHOST": params.get("HOST"),
        "PGPORT": str(params.get("PORT") or ""),
        "PGSSLMODE": params.get("OPTIONS", {}).get("sslmode"),
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def run_postgres_tool(command, connection):
    try:
        subprocess.run(
            command, env=postgres_environment(connection), check=True, capture_output=True, text=True
        )
    except FileNotFoundError as error:
        raise BackupError(f"Không tìm thấy lệnh {command[0]}: hãy cài gói postgresql-client.") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"Lệnh {command[0]} thất bại: {error.stderr.strip()}") from error


class HashingReader:
    """A file wrapper that hashes what tarfile reads, so the checksum matches the bytes archived even if
    the file changes on disk meanwhile."""

    def __init__(self, stream):
        self.stream = stream
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.stream.read(size)
        self.sha256.update(data)
        return data


def add_file(archive, path, name):
    with open(path, "rb") as stream:
        info = archive.gettarinfo(fileobj=stream, arcname=name)
        reader = HashingReader(stream)
        archive.addfile(info, reader)
    return {"sha256": reader.sha256.hexdigest(), "size": info.size}


def add_tree(archive, root, folder):
    """Every regular file under `root` as `folder/<relative path>` (symlinks are skipped: never followed)."""
    checksums = {}
    if not root.is_dir():
        return checksums
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                member = f"{folder}/{path.relative_to(root).as_posix()}"
                checksums[member] = add_file(archive, path, member)
    return checksums


def build_manifest(vendor, checksums):
    """What the archive holds and what made it; no host, database name, user or password."""
    return {
        "format": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database": {"vendor": vendor, "file": DUMP_NAMES[vendor]},
        "versions": {"django": django.get_version(), "wagtail": wagtail.__version__},
        "files": checksums,
    }


def add_manifest(archive, manifest):
    data = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
    add_bytes(archive, MANIFEST, data)
    add_bytes(archive, SIGNATURE, manifest_signature(data).encode())


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def manifest_signature(data):
    """HMAC-SHA256 of the manifest's bytes: without the key nobody can edit a file and re-hash the archive."""
    key = getattr(settings, "BACKUP_SIGNING_KEY", "") or settings.SECRET_KEY
    return salted_hmac(SIGNING_SALT, data, secret=key, algorithm="sha256").hexdigest()


# Restore ---------------------------------------------------------------------------------------------------
def restore_backup(archive_path):
    """Check the archive, then fill the empty database and the file directories from it."""
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {archive_path}.")
    with tempfile.TemporaryDirectory(prefix="khoi-phuc-") as staging:
        staging = Path(staging)
        manifest = unpack_verified(archive_path, staging)
        vendor = manifest["database"]["vendor"]
        check_vendor(vendor)
        check_database_empty()
        check_no_conflicting_files(staging, manifest)
        restore_database(staging / DUMP_NAMES[vendor])
        return restore_files(staging, manifest, vendor)


def unpack_verified(archive_path, staging):
    """Unpack into `staging` while hashing, and return the manifest if it is signed and every member
    matches it. Every member's path is checked before its first byte is written, even into staging."""
    found = {}
    control = {}
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive:
                if member.isdir():
                    check_member_name(member.name, directory=True)
                    continue
                if member.name in found or member.name in control:
                    raise invalid_member(member.name, "xuất hiện hai lần trong tệp sao lưu")
                if member.name in (MANIFEST, SIGNATURE) and member.isfile():
                    control[member.name] = archive.extractfile(member).read()
                    continue
                found[member.name] = extract_member(archive, member, staging)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as error:
        raise BackupError(
            f"Tệp sao lưu {archive_path.name} bị hỏng hoặc không đầy đủ ({error}); chưa khôi phục gì."
        ) from error
    check_signature(control, archive_path.name)
    manifest = json.loads(control[MANIFEST])
    check_manifest(manifest, found, archive_path.name)
    return manifest


def check_signature(control, archive_name):
    """Refuse an archive whose manifest is unsigned or signed with another key, before trusting it."""
    if MANIFEST not in control:
        raise BackupError(
            f"{archive_name} không phải tệp sao lưu của cổng (thiếu manifest.json); chưa khôi phục gì."
        )
    signature = control.get(SIGNATURE, b"").decode("ascii", "replace").strip()
    if not signature:
        raise BackupError(
            f"Tệp sao lưu {archive_name} không có chữ ký (thiếu {SIGNATURE}); chưa khôi phục gì."
        )
    if not constant_time_compare(signature, manifest_signature(control[MANIFEST])):
        raise BackupError(
            f"Chữ ký của tệp sao lưu {archive_name} không khớp: tệp đã bị sửa đổi hoặc được ký bằng khóa "
            "khác (kiểm tra BACKUP_SIGNING_KEY / SECRET_KEY); chưa khôi phục gì."
        )


def invalid_member(name, reason):
    shown = name.replace("\x00", "\\0")
    return BackupError(f"Tệp sao lưu chứa mục không hợp lệ: {shown} ({reason}); chưa khôi phục gì.")


def check_member_name(name, directory=False):
    """A member name is a plain relative path: no NUL, no leading '/', no empty, '.' or '..' component
    (so `media//etc/passwd` and `media/../x` are refused), under a known folder or the database dump."""
    if "\x00" in name:
        raise invalid_member(name, "có ký tự NUL")
    if name.startswith("/"):
        raise invalid_member(name, "là đường dẫn tuyệt đối")
    parts = name.rstrip("/").split("/") if directory else name.split("/")
    if ".." in parts:
        raise invalid_member(name, "có thành phần '..'")
    if "" in parts or "." in parts:
        raise invalid_member(name, "có '//' hoặc thành phần '.'")
    if directory:
        return
    if len(parts) == 1 and name in DUMP_NAMES.values():
        return
    if len(parts) < 2 or parts[0] not in file_roots():
        raise invalid_member(name, "không thuộc thư mục media/ hay private/")


def destination_inside(root, relative, name):
    """`root/relative` once resolved (symlinks on disk followed), refused unless it stays inside `root`."""
    base = Path(root).resolve()
    destination = (base / relative).resolve()
    if not destination.is_relative_to(base) or destination == base:
        raise invalid_member(name, f"nằm ngoài thư mục {root}")
    return destination


def restore_destination(name):
    """Where a manifest entry is restored: inside its own root, or nowhere (None) for the database dump."""
    check_member_name(name)
    folder, _, relative = name.partition("/")
    roots = file_roots()
    if folder not in roots:
        return None
    return destination_inside(roots[folder], relative, name)


def extract_member(archive, member, staging):
    check_member_name(member.name)
    if not member.isfile():
        raise invalid_member(member.name, "là liên kết hoặc tệp đặc biệt, không phải tệp thường")
    destination = destination_inside(staging, member.name, member.name)
    destination.parent.mkdir(parents=True, exist_ok=True)
    sha256 = hashlib.sha256()
    size = 0
    with archive.extractfile(member) as source, open(destination, "wb") as target:
        while chunk := source.read(CHUNK):
            sha256.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return {"sha256": sha256.hexdigest(), "size": size}


def check_manifest(manifest, found, archive_name):
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive_name} không phải tệp sao lưu của cổng (thiếu hoặc sai manifest.json).")
    expected = manifest["files"]
    for name in expected:
        check_member_name(name)
    problems = [f"thiếu {name}" for name in sorted(expected.keys() - found.keys())]
    problems += [f"thừa {name}" for name in sorted(found.keys() - expected.keys())]
    problems += [
        f"sai tổng kiểm tra {name}"
        for name in sorted(expected)
        if found.get(name, expected[name]) != expected[name]
    ]
    if problems:
        raise BackupError(
            f"Tệp sao lưu {archive_name} đã bị sửa đổi hoặc hỏng ({'; '.join(problems[:5])}); "
            "chưa khôi phục gì."
        )


def check_vendor(vendor):
    current = database_connection().vendor
    if vendor != current:
        raise BackupError(
            f"Bản sao lưu là cơ sở dữ liệu {vendor}, nhưng cổng đang dùng {current}: "
            f"hãy khôi phục vào một cơ sở dữ liệu {vendor} (đặt DATABASE_URL tương ứng)."
        )


def check_database_empty():
    """Refuse any database that has tables: a restore never merges into, nor replaces, existing data."""
    tables = database_connection().introspection.table_names()
    if tables:
        raise BackupError(
            f"Cơ sở dữ liệu đích không trống ({len(tables)} bảng); chỉ khôi phục vào cơ sở dữ liệu trống. "
            "PostgreSQL: tạo mới bằng `createdb <tên>` rồi đặt DATABASE_URL trỏ tới nó; "
            "SQLite: đặt DATABASE_URL trỏ tới một tệp chưa tồn tại. Không chạy `migrate` trước khi khôi phục."
        )


def check_no_conflicting_files(staging, manifest):
    """A file already in place must be the one in the archive: a restore never overwrites a different file."""
    for name in manifest["files"]:
        existing = restore_destination(name)
        expected = manifest["files"][name]["sha256"]
        if existing is not None and existing.exists() and sha256_of(existing) != expected:
            raise BackupError(f"Tệp {existing} đã tồn tại và khác bản sao lưu; hãy dùng thư mục trống.")


def sha256_of(path):
    sha256 = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            sha256.update(chunk)
    return sha256.hexdigest()


def restore_database(dump):
    """pg_restore in one transaction (all or nothing), or SQLite's backup API into the current file."""
    connection = database_connection()
    if connection.vendor == "postgresql":
        run_postgres_tool(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ],
            connection,
        )
    else:
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as source:
            source.backup(connection.connection)
    connection.close()


def restore_files(staging, manifest, vendor):
    roots = file_roots()
    counts = dict.fromkeys(roots, 0)
    for name in manifest["files"]:
        destination = restore_destination(name)
        if destination is None:
            continue
        folder = name.partition("/")[0]
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(staging / name, destination)
        counts[folder] += 1
    total = sum(entry["size"] for entry in manifest["files"].values())
    return RestoreResult(vendor, counts["media"], counts["private"], total)

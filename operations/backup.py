"""Backups of the whole portal (database, public media, citizens' private files) and their restore.

An archive is a .tar.gz holding the database dump, `media/`, `private/` and a manifest.json with the
SHA-256 checksum and size of every other member. A restore checks every checksum before it writes
anything and only ever fills an empty database: it can never overwrite a live portal by mistake.
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
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
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
    output_dir.mkdir(parents=True, exist_ok=True)
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
            with tarfile.open(partial, "w:gz") as archive:
                checksums = {dump.name: add_file(archive, dump, dump.name)}
                for folder, root in file_roots().items():
                    checksums.update(add_tree(archive, root, folder))
                add_manifest(archive, build_manifest(vendor, checksums))
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


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
    info = tarfile.TarInfo(MANIFEST)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


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
        restore_database(staging / manifest["database"]["file"])
        return restore_files(staging, manifest, vendor)


def unpack_verified(archive_path, staging):
    """Unpack into `staging` while hashing, and return the manifest if every member matches it."""
    found = {}
    manifest = None
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive:
                if member.isdir():
                    continue
                if member.name == MANIFEST:
                    manifest = json.loads(archive.extractfile(member).read())
                    continue
                found[member.name] = extract_member(archive, member, staging)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as error:
        raise BackupError(
            f"Tệp sao lưu {archive_path.name} bị hỏng hoặc không đầy đủ ({error}); chưa khôi phục gì."
        ) from error
    check_manifest(manifest, found, archive_path.name)
    return manifest


def extract_member(archive, member, staging):
    name = PurePosixPath(member.name)
    if not member.isfile() or name.is_absolute() or ".." in name.parts:
        raise BackupError(f"Tệp sao lưu chứa mục không hợp lệ: {member.name}; chưa khôi phục gì.")
    destination = staging / name
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
    if manifest is None or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive_name} không phải tệp sao lưu của cổng (thiếu hoặc sai manifest.json).")
    expected = manifest["files"]
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
    roots = file_roots()
    for name in manifest["files"]:
        folder, _, relative = name.partition("/")
        if folder in roots and (roots[folder] / relative).exists():
            existing = roots[folder] / relative
            if sha256_of(existing) != manifest["files"][name]["sha256"]:
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
        folder, _, relative = name.partition("/")
        if folder not in roots:
            continue
        destination = roots[folder] / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(staging / name, destination)
        counts[folder] += 1
    total = sum(entry["size"] for entry in manifest["files"].values())
    return RestoreResult(vendor, counts["media"], counts["private"], total)

"""Import legal documents from an official source's CSV: validate every row, then write all or nothing.

    number,doc_type,issuer,signer,issued_on,effective_on,expires_on,status,fields,summary,files,replaces,amends

How it writes (and why):
- A row's identity is (number key, issuer, year of issue): numbers restart every year and two issuers may
  both have a "217/QĐ-UBND". A row whose document exists and whose values are the same is left alone (no
  revision, no publication), so re-importing a file changes nothing.
- New documents are bulk-inserted already published (live, first/last_published_at set) without a
  revision: a revision and a publication per row cost ~40 queries, i.e. most of an hour for 100,000
  rows, while Wagtail copes with a published snippet that has no revision yet (the editor opens the live
  row; the first edit creates revision 1). The publication is recorded in the history as the custom
  action "legal_docs.import" ("Nhập từ nguồn chính thức"), one bulk insert with one shared uuid.
- A changed document goes through Wagtail's own path (save_revision + publish, no user) so that its
  latest revision and the live row never disagree; updates are expected to be few.
- The reference index and the validity statuses of replaced documents are brought up to date in the same
  transaction (bulk inserts send no signals); the full-text index is the database's own (migration 0003).
- Files are stored before the transaction commits; if it does not (a bad row found late, an exception,
  Ctrl-C or SIGTERM), the files this run stored are deleted again, so a failed import leaves nothing in
  media and its re-run stores one copy. A SIGKILL leaves them to `purge_orphan_files` (documents/orphans.py).
"""

import csv
import datetime
import hashlib
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm
from wagtail import hooks
from wagtail.log_actions import registry as log_registry
from wagtail.models import Collection, ReferenceIndex, Site

from core.models import SubjectArea
from core.sites import shown_on
from core.text import fold, normalize
from documents.models import PortalDocument
from documents.stamps import stamped_documents

from .enums import RelationKind, ValidityStatus
from .models import DocumentFile, DocumentRelation, DocumentType, Issuer, LegalDocument
from .numbers import normalized_number, number_key

HEADER = [
    "number",
    "doc_type",
    "issuer",
    "signer",
    "issued_on",
    "effective_on",
    "expires_on",
    "status",
    "fields",
    "summary",
    "files",
    "replaces",
    "amends",
]
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
IMPORT_ACTION = "legal_docs.import"
IMPORT_LABEL = "Nhập từ nguồn chính thức"
NO_SITE = "Chưa có cổng (Site) nào để nhập văn bản vào: tạo cổng trước."
RELATION_COLUMNS = {"replaces": RelationKind.REPLACES, "amends": RelationKind.AMENDS}
RELATION_WORDS = {"replaces": "văn bản được thay thế", "amends": "văn bản được sửa đổi, bổ sung"}
IMPORTED_KINDS = set(RELATION_COLUMNS.values())
ANALYZE_THRESHOLD = 1000
PROGRESS_THRESHOLD = 200
CHUNK = 1000
# The labels, the stored values, and the shorter names registers use (thuvienphapluat's "Hết hiệu lực" is
# "Hết hiệu lực toàn bộ").
STATUS_BY_NAME = (
    {fold(label): value for value, label in ValidityStatus.choices}
    | {value: value for value in ValidityStatus.values}
    | {fold("Hết hiệu lực"): ValidityStatus.EXPIRED, fold("Đã hết hiệu lực"): ValidityStatus.EXPIRED}
)


class ImportFailed(Exception):
    """The file was rejected; nothing was written. `errors` holds one "Dòng N: …" line per bad row."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Row:
    line: int
    number: str = ""
    key: str = ""
    doc_type: str = ""
    issuer: str = ""
    signer: str = ""
    issued_on: datetime.date | None = None
    effective_on: datetime.date | None = None
    expires_on: datetime.date | None = None
    status: str = ""
    fields: list = field(default_factory=list)
    summary: str = ""
    files: list = field(default_factory=list)  # [(name, path, sha1)]
    references: dict = field(default_factory=dict)  # {"replaces": [number, ...], "amends": [...]}
    errors: list = field(default_factory=list)
    # Resolved during planning.
    identity: tuple = ()
    targets: set = field(default_factory=set)  # {(kind, identity)}
    existing_id: int | None = None
    action: str = ""


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    seconds: float = 0.0

    def __str__(self):
        verb = "Sẽ" if self.dry_run else "Đã"
        return (
            f"{verb} nhập {self.rows} dòng: {self.created} văn bản mới, {self.updated} cập nhật, "
            f"{self.unchanged} không đổi ({self.seconds:.1f} giây)."
        )


def _split(value):
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def parse_date(value):
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _sha1(path):
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Importer:
    def __init__(self, path, site, files_dir=None, dry_run=False, progress=False):
        self.path = Path(path)
        self.site = site  # whose documents these are (core/sites.py)
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.dry_run = dry_run
        self.progress = progress
        self.rows = []
        self.file_errors = {}  # sha1 -> reason (form validation of each distinct file, once)
        self.new_files = []  # documents this run saved: their files go if the transaction rolls back

    # Reading and checking each row on its own ---------------------------------------------------------
    def read(self):
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                header = next(reader, None)
                if [cell.strip() for cell in header or []] != HEADER:
                    found = ",".join(header or [])
                    raise ImportFailed(
                        [f"Dòng 1: tiêu đề cột phải đúng là «{','.join(HEADER)}» (đang là «{found}»)."]
                    )
                line = reader.line_num + 1
                for cells in reader:
                    start, line = line, reader.line_num + 1
                    if not any(cell.strip() for cell in cells):
                        continue
                    self.rows.append(self.parse(start, cells))
        except UnicodeDecodeError as error:
            raise ImportFailed([f"Tệp không đọc được theo mã UTF-8 (byte thứ {error.start})."]) from error

    def parse(self, line, cells):
        row = Row(line=line)
        if len(cells) != len(HEADER):
            row.errors.append(f"có {len(cells)} cột, cần đúng {len(HEADER)} cột")
            return row
        values = {name: normalize(cell).strip() for name, cell in zip(HEADER, cells, strict=True)}
        row.number = values["number"]
        row.key = number_key(row.number)
        row.doc_type, row.issuer, row.signer, row.summary = (
            values["doc_type"],
            values["issuer"],
            values["signer"],
            values["summary"],
        )
        for name, label in [
            ("number", "số, ký hiệu"),
            ("doc_type", "loại văn bản"),
            ("issuer", "cơ quan ban hành"),
            ("issued_on", "ngày ban hành"),
            ("summary", "trích yếu"),
        ]:
            if not values[name]:
                row.errors.append(f"thiếu {label}")
        if row.number and not row.key:
            row.errors.append(f"số, ký hiệu «{row.number}» không hợp lệ")
        for name, limit, label in [
            ("number", 100, "số, ký hiệu"),
            ("doc_type", 100, "tên loại văn bản"),
            ("issuer", 255, "tên cơ quan ban hành"),
            ("signer", 255, "người ký"),
            ("summary", 2000, "trích yếu"),
        ]:
            if len(values[name]) > limit:
                row.errors.append(f"{label} dài quá {limit} ký tự")
        for name, label in [
            ("issued_on", "ngày ban hành"),
            ("effective_on", "ngày có hiệu lực"),
            ("expires_on", "ngày hết hiệu lực"),
        ]:
            if values[name]:
                parsed = parse_date(values[name])
                if parsed is None:
                    row.errors.append(
                        f"{label} «{values[name]}» không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd)"
                    )
                setattr(row, name, parsed)
        if row.issued_on and row.effective_on and row.effective_on < row.issued_on:
            row.errors.append("ngày có hiệu lực không được trước ngày ban hành")
        if row.expires_on:
            if row.issued_on and row.expires_on <= row.issued_on:
                row.errors.append("ngày hết hiệu lực phải sau ngày ban hành")
            elif row.effective_on and row.expires_on <= row.effective_on:
                row.errors.append("ngày hết hiệu lực phải sau ngày có hiệu lực")
        if values["status"]:
            row.status = STATUS_BY_NAME.get(fold(values["status"])) or STATUS_BY_NAME.get(values["status"])
            if not row.status:
                allowed = ", ".join(ValidityStatus.labels)
                row.errors.append(f"tình trạng hiệu lực «{values['status']}» không hợp lệ (dùng: {allowed})")
        row.fields = list(dict.fromkeys(_split(values["fields"])))
        for name in _split(values["files"]):
            self.check_file(row, name)
        row.references = {column: _split(values[column]) for column in RELATION_COLUMNS}
        return row

    def check_file(self, row, name):
        if self.files_dir is None:
            row.errors.append(f"có tệp «{name}» nhưng chưa chỉ định thư mục tệp (--files-dir)")
            return
        path = (self.files_dir / name).resolve()
        if path.parent != self.files_dir and self.files_dir not in path.parents:
            row.errors.append(f"tệp «{name}» nằm ngoài thư mục tệp")
        elif not path.is_file():
            row.errors.append(f"không tìm thấy tệp «{name}» trong thư mục tệp")
        else:
            sha1 = _sha1(path)
            if sha1 not in self.file_errors:
                self.file_errors[sha1] = self.validate_file(name, path)
            if self.file_errors[sha1]:
                row.errors.append(f"tệp «{name}» không hợp lệ: {self.file_errors[sha1]}")
            row.files.append((name, path, sha1))

    # Files go through the documents app's own upload form (type, size and content checks live there).
    def document_form(self, name, path):
        from wagtail.documents.forms import get_document_form

        form_class = get_document_form(PortalDocument)
        data = {"title": Path(name).stem, "collection": Collection.get_first_root_node().pk}
        upload = SimpleUploadedFile(Path(name).name, path.read_bytes())
        return form_class(data=data, files={"file": upload})

    def validate_file(self, name, path):
        form = self.document_form(name, path)
        if form.is_valid():
            return ""
        # The row's report ends with its own full stop.
        return "; ".join(
            str(message).rstrip(".") for messages in form.errors.values() for message in messages
        )

    # Checks across rows and against the database ------------------------------------------------------
    def plan(self):
        self.types = self.by_folded_name(DocumentType)
        self.issuers = self.by_folded_name(Issuer)
        self.areas = self.by_folded_name(SubjectArea)
        for row in self.rows:
            if row.issuer and row.issued_on:
                issuer = self.issuers.get(fold(row.issuer))
                row.identity = (row.key, issuer.pk if issuer else fold(row.issuer), row.issued_on.year)
        self.check_duplicates_in_file()
        self.load_existing()
        self.refuse_archived()
        self.resolve_relations()
        self.compare_existing()

    @staticmethod
    def by_folded_name(model):
        found = {}
        for item in model.objects.order_by("pk"):
            found.setdefault(fold(item.name), item)
        return found

    def check_duplicates_in_file(self):
        seen = {}
        for row in self.rows:
            if not row.identity:
                continue
            if row.identity in seen:
                first = seen[row.identity]
                row.errors.append(
                    f"trùng số, ký hiệu «{row.number}» của «{row.issuer}» năm {row.issued_on.year} "
                    f"với dòng {first.line}"
                )
            else:
                seen[row.identity] = row
        self.rows_by_identity = seen

    def load_existing(self):
        """(id, identity, issued_on) of every stored document the site shows (core/sites.py) whose number a
        row names or refers to. A row updates the site's own document of its identity; a relation may point
        to one the province shares (the site's own first)."""
        keys = {row.key for row in self.rows if row.key}
        for row in self.rows:
            for numbers in row.references.values():
                keys.update(number_key(number) for number in numbers)
        self.stored = defaultdict(list)  # number key -> [(id, identity, issued_on)]
        identities = defaultdict(list)
        shared = {}
        shown = LegalDocument.objects.filter(shown_on(self.site.pk)).order_by("pk")
        for chunk in _chunks(keys):
            for pk, key, issuer_id, issued_on, site_id in shown.filter(number_key__in=chunk).values_list(
                "pk", "number_key", "issuer_id", "issued_on", "site_id"
            ):
                identity = (key, issuer_id, issued_on.year)
                if site_id == self.site.pk:
                    identities[identity].append(pk)
                elif identity in shared:
                    continue
                else:
                    shared[identity] = pk
                self.stored[key].append((pk, identity, issued_on, issuer_id))
        self.stored_ids = {**shared, **{identity: pks[0] for identity, pks in identities.items()}}
        for row in self.rows:
            pks = identities.get(row.identity, [])
            if len(pks) > 1:
                row.errors.append(
                    f"cơ sở dữ liệu đã có {len(pks)} văn bản số «{row.number}» của «{row.issuer}» "
                    f"năm {row.issued_on.year}: gộp chúng lại trước khi nhập"
                )
            elif pks:
                row.existing_id = pks[0]

    def refuse_archived(self):
        """An archived document is restored as a draft by the head and goes through the board again
        (docs/requirements.md, Removal and archiving); an import would publish it straight back. The archive
        is the board's (editorial/archive.py, a layer above): it answers through the archived_object_ids
        hook."""
        ids = [row.existing_id for row in self.rows if row.existing_id]
        archived = set()
        for archived_object_ids in hooks.get_hooks("archived_object_ids"):
            archived |= archived_object_ids(LegalDocument, ids)
        for row in self.rows:
            if str(row.existing_id) in archived:
                row.errors.append(
                    f"văn bản «{row.number}» đã được lưu trữ (gỡ khỏi cổng): Trưởng ban khôi phục nó trước, "
                    "rồi nhập lại hoặc gửi duyệt"
                )

    def resolve_relations(self):
        in_file = defaultdict(list)
        for identity, row in self.rows_by_identity.items():
            in_file[identity[0]].append((identity, row.issued_on, row.identity[1]))
        for row in self.rows:
            for column, numbers in row.references.items():
                for number in numbers:
                    key = number_key(number)
                    candidates = {identity: (issued, issuer) for identity, issued, issuer in in_file[key]}
                    for _pk, identity, issued, issuer in self.stored[key]:
                        candidates.setdefault(identity, (issued, issuer))
                    candidates.pop(row.identity, None)
                    if len(candidates) > 1 and row.identity:
                        same_issuer = {i: v for i, v in candidates.items() if v[1] == row.identity[1]}
                        candidates = same_issuer or candidates
                    if len(candidates) > 1 and row.issued_on:
                        earlier = {i: v for i, v in candidates.items() if v[0] <= row.issued_on}
                        candidates = earlier or candidates
                    if not candidates:
                        if key == row.key and number_key(number) == row.key:
                            row.errors.append(f"văn bản không thể liên quan đến chính nó («{number}»)")
                        else:
                            row.errors.append(f"không tìm thấy {RELATION_WORDS[column]} «{number}»")
                    elif len(candidates) > 1:
                        row.errors.append(
                            f"số, ký hiệu «{number}» ({RELATION_WORDS[column]}) khớp {len(candidates)} "
                            "văn bản của các cơ quan hoặc năm khác nhau"
                        )
                    else:
                        row.targets.add((RELATION_COLUMNS[column], next(iter(candidates))))

    def compare_existing(self):
        """Mark each row create / update / unchanged, comparing stored values with the row's."""
        existing = {row.existing_id: row for row in self.rows if row.existing_id and not row.errors}
        stored, areas, files, relations = {}, defaultdict(set), defaultdict(list), defaultdict(set)
        through = LegalDocument.subject_areas.through
        for chunk in _chunks(existing):
            for values in LegalDocument.objects.filter(pk__in=chunk).values(
                "pk",
                "number",
                "doc_type_id",
                "issuer_id",
                "signer",
                "issued_on",
                "effective_on",
                "expires_on",
                "status",
                "status_is_manual",
                "summary",
            ):
                stored[values["pk"]] = values
            for doc_id, area_id in through.objects.filter(legaldocument_id__in=chunk).values_list(
                "legaldocument_id", "subjectarea_id"
            ):
                areas[doc_id].add(area_id)
            for doc_id, sha1 in (
                DocumentFile.objects.filter(legal_document_id__in=chunk)
                .order_by("sort_order", "pk")
                .values_list("legal_document_id", "document__file_hash")
            ):
                files[doc_id].append(sha1)
            for doc_id, kind, target in DocumentRelation.objects.filter(
                source_id__in=chunk, kind__in=IMPORTED_KINDS
            ).values_list("source_id", "kind", "target_id"):
                relations[doc_id].add((kind, target))
        for row in self.rows:
            if row.errors:
                continue
            if row.existing_id is None:
                row.action = "create"
                continue
            values = stored[row.existing_id]
            doc_type = self.types.get(fold(row.doc_type))
            area_ids = {self.areas[fold(name)].pk for name in row.fields if fold(name) in self.areas}
            targets = {(kind, self.stored_ids.get(identity)) for kind, identity in row.targets}
            same = (
                values["number"] == row.number
                and doc_type is not None
                and values["doc_type_id"] == doc_type.pk
                and values["signer"] == row.signer
                and values["issued_on"] == row.issued_on
                and values["effective_on"] == row.effective_on
                and values["expires_on"] == row.expires_on
                and values["status_is_manual"] == bool(row.status)
                and (not row.status or values["status"] == row.status)
                and values["summary"] == row.summary
                and len(area_ids) == len(row.fields)
                and areas[row.existing_id] == area_ids
                and files[row.existing_id] == [sha1 for _name, _path, sha1 in row.files]
                and None not in {target for _kind, target in targets}
                and relations[row.existing_id] == targets
            )
            row.action = "unchanged" if same else "update"

    # Writing ------------------------------------------------------------------------------------------
    def write(self):
        self.now = timezone.now()
        self.batch_uuid = uuid.uuid4()
        self.ensure_lookups()
        self.store_files()
        created = self.create_documents()
        updated = self.update_documents()
        ids = {**self.stored_ids, **{row.identity: doc.pk for row, doc in created}}
        self.create_children(created, ids)
        for row, doc in updated:
            self.publish_update(row, doc, ids)
        self.refresh_statuses(created + updated, ids)
        self.log(created)

    def ensure_lookups(self):
        for model, names, found in [
            (DocumentType, {row.doc_type for row in self.rows}, self.types),
            (Issuer, {row.issuer for row in self.rows}, self.issuers),
            (SubjectArea, {name for row in self.rows for name in row.fields}, self.areas),
        ]:
            slug_length = model._meta.get_field("slug").max_length
            taken = set(model.objects.values_list("slug", flat=True))
            for name in sorted(names):
                if fold(name) in found:
                    continue
                base = slugify(fold(name))[: slug_length - 4] or "muc"
                slug, n = base, 2
                while slug in taken:
                    slug, n = f"{base}-{n}", n + 1
                taken.add(slug)
                found[fold(name)] = model.objects.create(name=name, slug=slug)
        # Rows naming a new issuer carried its folded name in their identity: use its id from now on.
        remap = {}
        for row in self.rows:
            issuer = self.issuers[fold(row.issuer)]
            if row.identity[1] != issuer.pk:
                new = (row.key, issuer.pk, row.identity[2])
                remap[row.identity] = new
                row.identity = new
        if remap:
            for row in self.rows:
                row.targets = {(kind, remap.get(target, target)) for kind, target in row.targets}

    def store_files(self):
        """One PortalDocument per distinct file content; a file already stored (same SHA-1) is reused."""
        wanted = {}
        for row in self.rows:
            if row.action in ("create", "update"):
                for name, path, sha1 in row.files:
                    wanted.setdefault(sha1, (name, path))
        self.documents = {}
        fill_missing_hashes()
        for chunk in _chunks(wanted):
            for document in PortalDocument.objects.filter(file_hash__in=chunk).order_by("pk"):
                self.documents.setdefault(document.file_hash, document)
        for sha1, (name, path) in wanted.items():
            if sha1 not in self.documents:
                form = self.document_form(name, path)
                if not form.is_valid():  # changed on disk since it was checked
                    raise ImportFailed([f"Tệp «{name}» không hợp lệ: {form.errors.as_text()}"])
                document = form.save()
                self.new_files.append(document)
                if document.file_hash != sha1:
                    PortalDocument.objects.filter(pk=document.pk).update(file_hash=sha1)
                    document.file_hash = sha1
                self.documents[sha1] = document
        self.refuse_stamped_files()

    def refuse_stamped_files(self):
        """Imported documents go online at once, without publish(): a file whose text carries a
        classification stamp stops the whole import instead (docs/requirements.md, Classification)."""
        labels = dict(stamped_documents(document.pk for document in self.documents.values()))
        errors = [
            f"Dòng {row.line}: tệp «{name}» mang dấu «{labels[self.documents[sha1]]}», "
            "không được đăng lên cổng (quy định về bảo vệ bí mật nhà nước)."
            for row in self.rows
            if row.action in ("create", "update")
            for name, _path, sha1 in row.files
            if self.documents[sha1] in labels
        ]
        if errors:
            raise ImportFailed(errors)

    def apply(self, doc, row):
        doc.number = row.number
        doc.doc_type = self.types[fold(row.doc_type)]
        doc.issuer = self.issuers[fold(row.issuer)]
        doc.signer = row.signer
        doc.issued_on, doc.effective_on, doc.expires_on = row.issued_on, row.effective_on, row.expires_on
        doc.summary = row.summary
        doc.status_is_manual = bool(row.status)
        if row.status:
            doc.status = row.status

    def create_documents(self):
        rows = [row for row in self.rows if row.action == "create"]
        if not rows:
            return []
        slugs = self.free_slugs(rows)
        pairs = []
        for row in tqdm(rows, desc="Chuẩn bị", unit="văn bản", disable=not self.progress):
            doc = LegalDocument(
                live=True,
                has_unpublished_changes=False,
                first_published_at=self.now,
                last_published_at=self.now,
                slug=slugs[row.line],
                site=self.site,
            )
            self.apply(doc, row)
            # What LegalDocument.save() derives, done here because bulk_create does not call save().
            doc.number = normalize(doc.number).strip()
            doc.number_normalized = normalized_number(doc.number)
            doc.number_key = row.key
            doc.signer_key = fold(doc.signer)
            if not doc.status_is_manual:
                doc.status = doc.computed_status()
            extracted = [
                getattr(self.documents[sha1], "extracted_text", "") for _name, _path, sha1 in row.files
            ]
            doc.search_text = fold(" ".join([doc.folded_text(), *filter(None, extracted)]))
            pairs.append((row, doc))
        with tqdm(total=len(pairs), desc="Ghi", unit="văn bản", disable=not self.progress) as bar:
            for chunk in _chunks(pairs):
                LegalDocument.objects.bulk_create([doc for _row, doc in chunk])
                bar.update(len(chunk))
        return pairs

    def free_slugs(self, rows):
        """LegalDocument.unique_slug() for many rows at once: number key, then + year, then + issuer."""
        candidates = {}
        for row in rows:
            base = row.key[:140] or "van-ban"
            year = row.issued_on.year
            candidates[row.line] = [
                base,
                f"{base}-{year}",
                f"{base}-{year}-{self.issuers[fold(row.issuer)].slug}",
            ]
        wanted = {slug for options in candidates.values() for slug in options}
        taken = set()
        for chunk in _chunks(wanted):
            mine = LegalDocument.objects.filter(site_id=self.site.pk, slug__in=chunk)
            taken.update(mine.values_list("slug", flat=True))
        slugs = {}
        for row in rows:
            options = [slug[:160] for slug in candidates[row.line]]
            slug = next((option for option in options if option not in taken), None)
            n = 2
            while slug is None:
                option = f"{options[-1][:150]}-{n}"
                slug, n = (option if option not in taken else None), n + 1
            taken.add(slug)
            slugs[row.line] = slug
        return slugs

    def create_children(self, created, ids):
        through = LegalDocument.subject_areas.through
        areas, files, relations = [], [], []
        for row, doc in created:
            for name in row.fields:
                areas.append(through(legaldocument_id=doc.pk, subjectarea_id=self.areas[fold(name)].pk))
            for order, (name, _path, sha1) in enumerate(row.files):
                files.append(
                    DocumentFile(
                        legal_document_id=doc.pk, document=self.documents[sha1], title=name, sort_order=order
                    )
                )
            for order, (kind, identity) in enumerate(sorted(row.targets)):
                relations.append(
                    DocumentRelation(source_id=doc.pk, kind=kind, target_id=ids[identity], sort_order=order)
                )
        for model, objects in [(through, areas), (DocumentFile, files), (DocumentRelation, relations)]:
            for chunk in _chunks(objects, 2000):
                model.objects.bulk_create(chunk)
        if ReferenceIndex.model_is_indexable(LegalDocument):
            with_references = {item.legal_document_id for item in files} | {
                item.source_id for item in relations
            }
            for _row, doc in created:
                if doc.pk in with_references:
                    ReferenceIndex.create_or_update_for_object(doc)

    def update_documents(self):
        """Changed documents: Wagtail's own revision + publication, so history and live row agree."""
        pairs = []
        rows = [row for row in self.rows if row.action == "update"]
        for row in tqdm(rows, desc="Cập nhật", unit="văn bản", disable=not self.progress):
            doc = LegalDocument.objects.get(pk=row.existing_id)
            self.apply(doc, row)
            doc.subject_areas = [self.areas[fold(name)] for name in row.fields]
            current = {child.document.file_hash: child for child in doc.files.select_related("document")}
            wanted = [sha1 for _name, _path, sha1 in row.files]
            if list(current) != wanted:
                doc.files = [
                    DocumentFile(document=self.documents[sha1], title=name, sort_order=order)
                    for order, (name, _path, sha1) in enumerate(row.files)
                ]
            pairs.append((row, doc))
        return pairs

    def publish_update(self, row, doc, ids):
        wanted = {(kind, ids[identity]) for kind, identity in row.targets}
        kept = [
            relation
            for relation in doc.relations.all()
            if relation.kind not in IMPORTED_KINDS or (relation.kind, relation.target_id) in wanted
        ]
        have = {(relation.kind, relation.target_id) for relation in kept}
        doc.relations = kept + [
            DocumentRelation(kind=kind, target_id=target) for kind, target in sorted(wanted - have)
        ]
        revision = doc.save_revision(clean=False, log_action=False)
        revision.publish(user=None, log_action=False, skip_permission_checks=True)
        log_registry.log(
            doc, IMPORT_ACTION, data={"file": self.path.name}, revision=revision, content_changed=True
        )

    def refresh_statuses(self, written, ids):
        """Documents replaced (or amended) by a written one, and written ones that are replaced."""
        touched = {ids[identity] for row, _doc in written for _kind, identity in row.targets}
        # An updated document may be replaced by older rows of the database (its dates may have changed).
        touched |= {doc.pk for row, doc in written if row.action == "update"}
        for chunk in _chunks(touched):
            for doc in LegalDocument.objects.filter(pk__in=chunk, status_is_manual=False):
                doc.refresh_status()

    def log(self, created):
        if not created:
            return
        sample = created[0][1]
        model = log_registry.get_log_model_for_instance(sample)
        if model is None:
            return
        content_type = ContentType.objects.get_for_model(sample, for_concrete_model=False)
        entries = [
            model(
                content_type=content_type,
                label=str(doc)[:255],
                action=IMPORT_ACTION,
                data={"file": self.path.name, "line": row.line},
                timestamp=self.now,
                uuid=self.batch_uuid,
                object_id=str(doc.pk),
                content_changed=True,
            )
            for row, doc in created
        ]
        for chunk in _chunks(entries, 2000):
            model.objects.bulk_create(chunk)

    # The whole run ------------------------------------------------------------------------------------
    def run(self):
        started = time.perf_counter()
        self.read()
        self.progress = self.progress and len(self.rows) > PROGRESS_THRESHOLD
        self.plan()
        errors = [f"Dòng {row.line}: {'; '.join(row.errors)}." for row in self.rows if row.errors]
        if errors:
            raise ImportFailed(errors)
        result = ImportResult(rows=len(self.rows), dry_run=self.dry_run)
        result.created = sum(row.action == "create" for row in self.rows)
        result.updated = sum(row.action == "update" for row in self.rows)
        result.unchanged = sum(row.action == "unchanged" for row in self.rows)
        if not self.dry_run and (result.created or result.updated):
            try:
                with transaction.atomic():
                    self.write()
            except BaseException:
                self.remove_stored_files()
                raise
            if result.created + result.updated > ANALYZE_THRESHOLD and connection.vendor == "postgresql":
                tidy_after_bulk_write()
        result.seconds = time.perf_counter() - started
        return result

    def remove_stored_files(self):
        """The files this run stored, whose rows were rolled back: without this they stay in media."""
        for document in self.new_files:
            document.file.delete(save=False)


def fill_missing_hashes():
    """A document stored without its content hash (created in code, not through Wagtail's form) is
    compared by content too, so an import reuses it instead of storing a second copy: Wagtail's
    get_file_hash() reads the file once and keeps the hash. A file missing on disk is left alone."""
    for document in PortalDocument.objects.filter(file_hash="").exclude(file="").iterator():
        try:
            document.get_file_hash()
        except OSError:
            continue


def tidy_after_bulk_write():
    """What autovacuum would do minutes later, at once: fresh planner statistics (with stale ones PostgreSQL
    misjudges the full-text matches and scans the table), and the full-text index's pending list merged
    (a bulk write leaves thousands of rows there, which every search then reads one by one: 25 ms of an
    8 ms index lookup at 100,000 documents)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE legal_docs_legaldocument")
        cursor.execute("SELECT gin_clean_pending_list('legal_docs_search_vector_idx')")


def import_documents(path, site=None, files_dir=None, dry_run=False, progress=False):
    """Validate the whole file, then write it into the site's documents (the default site's unless given) in
    one transaction; raises ImportFailed and writes nothing if any row is bad."""
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise ImportFailed([NO_SITE])
    return Importer(path, site, files_dir=files_dir, dry_run=dry_run, progress=progress).run()

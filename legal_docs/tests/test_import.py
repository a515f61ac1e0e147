"""Importing documents from an official source's CSV: all or nothing, idempotent, published, searchable."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry, Revision

from core.models import SubjectArea
from documents.models import PortalDocument
from legal_docs.enums import RelationKind, ValidityStatus
from legal_docs.importer import HEADER, IMPORT_ACTION, ImportFailed, import_documents
from legal_docs.models import DocumentRelation, DocumentType, Issuer, LegalDocument
from legal_docs.search import find

from .factories import LegalDocumentFactory, default_site_id, document_type, issuer

pytestmark = pytest.mark.django_db

HEADER_LINE = ",".join(HEADER)


def line(number, doc_type, issuer, signer, issued, effective, summary, **more):
    """One CSV record, quoted as a spreadsheet would write it."""
    values = {
        "number": number,
        "doc_type": doc_type,
        "issuer": issuer,
        "signer": signer,
        "issued_on": issued,
        "effective_on": effective,
        "summary": summary,
        **more,
    }
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([values.get(name, "") for name in HEADER])
    return out.getvalue().removesuffix("\n")


GOOD_ROWS = [
    # line 1 is the header, then line 2 …
    line(
        "43/2011/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Nguyễn Tấn Dũng",
        "13/06/2011",
        "01/08/2011",
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc "
        "cổng thông tin điện tử của cơ quan nhà nước",
        fields="Công nghệ thông tin",
        files="nd-43-2011.pdf",
    ),
    # Type and issuer spelled differently from the seeded names; ISO dates; replaces in ASCII spelling.
    line(
        "42/2022/NĐ-CP",
        "nghi dinh",
        "CHÍNH PHỦ",
        "",
        "2022-06-24",
        "2022-08-01",
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi "
        "trường mạng",
        fields="Công nghệ thông tin; Dịch vụ công trực tuyến",
        files="nd-42-2022.pdf",
        replaces="43/2011/ND-CP",
    ),
    line(
        "24/2011/TT-BTTTT",
        "Thông tư",
        "Bộ Thông tin và Truyền thông",
        "Nguyễn Minh Hồng",
        "20/09/2011",
        "05/11/2011",
        "Quy định về việc tạo lập, sử dụng và lưu trữ dữ liệu đặc tả trên trang thông tin điện tử hoặc "
        "cổng thông tin điện tử của cơ quan nhà nước",
        fields="Công nghệ thông tin",
    ),
    # A quoted summary over two lines: the next rows' line numbers must follow the file, not the records.
    line(
        "2154/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân huyện Gia Lâm",
        "Trần Văn Phúc",
        "04/10/2013",
        "04/10/2013",
        "Về việc ban hành quy chế sử dụng hệ thống thư điện tử công vụ\ncủa Ủy ban nhân dân huyện",
        fields="Công nghệ thông tin",
    ),
    line(
        "2722/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Quảng Ninh",
        "Nguyễn Văn Thắng",
        "02/12/2019",
        "02/12/2019",
        "Về việc phê duyệt kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025",
        status="Còn hiệu lực",
        fields="Đầu tư công",
        amends="24/2011/TT-BTTTT",
    ),
]


def write_csv(tmp_path, rows, name="van-ban.csv", bom=False):
    path = tmp_path / name
    text = "\n".join([HEADER_LINE, *rows]) + "\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.fixture
def files_dir(tmp_path):
    folder = tmp_path / "tep"
    folder.mkdir()
    (folder / "nd-43-2011.pdf").write_bytes(b"%PDF-1.4\n% Nghi dinh 43/2011/ND-CP\n")
    (folder / "nd-42-2022.pdf").write_bytes(b"%PDF-1.4\n% Nghi dinh 42/2022/ND-CP\n")
    (folder / "chuong-trinh.exe").write_bytes(b"MZ\x90\x00")
    return folder


def run(path, files_dir=None, **options):
    return import_documents(path, files_dir=files_dir, **options)


def snapshot():
    return {
        "documents": LegalDocument.objects.count(),
        "types": DocumentType.objects.count(),
        "issuers": Issuer.objects.count(),
        "areas": SubjectArea.objects.count(),
        "files": PortalDocument.objects.count(),
        "relations": DocumentRelation.objects.count(),
        "revisions": Revision.objects.count(),
        "logs": ModelLogEntry.objects.filter(action=IMPORT_ACTION).count(),
        "published": sorted(LegalDocument.objects.values_list("number", "last_published_at")),
    }


def test_good_file_creates_published_documents_relations_and_statuses(tmp_path, files_dir):
    issuers_before = Issuer.objects.count()
    result = run(write_csv(tmp_path, GOOD_ROWS, bom=True), files_dir)

    assert (result.rows, result.created, result.updated, result.unchanged) == (5, 5, 0, 0)
    documents = {doc.number: doc for doc in LegalDocument.objects.all()}
    assert set(documents) == {
        "43/2011/NĐ-CP",
        "42/2022/NĐ-CP",
        "24/2011/TT-BTTTT",
        "2154/QĐ-UBND",
        "2722/QĐ-UBND",
    }
    assert all(
        doc.live and doc.first_published_at and not doc.has_unpublished_changes for doc in documents.values()
    )

    nd43, nd42 = documents["43/2011/NĐ-CP"], documents["42/2022/NĐ-CP"]
    # Names matched the seeded lists without regard to case or diacritics; new issuers were created.
    assert nd42.doc_type == document_type("Nghị định") and nd42.issuer == issuer("Chính phủ")
    assert Issuer.objects.count() == issuers_before + 2
    district = Issuer.objects.get(name="Ủy ban nhân dân huyện Gia Lâm")
    assert district.slug == "uy-ban-nhan-dan-huyen-gia-lam"
    assert documents["2154/QĐ-UBND"].issuer == district
    assert nd43.issued_on.isoformat() == "2011-06-13" and nd43.effective_on.isoformat() == "2011-08-01"
    assert nd43.slug == "43-2011-nd-cp" and nd43.number_key == "43-2011-nd-cp"
    assert set(nd42.subject_areas.values_list("name", flat=True)) == {
        "Công nghệ thông tin",
        "Dịch vụ công trực tuyến",
    }

    # Relations and the status they imply: 42/2022 is in effect, so 43/2011 has expired entirely.
    assert list(nd42.relations.values_list("kind", "target__number")) == [
        (RelationKind.REPLACES, "43/2011/NĐ-CP")
    ]
    assert nd43.status == ValidityStatus.EXPIRED
    assert ValidityStatus(nd43.status).label == "Hết hiệu lực toàn bộ"
    assert nd42.status == ValidityStatus.IN_FORCE and not nd42.status_is_manual
    plan = documents["2722/QĐ-UBND"]
    assert plan.status == ValidityStatus.IN_FORCE and plan.status_is_manual
    assert list(plan.relations.values_list("kind", "target__number")) == [
        (RelationKind.AMENDS, "24/2011/TT-BTTTT")
    ]

    # Files went through the portal's document model.
    attachment = nd43.files.select_related("document").get()
    assert isinstance(attachment.document, PortalDocument)
    assert attachment.title == "nd-43-2011.pdf" and attachment.document.file_hash

    # Recorded as direct publications from an official source.
    logs = ModelLogEntry.objects.filter(action=IMPORT_ACTION)
    assert logs.count() == 5 and logs.first().user is None
    assert logs.first().data["file"] == "van-ban.csv"

    # The search index knows them: by number in another spelling, and by words without diacritics.
    results, _facets = find({"q": "43/2011/ND-CP"}, default_site_id())
    assert [doc.number for doc in results[0:20]] == ["43/2011/NĐ-CP"]
    results, _facets = find({"q": "dich vu cong truc tuyen"}, default_site_id())
    assert {doc.number for doc in results[0:20]} == {"43/2011/NĐ-CP", "42/2022/NĐ-CP"}
    results, _facets = find({"q": "thu dien tu cong vu"}, default_site_id())
    assert [doc.number for doc in results[0:20]] == ["2154/QĐ-UBND"]


def test_bad_file_writes_nothing_and_reports_every_bad_line(tmp_path, files_dir):
    LegalDocumentFactory(number="10/2020/NĐ-CP", issuer=issuer("Chính phủ"))
    before = snapshot()
    rows = [
        *GOOD_ROWS,  # lines 2-7 (the 2154 row spans lines 5-6)
        # line 8: a date that does not exist
        "15/2020/NĐ-CP,Nghị định,Chính phủ,,31/02/2020,,,,,Quy định xử phạt vi phạm hành chính,,,",
        # line 9: replaces a document that is neither in the file nor in the database
        "47/2020/NĐ-CP,Nghị định,Chính phủ,,09/04/2020,,,,,Quản lý kết nối dữ liệu số,,99/2099/NĐ-CP,",
        # line 10: a file that is not in the files directory
        "3241/SNV-TT,Công văn,Sở Nội vụ tỉnh Hòa Bình,,05/01/2026,,,,,Về việc báo cáo,khong-co.pdf,,",
        # line 11: the same number, issuer and year as line 2 (spelled differently)
        "43/2011/ND-CP,Nghị định,chinh phu,,20/12/2011,,,,,Một văn bản khác cùng số,,,",
        # line 12: effective before issue, expiry before effect, unknown status, a file type not accepted
        "1/2024/QĐ-UBND,Quyết định,Ủy ban nhân dân tỉnh,,10/05/2024,01/05/2024,01/05/2024,Có hiệu lực,,"
        "Về việc ban hành quy định,chuong-trinh.exe,,",
        # line 13: required values missing
        ",Quyết định,,,,,,,,,,,",
    ]
    with pytest.raises(ImportFailed) as failure:
        run(write_csv(tmp_path, rows), files_dir)

    errors = failure.value.errors
    assert [error.split(":")[0] for error in errors] == [f"Dòng {n}" for n in (8, 9, 10, 11, 12, 13)]
    by_line = dict(error.split(": ", 1) for error in errors)
    assert "ngày ban hành «31/02/2020» không hợp lệ" in by_line["Dòng 8"]
    assert "không tìm thấy văn bản được thay thế «99/2099/NĐ-CP»" in by_line["Dòng 9"]
    assert "không tìm thấy tệp «khong-co.pdf»" in by_line["Dòng 10"]
    assert "trùng số, ký hiệu «43/2011/ND-CP»" in by_line["Dòng 11"] and "với dòng 2" in by_line["Dòng 11"]
    assert "ngày có hiệu lực không được trước ngày ban hành" in by_line["Dòng 12"]
    assert "tình trạng hiệu lực «Có hiệu lực» không hợp lệ" in by_line["Dòng 12"]
    assert "tệp «chuong-trinh.exe» không hợp lệ" in by_line["Dòng 12"]
    assert "thiếu số, ký hiệu" in by_line["Dòng 13"] and "thiếu cơ quan ban hành" in by_line["Dòng 13"]
    assert snapshot() == before


def test_command_reports_errors_and_exits_non_zero(tmp_path, files_dir):
    path = write_csv(tmp_path, ["15/2020/NĐ-CP,Nghị định,Chính phủ,,2020-13-01,,,,,Trích yếu,,,"])
    with pytest.raises(CommandError) as failure:
        call_command("import_legal_documents", str(path), files_dir=str(files_dir), verbosity=0)
    assert "Dòng 2: ngày ban hành «2020-13-01» không hợp lệ" in str(failure.value)
    assert not LegalDocument.objects.exists()

    bad_header = tmp_path / "tieu-de.csv"
    bad_header.write_text("so,loai\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Dòng 1: tiêu đề cột"):
        call_command("import_legal_documents", str(bad_header), verbosity=0)


def test_command_dry_run_writes_nothing_then_imports(tmp_path, files_dir):
    path = write_csv(tmp_path, GOOD_ROWS)
    out = io.StringIO()
    call_command("import_legal_documents", str(path), files_dir=str(files_dir), dry_run=True, stdout=out)
    assert "Sẽ nhập 5 dòng: 5 văn bản mới" in out.getvalue()
    assert not LegalDocument.objects.exists() and not PortalDocument.objects.exists()

    call_command("import_legal_documents", str(path), files_dir=str(files_dir), stdout=out, verbosity=0)
    assert LegalDocument.objects.count() == 5


def test_reimport_changes_nothing(tmp_path, files_dir):
    path = write_csv(tmp_path, GOOD_ROWS)
    run(path, files_dir)
    before = snapshot()

    result = run(path, files_dir)

    assert (result.created, result.updated, result.unchanged) == (0, 0, 5)
    assert snapshot() == before


def test_changed_row_updates_its_document_through_a_revision(tmp_path, files_dir):
    run(write_csv(tmp_path, GOOD_ROWS), files_dir)
    before = snapshot()
    changed = [
        row.replace("giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025 (điều chỉnh)") for row in GOOD_ROWS
    ]
    path = write_csv(tmp_path, changed, name="van-ban-2.csv")

    result = run(path, files_dir)

    assert (result.created, result.updated, result.unchanged) == (0, 1, 4)
    plan = LegalDocument.objects.get(number="2722/QĐ-UBND")
    assert plan.summary.endswith("(điều chỉnh)")
    assert plan.live and not plan.has_unpublished_changes and plan.live_revision == plan.latest_revision
    assert plan.latest_revision.as_object().summary == plan.summary
    assert plan.last_published_at > dict(before["published"])["2722/QĐ-UBND"]
    assert list(plan.relations.values_list("target__number", flat=True)) == ["24/2011/TT-BTTTT"]
    assert LegalDocument.objects.count() == before["documents"]
    log = ModelLogEntry.objects.filter(action=IMPORT_ACTION, object_id=str(plan.pk)).order_by("-pk").first()
    assert log.revision == plan.latest_revision and log.data["file"] == "van-ban-2.csv"
    # The other documents were left alone.
    untouched = dict(snapshot()["published"])
    assert all(untouched[number] == when for number, when in before["published"] if number != "2722/QĐ-UBND")
    # And importing the changed file again is a no-op.
    assert run(path, files_dir).unchanged == 5


def test_row_matches_a_document_entered_by_an_editor(tmp_path):
    existing = LegalDocumentFactory(
        number="2722/QĐ-UBND",
        issuer=issuer("Ủy ban nhân dân tỉnh"),
        issued_on=datetime.date(2019, 12, 2),
        effective_on=datetime.date(2019, 12, 2),
        summary="Trích yếu cũ",
    )
    row = "2722/QD-UBND,Quyết định,Uỷ ban nhân dân tỉnh,,02/12/2019,02/12/2019,,,,Trích yếu mới,,,"
    result = run(write_csv(tmp_path, [row]))
    assert (result.created, result.updated) == (0, 1)
    existing.refresh_from_db()
    assert existing.summary == "Trích yếu mới" and existing.number == "2722/QD-UBND"


def test_relation_to_a_document_already_in_the_database(tmp_path):
    old = LegalDocumentFactory(
        number="43/2011/NĐ-CP",
        doc_type=document_type("Nghị định"),
        issuer=issuer("Chính phủ"),
        issued_on=datetime.date(2011, 6, 13),
        effective_on=datetime.date(2011, 8, 1),
    )
    row = line(
        "42/2022/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "",
        "24/06/2022",
        "01/08/2022",
        "Cung cấp thông tin trên mạng",
        replaces="43/2011/NĐ-CP",
    )
    run(write_csv(tmp_path, [row]))
    old.refresh_from_db()
    assert old.status == ValidityStatus.EXPIRED
    assert old.incoming_relations.get().source.number == "42/2022/NĐ-CP"


@pytest.mark.parametrize(
    "written", ["Hết hiệu lực", "het hieu luc", "Đã hết hiệu lực", "Hết hiệu lực toàn bộ"]
)
def test_the_registers_short_name_for_an_expired_document_is_accepted(tmp_path, written):
    """thuvienphapluat and other registers write "Hết hiệu lực" for "Hết hiệu lực toàn bộ"."""
    row = line(
        "64/2007/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Nguyễn Tấn Dũng",
        "10/04/2007",
        "10/05/2007",
        "Về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
        status=written,
    )
    import_documents(write_csv(tmp_path, [row]))
    assert LegalDocument.objects.get().status == ValidityStatus.EXPIRED

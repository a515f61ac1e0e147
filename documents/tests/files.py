"""Real files of every accepted format, built in memory: no binary fixtures in the repository."""

import io
import struct
import zipfile

import docx
import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from odf.opendocument import OpenDocumentPresentation, OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P

ODT_HEADING = "Quyết định về việc ban hành quy chế sử dụng thư điện tử"
ODT_BODY = "Điều 1. Ban hành kèm theo Quyết định này Quy chế sử dụng hệ thống thư điện tử của Sở."
ODT_CELL = "Phòng Hành chính – Tổng hợp"
# The base-14 fonts have no Vietnamese glyphs, so the hand-written PDF carries the number in ASCII.
PDF_TEXT = "Nghi dinh 43/2011/ND-CP thu dien tu"


def upload(name, data):
    return SimpleUploadedFile(name, data)


def pdf(*page_texts):
    """A valid PDF, one page per text, drawn in Helvetica: pypdf must read the text back."""
    contents = [f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode() for text in page_texts]
    return _pdf_pages(
        contents,
        resources=b"<< /Font << /F1 %d 0 R >> >>",
        extra=[b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
    )


def scanned_pdf():
    """A PDF whose only page is a picture, as a scanner makes it: no text layer at all."""
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
        b" /Length 1 >>\nstream\n\x80\nendstream"
    )
    return _pdf_pages(
        [b"q 612 0 0 792 0 0 cm /Im1 Do Q"], resources=b"<< /XObject << /Im1 %d 0 R >> >>", extra=[image]
    )


def _pdf_pages(contents, resources, extra):
    """Objects: 1 catalog, 2 page tree, then the shared resource, then a page and its content stream each."""
    resource_number = 3
    first_page = resource_number + len(extra)
    page_numbers = [first_page + 2 * index for index in range(len(contents))]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % n for n in page_numbers), len(contents)),
        *extra,
    ]
    for number, content in zip(page_numbers, contents, strict=True):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
            % (resources % resource_number, number + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    return _pdf_file(objects)


def _pdf_file(objects):
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def odt():
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=ODT_HEADING))
    document.text.addElement(P(text=ODT_BODY))
    table = Table(name="Danh sách")
    row = TableRow()
    cell = TableCell()
    cell.addElement(P(text=ODT_CELL))
    row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    return _odf_bytes(document)


def ods(*cells):
    document = OpenDocumentSpreadsheet()
    table = Table(name="Trang tính 1")
    row = TableRow()
    for text in cells:
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    return _odf_bytes(document)


def odp():
    return _odf_bytes(OpenDocumentPresentation())


def _odf_bytes(document):
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_file(paragraph, *cells):
    document = docx.Document()
    document.add_paragraph(paragraph)
    if cells:
        table = document.add_table(rows=1, cols=len(cells))
        for cell, text in zip(table.rows[0].cells, cells, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx(*rows):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Số liệu"
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def pptx(*slide_texts):
    """The parts a PPTX is recognised and read by (python-pptx is not a dependency)."""
    parts = {"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>"}
    for number, text in enumerate(slide_texts, start=1):
        parts[f"ppt/slides/slide{number}.xml"] = (
            '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f"<p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{text}</a:t></a:r></a:p>"
            "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        )
    return zip_file(parts)


def zip_file(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def ole2(stream_name, size=4096):
    """A minimal compound file (MS-CFB v3) holding one stream, as legacy Word/Excel/PowerPoint files do.

    olefile only reads, so the header, FAT and directory are laid out here: sector 0 is the FAT,
    sector 1 the directory, and the stream (at least the 4096-byte mini-stream cutoff) follows.
    """
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    stream_sectors = size // 512
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        1,
        1,
        0,
        4096,
        end,
        0,
        end,
        0,
    ) + struct.pack("<109I", 0, *[free] * 108)
    chain = [fat_sector, end] + [2 + index + 1 for index in range(stream_sectors - 1)] + [end]
    fat = struct.pack("<128I", *chain, *[free] * (128 - len(chain)))
    directory = (
        _ole2_entry("Root Entry", 5, child=1, start=end, size=0)
        + _ole2_entry(stream_name, 2, child=no_stream, start=2, size=size)
        + _ole2_entry("", 0, child=no_stream, start=0, size=0) * 2
    )
    return header + fat + directory + b"\x00" * size


def _ole2_entry(name, kind, child, start, size):
    encoded = name.encode("utf-16-le") + b"\x00\x00" if name else b""
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1 if kind else 0,
        0xFFFFFFFF,
        0xFFFFFFFF,
        child,
        bytes(16),
        0,
        0,
        0,
        start,
        size,
    )


def zip_bomb_docx(expanded=60 * 1024 * 1024):
    """A real .docx whose document.xml is padded with empty paragraphs up to `expanded` bytes: tens of KB on
    disk, a huge tree for any parser (issue seen: 149 KB expanding to 50 MB of XML)."""
    source = zipfile.ZipFile(io.BytesIO(docx_file("Tờ trình")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/document.xml":
                padding = b"<w:p/>" * ((expanded - len(part)) // 6)
                part = part.replace(b"</w:body>", padding + b"</w:body>")
            archive.writestr(name, part)
    return out.getvalue()

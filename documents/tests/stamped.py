"""Files whose text is Vietnamese, built in memory, for the classification-stamp checks."""

from odf.opendocument import OpenDocumentText
from odf.text import P

from .files import _odf_bytes, _pdf_pages


def vietnamese_pdf(*lines):
    """A one-page PDF, one line per text. The base-14 fonts have no Vietnamese glyphs, so each letter gets a
    one-byte code and a ToUnicode map tells text extractors (pypdf) which letter it is."""
    letters = sorted({letter for line in lines for letter in line})
    codes = {letter: number for number, letter in enumerate(letters, start=1)}
    to_unicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
        "/CMapName /Portal-UCS def 1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(letters)} beginbfchar\n"
        + "".join(f"<{codes[letter]:02X}> <{ord(letter):04X}>\n" for letter in letters)
        + "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    shown = " ".join(f"<{''.join(f'{codes[letter]:02X}' for letter in line)}> Tj T*" for line in lines)
    return _pdf_pages(
        [f"BT /F1 12 Tf 72 720 Td 14 TL {shown} ET".encode()],
        resources=b"<< /Font << /F1 %d 0 R >> >>",
        extra=[
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(to_unicode), to_unicode),
        ],
    )


def odt_paragraphs(*paragraphs):
    document = OpenDocumentText()
    for text in paragraphs:
        document.text.addElement(P(text=text))
    return _odf_bytes(document)

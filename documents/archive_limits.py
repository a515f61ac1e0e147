"""Zip bombs: what an OOXML/ODF/ZIP upload would expand to, read from its directory before any parser
inflates a byte (docs/requirements.md, Files: a file never breaks an upload).

zipfile inflates an entry only up to the size its directory declares (and fails on a CRC mismatch past it),
so the declared sizes bound the memory and time a parser can spend. XML parts count apart: a parser builds
a tree many times the size of the text (a 50 MB document.xml took a worker past 3 GB), so they get a much
lower budget than pictures, which are copied, not parsed.
"""

import io
import zipfile

MAX_ENTRIES = 10_000
MAX_EXPANDED = 100 * 1024 * 1024
MAX_XML_EXPANDED = 20 * 1024 * 1024
# Text compresses up to about 20:1 in real documents; a bomb compresses far beyond (hundreds to thousands).
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024  # small entries may compress well (a blank part of zeros): only big ones count
XML_SUFFIXES = (".xml", ".rels", ".vml")


def expansion_problem(data):
    """Why this archive must not be opened, in Vietnamese for the uploader; None when it is safe (or not a
    zip at all: the format check says so elsewhere)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if len(entries) > MAX_ENTRIES:
        return f"tệp nén chứa quá nhiều thành phần ({len(entries):,} > {MAX_ENTRIES:,})".replace(",", ".")
    expanded = sum(entry.file_size for entry in entries)
    if expanded > MAX_EXPANDED:
        return f"khi giải nén tệp lên tới {megabytes(expanded)} (tối đa {megabytes(MAX_EXPANDED)})"
    xml = sum(entry.file_size for entry in entries if entry.filename.lower().endswith(XML_SUFFIXES))
    if xml > MAX_XML_EXPANDED:
        return f"phần văn bản khi giải nén lên tới {megabytes(xml)} (tối đa {megabytes(MAX_XML_EXPANDED)})"
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            ratio = entry.file_size // max(entry.compress_size, 1)
            return f"tỉ lệ nén bất thường ({ratio}:1, tối đa {MAX_RATIO}:1)"
    return None


def megabytes(size):
    return f"{size / (1024 * 1024):.0f} MB"


def refusal_message(name, problem):
    return (
        f"Tệp «{name}» không được nhận: {problem}. Đây có thể là tệp nén độc hại (zip bomb); "
        "hãy lưu lại tệp từ phần mềm soạn thảo rồi tải lên lại."
    )

"""Classification stamps (dấu chỉ độ mật: MẬT, TỐI MẬT, TUYỆT MẬT) in the text of uploaded files.

Classified information is never published (docs/requirements.md, Classification), and a file that carries a
stamp is the surest sign of it. The scan reads `extracted_text` when an item is checked rather than storing a
result: the text is already on the document, one pass over it takes milliseconds, and a stored flag would need
a migration and could go stale when the extractor improves.
"""

import re
import unicodedata

from wagtail.documents import get_document_model

from core.text import normalize

LABELS = ("TUYỆT MẬT", "TỐI MẬT", "MẬT")
_BARE = {label.replace(" ", ""): label for label in LABELS}
# The classification field of a document's header ("Độ mật: Mật"), spelled without spaces and punctuation.
_FIELD = "ĐỘMẬT"
# Only lines holding the mark in capitals, or the "độ mật" field, are looked at: one pass over a long text.
_CANDIDATE_LINES = re.compile(r"^[^\n]*(?:M\s?Ậ\s?T|[ĐđÐð][Ộộ]\s*[Mm][Ậậ][Tt])[^\n]*$", re.MULTILINE)
# Text laid out in columns (a letterhead, a table row) keeps wide gaps between its cells.
_CELL_GAP = re.compile(r"\s{2,}|\t")
_LONGEST_STAMP = 40  # "Độ mật: Tuyệt mật" framed and spaced out fits; a longer line or cell is prose
_FRAME = re.compile(r"[\W_]+")  # spaces, punctuation and frames around or inside a stamp: "[MẬT]", "M Ậ T"


def classification_stamp(text):
    """The stamp's label ("MẬT", "TỐI MẬT", "TUYỆT MẬT") when the text carries one, else None.

    A stamp stands alone: a line, or a cell of a line laid out in columns, holding nothing but the mark in
    capitals, maybe framed or letter-spaced ("[MẬT]", "- TỐI MẬT -", "M Ậ T"), or the header field
    "Độ mật: Mật". The word inside prose ("bí mật", "mật khẩu", "mật độ dân số", "BẢO VỆ BÍ MẬT NHÀ NƯỚC") is
    not a stamp. Input may be NFD or carry look-alike letters (Ð for Đ): both are normalised.
    """
    for match in _CANDIDATE_LINES.finditer(unicodedata.normalize("NFC", text or "")):
        line = match.group()
        for part in (line, *_CELL_GAP.split(line)):
            label = _stamp_in(part)
            if label:
                return label
    return None


def _stamp_in(cell):
    if len(cell.strip()) > _LONGEST_STAMP:
        return None
    letters = _FRAME.sub("", normalize(cell))
    if letters in _BARE:  # the mark itself must be in capitals: "Mật" alone is a word, not a stamp
        return _BARE[letters]
    upper = letters.upper()
    if upper.startswith(_FIELD):
        return _BARE.get(upper[len(_FIELD) :])
    return None


def document_ids_in(field, value):
    """Ids (as strings) of the documents a model field's value refers to: a foreign key to the document
    model, document blocks in a StreamField, document links in rich text."""
    document_model = get_document_model()
    if value is None:
        return []
    if field.many_to_one and field.related_model is document_model:
        return [str(getattr(value, "pk", value))]
    if hasattr(field, "extract_references"):
        return [
            str(pk)
            for model, pk, _model_path, _content_path in field.extract_references(value)
            if issubclass(model, document_model)
        ]
    return []


def stamped_documents(ids):
    """[(document, label)] of the given documents whose text carries a stamp, in id order."""
    documents = (
        get_document_model()
        .objects.filter(pk__in=set(ids))
        .only("pk", "title", "file", "extracted_text")
        .order_by("pk")
    )
    found = ((document, classification_stamp(document.extracted_text)) for document in documents)
    return [(document, label) for document, label in found if label]

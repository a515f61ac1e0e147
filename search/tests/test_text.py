"""The folding every index and query goes through."""

import unicodedata

import pytest

from core.text import fold, normalize, words


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("quyet dinh", "Quyết định"),
        ("QUYẾT ĐỊNH", "quyết định"),
        ("ha noi", "Hà Nội"),
        ("nguoi", "người"),
        ("uy ban", "Ủy ban"),
        ("Uỷ ban", "Ủy ban"),
        ("dau tu", "Ðầu tư"),  # Ð (U+00D0) typed in place of Đ
        ("Đầu tư", "Đầu t\u01a3"),  # ƣ (U+01A3) from a PDF in place of ư
        ("thu dien tu", unicodedata.normalize("NFD", "thư điện tử")),
    ],
)
def test_typed_and_stored_forms_fold_to_the_same_text(typed, stored):
    assert fold(typed) == fold(stored)


def test_fold_gives_plain_lower_case_ascii():
    assert fold("  Nghị   định 43/2011/NĐ-CP\n") == "nghi dinh 43/2011/nd-cp"


def test_normalize_stores_nfc_and_fixes_the_eth_lookalike():
    text = normalize(unicodedata.normalize("NFD", "Ðiều 5"))
    assert text == "Điều 5" and unicodedata.is_normalized("NFC", text)


def test_words_keep_only_folded_letters_and_digits():
    assert words('Quyết định "số" 217/QĐ-UBND (2024)*') == [
        "quyet",
        "dinh",
        "so",
        "217",
        "qd",
        "ubnd",
        "2024",
    ]

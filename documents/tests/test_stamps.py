"""A classification stamp (MẬT, TỐI MẬT, TUYỆT MẬT) is found where it stands alone, never in prose."""

import unicodedata

import pytest
import wagtail_factories

from documents.inspection import inspect
from documents.stamps import classification_stamp, stamped_documents

from .stamped import odt_paragraphs, vietnamese_pdf

LETTERHEAD = """ỦY BAN NHÂN DÂN
TỈNH BẮC GIANG
SỞ NỘI VỤ
Số: 215/SNV-TCBC
{stamp}
V/v triển khai kế hoạch kiện toàn tổ chức bộ máy
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Giang, ngày 12 tháng 3 năm 2026
Kính gửi: Các phòng chuyên môn thuộc Sở."""

PROSE = """BÁO CÁO
Kết quả công tác bảo vệ bí mật nhà nước năm 2025
Thực hiện Luật Bảo vệ bí mật nhà nước, Sở đã quán triệt cán bộ không lưu mật khẩu hộp thư công vụ
trên máy tính dùng chung. Mật độ dân số toàn tỉnh đạt 470 người/km². Mật
ong rừng là sản phẩm OCOP của xã. Tài liệu có độ mật phải được quản lý theo quy định.
I. CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC
Mật
Độ mật: Không mật"""


@pytest.mark.parametrize(
    ("stamp", "label"),
    [
        ("MẬT", "MẬT"),
        ("   TỐI MẬT  ", "TỐI MẬT"),
        ("TUYỆT MẬT", "TUYỆT MẬT"),
        ("[MẬT]", "MẬT"),
        ("«TỐI MẬT»", "TỐI MẬT"),
        ("- TUYỆT MẬT -", "TUYỆT MẬT"),
        ("M Ậ T", "MẬT"),
        ("ĐỘ MẬT: MẬT", "MẬT"),
        ("Độ mật: Tối mật", "TỐI MẬT"),
        ("ÐỘ MẬT: TUYỆT MẬT", "TUYỆT MẬT"),  # Ð (U+00D0) in place of Đ, as real files carry it
        ("Số: 215/SNV-TCBC          MẬT", "MẬT"),  # the stamp beside the number, in a column of its own
    ],
)
def test_a_stamp_standing_alone_is_found(stamp, label):
    assert classification_stamp(LETTERHEAD.format(stamp=stamp)) == label


def test_decomposed_text_is_read_like_composed_text():
    text = unicodedata.normalize("NFD", LETTERHEAD.format(stamp="TUYỆT MẬT"))
    assert text != unicodedata.normalize("NFC", text)
    assert classification_stamp(text) == "TUYỆT MẬT"


def test_prose_about_secrets_passwords_or_density_is_not_a_stamp():
    assert classification_stamp(PROSE) is None
    assert classification_stamp(LETTERHEAD.format(stamp="")) is None
    assert classification_stamp("") is None and classification_stamp(None) is None


@pytest.mark.django_db
def test_the_stamp_is_read_from_the_text_extracted_from_pdf_and_odt():
    stamped_pdf = wagtail_factories.DocumentFactory(
        title="Công văn 215",
        file__filename="cv-215.pdf",
        file__data=vietnamese_pdf("TỐI MẬT", "Kính gửi: Sở"),
    )
    plain_pdf = wagtail_factories.DocumentFactory(
        title="Báo cáo", file__filename="bao-cao.pdf", file__data=vietnamese_pdf(*PROSE.splitlines())
    )
    stamped_odt = wagtail_factories.DocumentFactory(
        title="Kế hoạch",
        file__filename="ke-hoach.odt",
        file__data=odt_paragraphs("[MẬT]", "Kế hoạch năm 2026"),
    )
    assert "bảo vệ bí mật nhà nước" in inspect(vietnamese_pdf(*PROSE.splitlines()), "pdf").text
    found = stamped_documents([stamped_pdf.pk, plain_pdf.pk, stamped_odt.pk])
    assert [(document.filename, label) for document, label in found] == [
        ("cv-215.pdf", "TỐI MẬT"),
        ("ke-hoach.odt", "MẬT"),
    ]

"""StreamField blocks shared by every page type that has a body."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

TABLE_OPTIONS = {
    "contextMenu": [
        "row_above",
        "row_below",
        "---------",
        "col_left",
        "col_right",
        "---------",
        "remove_row",
        "remove_col",
        "---------",
        "undo",
        "redo",
    ],
    "language": "vi",
}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tiêu đề", max_length=255)
    level = blocks.ChoiceBlock(
        label="Cấp",
        choices=[("h2", "Tiêu đề cấp 2"), ("h3", "Tiêu đề cấp 3"), ("h4", "Tiêu đề cấp 4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Tiêu đề mục"
        template = "home/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=500)
    credit = blocks.CharBlock(label="Nguồn ảnh / tác giả", required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Ảnh"
        template = "home/blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tệp đính kèm")
    title = blocks.CharBlock(label="Tên hiển thị", required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = "Tệp tải về"
        template = "home/blocks/document_link.html"


class LegalDocumentLinkBlock(blocks.StructBlock):
    """A link to a document of the legal-documents database (a plan's legal basis, a guided decree)."""

    document = SnippetChooserBlock("legal_docs.LegalDocument", label="Văn bản")
    note = blocks.CharBlock(label="Ghi chú", required=False, max_length=255)

    class Meta:
        icon = "doc-full-inverse"
        label = "Văn bản pháp luật liên quan"
        template = "home/blocks/legal_document_link.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label="Tên bảng", required=False, max_length=255)
    table = TableBlock(label="Bảng", table_options=TABLE_OPTIONS)

    class Meta:
        icon = "table"
        label = "Bảng"
        template = "home/blocks/table.html"


class BodyBlock(blocks.StreamBlock):
    """Body of a standard page: no embeds, so nothing loads from third-party hosts."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Đoạn văn",
        features=["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4", "blockquote"],
        template="home/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    legal_document = LegalDocumentLinkBlock()
    table = CaptionedTableBlock()


class QuickLinkBlock(blocks.StructBlock):
    """A link on the home page to a page of the portal or to another state portal."""

    title = blocks.CharBlock(label="Tên liên kết", max_length=120)
    page = blocks.PageChooserBlock(label="Trang trong cổng", required=False)
    url = blocks.URLBlock(label="Hoặc địa chỉ ngoài", required=False)
    description = blocks.CharBlock(label="Mô tả ngắn", required=False, max_length=200)

    class Meta:
        icon = "link"
        label = "Liên kết nhanh"
        template = "home/blocks/quick_link.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Chọn một trang trong cổng hoặc nhập một địa chỉ ngoài."
            raise blocks.StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value


class BannerBlock(blocks.StructBlock):
    """A banner slot: an image that links somewhere (campaigns, the national public-service portal)."""

    image = ImageChooserBlock(label="Ảnh")
    alt_text = blocks.CharBlock(label="Mô tả ảnh (cho người khiếm thị)", max_length=255)
    link = blocks.URLBlock(label="Liên kết", required=False)

    class Meta:
        icon = "image"
        label = "Băng rôn, biểu ngữ"
        template = "home/blocks/banner.html"

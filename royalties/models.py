"""Royalties (nhuận bút) for published items: the secretariat proposes a category and an amount from the rate
table, the head approves, and the secretariat keeps the items on which royalties are paid
(docs/requirements.md, Royalties)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from editorial.models import EditorialBoard

from .enums import Status
from .permissions import acting_for_heads

APPROVE_ACTION = "royalties.approve"
REJECT_ACTION = "royalties.reject"
AMOUNT_POSITIVE = "Số tiền nhuận bút phải lớn hơn 0."
POSITIVE = [MinValueValidator(1, AMOUNT_POSITIVE)]


def vnd(amount):
    """400000 -> "400.000 đ": the thousands separator Vietnamese readers expect."""
    return f"{amount:,} đ".replace(",", ".")


def board_of(page):
    """The board of the site the page belongs to; None outside every board's site."""
    site = page.get_site()
    return EditorialBoard.objects.filter(site_id=getattr(site, "pk", None)).first()


def publication_month(page):
    """First day of the (local) month the page was first published in: royalties are paid by month."""
    return timezone.localtime(page.first_published_at).date().replace(day=1)


class RoyaltyRate(models.Model):
    """One line of the rate table. The regulations set no figures (they defer to the rates in force:
    docs/requirements.md, Royalties), so the table is the agency's to edit; a line no longer used is retired,
    never deleted."""

    name = models.CharField("thể loại", max_length=100, unique=True)
    amount = models.IntegerField("mức nhuận bút (đồng)", validators=POSITIVE)
    basis = models.CharField(
        "căn cứ",
        max_length=255,
        blank=True,
        help_text="Văn bản quy định mức chi, ví dụ quyết định của UBND tỉnh về chế độ nhuận bút.",
    )
    active = models.BooleanField("đang áp dụng", default=True)

    class Meta:
        verbose_name = "mức nhuận bút"
        verbose_name_plural = "bảng mức nhuận bút"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="royalties_rate_amount_positive",
                violation_error_message=AMOUNT_POSITIVE,
            )
        ]

    def __str__(self):
        return f"{self.name} – {vnd(self.amount)}"


class RoyaltyProposal(models.Model):
    """The royalty of one published item: proposed by the secretariat, decided by the head (or the acting
    head). Payee and amount default to the item's owner and the category's rate."""

    page = models.OneToOneField(
        Page,
        verbose_name="tin, bài",
        on_delete=models.PROTECT,
        related_name="royalty_proposal",
        error_messages={"unique": "Tin, bài này đã có đề xuất nhuận bút."},
    )
    board = models.ForeignKey(
        EditorialBoard,
        verbose_name="ban biên tập",
        on_delete=models.PROTECT,
        related_name="royalty_proposals",
        editable=False,
    )
    month = models.DateField("tháng đăng", editable=False)
    payee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người hưởng nhuận bút",
        on_delete=models.PROTECT,
        related_name="royalty_proposals",
        help_text="Để trống: người tạo tin, bài.",
    )
    category = models.ForeignKey(
        RoyaltyRate,
        verbose_name="thể loại",
        on_delete=models.PROTECT,
        related_name="proposals",
        limit_choices_to={"active": True},
    )
    amount = models.IntegerField(
        "số tiền (đồng)", validators=POSITIVE, help_text="Để trống: theo bảng mức nhuận bút."
    )
    note = models.TextField("ghi chú của Tổ thư ký", blank=True)
    status = models.CharField(
        "trạng thái", max_length=20, choices=Status.choices, default=Status.PROPOSED, editable=False
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đề xuất",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    proposed_at = models.DateTimeField("ngày đề xuất", editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField("ngày duyệt", null=True, editable=False)
    decision_note = models.TextField("ý kiến người duyệt", blank=True, editable=False)

    class Meta:
        verbose_name = "đề xuất nhuận bút"
        verbose_name_plural = "đề xuất nhuận bút"
        ordering = ["-month", "payee__last_name", "payee__first_name", "page__first_published_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="royalties_proposal_amount_positive",
                violation_error_message=AMOUNT_POSITIVE,
            )
        ]

    def __str__(self):
        return f"{self.page.title} – {vnd(self.amount)}" if self.amount else self.page.title

    def clean(self):
        errors = self._clean_page() if self.page_id else {}
        if self.amount is None and self.category_id:
            self.amount = self.category.amount
        if errors:
            raise ValidationError(errors)

    def _clean_page(self):
        """Only a published item of a board's site; derive board, month and (unless chosen) payee from it."""
        page = self.page
        if not page.live or page.first_published_at is None:
            return {"page": "Chỉ đề xuất nhuận bút cho tin, bài đã đăng."}
        board = board_of(page)
        if board is None:
            return {"page": "Tin, bài này không thuộc trang nào có Ban biên tập."}
        self.board, self.month = board, publication_month(page)
        if self.payee_id is None:
            if page.owner_id is None:
                return {"payee": "Tin, bài không ghi người tạo: chọn người hưởng nhuận bút."}
            self.payee_id = page.owner_id
        return {}

    def propose(self, user):
        """(Re)submit for the head's decision: a new proposal, or one corrected after a refusal."""
        self.status = Status.PROPOSED
        self.proposed_by, self.proposed_at = user, timezone.now()
        self.decided_by, self.decided_at, self.decision_note = None, None, ""

    def decide(self, user, approve, note=""):
        """Record the head's decision and log it with the actor; an acting head's decision names the head(s)
        it was taken for, as the moderation steps do."""
        self.status = Status.APPROVED if approve else Status.REJECTED
        self.decided_by, self.decided_at, self.decision_note = user, timezone.now(), note
        self.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        data = {"amount": self.amount, "payee": str(self.payee), "item": self.page.title, "note": note}
        heads = acting_for_heads(user, self.board)
        if heads:
            data["on_behalf_of_head"] = heads
        log(self, APPROVE_ACTION if approve else REJECT_ACTION, user=user, data=data)

"""Numbers as Vietnamese documents write them."""

from decimal import ROUND_HALF_UP, Decimal


def format_number(whole):
    """1234567 → "1.234.567": dots group thousands."""
    sign = "-" if whole < 0 else ""
    return f"{sign}{abs(whole):,}".replace(",", ".")


def format_vnd(amount):
    """1234567000 → "1.234.567.000 đ": dots group thousands, whole đồng only; None → ""."""
    if amount is None or amount == "":
        return ""
    return format_number(int(Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_UP))) + " đ"

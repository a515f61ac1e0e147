import pytest
from django.template import Context, Template

from core.formatting import format_vnd


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (1234567000, "1.234.567.000 đ"),
        (0, "0 đ"),
        (999, "999 đ"),
        ("15000000.6", "15.000.001 đ"),
        (-2500000, "-2.500.000 đ"),
        (None, ""),
    ],
)
def test_money_is_shown_the_vietnamese_way(amount, shown):
    assert format_vnd(amount) == shown


def test_vnd_template_filter():
    rendered = Template("{% load portal_tags %}{{ budget|vnd }}").render(Context({"budget": 45000000000}))
    assert rendered == "45.000.000.000 đ"

"""What every email of the portal must be: Vietnamese, with no English string of Wagtail's catalogues, and
linking only to the portal's real addresses (the admin at WAGTAILADMIN_BASE_URL, pages at their site's)."""

import re

from django.conf import settings
from wagtail.models import Site

from tests.admin_walk import english_in, parse

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def check_email(message):
    """Vietnamese, with no English string of Wagtail's, and only real addresses."""
    text = f"{message.subject}\n{message.body}"
    for _type, html in getattr(message, "alternatives", []):
        text += "\n" + parse(html).get_text("\n")
    lines = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    assert english_in(parse(lines)) == set(), text
    assert VIETNAMESE.search(text), text
    roots = [settings.WAGTAILADMIN_BASE_URL.rstrip("/")] + [site.root_url for site in Site.objects.all()]
    for url in re.findall(r"https?://[^\s\"'<>]+", text):
        assert any(url.startswith(root + "/") or url == root for root in roots), url

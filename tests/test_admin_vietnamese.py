"""The admin speaks Vietnamese to every role of the demo board: a walk through every admin page each
account can reach (dashboard, menu, explorer, add/edit/history of each page type, snippets, libraries,
workflows, reports, the inbox) finds no string of Wagtail's English catalogue (tests/admin_walk.py)."""

from io import StringIO

import polib
import pytest
from django.core.management import call_command
from wagtail.models import Page

from tests.admin_walk import CATALOGUE, english_in, page_texts, parse, walk
from users.models import User

# A group of its own: one xdist worker loads the demo once for the whole walk, the other runs the rest.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("admin-walk")]

# The demo board (editorial/boards/demo.yaml) and the superuser: one account per role.
# The superuser opens every kind of admin page; the others, what their menu and dashboard lead to (the same
# views, with what their role adds: the approvers' panels, the board's reports, the inbox).
ACCOUNTS = {
    "quantri": 250,  # superuser
    "long.tx": 30,  # head
    "dinh.tt": 30,  # standing deputy and secretary
    "cai.pv": 30,  # deputy
    "lan.ht": 30,  # member
    "trung.lh": 30,  # secretary and admin
    "hung.dm": 30,  # contributor
}


@pytest.fixture(scope="module")
def demo(module_db):
    with module_db.unblock():
        call_command("load_demo_portal", stdout=StringIO())


def first_urls():
    """The edit view of one page of each type (the walk opens one page of each URL shape)."""
    first = {}
    for pk, content_type in Page.objects.filter(depth__gt=1).order_by("pk").values_list("pk", "content_type"):
        first.setdefault(content_type, pk)
    return [f"/admin/pages/{pk}/edit/" for pk in first.values()]


@pytest.mark.parametrize("username", ACCOUNTS)
def test_every_admin_page_an_account_reaches_is_in_vietnamese(demo, client, username):
    client.force_login(User.objects.get(username=username))
    starts = ["/admin/", *(first_urls() if username == "quantri" else [])]
    found, opened = walk(client, starts=starts, limit=ACCOUNTS[username])
    titles = set(Page.objects.values_list("title", flat=True))
    english = {url: sorted(texts - titles) for url, texts in found.items()}
    assert opened >= 20, opened
    assert {url: texts for url, texts in english.items() if texts} == {}


def test_the_walk_finds_english_where_there_is_some():
    """Without the project's catalogue these would be English; the check must see them."""
    html = '<button title="Save draft">Save draft</button><p>Trang</p><input type="submit" value="Publish">'
    assert english_in(parse(html)) == {"Save draft", "Publish"}
    assert english_in(parse("<p>Cập nhật 7 Dec. 2026, 9:07 a.m.</p><p>07/12/2026 09:07</p>")) == {
        "Cập nhật 7 Dec. 2026, 9:07 a.m."
    }
    assert english_in(parse("<p>Lưu nháp</p>")) == set()


def test_hidden_text_is_not_read():
    assert page_texts(parse('<div hidden>None</div><p aria-label="Thao tác">Xem trước</p>')) == {
        "Thao tác",
        "Xem trước",
    }


def test_the_catalogue_keeps_the_glossary():
    """văn bản means a legal document here: Wagtail's documents are tài liệu, its files tệp
    (docs/requirements.md, Glossary)."""
    wrong = [
        entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
        if "văn bản" in (entry.msgstr or entry.msgstr_plural.get(0, "")).lower()
    ]
    assert wrong == []


def test_the_compiled_catalogues_match_their_source():
    """The committed .mo files are what `make messages` makes of the .po files."""
    for po_path in CATALOGUE.parent.glob("*.po"):
        source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.pofile(str(po_path))}
        compiled = {
            (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
            for e in polib.mofile(str(po_path.with_suffix(".mo")))
        }
        assert compiled == source, po_path.name


@pytest.mark.parametrize(
    ("field", "expected"), [("IntegerField", "Nhập một số nguyên."), ("FloatField", "Nhập một số.")]
)
def test_number_errors_read_as_vietnamese_people_write_them(field, expected):
    """Django's own catalogue says "Nhập một số tổng thể." ("a total number") for a whole number."""
    from django import forms
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        getattr(forms, field)().clean("hai")
    assert refused.value.messages == [expected]

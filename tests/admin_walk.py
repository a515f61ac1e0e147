"""Walk the admin as one person and find English an editor would read: any text on a page that is a string of
Wagtail's (or wagtail-modeladmin's, django-otp's, the CAPTCHA's) English catalogue, untranslated.

The English strings are the msgids of the project's catalogues (locale/vi: templates and Python, and the
admin's scripts), which hold every string of those catalogues; a string whose Vietnamese is the same word
(URL, Email) is left out, and so are strings too short to tell apart from a name (fewer than four letters
outside placeholders).
"""

import re
from collections import deque
from functools import cache
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import polib
from bs4 import BeautifulSoup
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\([^)]*\)[sdf]|%[sdf]|\{[^}]*\}")
# Links a walk does not follow: they sign out, act (a GET that changes nothing still costs time), or download.
SKIPPED = re.compile(
    r"/logout/|/bulk/|/export|/download|\.(xlsx|csv|pdf|zip)$|/serve/|/preview|/jsi18n/|/sprite/"
)
TEXT_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Left in English on purpose, with why: Wagtail 8 writes them from code this project may not change (model
# and field names it never marks for translation, an input hard-coded in its templates).
LEFT_IN_ENGLISH = {
    "Page": "a screen-reader label Wagtail derives from a page chooser's field name (workflows, groups)",
    "Locale": "the name of Wagtail's Locale model, which it gives no translatable verbose_name",
    "Locales": "the plural of that model name, in the locales breadcrumb",
    "Search": "the screen-reader-only submit button hard-coded in Wagtail's header and dashboard templates",
    "None": "the aging-pages report prints Python's None as the publisher of pages published by a command",
}
# Dates and times as English writes them: 9:07 a.m., "Dec. 7, 2026", "December 7".
ENGLISH_DATES = re.compile(
    r"\b\d{1,2}(:\d{2})? ?[ap]\.m\.|\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\. \d|"
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December) \d"
)


def words(text):
    return " ".join(text.split())


@cache
def english_strings():
    """(exact strings, patterns) of the English a page must not show."""
    exact, patterns = set(), []
    entries = [*polib.pofile(str(CATALOGUE)), *polib.pofile(str(CATALOGUE.with_name("djangojs.po")))]
    for entry in entries:
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            translated = entry.msgstr or entry.msgstr_plural.get(0, "")
            text = words(re.sub(r"<[^>]+>", " ", msgid))
            if translated == msgid or len(re.findall(r"[A-Za-z]", PLACEHOLDER.sub("", text))) < 4:
                continue
            if PLACEHOLDER.search(text):
                parts = PLACEHOLDER.split(text)
                if sum(len(part.strip()) for part in parts) >= 8:
                    patterns.append(re.compile(r"(?:.+?)".join(re.escape(part) for part in parts)))
            else:
                exact.add(text)
    return exact, patterns


def parse(html):
    return BeautifulSoup(html, "lxml")


def page_texts(soup):
    """The text a person reads on a parsed page: text nodes, and the attributes read out or shown on hover.
    The page is changed: what nobody reads (scripts, hidden elements) is taken out."""
    for hidden in soup(["script", "style", "template", "noscript"]) + soup.find_all(hidden=True):
        hidden.decompose()
    texts = {words(text) for text in soup.stripped_strings}
    for element in soup.find_all(True):
        texts.update(words(element[name]) for name in TEXT_ATTRIBUTES if element.get(name))
        if element.name == "input" and element.get("type") in ("submit", "button") and element.get("value"):
            texts.add(words(element["value"]))
    return {text for text in texts if re.search(r"[A-Za-z]{2}", text)}


def english_in(soup):
    exact, patterns = english_strings()
    found = set()
    for text in page_texts(soup):
        if (
            ENGLISH_DATES.search(text)
            or text in exact
            or text.rstrip(":.…") in exact
            or any(pattern.fullmatch(text) for pattern in patterns)
        ):
            found.add(text)
    return found - LEFT_IN_ENGLISH.keys()


def shape(url):
    """Pages of one kind share a shape (numbers and the query dropped: another sort order or page of a list
    shows the same words): a walk opens a few of each."""
    return re.sub(r"\d+", "N", urlparse(url).path)


def links(url, soup):
    """Admin URLs a parsed page leads to: its links, and the sidebar menu's (drawn by JavaScript from a JSON
    script, so not links in the HTML)."""
    hrefs = [link["href"] for link in soup.find_all("a", href=True)]
    if menu := soup.find("script", id="wagtail-sidebar-props"):
        hrefs += re.findall(r'"(/admin/[^"]*)"', menu.string or "")
    for href in hrefs:
        parsed = urlparse(urldefrag(urljoin(url, href))[0])
        if parsed.netloc in ("", "testserver") and parsed.path.startswith("/admin/"):
            yield parsed.path + ("?" + parsed.query if parsed.query else "")


def walk(client, starts=("/admin/",), per_shape=1, limit=150):
    """{url: English found}, pages opened: the admin pages reachable by links from the start URLs (all
    opened), at most per_shape pages of each other shape and limit pages in all; pages that refuse or
    redirect are not followed."""
    queue, seen, shapes, found, opened = deque(starts), set(starts), {}, {}, 0
    while queue and opened < limit:
        url = queue.popleft()
        response = client.get(url)
        opened += 1
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        soup = parse(response.content)
        targets = list(links(url, soup))
        if english := english_in(soup):
            found[url] = english
        for target in targets:
            if target in seen or SKIPPED.search(target):
                continue
            seen.add(target)
            key = shape(target)
            if shapes.get(key, 0) < per_shape:
                shapes[key] = shapes.get(key, 0) + 1
                queue.append(target)
    return found, opened

"""Comments, docstrings, templates and docs cite the repository's own summary of the rules
(docs/requirements.md, Sources), never a document outside the repository, and every section they cite is a
heading of that file. Reads files only: no database."""

import functools
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "docs" / "requirements.md"
EXTENSIONS = {".py", ".html", ".md", ".yaml", ".yml", ".txt"}
# Not the project's text: environments, installed packages, runtime files, caches; migrations stay as written.
SKIPPED_DIRECTORIES = {"node_modules", "var", "migrations", "__pycache__"}

# Citations of documents outside the repository, searched in lower case (one pass: a case-insensitive
# pattern per kind is several times slower). Written so that this file does not match them itself.
OUTSIDE = re.compile(r"seeds?\s*0\d|seeds/|design\.md|design\s+card|issues?\s*#?\d+")
CITATION = re.compile(r"docs/requirements\.md,\s+[\"“]?([^\n]*)")
# A line break inside a comment or docstring, with the next line's indent and comment mark.
WRAP = re.compile(r"\n[ \t]*(?:#[ \t]*)?")


def project_files():
    for directory, subdirectories, files in os.walk(ROOT):
        subdirectories[:] = [
            name for name in subdirectories if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        ]
        for name in files:
            if os.path.splitext(name)[1] in EXTENSIONS:
                yield Path(directory, name)


def headings():
    return {
        match.group(1).strip()
        for match in re.finditer(
            r"^#{1,6}[ \t]+(.+)$", REQUIREMENTS.read_text(encoding="utf-8"), re.MULTILINE
        )
    }


def cited_section(text, sections):
    """The heading the cited text starts with (the longest, ending at a word boundary), or None."""
    matches = [
        section
        for section in sections
        if text.startswith(section) and not text[len(section) : len(section) + 1].isalnum()
    ]
    return max(matches, key=len, default=None)


@functools.cache
def texts():
    """(path relative to the root, its text with wrapped lines joined), for every project file."""
    return [
        (path.relative_to(ROOT), WRAP.sub(" ", path.read_text(encoding="utf-8", errors="replace")))
        for path in project_files()
        if path != Path(__file__).resolve()
    ]


def test_nothing_cites_documents_outside_the_repository():
    found = [
        f"{path}: …{text[max(match.start() - 40, 0) : match.end() + 40]}…"
        for path, text in texts()
        for match in OUTSIDE.finditer(text.lower())
    ]
    assert not found, "cite docs/requirements.md instead:\n" + "\n".join(found)


def test_every_cited_section_is_a_heading_of_the_requirements():
    sections = headings()
    assert {"Glossary", "Classification", "Moderation and four eyes"} <= sections
    found = [
        f"{path}: «{match.group(1)[:60]}»"
        for path, text in texts()
        for match in CITATION.finditer(text)
        if cited_section(match.group(1), sections) is None
    ]
    assert not found, "no such heading in docs/requirements.md:\n" + "\n".join(found)


def test_a_wrapped_citation_is_read_whole():
    text = WRAP.sub(" ", "# (docs/requirements.md, Moderation and\n    # four eyes): nobody")
    match = CITATION.search(text)
    assert cited_section(match.group(1), headings()) == "Moderation and four eyes"
    assert cited_section("Classified items", headings()) is None

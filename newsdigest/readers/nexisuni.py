"""Nexis Uni exports (its .docx or text download, saved as text): documents one after another, each closed by
an "End of Document" line.

A document is laid out the same way whatever its language: the title (printed twice in some exports), the
outlet, the date line ("3 april 2024 woensdag", "July 2, 2019 Tuesday 9:33 AM GMT"), perhaps an edition line,
the copyright, the fields ("Section:", "Length:", "Byline:", "Highlight:", with a no-break space after the
colon), a bare "Body" line, the text, "Graphic" with its caption, "Load-Date:". Some exports close the text
with a "Classification" block of fields (Language:, Publication-Type:, Subject:, ..., Load-Date:). The cover
page with the search and the numbered contents comes before the first document. A document without a
"Body" line and a date line above it is read as plain text.
"""

from __future__ import annotations

import re

from ..metadata import outlet
from .article import Found
from .layout import clean_body
from .lexisnexis import COPYRIGHT, date_line, take_field
from .text import database_cover, read_plain

_END = re.compile(r"^[ \t\f\xa0]*End of Document[ \t\xa0]*\r?$", re.M)
# A document's own marks: the bare "Body" line above its text, or its word count field.
_MARKS = re.compile(r"^[ \t\xa0]*(?:Body|Length:\s*\d[\d,.]*\s+(?:words|woorden|wörter|mots))[ \t\xa0]*\r?$", re.M)
_BODY = re.compile(r"^(?:Body|Text)$")
_FIELD = re.compile(r"^(?P<key>[A-Z][\w-]*(?: [A-Za-z][\w-]*){0,2}):\s*(?P<value>.*?)$")
_NAME = "Nexis Uni document"


def is_export(text: str) -> bool:
    """Whether `text` is a Nexis Uni export: "End of Document" lines closing documents with Nexis Uni's marks."""
    return bool(_END.search(text)) and any(_MARKS.search(document) for document in split_documents(text))


def split_documents(text: str) -> list[str]:
    """The text of each document (the first with the cover page above it); what follows the last end mark
    is a document only where it has text (a download cut short)."""
    return [document for document in _END.split(text) if document.strip()]


def read_export(text: str) -> list[tuple[str, Found]]:
    """(text, metadata) of each document."""
    return [read_document(document) for document in split_documents(text)]


def read_document(document: str) -> tuple[str, Found]:
    """(text, metadata) of one document."""
    lines = [line.strip() for line in document.splitlines()]
    body = next((number for number, line in enumerate(lines) if _BODY.match(line)), None)
    dated = _date_line_above(lines, body) if body is not None else None
    above = [number for number in range(dated) if lines[number]] if dated is not None else []
    if not above:
        return read_plain(document, _NAME)
    found = Found()
    found.when(date_line(lines[dated]))
    title = len(above) - 2 if len(above) > 1 else 0  # the title, then the outlet
    if len(above) > 1:
        found.offer(source=_outlet(lines[above[-1]]))
    found.offer(title=lines[above[title]])
    while title > 0 and lines[above[title - 1]] == lines[above[title]]:
        title -= 1  # the title printed twice
    database_cover(document.splitlines()[:above[title]], found)  # the cover page above the first document
    _header(lines[dated + 1:body], found)
    return "\n\n".join(clean_body(_text(lines[body + 1:], found), found)).strip(), found


def _outlet(name: str) -> str:
    """The outlet as it names itself where it is known, also by a part of Nexis Uni's name for it
    ("AD/Algemeen Dagblad": AD); else the name as written."""
    return next(filter(None, map(outlet, [name, *name.split("/")])), name)


def _date_line_above(lines: list[str], body: int) -> int | None:
    """Where the date line is: the last line above "Body" that is a date, past the fields, the copyright and
    an edition line (a dozen lines at most)."""
    filled = [number for number in range(body - 1, -1, -1) if lines[number]][:12]
    return next((number for number in filled if not _FIELD.match(lines[number]) and date_line(lines[number])), None)


def _header(lines: list[str], found: Found) -> None:
    """The lines between the date line and "Body": edition lines, the copyright, the fields (a field's value
    may go on over the lines under it)."""
    editions, key, value = [], None, ""
    for line in [*lines, ""]:
        field = _FIELD.match(line)
        if key is not None and line and not field and not COPYRIGHT.match(line):
            value = f"{value} {line}"
            continue
        if key is not None:
            take_field(key.lower(), value.strip(), found, [])
            key = None
        if field:
            key, value = field["key"], field["value"]
        elif COPYRIGHT.match(line):
            found.extra.setdefault("copyright", line)
        elif line and "copyright" not in found.extra:
            editions.append(line)  # "Late Edition", "Eerste editie", a regional edition's name
    if editions:
        found.extra.setdefault("edition", "; ".join(editions))


def _text(lines: list[str], found: Found) -> list[str]:
    """The paragraphs under "Body": the text, and "Graphic" with its caption, which clean_body takes out. The
    fields under them go to extra: a "Classification" block, or "Load-Date:" alone."""
    marks = [number for number, line in enumerate(lines) if line == "Classification"]
    end = len(lines)
    if marks and all(_FIELD.match(line) for line in lines[marks[-1] + 1:] if line):
        end = marks[-1]
    else:
        while end > 0 and (not lines[end - 1] or lines[end - 1].startswith("Load-Date:")):
            end -= 1
    for field in filter(None, map(_FIELD.match, lines[end:])):
        take_field(field["key"].lower(), field["value"], found, [])
    paragraphs = "\n".join(lines[:end]).split("\n\n")
    return [paragraph.strip("\n") for paragraph in paragraphs if paragraph.strip()]

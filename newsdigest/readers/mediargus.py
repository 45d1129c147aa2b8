"""Mediargus / GoPress exports (the Belgian press database) saved as text: an index, then the full texts.

The index lists each article as "1. Headline", then "De Standaard, zaterdag 13 augustus 2011, p. 27, 664w."
and the text's opening words. The full texts follow in the same order, each opening with "13-08-2011, p.27";
then come the authors and the headline on the lines right under it (De Morgen, which prints the headline a
second time), or the editions ("Antwerpen, Limburg, ...") and the headline (De Standaard); then perhaps a
second headline, the text, and the publisher's "© Corelio".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ..metadata import DUTCH_WEEKDAYS, outlet, parse_date
from .article import Found
from .layout import clean_body, same_text

log = logging.getLogger("newsdigest")

_INDEX_LINE = re.compile(rf"^(?P<paper>[^,\n]{{2,80}}),\s+(?P<date>(?:(?:{DUTCH_WEEKDAYS})\s+)?\d{{1,2}}\s+\w+\s+\d{{4}}),"
                         r"\s+p\.\s*(?P<page>\d+),\s+\d+\s*w\.?\s*$", re.I)
_TEXT_START = re.compile(r"^(?P<date>\d{2}-\d{2}-\d{4}),\s*p\.\s*(?P<page>\d+)\s*$")
_NUMBERED = re.compile(r"^\W?\d+\.\s+(?P<title>\S.*)$")  # "1. Het compromis is springlevend" ("?1." after a lost BOM)
_REGION = (r"(?:Antwerpen|Limburg|Oost-Vlaanderen|West-Vlaanderen|Vlaams-Brabant(?:/Brussel)?|Brussel|Waals-Brabant"
           r"|Henegouwen|Luik|Luxemburg|Namen|Nationaal|Nationale editie)")
_EDITIONS = re.compile(rf"^{_REGION}(?:\s*,\s*{_REGION})*$")
_COPYRIGHT = re.compile(r"^©\s*(?P<owner>.+)$")
_UNTITLED = "Artikel zonder titel"
# "Brussel l In Nederland ...": the export writes the dateline's bullet glyph as an "l"
_DATELINE = re.compile(r"^(?P<place>[A-Za-zÀ-ÿ][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+l\s+(?=\S)")
_BULLET = re.compile(r"^l\s+(?=\w)")  # the same glyph before an author's note or a paragraph


@dataclass
class _Entry:
    """One article in the index."""

    paper: str
    date: str | None
    page: str
    title: str | None
    used: bool = False


def is_export(text: str) -> bool:
    """Whether `text` is a Mediargus export: a full text's "13-08-2011, p.27" opening line, with the index line
    that names the paper ("De Standaard, zaterdag 13 augustus 2011, p. 27, 664w.") or at the very top."""
    lines = [line.strip() for line in text.splitlines()]
    starts = [line for line in lines if _TEXT_START.match(line)]
    first = next((line for line in lines if line), "")
    return bool(starts) and (any(_INDEX_LINE.match(line) for line in lines) or bool(_TEXT_START.match(first)))


def read_export(text: str) -> list[tuple[str, Found]]:
    """(text, metadata) of each full text."""
    documents = []
    for entry, lines in split_documents(text):
        found = Found()
        documents.append((read_document(entry, lines, found), found))
    return documents


def split_documents(text: str) -> list[tuple[_Entry | None, list[str]]]:
    """Each full text's lines, with its index entry where the file has one (matched by date and page, in order)."""
    lines = text.splitlines()
    starts = [number for number, line in enumerate(lines)
              if _TEXT_START.match(line.strip()) and (number == 0 or not lines[number - 1].strip())]
    entries = _index(lines[:starts[0]])
    documents = []
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        opening = _TEXT_START.match(lines[start].strip())
        date = parse_date(opening["date"])
        entry = next((entry for entry in entries
                      if not entry.used and entry.page == opening["page"] and entry.date in (date, None)), None)
        if entry is not None:
            entry.used = True
        documents.append((entry, lines[start:end]))
    if any(not entry.used for entry in entries):
        log.warning("%d article(s) in the index of this Mediargus export have no full text in it",
                    sum(not entry.used for entry in entries))
    return documents


def _index(lines: list[str]) -> list[_Entry]:
    entries = []
    for number, line in enumerate(lines):
        match = _INDEX_LINE.match(line.strip())
        if not match:
            continue
        above = next((lines[at].strip() for at in range(number - 1, max(number - 3, -1), -1) if lines[at].strip()), "")
        numbered = _NUMBERED.match(above)
        entries.append(_Entry(match["paper"].strip(), parse_date(match["date"]), match["page"],
                              numbered["title"].strip() if numbered else None))
    return entries


def read_document(entry: _Entry | None, lines: list[str], found: Found) -> str:
    """Fill `found` from one full text (and its index entry); returns the article's text."""
    opening = _TEXT_START.match(lines[0].strip())
    if entry is not None:
        found.offer(source=outlet(entry.paper) or entry.paper)
    found.when(opening["date"])
    found.extra.setdefault("page", opening["page"])
    under = []  # the lines right under the opening line: authors, then the headline
    for line in lines[1:]:
        if not line.strip():
            break
        under.append(line.strip())
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", "\n".join(lines[1 + len(under):]))
                  if part.strip()]
    while paragraphs and _COPYRIGHT.match(paragraphs[-1]):
        found.extra.setdefault("copyright", _COPYRIGHT.match(paragraphs.pop())["owner"])
    if len(under) > 1:
        found.offer(author=", ".join(name.strip() for line in under[:-1] for name in line.split(";") if name.strip()))
    title = (entry.title if entry else None) or (under[-1] if under else None)
    body = _rejoined(_past_headline(paragraphs, title, bool(under), found))
    if body:
        dateline = _DATELINE.match(body[0])
        if dateline:
            found.extra.setdefault("dateline", dateline["place"])
            body[0] = body[0][dateline.end():]
    return "\n\n".join(clean_body([_BULLET.sub("", paragraph) for paragraph in body], found)).strip()


def _rejoined(paragraphs: list[str]) -> list[str]:
    """Paragraphs the export broke in the middle of a sentence ("een Angolese jongen" / "die na zijn ..."),
    or of a word ("l de Volkskrant-" / "redacteurs ..."), made whole again."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and paragraph[:1].islower() and not _BULLET.match(paragraph) \
                and not re.search(r"[.!?:;\"'”’)]$", joined[-1]):
            joined[-1] += paragraph if joined[-1].endswith("-") else f" {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _past_headline(paragraphs: list[str], title: str | None, headline_above: bool, found: Found) -> list[str]:
    """The paragraphs after the headline: editions, sections and a second headline go to `found`."""
    untitled = title == _UNTITLED  # the database's name for an article without a headline
    if untitled:
        title, paragraphs = None, [paragraph for paragraph in paragraphs if not same_text(paragraph, _UNTITLED)]
    window = paragraphs[:4]
    editions = next((number for number, paragraph in enumerate(window) if not _EDITIONS.match(paragraph)), len(window))
    at = max((number for number, paragraph in enumerate(window) if title and same_text(paragraph, title)), default=None)
    if at is None and not title and not untitled and editions < len(paragraphs):
        at, title = editions, paragraphs[editions]  # no index entry and no headline above: the line past the editions
    found.offer(title=title)
    before, rest = (paragraphs[:at], paragraphs[at + 1:]) if at is not None else (paragraphs[:editions],
                                                                                   paragraphs[editions:])
    for paragraph in before:
        if _EDITIONS.match(paragraph):
            found.extra.setdefault("editions", paragraph)
        elif headline_above:  # printed between the two headlines: the second headline
            found.extra.setdefault("subtitle", paragraph)
        elif not same_text(paragraph, title or ""):
            found.tag(paragraph)  # "De Standaard der Letteren", "KORT"
    if not untitled and len(rest) > 1 and _is_second_headline(rest[0]):
        found.extra.setdefault("subtitle", rest.pop(0))
    return rest


def _is_second_headline(paragraph: str) -> bool:
    """A short line under the headline that is no sentence: "Nederlandse premier doorbreekt stilte"."""
    return len(paragraph) <= 160 and not re.search(r"[.!?:;\"'”’)]\s*$", paragraph) \
        and not _DATELINE.match(paragraph) and not _BULLET.match(paragraph)

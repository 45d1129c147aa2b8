"""LexisNexis (Nexis) text exports: the "N of M DOCUMENTS" files researchers download, many articles to a file.

Each document has a centred masthead (copyright, outlet, date, sometimes a weekday, time or edition line),
then either a headline flush left or labelled fields (HEADLINE:/KOP:, BYLINE:, SECTION:, LENGTH: "353
woorden"), the text (after BODY:/TEKST: where the export has it), and trailing fields (LOAD-DATE:,
LANGUAGE:, ...). Field names come in English, Dutch, German and French; the date line is English even for
Dutch papers.
"""

from __future__ import annotations

import re

from ..metadata import DUTCH_WEEKDAYS, ENGLISH_WEEKDAYS, byline, outlet, parse_timestamp
from .article import Found
from .layout import clean_body

_COUNT = re.compile(r"^\s*(?:FOCUS\s*-\s*)?\d+\s+(?:of|van|von|de|sur)\s+\d+\s+(?:DOCUMENTS?|DOCUMENTEN|DOKUMENTEN?)\s*$"
                    r"|^\s*(?:Dokument|Document)\s+\d+\s+(?:von|van|of)\s+\d+\s*$", re.I)
_FIELD = re.compile(r"^(?P<key>[A-ZÄÖÜÉÈ][A-ZÄÖÜÉÈ-]*(?: [A-ZÄÖÜÉÈ-]+){0,2}):(?:[ \t\xa0]+(?P<value>.*?))?\s*$")
_WORD_COUNT = re.compile(r"^(?:LENGTH|LENGTE|LÄNGE|LONGUEUR):\s*\d[\d,.]*\s+(?:words|woorden|wörter|mots)\s*$", re.M)
_WORDS = re.compile(r"^\d+\s+(?:words|woorden)$")
_SAVE_BUTTON = re.compile(r"^\W*Bewaar\s+lees\s+artikel\s*")  # ad.nl's button, copied with the web article
_CLOSING = re.compile(r"^(?:LOAD-DATE|DATE-CHARGEMENT|UPDATE|LANGUAGE|TAAL|SPRACHE|LANGUE|PUBLICATION-TYPE|PUB-TYPE"
                      r"|TYPE-PUBLICATION):", re.M)
COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s|all rights reserved|alle rechte|tous droits|alle rechten)", re.I)
# The second line of a long copyright line: "GmbH & Co. KG", "Rights Reserved".
_COPYRIGHT_TAIL = re.compile(r"^(?:[a-z&(]|(?:GmbH|Ltd|Limited|Inc|LLC|Pty|B\.?V|N\.?V|S\.?A|AG|Co)\b"
                             r"|Rights\s+Reserved)")

_TITLE_KEYS = {"headline", "kop", "title", "titel", "titre", "überschrift", "leadall"}
_AUTHOR_KEYS = {"byline", "auteur", "author", "autor", "name", "signature"}
_SECTION_KEYS = {"section", "rubriek", "rubrik", "rubrique", "sectie"}
_BODY_KEYS = {"body", "tekst", "text", "article", "artikel", "corps"}
_LEAD_KEYS = {"chapeau"}  # the paper's lead above the text: printed with it, so body
# HIGHLIGHT "contains a brief summary that emphasizes the theme of the story" (LexisNexis's list of document
# sections; LEAD is the one holding the text's first sentences): a summary, kept in extra like Nexis Uni's.
_SUMMARY_KEYS = {"highlight"}
_OTHER_KEYS = {
    "length", "lengte", "länge", "longueur", "load-date", "date-chargement", "update", "language", "taal",
    "sprache", "langue", "publication-type", "pub-type", "type-publication", "document-type", "pub-subject",
    "subject", "company", "organization", "person", "geographic", "industry", "ticker", "city", "state", "country",
    "graphic", "grafik", "journal-code", "code-revue", "dateline", "ortszeile", "notes", "correction-date",
    "correction", "url", "view original page", "distribution", "transcript", "show", "guests", "anchors",
    "series", "edition", "type", "bio", "copyright", "issn", "acc-no", "pub-date"}
_KNOWN = _TITLE_KEYS | _AUTHOR_KEYS | _SECTION_KEYS | _BODY_KEYS | _LEAD_KEYS | _SUMMARY_KEYS | _OTHER_KEYS
# Fields that no Article field takes are kept in `extra` under their English names.
_ENGLISH = {"lengte": "length", "länge": "length", "longueur": "length", "taal": "language", "sprache": "language",
            "langue": "language", "date-chargement": "load-date", "update": "load-date", "pub-type": "publication-type",
            "type-publication": "publication-type", "grafik": "graphic", "code-revue": "journal-code",
            "ortszeile": "dateline"}

_WEEKDAYS = (f"{DUTCH_WEEKDAYS}|{ENGLISH_WEEKDAYS}|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
             "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche")
_WEEKDAY_LINE = re.compile(rf"^\W*(?:{_WEEKDAYS})\W*$", re.I)
_CLOCK_LINE = re.compile(r"^\d{1,2}[:.]\d{2}\b.{0,40}$")
# The month names of German and French exports, for the date line.
_MONTHS = {"januar": "January", "jänner": "January", "februar": "February", "märz": "March", "mai": "May",
           "juni": "June", "juli": "July", "oktober": "October", "dezember": "December", "janvier": "January",
           "février": "February", "mars": "March", "avril": "April", "juin": "June", "juillet": "July",
           "août": "August", "septembre": "September", "octobre": "October", "novembre": "November",
           "décembre": "December"}
# The fields every document closes with (a trailing "UPDATE:" may be the text's).
_LAST_FIELDS = re.compile(r"^(?:LOAD-DATE|DATE-CHARGEMENT|LANGUAGE|TAAL|SPRACHE|LANGUE|PUBLICATION-TYPE|PUB-TYPE"
                          r"|TYPE-PUBLICATION):")
# A place or a person as a paper prints it above the text: "Dubai", "Den Haag", "Bergen op Zoom",
# "'s-Hertogenbosch", "Yteke de Jong", "AMSTERDAM"; parts after a hyphen are capitalised ("Oud-topman" is none).
_NAMED = (r"(?:'s-)?[A-ZÀ-Ý][\w'’.]*(?:-[A-ZÀ-Ý][\w'’.]*)*"
          r"(?: (?:(?:van|de|der|den|ter|ten|het|op|aan|in|la|le|du|von|da|di|el|al|'t) )*(?:'s-)?[A-ZÀ-Ý][\w'’.]*"
          r"(?:-[A-ZÀ-Ý][\w'’.]*)*){0,3}")
_PLACE_LINE = re.compile(rf"(?=.{{2,30}}$){_NAMED}")
_SENTENCE_START = r"(?=[A-ZÀ-Ý\"'‘“„])"
_FLATTENED = re.compile(rf"(?:(?P<byline>{_NAMED})[ \t\xa0]{{2,}})?(?P<place>{_NAMED})[ \t\xa0]{{2,}}{_SENTENCE_START}")
_GLUED_PLACE = re.compile(r"(?P<place>[A-ZÀ-Ý][\w'’.]*(?:-[A-ZÀ-Ý][\w'’.]*)*(?: [A-ZÀ-Ý][\w'’.]*)?) "
                          r"(?=(?:De|Het|Een|Deze|Dit|Er|In|Op|Bij|Volgens) [a-zà-ÿ])")
# A paper's dateline on a line of its own or opening the text: "DEN HAAG, dinsdag", "MOSKOU, dinsdag - ".
_PLACE_DAY = re.compile(rf"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’. -]{{1,30}}),\s+(?P<day>(?i:{_WEEKDAYS}|gisteren|vandaag))\b"
                        r"\s*(?:[-–—.:]\s*)?(?P<rest>.*)$", re.S)


def is_export(text: str) -> bool:
    """Whether `text` is a LexisNexis export: a document count line with the export's fields, or the word
    count field with the fields an export closes with. An article that quotes one such line is not."""
    lines = text.splitlines()
    if any(_COUNT.match(line) for line in lines) and any(_field(line) for line in lines):
        return True
    return bool(_WORD_COUNT.search(text)) and bool(_CLOSING.search(text))


def read_export(text: str) -> list[tuple[str, Found]]:
    """(text, metadata) of each document."""
    documents = []
    for lines in split_documents(text):
        found = Found()
        documents.append((read_document(lines, found), found))
    return documents


def split_documents(text: str) -> list[list[str]]:
    """The lines of each document: those after each count line, and those before the first unless they are
    only the cover page with the search terms (which has no fields)."""
    lines = text.splitlines()
    starts = [number for number, line in enumerate(lines) if _COUNT.match(line)]
    documents = [lines[start + 1:end] for start, end in zip(starts, starts[1:] + [len(lines)])]
    before = lines[:starts[0]] if starts else lines
    return [before, *documents] if any(_field(line) for line in before) else documents


def _field(line: str) -> tuple[str, str] | None:
    """(key, value) of a field line as LexisNexis writes it: a known name, or an upper-case hyphenated one."""
    match = _FIELD.match(line.strip())
    if not match:
        return None
    key = match["key"].lower()
    if key not in _KNOWN and "-" not in key:
        return None
    return key, match["value"] or ""


def read_document(lines: list[str], found: Found) -> str:
    """Fill `found` from one document's masthead and fields; returns its text (empty when it has none)."""
    start, above, below = _masthead(lines, found)
    end, lead, first_line = _fields(lines[start:], found)
    text, closing = _without_closing_fields(first_line + lines[start + end:])
    _closing_fields(closing, found)
    paragraphs = _paragraphs(text)
    if paragraphs:  # the lines under the date were the headline and byline
        _headline_paragraphs(above + below, found)
    elif len(below) > 2 and _WORDS.match(below[1]):  # a web article: headline, "184 words", the opening lines
        _headline_paragraphs(above + below[:1], found)
        found.extra.setdefault("length", below[1])
        paragraphs = [_SAVE_BUTTON.sub("", below[2]), *below[3:]]
    else:  # all fields come after the text (wire copy): the lines under the date were the text
        _headline_paragraphs(above, found)
        paragraphs = below
    return "\n\n".join(lead + clean_body(opening(paragraphs, found), found)).strip()


def record_paragraphs(text: str, found: Found) -> list[str] | None:
    """The paragraphs of a LexisNexis document that a tool keeps as one record's text (AmCAT's JSON lines: headline,
    medium, byline and section in fields of their own), without the fields it closes with ("LANGUAGE: DUTCH;
    NEDERLANDS", into extra) and the byline and dateline above its first sentence; None where `text` does not
    close with the fields every LexisNexis document closes with."""
    body, closing = _without_closing_fields(text.splitlines())
    if not any(_LAST_FIELDS.match(line.strip()) for line in closing):
        return None
    _closing_fields(closing, found)
    return opening(_paragraphs(body), found)


def _closing_fields(lines: list[str], found: Found) -> None:
    for paragraph in _paragraphs(lines):
        first, *more = paragraph.splitlines()
        field = _field(first)
        if field:
            take_field(field[0], " ".join([field[1], *more]).strip(), found, [])
        else:
            found.extra.setdefault("copyright", " ".join(paragraph.split()))


def opening(paragraphs: list[str], found: Found) -> list[str]:
    """The paragraphs without the byline and the paper's own dateline above the first sentence: a byline
    ("door Peet Vogels", "door een verslaggever"), the place and day ("DEN HAAG, dinsdag"), a place on a line of
    its own ("Dubai"), byline and place that a database flattened onto the first line, set off by runs of spaces
    ("Yteke de Jong  Miami  Oud-topman ..."), and a place glued to a sentence that opens with a capitalised
    article ("Amsterdam De inflatie ..."). A place glued to any other word is left: it cannot be told from the
    sentence's own first words ("Minister De Jonge ...")."""
    paragraphs = list(paragraphs)
    while paragraphs:
        first = paragraphs[0]
        if _is_byline(first, found):
            paragraphs.pop(0)
            continue
        rest = _after_place_day(first, found)
        alone = len(paragraphs) > 1 and "dateline" not in found.extra and _PLACE_LINE.fullmatch(first.strip())
        if rest is None and alone:
            found.extra["dateline"] = first.strip()
            rest = ""
        if rest == "":
            paragraphs.pop(0)
            continue
        paragraphs[0] = _after_flattened_lines(first, found) if rest is None else rest
        break
    return paragraphs


def _after_flattened_lines(paragraph: str, found: Found) -> str:
    """What follows the byline and place, or the place alone, set off from the first sentence by runs of spaces
    or glued to a capitalised article; `paragraph` as it is where neither opens it."""
    match = _FLATTENED.match(paragraph) or _GLUED_PLACE.match(paragraph)
    if not match:
        return paragraph
    named = match.groupdict().get("byline")
    if named and not _is_byline(named, found):
        found.offer(author=named)
    if not _is_byline(match["place"], found):  # one part alone is the place, unless it is the byline
        found.extra.setdefault("dateline", match["place"])
    return paragraph[match.end():]


def _masthead(lines: list[str], found: Found) -> tuple[int, list[str], list[str]]:
    """Read the lines above the fields: copyright, outlet, date (with a weekday, time or edition line).
    Returns where the fields start, and the paragraphs flush left above and below the date line (a
    headline and byline, or in wire copy the text).

    Where the export's indentation was lost, the masthead is what comes before the date line and the
    weekday, time or second date lines right under it."""
    centred = next((line for line in lines if line.strip()), "")[:1].isspace()
    dated, copyright, above, below = False, "", [], []
    number = 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        flush = below if dated else above
        if not stripped:
            copyright = ""
            if flush and flush[-1]:
                flush.append("")
            continue
        if COPYRIGHT.match(stripped) or (copyright and _COPYRIGHT_TAIL.match(stripped)):
            copyright = f"{copyright} {stripped}".strip()
            if found.extra.setdefault("copyright", copyright) in copyright:  # the first one, with its tail
                found.extra["copyright"] = copyright
            continue
        copyright = ""
        if centred:  # under the date, indented lines are the masthead's until the first line of text
            masthead = line[:1].isspace() and not any(below)
        else:
            masthead = not any(below) and (not dated or _masthead_line(stripped))
        field = None if centred and masthead else _field(stripped)
        if field and (dated or field[0] not in _TITLE_KEYS):
            break
        if field:  # "TITLE: ..." or "LEADALL: ..." above the date line
            take_field(*field, found, [])
            dated = dated or not _date_below(lines[number + 1:])
        elif masthead and re.match(r"https?://", stripped):  # the web edition's address, wrapped
            found.url = stripped
        elif masthead and found.url and not dated and " " not in stripped and not date_line(stripped):
            found.url += stripped
        elif masthead and not dated and date_line(stripped):
            found.when(date_line(stripped))
            dated = True
        elif masthead and not dated:
            found.offer(source=outlet(stripped) or stripped)  # the first line that is no copyright or date
        elif masthead:
            if not _masthead_line(stripped):  # "1 - State Edition"
                found.extra.setdefault("edition", stripped)
        else:
            flush.append(stripped)
    else:
        number = len(lines)
    return number, _paragraphs(above), _paragraphs(below)


def _date_below(lines: list[str]) -> bool:
    """Whether a date line is still to come in the masthead."""
    return any(date_line(line.strip()) for line in lines[:8] if line.strip() and not _field(line))


def date_line(line: str) -> str | None:
    """A database's date line in a form parse_timestamp reads ("Mittwoch 31. August 2011": "31 August 2011";
    "July 2, 2019 Tuesday 9:33 AM GMT"), or None."""
    text = re.sub(rf"\b(?:{_WEEKDAYS})\b,?", " ", line, flags=re.I)
    text = re.sub(r"\b(\d{1,2})\.(?=\s)", r"\1", text)
    text = re.sub(r"[^\W\d_]+", lambda word: _MONTHS.get(word.group().lower(), word.group()), text).strip()
    return text if len(text) < 80 and re.search(r"\d", text) and parse_timestamp(text) else None


def _masthead_line(line: str) -> bool:
    """A weekday, a time or a second form of the date under the date line."""
    return bool(_WEEKDAY_LINE.match(line) or _CLOCK_LINE.match(line) or date_line(line))


def _headline_paragraphs(paragraphs: list[str], found: Found) -> None:
    """The headline flush left under (or above) the masthead, and the byline or second headline under it."""
    if paragraphs:
        _headline(" ".join(paragraphs[0].split()), found)
    for paragraph in paragraphs[1:]:
        if not _is_byline(paragraph, found):
            found.extra.setdefault("subtitle", " ".join(paragraph.split()))


def _headline(value: str, found: Found) -> None:
    """"Technologie en olie geven koersen zetje; Euronext & Beurzen Europa": the headline, then its second line."""
    title, _, second = value.partition("; ")
    found.offer(title=title.rstrip(";").strip())
    if second.strip():
        found.extra.setdefault("subtitle", second.strip())


def _is_byline(paragraph: str, found: Found) -> bool:
    """A byline ("door Peet Vogels"), or the name the byline field gives, alone."""
    text = " ".join(paragraph.split())
    name = byline(text) or (text if found.author and text.casefold() == found.author.casefold() else None)
    if name:
        found.offer(author=name)
    return bool(name)


def _after_place_day(paragraph: str, found: Found) -> str | None:
    """What follows a paper's dateline ("DEN HAAG, dinsdag"), which goes to extra; None where there is none."""
    match = _PLACE_DAY.match(paragraph.strip())
    if not match or not (not match["rest"] or match["rest"][:1].isupper() or match["rest"][:1] in "\"'‘“„"):
        return None
    found.extra.setdefault("dateline", f"{match['place'].strip()}, {match['day']}")
    return match["rest"].strip()


def _fields(lines: list[str], found: Found) -> tuple[int, list[str], list[str]]:
    """Read the fields above the text. Returns where the text starts, the lead a CHAPEAU field gave,
    and the text's first line where the BODY field carries it ("TEXT: De ...")."""
    index, lead = 0, []
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        field = _field(lines[index])
        if field is None:
            break
        key, value = field
        index += 1
        if key in _BODY_KEYS:
            return index, lead, [value] if value else []
        while index < len(lines) and lines[index].strip() and not _field(lines[index]):
            value = f"{value}\n{lines[index].strip()}" if key in _LEAD_KEYS else f"{value} {lines[index].strip()}"
            index += 1
        take_field(key, value.strip(), found, lead)
    return index, lead, []


def take_field(key: str, value: str, found: Found, lead: list[str]) -> None:
    """One field of a document (its name in lower case, as LexisNexis and Nexis Uni name it in English, Dutch,
    German or French) into `found`; a CHAPEAU lead into `lead`, the fields no Article field takes into extra."""
    if not value:
        return
    if key in _TITLE_KEYS:
        _headline(" ".join(value.split()), found)
    elif key in _AUTHOR_KEYS:
        found.offer(author=value)
    elif key in _SECTION_KEYS:
        section, _, page = value.partition(";")  # "ECONOMIE; Blz. 9"; Nexis Uni's web copy: "POLITICS; Version:28"
        found.tag(section)
        version = re.fullmatch(r"version\s*:\s*(\d+)", page.strip(), re.I)
        if version:
            found.extra.setdefault("version", version[1])
        elif page.strip():
            found.extra.setdefault("page", page.strip())
    elif key in _LEAD_KEYS:
        lead.append(value)
    else:
        found.extra.setdefault(re.sub(r"[- ]", "_", _ENGLISH.get(key, key)), value)


def _without_closing_fields(lines: list[str]) -> tuple[list[str], list[str]]:
    """The text, and the fields after it: the last paragraphs, as long as each opens with a field or a
    copyright line (a field-like line with text after it stays text)."""
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    cut = end
    while cut > 0:
        start = cut
        while start > 0 and lines[start - 1].strip():
            start -= 1
        if not (_field(lines[start]) or COPYRIGHT.match(lines[start].strip())):
            break
        cut = start
        while cut > 0 and not lines[cut - 1].strip():
            cut -= 1
    return lines[:cut], lines[cut:end]


def _paragraphs(lines: list[str]) -> list[str]:
    text = "\n".join(line.strip() for line in lines)
    return [part.strip() for part in re.split(r"\n\n+", text) if part.strip()]

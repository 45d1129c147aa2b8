"""What note apps put around an article in Markdown: a heading over the article's text (Zotero and read-later
templates), the reader's own notes under a heading of their own, and hidden comments. All of it goes to
fields; none of it is text to translate."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .article import Found

# A heading that says the article's text follows ("## Tekst", "# Full Content:", "### Volledige tekst").
_TEXT_NAME = r"(?:(?:full|volledige?)\s+)?(?:content|text|tekst|inhoud|artikel|article|artikeltekst|body)\s*:?"
TEXT_HEADING = re.compile(rf"^#{{1,6}}\s*{_TEXT_NAME}$", re.I)
# A heading over the reader's own notes or highlights ("## Mijn aantekeningen", "**Notities**", "## Highlights");
# remarks or comments only when they are the reader's own, as a story may have an intertitle "Opmerkingen".
_NOTES_NAME = re.compile(r"(?:(?:(?:mijn|eigen|persoonlijke|my|own|personal)\s+)?(?:notes?|notities?|aantekening(?:en)?|"
                         r"annotaties|annotations|highlights|markeringen)|(?:mijn|eigen|persoonlijke|my|own|personal)\s+"
                         r"(?:opmerkingen|comments))\s*:?", re.I)
_HEADING = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<name>.+?)(?:[ \t]+#+)?[ \t]*$")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(?P<name>[^*_]+?)(?:\*\*|__)$")  # "**Notities**" alone in its paragraph
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)")
_COMMENT = re.compile(r"%%(?P<text>.*?)%%", re.S)  # Obsidian's hidden comment


def without_comments(text: str, found: Found) -> str:
    """`text` without Obsidian's %% comments, which the app hides; what they say goes to extra["comments"]."""
    comments = [" ".join(match["text"].split()) for match in _COMMENT.finditer(text)]
    if not any(comments):
        return text
    found.extra.setdefault("comments", [comment for comment in comments if comment])
    return _COMMENT.sub("", text)


def text_sections(text: str, found: Found) -> str:
    """`text` without the reader's notes and, where a heading says the article's text follows, without what
    a template puts above it. A notes section runs to the next heading as high or higher and goes to
    extra["note"]. Above a text heading ("## Tekst"), each section with a heading of its own ("## Samenvatting")
    goes to extra under the heading's name, and the text heading goes; the title and lines under no heading
    (a byline, a date line) stay. A text heading with less text under it than above it is the article's own
    intertitle, and moves nothing. Notes that would leave no text are the text."""
    lines = text.split("\n")
    heads = _headings(lines)
    notes, moved = [], set()
    for number, (at, level, name) in enumerate(heads):
        if at in moved or not _NOTES_NAME.fullmatch(name):
            continue
        end = next((other for other, higher, _ in heads[number + 1:] if higher <= level), len(lines))
        notes.append(_plain(lines[at + 1:end]))
        moved.update(range(at, end))
    sections: dict[str, str] = {}
    start = next((at for at, level, name in heads if at not in moved and re.fullmatch(_TEXT_NAME, name, re.I)), None)
    if start is not None:
        title = next((at for at, level, _ in heads if level == 1 and at < start), None)
        above = [at for at, _, _ in heads if at < start and at != title and at not in moved]
        for number, at in enumerate(above):
            end = above[number + 1] if number + 1 < len(above) else start
            sections.setdefault(_key(lines[at]), _plain(line for index, line in enumerate(lines[at + 1:end], at + 1)
                                                        if index not in moved))
        first = above[0] if above else start
        stays = _size(lines[:first], moved, 0)  # above the sections: a byline or a date line
        if _size(lines[start + 1:], moved, start + 1) >= stays + sum(map(len, sections.values())):
            moved.update(index for index in range(first, start + 1) if index != title)
        else:  # the article's own intertitle, under most of its text
            sections = {}
    kept = [line for index, line in enumerate(lines) if index not in moved]
    if not moved or not _size(kept, set(), 0):
        return text
    for key, value in sections.items():
        if value:
            found.extra.setdefault(key, value)
    note = "\n\n".join(note for note in notes if note)
    if note:
        found.extra["note"] = "\n\n".join(filter(None, (found.extra.get("note"), note)))
    return "\n".join(kept)


def _headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line, level, name) of each heading outside code; a bold line alone in its paragraph counts as a heading
    below all others (level 7)."""
    heads, fenced = [], False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        heading = _HEADING.match(line.strip())
        bold = _BOLD_LINE.match(line.strip())
        alone = not (index and lines[index - 1].strip()) and not (index + 1 < len(lines) and lines[index + 1].strip())
        if heading and line[:1] != " ":
            heads.append((index, len(heading["marks"]), heading["name"].strip()))
        elif bold and alone:
            heads.append((index, 7, bold["name"].strip()))
    return heads


def _key(heading: str) -> str:
    name = _HEADING.match(heading.strip())
    return (name["name"] if name else heading).strip(" :*_").lower()


def _plain(lines: Iterable[str]) -> str:
    """Lines of Markdown as plain lines: without list and quote marks, blank lines and runs of spaces."""
    return "\n".join(" ".join(re.sub(r"^\s*(?:[-*+>]|\d+[.)])\s+", "", line).split()) for line in lines
                     if line.strip() and not re.fullmatch(r"\s*[-*_]{3,}\s*", line))


def _size(lines: list[str], moved: set[int], offset: int) -> int:
    """How much text `lines` hold, leaving out headings and the lines in `moved`."""
    return sum(len(line.strip()) for index, line in enumerate(lines, offset)
               if index not in moved and not _HEADING.match(line.strip()))

"""What note apps and web clippers put around an article in Markdown: the caption under the photo that opens
a clipping, a heading over the article's text (Zotero and read-later templates), the reader's own notes under
a heading of their own, and hidden comments. All of it goes to fields; none of it is text to translate."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..metadata import NEWS_AGENCIES, byline, credit
from .article import Found
from .layout import clean_body, header_line, same_text

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

# A line that is one image: "![alt](src)", linked ("[![alt](src)](href)"), saved in the vault ("![[photo.jpg]]")
_IMAGE_LINE = re.compile(r"^(?:!\[(?P<alt>[^\]]*)\]\([^)]*\)|\[!\[(?P<linked>[^\]]*)\]\([^)]*\)\]\([^)]*\)"
                         r"|!\[\[[^\]]+\]\]|<img\b[^>]*>)$")
_EMBED = re.compile(r"!\[\[(?P<target>[^\]]+)\]\]")
_PHOTO_AGENCIES = ("Getty Images", "Hollandse Hoogte", "EPA", "Shutterstock", "iStock", "Pro Shots",
                   "Orange Pictures", "BSR Agency", *NEWS_AGENCIES.values())
# A caption's credit printed after it without a label: "... bij Terneuzen ANP", "... in 2019 Getty Images"
_AGENCY_TAIL = re.compile(r"\s(?P<name>" + "|".join(re.escape(name) for name in _PHOTO_AGENCIES) + r")$")
_NAMES_ONLY = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:(?:van|de|der|den|ter|ten|het|'t)\s+)*[A-ZÀ-Ý][\w'’-]*){1,3}")


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


def without_embeds(text: str, found: Found) -> str:
    """`text` without Obsidian's embeds ("![[photo.jpg]]", "![[Other note#Part]]"): a picture, or a note
    newsdigest cannot open, shown in place; what they embed goes to extra["embeds"]."""
    embeds = _EMBED.findall(text)
    if not embeds:
        return text
    found.extra.setdefault("embeds", embeds)
    return _EMBED.sub("", text)


def opening_caption(text: str, found: Found) -> str:
    """`text` without the caption under the image that opens a clipping (Obsidian Web Clipper, Joplin, Omnivore
    keep a page's photo and its caption above the text): the caption to extra["caption"], its credit to
    credits. A caption is one line that repeats the image's alt text, ends in a photo credit, or has no
    closing stop; a byline, a date line, a bold lead and a sentence under the image stay where they are."""
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    for number, index in enumerate(filled[:12]):
        stripped = lines[index].strip()
        image = _IMAGE_LINE.match(stripped)
        if not image:
            if _before_text(stripped):
                continue
            return text
        if number + 2 >= len(filled):
            return text
        at, after = filled[number + 1], filled[number + 2]
        if after == at + 1 or not _caption(lines[at].strip(), image["alt"] or image["linked"] or "",
                                           lines[after].strip(), found):
            return text
        return "\n".join(lines[:at] + lines[at + 1:])
    return text


def _before_text(line: str) -> bool:
    """A line that may stand above a clipping's photo: a heading, a rule, a comment, a byline or date line."""
    plain = line.strip("*_ ")
    return bool(line.startswith(("#", "<!--")) or re.fullmatch(r"[-*_ ]{3,}", line) or byline(plain)
                or header_line(plain, Found()))


def _caption(line: str, alt: str, following: str, found: Found) -> bool:
    """Take `line` as the caption under an image (see opening_caption); False, and `found` untouched, if not."""
    plain = line.strip("*_ ")
    if not plain or len(plain) > 250 or line.startswith(("**", "__", "#", ">", "- ", "* ", "+ ", "|", "[", "<", "!")) \
            or (found.title and same_text(plain, found.title)) or _before_text(line):
        return False
    scratch = Found()
    credits = scratch.credits if not clean_body([plain], scratch) else []
    if not credits:
        agency = _AGENCY_TAIL.search(plain)
        tail = credit(re.split(r"(?<=[.!?])\s+", plain)[-1]) or (agency["name"] if agency else None)
        credits = [tail] if tail else []
    unclosed = not re.search(r"[.!?:;…\"”'’)]$", plain) and not _NAMES_ONLY.fullmatch(plain) \
        and not header_line(following.strip("*_ "), Found())  # a name above a date line is a byline
    if not (credits or unclosed or (alt.strip() and same_text(plain, alt))):
        return False
    for name in credits:
        found.credit(name)
    found.extra.setdefault("caption", plain)
    return True

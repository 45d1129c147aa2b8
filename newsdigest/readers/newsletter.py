"""A newsletter pasted as text: past the editors' greeting, intro and contents to its first story.

"Goedemorgen!" / a few lines on what is in today's mail / a list of its stories / a section's heading / the first
story's headline and text. The masthead and date lines above the greeting name the outlet and the day.
"""

from __future__ import annotations

import re

from ..metadata import byline, metadata_line, outlet
from .article import Found

# How the editors greet their readers, alone on a line or opening the intro ("Goedemorgen!", "Goeiemorgen Vlaanderen",
# "Beste lezer,", "Dag Amsterdam!", "Hallo, ..."), and the line that opens the contents ("Vandaag in de nieuwsbrief:",
# "In deze editie", "Dit leest u vandaag").
_GREETING = re.compile(r"^\s*(?:(?:goede?(?:morgen|middag|navond)|goeie(?:morgen|middag|navond|avond)|goedendag"
                       r"|good\s+(?:morning|afternoon|evening))(?:\s+[\w'’-]+){0,2}\s*(?:[,!.]|$)"
                       r"|(?:hallo|hoi|hey|hi|hello|dag|beste|lieve)(?:\s+[\w'’-]+){0,2}\s*[,!]"
                       r"|welkom(?:\s+[\w'’-]+){0,6}\s*!)", re.I)
_CONTENTS = re.compile(r"^\s*(?:(?:vandaag\s+)?in\s+(?:deze|de|dit|this|today's)\s+(?:nieuwsbrief|editie|uitgave|nummer|"
                       r"mail|newsletter|issue|edition)|inhoud(?:sopgave)?|dit\s+(?:leest|lees)\s+(?:u|je)\s+vandaag"
                       r"|de\s+onderwerpen\s+van\s+vandaag)\b.{0,80}$", re.I)
# Its foot, a line that says why it came or how to stop it: "Je ontvangt deze nieuwsbrief omdat ...", "Afmelden |
# Voorkeuren", "Wil je deze nieuwsbrief niet meer ontvangen? Schrijf je hier uit."
_FOOT = re.compile(r"^\s*(?:(?:afmelden|uitschrijven|unsubscribe)\b|(?:je|u)\s+ontvangt\s+(?:deze|dit|de)\b"
                   r"|you\s+(?:are\s+)?receiv(?:e|ing)\s+this\b|wil\s+(?:je|u)\s+(?:deze\s+[\w-]+\s+)?niet\s+meer\s+ontvangen"
                   r"|(?:meld|schrijf)\s+(?:je|u)\s+(?:hier\s+)?(?:af|uit)\b)", re.I)
# What only a newsletter says: that it came because one signed up, how to stop it, its own name.
_NEWSLETTER_WORDS = re.compile(rf"{_FOOT.pattern}|\b(?:nieuwsbrief|newsletter)\b", re.I)
_RULE = re.compile(r"^\s*[-_=*~#]{3,}\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•·–>]|\d{1,2}[.)])\s")


def is_newsletter(lines: list[str]) -> bool:
    """Whether pasted text reads as a newsletter: its masthead or foot names itself one or says how to unsubscribe."""
    filled = [line for line in lines if line.strip()]
    return any(_NEWSLETTER_WORDS.search(line) and len(line) <= 200 for line in filled[:6] + filled[-15:])


def past_greeting(lines: list[str], found: Found) -> list[str]:
    """A newsletter from its first story on, where the editors greet the reader or list the contents under its masthead:
    past the greeting and all under it (the intro, the contents, a sign-off, a section's heading) to the first line
    that reads as a headline above a paragraph of text. The intro goes to extra, the masthead and date lines above the
    greeting to the source and date. `lines` as they are where nothing greets, or no story follows within 1500
    characters."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    start = next((index for index in filled[:6] if _GREETING.match(lines[index]) or _CONTENTS.match(lines[index])), None)
    if start is None or any(len(lines[index].strip()) > 120 or re.search(r"[.!?]$", lines[index].strip())
                            for index in filled if index < start):  # only masthead, date and name lines above it
        return lines
    for number, index in enumerate(filled):
        intro = " ".join(lines[line].strip() for line in filled if start <= line < index and not _RULE.match(lines[line]))
        if len(intro) > 1500:
            break
        if index > start and _headline(lines, filled, number):
            masthead_metadata(lines[:start], found)
            found.extra.setdefault("intro", intro)
            return without_foot(lines[index:])
    return lines


def _headline(lines: list[str], filled: list[int], number: int) -> bool:
    """Whether the `number`th filled line is a story's headline: a short line that opens with a capital and ends in no
    stop, neither a list item nor a section's heading in capitals ("UITGELICHT"), above a paragraph of text, set apart
    from it by a blank line or a rule (its byline between them or not), or a paragraph that is one long line (a page
    copied without blank lines)."""
    line = lines[filled[number]].strip()
    if not 10 <= len(line) <= 150 or re.search(r"[.!:;,]$", line) or not re.match(r"[A-ZÀ-Ý0-9'‘\"“]", line) \
            or _BULLET.match(line) or _RULE.match(line) or line.isupper() and len(line.split()) <= 6 \
            or _GREETING.match(line) or _CONTENTS.match(line) or byline(line):
        return False
    below = [index for index in filled[number + 1:] if not _RULE.match(lines[index])]
    if len(below) > 1 and byline(lines[below[0]]):
        below = below[1:]  # the story's byline under its headline ("Door Roos Dekker")
    if not below or not re.match(r"[A-ZÀ-Ý0-9'‘\"“„,]", lines[below[0]].strip()):
        return False
    end = next((index for index in range(below[0], len(lines)) if not lines[index].strip()), len(lines))
    text = " ".join(item.strip() for item in lines[below[0]:end])
    apart = below[0] > filled[number] + 1 or len(lines[below[0]].strip()) > 100
    return apart and len(text) >= 60 and bool(re.search(r"[.!?…][\"”’']?(?:\s|$)", text)) and not _BULLET.match(text)


def masthead_metadata(lines: list[str], found: Found) -> None:
    """Take the outlet and the day that a newsletter's preview, masthead and date lines name ("Omroep West | Het
    nieuws van vandaag", "Vrijdag 27 maart 2026", "OMROEP WEST") into `found`; other lines are passed over."""
    for line in lines:
        for part in re.split(r"\s+[|–—-]\s+|\s{2,}", line.strip()):
            meta = metadata_line(part) or {}
            if outlet(part):
                found.offer(source=outlet(part))
            elif "date" in meta and not set(meta) - {"date", "time"} and found.stamp is None:
                found.when(f"{meta['date']} {meta.get('time', '')}".strip())


def without_foot(lines: list[str]) -> list[str]:
    """A newsletter without its foot: from the first of its last lines that says why it came or how to stop it
    ("Je ontvangt deze nieuwsbrief omdat ...", "Afmelden"), or from the signature's "--" or a rule right above it."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    at = next((number for number, index in enumerate(filled) if number >= len(filled) - 12
               and _FOOT.match(lines[index])), None)
    if at is None:
        return lines
    if at and (lines[filled[at - 1]].strip() == "--" or _RULE.match(lines[filled[at - 1]])):
        at -= 1
    return lines[:filled[at]]

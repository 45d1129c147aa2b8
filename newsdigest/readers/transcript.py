"""A broadcast item's transcript: the item's place in the bulletin and its length, the speakers' labels that open their
turns, the sound cues between them.

    RADIO 2 ANTWERPEN - NIEUWS 08.00 UUR
    Item 3/6 - duur 1'42"
    Onderwerp: Archeologen vinden zestiende-eeuwse kademuur aan Scheldekaaien

    NIEUWSLEZER: Op de Antwerpse Scheldekaaien hebben archeologen ...
    REPORTER (Kristel Meeus): Ik sta hier in een bouwput ...
    [jingle]

What was said is the text; the labels go to extra "speakers", one for each paragraph of the text.
"""

from __future__ import annotations

import re

from .article import Found

# The item's place in the bulletin's rundown ("Item 3/6", "Item 3 van 6") and its length ("duur 1'42\"", "Duur: 2:41").
_ITEM = re.compile(r"(?:item|fragment|onderwerp)\s+(?P<at>\d{1,2}\s*(?:/|van|of)\s*\d{1,2})", re.I)
_LENGTH = re.compile(r"(?P<key>duur|lengte|speelduur|duration)\s*:?\s*(?P<clock>\d{1,2}['′]\s?\d{2}(?:[\"″]|'')?"
                     r"|(?:\d{1,2}:)?\d{1,2}:\d{2})", re.I)
# A speaker's label opening a turn: a role in capitals, maybe with the name ("NIEUWSLEZER:", "REPORTER (Kristel
# Meeus):"), a diarizer's speaker ("SPEAKER_00:", "Spreker 2:"), or, in a text that says it is a transcript, a name or
# role in the text's own type ("Jan Peeters (archeoloog):", "Presentator:"). A transcription tool's export sets the
# speaker and the time on a line of their own above the turn ("Marieke Jansen  0:02", "Speaker 1  00:14").
_WHO = r"(?:\s*\([^()\n]{2,60}\))?"
_NAME = r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:(?:van|de|der|den|ter|ten|het|'t|la|le|du|von)\s+)*[A-ZÀ-Ý][\w'’.-]*){0,3}"
_NUMBERED = r"(?i:spreker|speaker)[ _]?\d{1,2}"
# (a name in capitals may have the speaker's organisation after a comma: "INGE PEETERS, DE LIJN LIMBURG")
_CAPITALS = rf"(?:[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:[ _-](?:[A-ZÀ-Ý'’.-]+|\d{{1,2}})){{0,3}}(?:,\s*[A-ZÀ-Ý][A-ZÀ-Ý'’.&-]*(?:\s+[A-ZÀ-Ý'’.&-]+){{0,4}})?|{_NUMBERED}){_WHO}"
_ROLE = re.compile(rf"(?P<label>{_CAPITALS}):\s+(?=\S)")
# A speaker's label in capitals alone on its line, after the time code that opens the turn: "[00:00:19] VOICE-OVER".
_LABEL_ALONE = re.compile(rf"\s*{_CAPITALS}\s*")
_NAMED = re.compile(rf"(?P<label>{_NAME}{_WHO}):\s+(?=\S)")
_SPEAKER_LINE = re.compile(rf"(?P<label>{_NUMBERED}|{_NAME})\s+\[?(?:\d{{1,2}}:)?\d{{1,2}}:\d{{2}}\]?\s*")
# The header lines that say a text is a broadcast's transcript: "Transcriptie: Whisper", "Zender: RTV Utrecht",
# "Uitgezonden: ...", "Duur: 3:12", "Item 3/6 - duur 1'42\"".
_DECLARED = re.compile(r"\s*(?:(?:transcriptie|transcript|getranscribeerd|zender|omroep|programma|uitgezonden|uitzenddatum"
                       r"|datum\s+uitzending|duur|sprekers|speakers|broadcast|aired|episode|aflevering)\s*:"
                       rf"|{_ITEM.pattern}\b)", re.I)
# A printed interview's labels are its own text ("Vraag: ..." / "Antwoord: ..."), and so are a few lead-ins and a
# liveblog's labels ("LIVE: ...", "BREAKING: ...").
_NO_SPEAKER = re.compile(r"(?:vraag|antwoord|v|a|q|kortom|conclusie|update|noot|let op|tip|lees ook|zie ook|bron|foto"
                         r"|beeld|video|audio|door|tekst|correctie|disclaimer|live|liveblog|breaking|net binnen|nieuw"
                         r"|exclusief)\b", re.I)
# What a transcript notes besides what was said: a sound cue in brackets ("[jingle]", "[gelach]", "[muziek - einde
# item]"), alone on a line or between sentences.
_CUE_WORDS = (r"jingle|tune|muziek|music|gelach|lacht|lachen|laughter|laughs|applaus|applause|stilte|silence|pauze|pause"
              r"|geroezemoes|zucht|kucht|geluid|achtergrondgeluid|einde\s+(?:item|fragment|uitzending|reportage)|tunes?")
_CUE_LINE = re.compile(r"\s*[\[(][^\[\]()\n]{2,60}[\])]\s*")
_CUE = re.compile(rf"\s*\[(?:{_CUE_WORDS})\b[^\[\]\n]{{0,40}}\]", re.I)


# The item's place in the rundown before its subject, the headline: "Item 3/9: Sneltrambus ...", "Fragment 2 van 5 - ...".
_ITEM_HEADLINE = re.compile(rf"(?P<item>{_ITEM.pattern})\s*(?::|\s[-–—|])\s+(?P<headline>\S.{{9,200}})", re.I)


def rundown_part(part: str, found: Found) -> bool:
    """A part of a broadcast item's header: its place in the bulletin ("Item 3/6") or its length ("duur 1'42\""),
    kept in extra as "item" and under the length's word, or the place before the item's subject ("Item 3/9: Sneltrambus
    haalt ..."), which is the headline; False where `part` is none of these."""
    item, length = _ITEM.fullmatch(part.strip()), _LENGTH.fullmatch(part.strip())
    headline = _ITEM_HEADLINE.fullmatch(part.strip())
    if headline and not rundown_part(headline["headline"], Found()):
        item = headline
        found.title = found.title or headline["headline"].strip()
    if item:
        found.extra.setdefault("item", re.sub(r"\s*(?:/|van|of)\s*", "/", item["at"]))  # "3 van 9" is "3/9"
    elif length:
        found.extra.setdefault(length["key"].lower(), length["clock"])
    return bool(item or length)


def label_alone(line: str) -> bool:
    """Whether `line` is nothing but a speaker's label in capitals ("VOICE-OVER", "REIZIGER (STUDENT)")."""
    return bool(_LABEL_ALONE.fullmatch(line)) and not _NO_SPEAKER.fullmatch(line.strip())


def declared(lines: list[str]) -> bool:
    """Whether the header lines of a text (its first dozen filled lines) say it is a broadcast's transcript."""
    return any(_DECLARED.match(line) for line in [line for line in lines if line.strip()][:12])


def _speaker(line: str, named: bool) -> re.Match[str] | None:
    match = _SPEAKER_LINE.fullmatch(line) or _ROLE.match(line) or (_NAMED.match(line) if named else None)
    return None if match is None or _NO_SPEAKER.fullmatch(match["label"]) else match


def speaker_turns(paragraphs: list[str], found: Found, transcript: bool) -> list[str]:
    """The paragraphs of a transcript as what was said, a turn each, without the speakers' labels that open them and
    without its sound cues; the labels go to extra "speakers", one for each paragraph (a paragraph that goes on a turn
    has its speaker's). Only where the text opens with a labelled turn and another follows; names in the text's own
    type count as labels only in a `transcript` (a header or time codes say so). Other paragraphs as they are."""
    lines = [(number, line) for number, paragraph in enumerate(paragraphs) for line in paragraph.split("\n")]
    labels = [_speaker(line, transcript) for _, line in lines]
    if not lines or labels[0] is None or sum(label is not None for label in labels) < 2:
        return paragraphs
    turns: list[tuple[str, list[str]]] = []
    speaker, last, opened = "", None, False
    for (number, line), label in zip(lines, labels):
        if label is not None and label["label"] != speaker or number != last:
            speaker, opened = label["label"] if label is not None else speaker, True  # a turn, or a paragraph of it
        last = number
        said = _CUE.sub("", line[label.end():] if label is not None else line).strip()
        if not said or _CUE_LINE.fullmatch(said):
            continue  # a speaker's line above the turn, or a cue
        if opened:
            turns.append((speaker, []))
            opened = False
        turns[-1][1].append(said)
    found.extra["speakers"] = [speaker for speaker, _ in turns]
    return ["\n".join(said) for _, said in turns]

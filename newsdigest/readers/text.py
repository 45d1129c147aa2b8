"""Plain text in the Dutch news layout, and Markdown; both may start with front matter."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ..metadata import OUTLETS, byline, credit, metadata_line, outlet, outlet_for_host
from .article import Article, Found
from .fields import keep_extra, record_view, take_fields
from .frontmatter import split_front_matter
from .layout import (VIEW_IN_BROWSER, clean_body, header_line, is_boilerplate, name_under_lead, read_header, reference,
                     same_text, title_and_tags)
from .newsletter import is_newsletter, masthead_metadata, past_greeting, without_foot
from .noteapps import TEXT_HEADING, opening_caption, text_sections, without_comments, without_embeds
from .outline import read_outline
from .transcript import declared, label_alone, speaker_turns


def _front_matter(text: str, path: str, found: Found) -> str:
    """Take the front matter's metadata into `found` (never into the text); returns the rest."""
    meta, rest = split_front_matter(text, path)
    _metadata(meta, found)
    return rest


def _metadata(meta: object, found: Found) -> None:
    """Take the fields of front matter or page properties into `found`; the others into extra."""
    if isinstance(meta, dict):  # fields kept in a wrapper (Hugo's [params]) count as in JSON records
        meta = record_view(meta)
    if isinstance(meta, dict) and "created" in meta and re.match(r"https?://", str(meta.get("source") or meta.get("url") or "")):
        meta["clipped"] = meta.pop("created")  # a web clipper's "created" is when the page was clipped
    if meta:
        keep_extra(meta, take_fields(meta, found), found)


# Static site generator tags in a post: Hugo shortcodes ({{< figure ... >}}, {{% note %}}) and Liquid tags
# ({% include ... %}). They are layout, not text; the text between an opening and a closing tag stays.
_TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}", re.S)


# The line a mail client puts above a forwarded message, and the "Key: value" lines under it.
_FORWARD = re.compile(r"^\s*(?:-{2,}\s*(?:doorgestuurd|forwarded|oorspronkelijk|original)\s+(?:bericht|message)\s*-{2,}"
                      r"|begin\s+(?:doorgestuurd|forwarded)\s+(?:bericht|message)\s*:)\s*$", re.I)
_MAIL_HEADER = re.compile(r"^\s*(?P<key>van|from|datum|date|verzonden|sent|onderwerp|subject|aan|to|cc)\s*:\s*(?P<value>.*)$",
                          re.I)


def _forwarded(lines: list[str], found: Found, nested: bool = False) -> list[str]:
    """The article in a forwarded e-mail or a newsletter pasted with its mail header: past the forward
    line and the mail header, from the paragraph that carries the subject as its headline, so the
    sender's note above it stays out. Where no line repeats the subject, a forward's subject is the
    headline; a newsletter's subject names the issue, and its sender is the outlet. A mail `nested` under
    a forward's note is a newsletter only when its sender is an outlet; a person's mail is forwarded on.
    Other text as is."""
    start = next((index for index, line in enumerate(lines[:40]) if _FORWARD.match(line)), None)
    note = " ".join(line.strip() for line in lines[:start or 0] if line.strip())
    if start is not None and len(note) > 600:  # a long text that quotes a forward line is no forward
        start = None
    elif note:  # the sender's own words above the forward line ("Hoi Joost, zie hieronder ..."), however greeted
        _keep_note(note, found)
    head = [] if start is not None else [_MAIL_HEADER.match(line) for line in lines[:8]]
    head = head[:head.index(None)] if None in head else head  # the mail header on top, its lines in any order
    sender = next((header for header in head if header["key"].lower() in ("van", "from")), None)  # (Thunderbird:
    if start is None and sender is None:                                                          # subject first)
        article = _unquoted(_past_note(lines, found, greeted=True))  # a note or a reply without a mail header
        return lines if article is lines else _forwarded(article, found, nested=True)
    if sender and (_forward_subject(lines) or nested and not sender_outlet(sender["value"])):
        start, sender = -1, None  # "Onderwerp: FW: ...": a forward copied with its own mail header
    index, subject, sent, newsletter = (start + 1 if start is not None else 0), None, None, None
    while start is not None and index < len(lines) and not lines[index].strip():
        index += 1  # Apple Mail leaves a blank line under "Begin forwarded message:"
    while index < len(lines) and _MAIL_HEADER.match(lines[index]):
        header = _MAIL_HEADER.match(lines[index])
        if header["key"].lower() in ("onderwerp", "subject"):
            subject = re.sub(r"^(?:\s*(?:fwd?|fw|doorst|tr)\s*:\s*)+", "", header["value"], flags=re.I).strip()
        elif header["key"].lower() in ("datum", "date", "verzonden", "sent"):
            sent = sent or header["value"]
        elif header["key"].lower() in ("van", "from"):  # a forwarded newsletter: its sender is the outlet
            newsletter = sender_outlet(header["value"])
            found.offer(source=newsletter)
        index += 1
    if sent and (sender or newsletter):  # the day a newsletter went out dates its stories that print no day
        found.extra.setdefault("sent", sent.strip())
    rest = lines[index:]
    if sender:  # "Van: NH Nieuws <nieuwsbrief@nhnieuws.nl>": the newsletter's sender is its outlet
        name = re.sub(r"\s*<[^>]*>\s*$", "", sender["value"]).strip(' "')
        found.offer(source=sender_outlet(sender["value"]) or name or None)
    at = next((number for number, line in enumerate(rest) if subject and same_text(line, subject)), None)
    if at is None and not sender:
        article = _unquoted(_past_note(rest, found))
        if article is rest and not _own_headline(rest):
            found.offer(title=subject or None)
        if article is not rest and _MAIL_HEADER.match(next((line for line in article if line.strip()), "")):
            return _forwarded(article, found, nested=True)  # under the note, the forwarded mail with its header
        return article
    if at is None:
        return rest
    while at > 0 and rest[at - 1].strip():  # the outlet's name or a kicker right above the headline
        at -= 1
    return rest[at:]


def forwarded_in(lines: list[str]) -> bool:
    """Whether a mail's text holds a forwarded mail: a forward line, or a mail header block ("Van: ..." over
    "Verzonden: ...", as Outlook writes it) under the sender's note."""
    return any(_FORWARD.match(line) or _MAIL_HEADER.match(line) and _MAIL_HEADER.match(below)
               and _MAIL_HEADER.match(line)["key"].lower() in ("van", "from")
               for line, below in zip(lines[:60], lines[1:61]))


def sender_outlet(sender: str) -> str | None:
    """The outlet a mail's sender names, by name or address ("NH Nieuws <nieuwsbrief@nhnieuws.nl>"), or None."""
    address = re.search(r"@([\w.-]+\.[a-z]{2,})", sender, re.I)
    return outlet(re.sub(r"\s*<[^>]*>\s*$", "", sender).strip(' "')) or (address and outlet_for_host(address[1])) or None


def _own_headline(lines: list[str]) -> bool:
    """Whether forwarded text opens with a headline or masthead of its own (a line that is no sentence, or a question
    above its byline or date), so the mail's subject, the sender's words, is not its title."""
    filled = [line.strip() for line in lines if line.strip()][:2]
    top, below = (filled + ["", ""])[:2]
    return 0 < len(top) <= 200 and not byline(top) and (not re.search(r"[.!?…\"”’)]$", top) or bool(byline(below))
                                    or metadata_line(below) is not None)


# A newsletter's tagline under its masthead: "Het belangrijkste nieuws uit Zeeland, elke werkdag in je mail."
_TAGLINE = re.compile(r"\b(?:in\s+(?:je|uw|your)\s+(?:e-?mail|mail|mailbox|inbox)|nieuwsbrief|newsletter)\b", re.I)


def _newsletter_head(lines: list[str], found: Found) -> list[str]:
    """A newsletter from its first story on: past its view-in-browser line (and the preview text above it, whose
    outlet and day are read) and the masthead and tagline under it ("DE OCHTEND", "... elke werkdag in je mail."),
    or past the editors' greeting and intro. Other text as is."""
    filled = [index for index, line in enumerate(lines) if line.strip()][:8]
    view = next((index for index in filled[:3] if VIEW_IN_BROWSER.match(lines[index])), None)
    if view is None:
        return past_greeting(lines, found) if is_newsletter(lines) else lines
    masthead_metadata(lines[:view], found)
    following = [index for index in filled if index > view][:3]
    tagline = next((index for index in following if _TAGLINE.search(lines[index]) and len(lines[index]) <= 160), None)
    if tagline is not None and all(_masthead(lines[index]) for index in following if index < tagline):
        return without_foot(lines[tagline + 1:])
    return _past_intro(without_foot(lines[view + 1:]), found)


def _past_intro(lines: list[str], found: Found) -> list[str]:
    """A newsletter from its first story on, past the editors' greeting and intro ("Goedemorgen, vandaag in de
    nieuwsbrief: ...") where a heading framed by rules ("----" / "VERHAAL VAN DE DAG" / "----") opens the
    story and the intro above it is short, or where the story's headline follows them; else `lines` as they are."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    for first, heading, second in zip(filled, filled[1:], filled[2:]):
        intro = " ".join(lines[index].strip() for index in filled if index < first)
        if len(intro) > 600:
            break
        if _RULE.match(lines[first]) and _RULE.match(lines[second]) and _masthead(lines[heading]):
            return lines[second + 1:]
    return past_greeting(lines, found)


def _masthead(line: str) -> bool:
    """A newsletter's name as it stands above its tagline: a few words, no sentence ("DE OCHTEND")."""
    return len(line.split()) <= 5 and not re.search(r"[.!?:;,]\s*$", line)


def _forward_subject(lines: list[str]) -> bool:
    """Whether the mail header at the top has a forward's subject ("FW: ...", "Fwd: ...", "Doorst: ...")."""
    for line in lines[:8]:
        header = _MAIL_HEADER.match(line)
        if header is None:
            return False
        if header["key"].lower() in ("onderwerp", "subject"):
            return bool(re.match(r"\s*(?:fwd?|doorst|tr)\s*:", header["value"], re.I))
    return False


# The rule a mail client draws between the sender's note and what is forwarded (Outlook: a line of "_").
_RULE = re.compile(r"^\s*[-_=*~]{5,}\s*$")
# How the sender opens a note ("Hoi Sanne,", "Hi Tom,", "Beste allemaal,") and signs it off, alone on a line or
# after its last sentence, maybe with the name ("Groetjes,", "Met vriendelijke groet,", "Gr. Bas", "... had. Groet, M.").
_GREETING = re.compile(r"^\s*(?:(?:hoi|hallo|hai|ha|hee|hé|hey|hi|hello|dag|beste|lieve|goedemorgen|goeiemorgen|goedemiddag"
                       r"|goeiemiddag|goedenavond|goedendag|moi|dear|good\s+(?:morning|afternoon))\b"
                       r"|(?:allen|allemaal|collega['’]?s|team|all|folks)\s*,)", re.I)
_SIGN_OFF = re.compile(r"(?:^|(?<=[.!?])\s+)(?:(?:met\s+)?(?:vriendelijke|hartelijke|lieve|beste|goede|warme)\s+groet(?:en)?"
                       r"|groet(?:en|jes)?|gr\.?|mvg|m\.v\.g\.|liefs|doei|cheers|(?:kind|best|warm)\s+regards|regards"
                       r"|best(?:\s+wishes)?|thanks|thank\s+you|bedankt|dank\s+je(?:wel)?|tot\s+(?:straks|morgen|snel|later))"
                       r"\s*[,.!]?(?-i:\s+[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})?\s*$", re.I)
# The line a mail client puts above the message it quotes in a reply: "Op za 12 apr 2025 om 10:14 schreef Piet
# <piet@...>:", "On Sat, 12 Apr 2025 at 10:14, Piet <piet@...> wrote:".
_ATTRIBUTION = re.compile(r"^\s*(?:op|on|am|le)\b.{5,200}\b(?:schreef|wrote|schrieb|a\s+écrit)\b.{0,120}:\s*$", re.I)


# A note of a few words that needs no sentence: "FYI", "Ter info", "Zie hieronder".
_NOTE_WORDS = re.compile(r"^\W*(?:fyi|f\.y\.i\.|ter\s+info(?:rmatie)?|zie\s+(?:onder|hieronder|bijlage)|see\s+below"
                         r"|for\s+your\s+information)\W*$", re.I)


def _note_end(lines: list[str]) -> tuple[int, str] | None:
    """Where the sender's note at the top of `lines` ends, and how: under the rule that sets it off ("rule"), under
    its sign-off and the signature lines after it, up to a blank line ("Groetjes," / "Koen"), and a rule under those
    ("signed"); else under a first paragraph of a sentence or two or "FYI", and the sender's name under it
    ("short"). None where nothing ends a note."""
    for index, line in enumerate(lines):
        if len(" ".join(item.strip() for item in lines[:index])) > 600:
            break
        if _RULE.match(line):
            return index + 1, "rule"
        if line.strip() and _SIGN_OFF.search(line.strip()):
            end = index + 1
            while end < len(lines) and end - index <= 3 and 0 < len(lines[end].strip()) <= 60 \
                    and not re.search(r"[.!?:;]$", lines[end].strip()) and not outlet(lines[end].strip()):
                end += 1
            if not any(item.strip() for item in lines[end:]):
                break  # the sign-off closes the whole mail, under the article: no end of a note
            return _past_signature(lines, end), "signed"
    blocks = [block.strip() for block in re.split(r"\n\s*\n", "\n".join(lines[:60])) if block.strip()][:3]
    first = " ".join(blocks[0].split()) if blocks else ""
    # a sentence or two, or a line that leads in to what follows ("Dit stond vanochtend in de krant:")
    if not (0 < len(first) <= 200 and (re.search(r"[.!?:]$", first) or _NOTE_WORDS.match(first))):
        return None
    end = next(index for index, line in enumerate(lines) if line.strip()) + len(blocks[0].split("\n"))
    name = blocks[1] if len(blocks) > 1 else ""
    masthead = outlet(blocks[2].split("\n")[0]) if len(blocks) > 2 else None
    if re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:van\s+|de\s+|der\s+|den\s+)*[A-ZÀ-Ý][\w'’.-]+){0,2}", name) \
            and not outlet(name) and (" " in name or masthead):  # one word is a kicker, unless the paper's name follows
        end = next(index for index in range(end, len(lines)) if lines[index].strip()) + 1  # the sender's name under it
    return end, "short"


def _past_signature(lines: list[str], end: int) -> int:
    """Where the sender's part ends under the sign-off and name that end at `end`: past the signature blocks under
    them (name, job, telephone: short lines, no sentence) when the client's rule, the signature's "--" or the next
    mail's header or quote line follows them; else at `end`."""
    at = end
    for _ in range(3):
        at = next((number for number in range(at, len(lines)) if lines[number].strip()), len(lines))
        if at < len(lines) and (_RULE.match(lines[at]) or lines[at].strip() == "--"):
            return at + 1
        if at < len(lines) and (_MAIL_HEADER.match(lines[at]) or _FORWARD.match(lines[at]) or _ATTRIBUTION.match(lines[at])):
            return at
        block = at
        while block < len(lines) and 0 < len(lines[block].strip()) <= 80 and not re.search(r"[.!?]$", lines[block].strip()):
            block += 1
        if block == at or block - at > 4 or block < len(lines) and lines[block].strip():
            return end
        at = block
    return end


def _past_note(lines: list[str], found: Found, greeted: bool = False) -> list[str]:
    """The forwarded article past the sender's note, which goes to extra: a note set off by a rule and short beside
    what follows; one signed off ("Hoi Marieke, hierbij het stuk ... Groet, Koen") that opens with a greeting or
    is a line or two, above a longer article; in a forward, a sentence or two ("Zie hieronder.", "FYI") above an
    article that opens with its masthead or headline. Text that came without a mail header (`greeted`) has a note
    only where it opens with a greeting and the article under it with a headline. Else `lines` as they are."""
    ends = _note_end(lines)
    if ends is None:
        return lines
    end, how = ends
    note = " ".join(line.strip() for line in lines[:end] if line.strip() and not _RULE.match(line))
    after = " ".join(line.strip() for line in lines[end:] if line.strip() and not _RULE.match(line))
    greeting = bool(_GREETING.match(note))
    top = next((line.strip() for line in _unquoted(lines[end:]) if line.strip()), "")
    if how == "signed":
        taken = (greeting or len(note) <= 200) and len(after) >= len(note)
    elif how == "rule":
        taken = len(after) >= 2 * len(note) and (greeting or not greeted)
    else:  # the article under a short note opens with its masthead (maybe with its day, as a clipping's reference
        # gives it: "Leeuwarder Courant, vrijdag 7 maart 2025") or headline, never with a byline or date
        taken = not greeted and len(after) >= 2 * len(note) and _own_headline([top]) and not byline(top) \
            and (metadata_line(top) is None or reference(top, Found(), "top"))
    if not note or not taken or greeted and not (greeting and _own_headline([top])):
        return lines
    _keep_note(note, found)
    return lines[end:]


# Where a sender names the paper the forwarded article came from: "zie het stuk uit de PZC hieronder", "dit stond
# vanochtend in de Volkskrant", "artikel van NRC", "stuk Trouw over ...". The paper in its own spelling, capitals and
# all, with or without its article ("de Volkskrant", "Volkskrant").
_PAPERS = sorted({name for name in OUTLETS.values()} | {re.sub(r"^(?:de|het|De|Het)\s+", "", name) for name in OUTLETS.values()},
                 key=len, reverse=True)
_PAPER_IN_NOTE = re.compile(r"(?i:\b(?:stuk(?:je)?|artikel|bericht|verhaal|knipsel|interview)(?:\s+(?:uit|in|van|op))?"
                            r"|\b(?:stond|staat|verscheen|stonden|las\s+ik)(?:\s+[\w']+){0,3}?\s+(?:in|op))"
                            r"\s+(?:(?i:de|het|'t)\s+)?(?P<paper>" + "|".join(map(re.escape, _PAPERS)) + r")(?![\w-])")


def note_paper(note: str) -> str | None:
    """The paper a sender's note names as where the article came from, as the paper names itself, or None."""
    named = _PAPER_IN_NOTE.search(note)
    return outlet(named["paper"]) or outlet(f"de {named['paper']}") or outlet(f"het {named['paper']}") if named else None


def _keep_note(note: str, found: Found) -> None:
    """Keep a sender's words in extra["note"], after those of whoever forwarded the mail on."""
    found.extra["note"] = "\n\n".join(filter(None, (found.extra.get("note"), note)))


def _without_sign_off(lines: list[str], found: Found) -> list[str]:
    """A forwarded article without the sign-off that whoever typed or pasted it put under it ("Gr. Henk", "Groetjes,"
    / "Anouk"): from a line of the last paragraph that opens with a sign-off, when at most three short lines (the
    name, a signature) follow it. The sign-off goes to the note; other text as it is."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if not filled:
        return lines
    start = filled[-1]
    while start > 0 and lines[start - 1].strip():
        start -= 1
    for index in range(start, filled[-1] + 1):
        below = [line.strip() for line in lines[index + 1:filled[-1] + 1]]
        if _SIGN_OFF.match(lines[index].strip()) and len(below) <= 3 \
                and all(len(line) <= 60 and not re.search(r"[.!?:;]$", line) for line in below):
            _keep_note(" ".join([lines[index].strip(), *below]), found)
            return lines[:index]
    return lines


def _unquoted(lines: list[str]) -> list[str]:
    """A reply's quoted message without its quote marks: past the client's attribution line ("Op ... schreef
    ...:"), where every line under it is quoted ("> "); `lines` as they are where they are not all quoted."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    top = filled[1:] if filled and _ATTRIBUTION.match(lines[filled[0]]) else filled
    if not top or not all(lines[index].lstrip().startswith(">") for index in top):
        return lines
    return [re.sub(r"^\s*>\s?", "", line) for line in lines[top[0]:]]


# A line of a press database's cover or search summary: "Job Number: = 231877045", "Uw zoekopdracht: ...".
_COVER_FIELD = re.compile(r"^\s*(?P<key>[^\W\d_][\w /.'’-]{0,30}?)\s*:\s*=?\s*(?P<value>.*?)\s*$")
_CONTENTS_HEAD = re.compile(r"^\s*(?:documents?|documenten|dokumente|results?|resultaten)\s*\(\d+\)\s*$", re.I)
_CONTENTS_ENTRY = re.compile(r"^\s*\d{1,3}\.\s+(?P<title>\S.{7,})$")  # " 1. Studenten in Delft krijgen ..."


def database_cover(lines: list[str], found: Found) -> list[str]:
    """The export of a press database (Nexis Uni, GoPress) from its first document on: past the cover or search
    summary it opens with, a block of "Key: value" lines whatever their keys (the database's name may stand
    above them), none of which is an article field, and past the numbered contents list under it ("Documents
    (1)", " 1. <title>" with the search's details indented below, "Page 1 of 2"). The fields go to extra; text
    without such a block is returned as it is."""
    top = next((index for index, line in enumerate(lines) if line.strip()), None)
    if top is None:
        return lines
    end = next((index for index in range(top, len(lines)) if not lines[index].strip()), len(lines))
    block = [line.strip() for line in lines[top:end]]
    name = block[0] if not _COVER_FIELD.match(block[0]) and len(block[0]) <= 40 and not outlet(block[0]) else None
    fields = [_COVER_FIELD.match(line) for line in block[1 if name else 0:]]
    if len(fields) < 2 or not all(fields) or any(_article_field(line) for line in block) \
            or any(len(field["value"]) > 100 or re.search(r"[.!?…\"”]$", field["value"]) for field in fields) \
            or not any(line.strip() for line in lines[end:]):  # an interview's "Vraag: ...?" lines are text
        return lines
    if name:
        found.extra.setdefault("database", name)
    for field in fields:
        found.extra.setdefault(field["key"].strip().lower(), field["value"].strip(" ="))
    rest, listed = lines[end:], False
    for index, line in enumerate(rest):
        if _CONTENTS_ENTRY.match(line):
            listed = True
        elif line.strip() and not _CONTENTS_HEAD.match(line) and not is_boilerplate(line.strip()) \
                and not (listed and line[:1].isspace()):  # the entry's search details are indented under it
            return rest[index:] if listed else rest
    return rest


# The buttons of a press database's web app (GoPress Academic, BelgaPress, Nexis Uni, Factiva) that a select-all copy
# of a document's page takes along, in Dutch, French and English: "Zoeken", "Mijn selecties", "‹ Terug naar
# resultaten", "1 van 14", "Vorige | Volgende", "PDF", "Mailen", "Toevoegen aan selectie", "Retour aux résultats".
_APP_BUTTON = re.compile(
    r"[‹«<←◀\s]*(?:zoeken|nieuwe\s+zoekopdracht|(?:geavanceerd|uitgebreid)\s+zoeken|rechercher|nouvelle\s+recherche"
    r"|(?:new\s+|advanced\s+)?search|mijn\s+(?:selecties|selectie|dossiers|mappen|account|profiel)|mes\s+(?:sélections|dossiers)"
    r"|my\s+(?:selections|folders|account|profile)|hulp|help|aide|afmelden|uitloggen|log\s*out|sign\s*out|d[ée]connexion"
    r"|se\s+d[ée]connecter|startpagina|home|accueil|(?:terug|back|retour)(?:\s+(?:naar|to|aux?)\s+(?:de\s+|the\s+|les\s+)?"
    r"(?:resultaten|zoekresultaten|results|search\s+results|r[ée]sultats|lijst|list|liste))?"
    r"|(?:resultaat|result|r[ée]sultat|document|artikel|article)?\s*\d{1,4}\s+(?:van|of|sur|/)\s+\d{1,5}"
    r"|vorige|volgende|previous|next|pr[ée]c[ée]dent|suivant|afdrukken|printen|print|imprimer|pdf|download(?:en)?"
    r"|t[ée]l[ée]charger|mailen|e-?mail(?:en)?|envoyer|delen|share|partager|vertalen|translate|traduire|citeren|cite|citer"
    r"|(?:toevoegen|voeg\s+toe)\s+aan\s+(?:de\s+|mijn\s+)?(?:selectie|map|dossier)|add\s+to\s+(?:selection|folder)"
    r"|ajouter\s+(?:à|a)\s+(?:la\s+)?(?:s[ée]lection|dossier))[\s›»>→]*", re.I)


def database_app(lines: list[str], found: Found) -> list[str]:
    """A document's page copied whole from a press database's web app, from the document on: past the app's name and
    the buttons above the document, lines of a few words that are buttons only (alone or set apart by bars), three or
    more of them. The app's name goes to extra "database"; other text as it is."""
    filled = [index for index, line in enumerate(lines) if line.strip()][:30]
    buttons = []
    for index in filled:
        parts = [part for part in re.split(r"\s*[|·•]\s*|\s{2,}|\t", lines[index].strip()) if part]
        if all(_APP_BUTTON.fullmatch(part) for part in parts):
            buttons.append(index)
        elif len(lines[index].strip()) > 40 or re.search(r"[.!?:;,]$", lines[index].strip()):
            break  # a sentence, or a line no menu holds: the buttons are over
    if len(buttons) < 3:
        return lines
    above = [lines[index].strip() for index in filled if index < buttons[0]]
    if len(above) == 1 and not outlet(above[0]):
        found.extra.setdefault("database", above[0])
    return lines[buttons[-1] + 1:]


def _article_field(line: str) -> bool:
    """A header line that carries the article's metadata; a print date ("Afgedrukt op: ...") is the cover's."""
    scratch = Found()
    return header_line(line, scratch) and "printed" not in scratch.extra


# A comment's anchor that Google Docs leaves in pasted text ("... van buurt[a]"), and the comment at the end.
_COMMENT_ANCHOR = re.compile(r"(?<=\S)\[[a-z]{1,2}\](?=\s|$)")
_COMMENT = re.compile(r"^\s*\[[a-z]{1,2}\]\s*\S")
_ITEM_LABEL = re.compile(r"^\s*[A-ZÀ-Ý][a-zà-ÿ]+\s+\d{1,3}\s*$")  # "Artikel 3", "Bijlage 2": a part's number


def _working_document(lines: list[str], found: Found) -> list[str]:
    """The article pasted into a working document (a dossier in Google Docs or Word) without the notes around
    it: where rules cut the text into three or more parts and the middle part holding the most text is more
    than twice as long as all the others, which are short lines and no sentences (a comment may be one), those go
    to extra as notes, and the article's number label ("Artikel 3") and comment anchors ("[a]") leave it. Other
    text as it is."""
    rules = [index for index, line in enumerate(lines) if _RULE.match(line)]
    bounds = [-1, *rules, len(lines)]
    parts = [lines[start + 1:end] for start, end in zip(bounds, bounds[1:])]
    sizes = [len(" ".join(" ".join(part).split())) for part in parts]
    if len(parts) < 3:
        return lines
    main = max(range(len(parts)), key=sizes.__getitem__)
    others = [line for number, part in enumerate(parts) if number != main for line in part if line.strip()]
    if main in (0, len(parts) - 1) or sizes[main] <= 2 * (sum(sizes) - sizes[main]) \
            or any(len(line.strip()) > 120 or (re.search(r"[.!?]\W*$", line) and not _COMMENT.match(line))
                   for line in others) \
            or any(header_line(line, Found()) for line in others):  # a paragraph of text, or a crawler's header
        return lines
    found.extra.setdefault("notes", "\n".join(line.strip() for line in others))
    article = [_COMMENT_ANCHOR.sub("", line) for line in parts[main] if not _COMMENT.match(line)]
    top = next((index for index, line in enumerate(article) if line.strip()), None)
    if top is not None and _ITEM_LABEL.match(article[top]):
        del article[top]
    return article


# A Common Crawl WET file: WARC records, each a block of "WARC-...: value" headers, a blank line, the page text.
_WARC = re.compile(r"^WARC/\d\.\d\r?$", re.M)


def warc_records(text: str) -> list[tuple[dict[str, str], str]] | None:
    """The (headers, text) of each page record in a WARC or WET file (conversion, response and resource
    records; the warcinfo record describes the crawl), or None when `text` is no WARC file."""
    if not text.lstrip("\ufeff").startswith(("WARC/1.0", "WARC/1.1")):
        return None
    records = []
    for chunk in _WARC.split(text)[1:]:
        head, _, content = chunk.lstrip("\r\n").replace("\r\n", "\n").partition("\n\n")
        headers = {key.strip().lower(): value.strip() for key, _, value in
                   (line.partition(":") for line in head.splitlines()) if value}
        if headers.get("warc-type", "conversion").lower() in ("conversion", "response", "resource") and content.strip():
            records.append((headers, content))
    return records


def _page_title(lines: list[str], found: Found) -> list[str]:
    """A page's <title> on the first line ("TVL - Zwemvijver ... dicht", "... | NU.nl") with the headline
    repeated below it, past the menu (a crawl's page text, a page copied whole): the headline is the title,
    the other part the site, and the lines between are the menu. Other text as it is."""
    top = next((index for index, line in enumerate(lines) if line.strip()), None)
    if top is None:
        return lines
    parts = re.split(r"\s+[|–—-]\s+", lines[top].strip())
    if len(parts) != 2:
        return lines
    for headline, site in (parts, parts[::-1]):
        at = next((index for index in range(top + 1, min(len(lines), top + 40)) if lines[index].strip() == headline),
                  None)
        if at is not None and len(site) <= 40 and len(site.split()) <= 4 and len(headline) > len(site):
            found.offer(title=title_and_tags(headline, found), source=outlet(site) or site)
            return lines[at + 1:]
    return lines


# `lynx -dump`: links as "[12]" markers in the text, their addresses in a closing "References" list.
_LYNX_REFERENCES = re.compile(r"\n\s*(?:References|Verwijzingen)\s*\n(?:\s*\n)*(?:\s*\d+\.\s+\S+\s*\n?)+\s*$")
_LYNX_MARK = re.compile(r"\[\d+\]")


def _lynx_dump(text: str, found: Found) -> str:
    """The text of a `lynx -dump` page without its link markers, list bullets and References list; other
    text as it is. The page's <link rel> titles ("#[1]Het Financieele Dagblad [2]alternate") name its site."""
    references = _LYNX_REFERENCES.search(text)
    if references is None:
        return text
    lines = text[: references.start()].split("\n")
    top = next((index for index, line in enumerate(lines) if line.strip()), 0)
    if lines[top].lstrip().startswith("#"):  # the page's <link rel> list ("#[1]NH Nieuws (RSS)"), no text
        titles = [re.sub(r"\s+(?:[-|–]\s+.*|\((?:rss|atom|feed)\))$", "", title.strip(), flags=re.I)
                  for title in re.split(r"\[\d+\]", lines[top].lstrip("# "))]
        found.offer(source=next((outlet(title) for title in titles if title and outlet(title)), None))
        del lines[top]
    lines = [line for number, line in enumerate(lines)  # an image's link, its alt text, over its credited caption
             if not (_LYNX_LINK_LINE.match(line) and number + 1 < len(lines) and _credited(lines[number + 1]))]
    return "\n".join(re.sub(r"^\s*[*+o]\s+", "", _LYNX_MARK.sub("", line)).strip() for line in lines)


_LYNX_LINK_LINE = re.compile(r"^\s*\[\d+\][^\[\]]{2,160}$")  # a line that is one link and nothing else


def _credited(line: str) -> bool:
    """Whether `line` carries a photo credit: "... de N200. Foto: NH Nieuws / Rick Jansen", "© ANP"."""
    return bool(credit(line) or re.search(r"(?:^|[.!?]\s|\()\s*(?:foto|beeld|afbeelding)\s*:\s*\S|©", line, re.I))


# A transcript's time codes: Whisper's segments ("[00:00.000 --> 00:04.560]  De ..."), a subtitle file's cues
# ("00:00:01,000 --> 00:00:04,120" under the cue's number), a stamp before each turn ("[00:00:04] Presentator: ...").
_TIMECODE = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_CUE = re.compile(rf"^\s*[\[(]?{_TIMECODE}\s*-->\s*{_TIMECODE}[\])]?(?:\s+|$)")
_TURN_STAMP = re.compile(rf"^\s*[\[(]{_TIMECODE}[\])]\s*")


def _without_timecodes(lines: list[str]) -> list[str]:
    """A transcript's lines without their time codes, a subtitle file's cue numbers and its "WEBVTT" line, where three
    lines or more carry a time code: what was said stays, the speaker's name before it too (a label in capitals alone
    after the stamp, "[00:00:19] VOICE-OVER", opens the turn on the line under it). Stamps before turns count
    only from a recording's start ("[00:00:04]"), so a liveblog's "[12:04]" before each post stays. Other text as it
    is."""
    cues = {index for index, line in enumerate(lines) if _CUE.match(line)}
    stamps = [stamp[0] for stamp in map(_TURN_STAMP.match, lines) if stamp]
    if len(cues) + len(stamps) < 3 or not cues and not re.match(r"\W*0?0:", stamps[0]):
        return lines
    kept, lines = [], list(lines)
    for index, line in enumerate(lines):
        if line.strip() == "WEBVTT" or line.strip().isdigit() and index + 1 in cues:
            continue
        text = _CUE.sub("", line) if index in cues else _TURN_STAMP.sub("", line)
        if text is not line and label_alone(text) and index + 1 < len(lines) and lines[index + 1].strip():
            lines[index + 1] = f"{text.strip()}: {lines[index + 1].strip()}"  # "[00:00:19] VOICE-OVER" over its turn:
            continue                                                        # the label opens the turn
        if text.strip() or index not in cues:  # a subtitle's cue line alone: its text is on the lines under it
            kept.append(text)
    return kept


# A word that a narrow column hyphenated at the end of a line ("ge-" / "meenten"): one word again. "land- en
# tuinbouw" keeps its hyphen, and so does a compound with a capital ("IPO-" / "voorzitter").
_HYPHEN_BREAK = re.compile(r"(?<=[a-zà-ÿ]{2})-\n(?=[a-zà-ÿ]{2})(?!(?:en|of|tot|noch)\b)")


def parse_plain(text: str, path: str, warc: dict[str, str] | None = None) -> Article:
    """Plain text; a headline, date, source, byline and credit lines around it become metadata. `warc` are
    the headers of the WARC record the text came from: its address is the article's, its date the crawl's."""
    body, found = read_plain(text, path, warc)
    return found.article(path, body, "text")


def read_plain(text: str, path: str, warc: dict[str, str] | None = None) -> tuple[str, Found]:
    """(body, metadata) of plain text, as parse_plain reads it."""
    found = Found()
    if warc:
        found.offer(url=warc.get("warc-target-uri"))
        found.extra.setdefault("crawled", warc.get("warc-date"))
    plain = _lynx_dump(_front_matter(text.lstrip("\ufeff"), path, found), found).splitlines()
    lines = _without_timecodes(plain)
    stamped = lines is not plain
    if (article := _forwarded(lines, found)) is not lines:  # a mail: the article in it, without the sender's words
        lines = _without_sign_off(article, found)
    lines = database_cover(database_app(lines, found), found)
    lines = _working_document(_newsletter_head(lines, found), found)
    if warc:
        lines = _page_title(lines, found)
    start = read_header(lines, found, want_title=found.title is None)
    paragraphs = [part for part in re.split(r"\n[ \t\r\f\v]*\n", "\n".join(lines[start:])) if part.strip()]
    paragraphs = name_under_lead(paragraphs, found)
    paragraphs = speaker_turns(clean_body(paragraphs, found), found, stamped or declared(lines[:start]))
    body = _HYPHEN_BREAK.sub("", "\n\n".join(paragraphs)).strip()
    if found.stamp is None and "sent" in found.extra:
        found.when(found.extra["sent"])
    if found.source is None and found.extra.get("note"):  # "zie het stuk uit de PZC hieronder": the paper it came from
        found.offer(source=note_paper(found.extra["note"]))
    if not body and found.title and start <= 2:  # a one-paragraph file: the "title" was the body
        body, found.title = text.strip(), None
    return body, found


# A clipping tool's "> ## Excerpt" block quote: the page's description, not its text.
_EXCERPT = re.compile(r"^>\s?#{1,6}\s*(?:excerpt|samenvatting)\s*\n(?P<text>(?:>.*(?:\n|$))*)", re.I | re.M)
# The reader's own note on a clipped article, as a labelled block quote ("> Notitie: bellen met ...",
# "> **NB:** ...") or an Obsidian callout of any type ("> [!note] ...", a Zotero note's "> [!cite] ..."): the
# reader's words, not the article's.
_NOTE = re.compile(r"^>\s?(?:\[![\w-]+\][-+]?|[*_]{0,2}(?:notitie|aantekening|"
                   r"opmerking|memo|nb|n\.b\.|note|todo|to do)[*_]{0,2}\s*:[*_]{0,2})(?P<text>.*(?:\n>.*)*)(?:\n|$)",
                   re.I | re.M)
# A Pandoc fenced div ("::: {.epigraph}" ... ":::", attributes required): the fences are markup. One classed
# as the writer's note, aside or callout (Quarto's ".callout-note" too) holds the note-taker's words; any other
# holds text. Fence lines never stand in a div's text, so the innermost of nested divs matches first.
_FENCED_DIV = re.compile(r"^:{3,}[ \t]*(?P<attrs>\{[^}\n]*\}|[\w-]+)[ \t]*\n(?P<text>(?:(?!:{3,}).*\n)*?):{3,}[ \t]*$\n?",
                         re.M)
_NOTE_CLASS = re.compile(r"(?<![\w-])\.?(?:note|notes|notitie|aside|epigraph|comment|remark|todo|marginnote|sidebar|"
                         r"callout(?:-[\w-]+)?)(?![\w-])", re.I)
_TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+(?P<text>.+?)\s*(?:\n|$)", re.M)  # "- [ ] bellen met ...": a to-do


# What a read-later app's Markdown export (Omnivore, Wallabag, Readwise Reader) writes between the headline
# and the saved text: links back to the app and to the original page, a tag line, the dates as template lines,
# a heading over the text.
_MD_LINK = re.compile(r"\[(?P<label>[^\]]{1,60})\]\((?P<url>[^)\s]+)\)")
_APP_LINK = re.compile(r"(?:read|view|open|lees|bekijk)\s+(?:on|in|op)\s+[\w .-]{2,20}|(?:(?:read|view|open|lees|"
                       r"bekijk)\s+(?:the\s+|het\s+)?)?(?:original|origineel)(?:\s+(?:article|content|artikel))?|source",
                       re.I)
_TAG_LINE = re.compile(r"^#[^\s#]+(?:\s+#[^\s#]+)*$")  # "#Omnivore": no space, so no heading
_TEMPLATE_DATE = re.compile(r"^(?P<key>date_?saved|saved_?at|date_?published|published_?at)\s*:\s*(?P<when>.+)$", re.I)


def _read_later_furniture(text: str, found: Found) -> str:
    """`text` without what a read-later app's export puts above the saved text; the original's address goes
    to `found.url` (its site to the source), a published date to the date. Only lines before the first
    paragraph of text are read."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        stripped = line.strip()
        links = list(_MD_LINK.finditer(stripped))
        dated = _TEMPLATE_DATE.match(stripped)
        if links and not _MD_LINK.sub("", stripped).strip() and all(_APP_LINK.fullmatch(link["label"].strip())
                                                                     for link in links):
            original = next((link["url"] for link in links if re.search(r"origin", link["label"], re.I)), None)
            if original:  # the original's site is the publisher where no field names one
                found.offer(url=original, source=outlet_for_host(urlparse(original).hostname or "") or None)
        elif dated and "saved" in dated["key"].lower():
            found.extra.setdefault(dated["key"], dated["when"].strip())
        elif dated:
            found.when(dated["when"].strip())
        elif not (_TAG_LINE.match(stripped) or TEXT_HEADING.match(stripped)):
            if stripped and not stripped.startswith("#") and not re.fullmatch(r"[-*_ ]{3,}", stripped):
                break  # the first paragraph of text; the headline's "# ..." and rules before it stay as they are
            continue
        lines[index] = ""
    return "\n".join(lines)


# Notion's Markdown export of a database page: "# Title", then its properties one "Name: value" a line; a note
# taker's labelled lines, the label in bold or not ("**Bron:** NOS", "- Datum: 3 februari 2025"), a line break's
# two spaces or backslash at the end.
_PROPERTY = re.compile(r"^(?:[-*+]\s+)?(?P<mark>\*\*|__|\*|_|)(?P<key>[^\W\d_][\w .'-]{0,30}?)\s*(?::\s*(?P=mark)|(?P=mark)\s*:)"
                       r"\s+(?P<value>\S.*?)\s*\\?$")


def _properties(text: str, found: Found) -> str:
    """Take the property lines right under the page's # title (Notion: "Bron: ...", "Datum: ...", "URL: ...")
    or opening a note without one ("Datum: 3 februari 2025" / "Link: https://...") into `found` as front matter
    is taken; returns the text without them. Two lines at least, with nothing but properties in their paragraph,
    so a sentence with a colon under a heading stays text; without a title above them, one must be a field the
    reader knows (a date, link, source, ...)."""
    lines = text.split("\n")
    top = next((index for index, line in enumerate(lines) if line.strip()), None)
    if top is None:
        return text
    titled = lines[top].startswith("# ")
    start = next((index for index in range(top + 1, len(lines)) if lines[index].strip()), len(lines)) if titled \
        else top
    end = next((index for index in range(start, len(lines)) if not lines[index].strip()), len(lines))
    matches = [_PROPERTY.match(line.strip()) for line in lines[start:end]]
    if end - start < 2 or not all(matches):
        return text
    meta = {match["key"].strip(): match["value"].strip("*_ ") for match in matches}
    scratch = Found()
    if not titled and not take_fields(meta, scratch):
        return text
    keep_extra(meta, take_fields(meta, found), found)
    return "\n".join(lines[:start] + lines[end:])


def _fenced_div(div: re.Match[str], found: Found) -> str:
    """A Pandoc fenced div without its fences: a note's words into extra["note"], any other div's text as it is."""
    if div["attrs"] and _NOTE_CLASS.search(div["attrs"]):
        note = " ".join(div["text"].split())
        if note:
            found.extra["note"] = "\n\n".join(filter(None, (found.extra.get("note"), note)))
        return ""
    return div["text"]


def parse_markdown(text: str, path: str) -> Article:
    """Markdown rendered with markdown-it and read like an HTML fragment: headings, lists and inline HTML
    become text; the first # heading is the title unless the front matter has one."""
    from markdown_it import MarkdownIt

    from .html import fragment_paragraphs

    found = Found()
    rest = without_comments(_front_matter(text.lstrip("\ufeff"), path, found), found)
    page = read_outline(rest, path)
    if page:  # a Logseq page: its properties are metadata, its blocks paragraphs
        _metadata(page.properties, found)
        if page.tasks:
            found.extra.setdefault("tasks", page.tasks)
        rest = page.text
    rest = _read_later_furniture(_properties(_TEMPLATE_TAG.sub("", rest), found), found)
    excerpt = _EXCERPT.search(rest)
    if excerpt:  # a clipping tool's summary of the page above the text (MarkDownload): kept, never body
        found.extra.setdefault("excerpt", re.sub(r"^>\s?", "", excerpt["text"], flags=re.M).strip())
        rest = rest[: excerpt.start()] + rest[excerpt.end():]
    divs = 1
    while divs:
        rest, divs = _FENCED_DIV.subn(lambda div: _fenced_div(div, found), rest)
    notes = [" ".join(re.sub(r"^>\s?", "", note["text"], flags=re.M).split()) for note in _NOTE.finditer(rest)]
    if notes:  # kept with the article, never translated as its text
        found.extra.setdefault("note", "\n\n".join(note for note in notes if note))
        rest = _NOTE.sub("", rest)
    tasks = [task["text"] for task in _TASK.finditer(rest)]
    if tasks:
        found.extra.setdefault("tasks", tasks)
        rest = _TASK.sub("", rest)
    rest = without_embeds(opening_caption(text_sections(rest, found), found), found)
    blocks = fragment_paragraphs(MarkdownIt("commonmark").render(rest), found)
    if blocks and found.title and same_text(blocks[0], found.title):
        blocks.pop(0)
    start = read_header(blocks, found, want_title=False)
    while start < len(blocks) and not clean_body([blocks[start]], found):
        # a photo's caption with its credit above the byline and date (MarkDownload keeps the page's order):
        # no text of the article, and the header goes on under it
        start += 1 + read_header(blocks[start + 1:], found, want_title=False)
    body = "\n\n".join(clean_body(blocks[start:], found))
    return found.article(path, body, "markdown")

"""Split documents into paragraphs and sentences without losing any text.

Sentence boundaries come from sentencex (Wikimedia's rule-based segmenter). On Dutch news text it
splits after some abbreviations ("o.a.", "d.w.z.", "e.a.", "mw."), so a small merge rule below
rejoins those; line-level structure (bullets, headlines without a full stop) is handled first.
sentencex never splits inside quotations and takes upper-case words ("de VS.") for abbreviations,
so a second pass cuts wherever a full stop, question or exclamation mark (and closing quotes) is
followed by a capitalised word or an opening quote, unless the word before is a title, an initial
or a dotted abbreviation. benchmarks/segmentation.py measures both passes on real Dutch text.
"""

from __future__ import annotations

import re

import sentencex

# Titles and forms of address: always followed by a name, so never the end of a sentence.
_TITLES = frozenset(
    """dhr mevr mw mr dr drs ir ing prof ds st gen burg kol lt ltz sgt mgr pres
    mrs ms messrs gov sen rep capt col cmdr adm maj rev hon fr sr jr""".split()
)
# Abbreviations that introduce something ("o.a. De Telegraaf", "bijv. Utrecht"): never a sentence end.
_NEVER_FINAL = frozenset("o.a bijv bv d.w.z i.p.v m.b.t t.o.v n.a.v t.a.v t.g.v z.g zgn m.a.w".split())
# Other abbreviations: the sentence goes on when the next piece starts in lower case or a digit.
_ABBREVIATIONS = frozenset(
    """o.a a.s bijv bv ca d.w.z e.a e.d enz etc evt excl incl i.p.v jl m.a.w m.b.t m.i nl n.a.v
    nr art blz pag p.p resp t.a.v t.o.v t.g.v t.z.t vnl vs z.g zgn ong max min mln mld jr sr
    jan feb mrt apr aug sep sept okt nov dec ma di wo do vr za zo""".split()
)
# A sentence end that sentencex may miss: terminal punctuation, closing quotes or brackets (Dutch
# news also writes ,,quote'' with two commas and two apostrophes), space, then a capital, possibly
# after an opening quote. Group 1 is the word before the punctuation.
_CLOSING = r"(?:''|[\"”’»)\]])"
_OPENING = r"(?:,,|[\"'“„‘«(\[])"
_MISSED_END = re.compile(rf"(?:^|(?<=\s))(?P<word>\S*?)(?P<mark>[.!?…]+)(?P<closing>(?:\s?{_CLOSING})*)\s+"
                         rf"(?={_OPENING}?\s?[A-ZÀ-ÝĀ-Ž])")
_BULLET = re.compile(r"^\s*(?:[-*•–·]|\d{1,3}[.)])\s+")
_TERMINAL = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; each keeps its inner line breaks."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _split_lines(paragraph: str) -> list[str]:
    """Cut a paragraph at line breaks that end a unit: bullets, and headline-like lines.

    A hard-wrapped paragraph (every line but the last 50+ characters) is prose: only bullets cut it.
    """
    lines = [line for line in paragraph.splitlines() if line.strip()]
    wrapped = len(lines) > 1 and all(len(line.strip()) >= 50 for line in lines[:-1])
    units: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or _ends_unit(line, following, wrapped):
            units.append(" ".join(current))
            current = []
    return units


def _ends_unit(line: str, following: str, wrapped: bool) -> bool:
    if _BULLET.match(line) or _BULLET.match(following):
        return True
    if wrapped or _TERMINAL.search(line):
        return False
    first = following.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in "\"'“„‘«"


def _last_word(segment: str) -> str:
    words = segment.split()
    return words[-1].lower().lstrip("(\"'“„") if words else ""


def _continues(segment: str, following: str) -> bool:
    """True when `segment` ends in an abbreviation rather than at a sentence boundary."""
    word = _last_word(segment)
    if not word.endswith("."):
        return False
    stem = word[:-1]
    if stem in _TITLES or stem in _NEVER_FINAL:
        return True
    first = following.lstrip()[:1]
    return stem in _ABBREVIATIONS and (first.islower() or first.isdigit())


def _ends_sentence(word: str) -> bool:
    """Whether a full stop after `word` (the text before it, from the last space) can end a sentence."""
    stem = word.lstrip("(\"'“„‘«,").rstrip(".")
    if "." in stem or stem.lower() in _TITLES:  # "o.a.", "d.w.z.", "U.S.", "dhr.": mid-sentence
        return False
    return not (len(stem) == 1 and stem.isalpha())  # an initial: "J. Jansen"


def _resplit(piece: str) -> list[str]:
    cuts = [match.end() for match in _MISSED_END.finditer(piece)
            if match["mark"] != "." or match["closing"] or _ends_sentence(match["word"])]
    return [piece[start:end] for start, end in zip([0, *cuts], [*cuts, len(piece)])]


_LEADING_CLOSER = re.compile(r"^(?:''|[”’])+\s+")


def _closing_quotes_back(pieces: list[str]) -> list[str]:
    """A closing quote cut off at the start of the next piece ("aan. |'' En ja") goes back to its sentence."""
    moved: list[str] = []
    for piece in pieces:
        closer = _LEADING_CLOSER.match(piece) if moved else None
        if closer and closer.end() < len(piece):
            moved[-1] += closer.group(0)
            piece = piece[closer.end():]
        moved.append(piece)
    return moved


def _split_unit(unit: str, lang: str) -> list[str]:
    pieces = list(sentencex.segment(lang, unit))
    if "".join(pieces) != unit:
        # sentencex is expected to return a partition of its input; if it ever does not, keep the
        # unit whole rather than risk losing text.
        pieces = [unit]
    pieces = _closing_quotes_back([part for piece in pieces for part in _resplit(piece)])
    merged: list[str] = []
    for piece in pieces:
        # A cut must fall on whitespace (so sentences re-join with single spaces), and not after an
        # abbreviation.
        inside_word = merged and not merged[-1][-1:].isspace() and not piece[:1].isspace()
        # no sentence starts in lower case: '„Klaar.” zei hij.' is one sentence
        if merged and (inside_word or piece.lstrip()[:1].islower() or _continues(merged[-1], piece)):
            merged[-1] += piece
        else:
            merged.append(piece)
    return [s for s in (_collapse(m) for m in merged) if s]


def split_sentences(text: str, lang: str = "nl") -> list[str]:
    """Split `text` into sentences; joining them with single spaces gives the collapsed input."""
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        for unit in _split_lines(paragraph):
            sentences.extend(_split_unit(unit, lang))
    return sentences

"""Split documents into paragraphs and sentences without losing any text.

Sentence boundaries come from sentencex (Wikimedia's rule-based segmenter). On Dutch news text it
splits after some abbreviations ("o.a.", "d.w.z.", "e.a.", "mw."), so a small merge rule below
rejoins those; line-level structure (bullets, headlines without a full stop) is handled first.
"""

from __future__ import annotations

import re

import sentencex

# Titles and forms of address: always followed by a name, so never the end of a sentence.
_TITLES = frozenset(
    "dhr mevr mw mr dr drs ir ing prof ds st gen burg kol lt ltz sgt mgr pres".split()
)
# Other abbreviations: the sentence goes on when the next piece starts in lower case or a digit.
_ABBREVIATIONS = frozenset(
    """o.a a.s bijv bv ca d.w.z e.a e.d enz etc evt excl incl i.p.v jl m.a.w m.b.t m.i nl n.a.v
    nr art blz pag p.p resp t.a.v t.o.v t.g.v t.z.t vnl vs z.g zgn ong max min mln mld jr sr
    jan feb mrt apr aug sep sept okt nov dec ma di wo do vr za zo""".split()
)
# Ordinary Dutch words that sentencex takes for abbreviations ("De zaal was vol. Daarna ..."):
# a full stop after them followed by a capital is a sentence end.
_MISSED_END = re.compile(r"(?<![\w.])(?:vol|al|enz|etc|min|max)\.[\"'”’»)]*\s+(?=[\"'“„‘«(]?[A-ZÀ-Ý])")
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
    if stem in _TITLES:
        return True
    first = following.lstrip()[:1]
    return stem in _ABBREVIATIONS and (first.islower() or first.isdigit())


def _resplit(piece: str) -> list[str]:
    cuts = [match.end() for match in _MISSED_END.finditer(piece)]
    return [piece[start:end] for start, end in zip([0, *cuts], [*cuts, len(piece)])]


def _split_unit(unit: str, lang: str) -> list[str]:
    pieces = list(sentencex.segment(lang, unit))
    if "".join(pieces) != unit:
        # sentencex is expected to return a partition of its input; if it ever does not, keep the
        # unit whole rather than risk losing text.
        pieces = [unit]
    pieces = [part for piece in pieces for part in _resplit(piece)]
    merged: list[str] = []
    for piece in pieces:
        # A cut must fall on whitespace (so sentences re-join with single spaces), and not after an
        # abbreviation.
        inside_word = merged and not merged[-1][-1:].isspace() and not piece[:1].isspace()
        if merged and (inside_word or _continues(merged[-1], piece)):
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

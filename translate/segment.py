"""Split documents into paragraphs and sentences without losing any text.

Sentence boundaries come from sentencex (Wikimedia's rule-based segmenter); line-level structure
(bullets, headlines without a full stop) is handled first. sentencex never splits inside quotations
and takes upper-case words ("de VS.") for abbreviations, so a second pass cuts wherever a full stop,
question or exclamation mark (and closing quotes) is followed by a capitalised word, an opening quote
or "'s". One rule (_continues) then decides for every cut after a full stop, sentencex's and ours,
whether the full stop belongs to a title, an abbreviation, an initial or an enumerator instead
("dhr. Jansen", "14.00 u. in", "W. Bos", "uit: a. De"), and rejoins those. Closing quotes and
agency credits ("(ANP)") stay with the sentence before them. benchmarks/segmentation.py measures
the splitter on real Dutch text.
"""

from __future__ import annotations

import re
from itertools import accumulate

import sentencex

# Titles and forms of address: always followed by a name, so never the end of a sentence.
_TITLES = frozenset(
    """dhr mevr mw mr dr drs ir ing prof ds st gen burg kol lt ltz sgt mgr pres
    mrs ms messrs gov sen rep capt col cmdr adm maj rev hon fr""".split()
)
# Abbreviations that introduce something ("o.a. De Telegraaf", "bijv. Utrecht", "ca. 40", "nr. 5",
# "gem. Amsterdam", "v. Chr."): never a sentence end. "nr." before a capitalised word ("Bel dit nr.
# Hij ...") could end one, but a name or numeral after it ("nr. Zeven") is as likely, so it stays joined.
_NEVER_FINAL = frozenset("o.a bijv bv ca d.w.z i.p.v m.b.t t.o.v n.a.v t.a.v t.g.v z.g zgn m.a.w nr gem v n".split())
# Other abbreviations: the sentence goes on when the next word starts in lower case, with a digit or
# is a Roman numeral ("art. IV", "tel. 010-", "ongev. 25"); a capitalised word after them starts a
# new sentence, as after a unit or a company form that ends one ("om 14.00 u. Daarna", "300 blz.
# Het", "peren enz. De", "Philips N.V. De").
_ABBREVIATIONS = frozenset(
    """a.s e.a e.d enz etc evt excl incl jl m.i nl art blz pag afl hfst fig bijl vgl tel p.p resp t.z.t
    vnl vs ong ongev max min mln mld jr sr b.v n.v v.o.f
    jan feb mrt apr aug sep sept okt nov dec ma di wo do vr za zo""".split()
)
# Words that begin sentences and are never a surname: after one of them "B." or "V.S." is not an
# initial ("plan B. Dat bleek ..."). Surname particles (De, Van, Ter, Op ...) are left out: "K. De
# Gucht". English summaries are split with the same rules, so a few English words are here too.
_SENTENCE_STARTERS = frozenset(
    """Het Een Er Hij Zij Ze Ik Je Jij We Wij Men Dat Dit Deze Die Daar Hier Maar En Of Want Dus
    Toch Ook Nu Dan Toen Als Omdat Hoewel Terwijl Nadat Zodra Wanneer Volgens In Met Na Om Tijdens
    Sinds Zo Wel Niet Nog Zelfs Alleen Daarna Daarom Daardoor Daarbij Daarmee Daarnaast Bovendien
    Verder Vervolgens Inmiddels Intussen Eerder Later Wat Wie Waar Hoe Waarom Welke Iedereen
    Niemand Alles Niets
    The This These Those It He She They I But And On At Since When While After If As So Then There""".split()
)
# A nickname in quotes between initials and a surname: a few words, no punctuation, then a capital.
_NICKNAME = re.compile(r"(?:,,|[\"'“„‘«])[^\"'”’».,!?]{1,30}(?:''|[\"'”’»])\s+[A-ZÀ-ÝĀ-Ž]")
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+[,.;:]?")
# A sentence end that sentencex may miss: terminal punctuation, closing quotes or brackets (Dutch
# news also writes ,,quote'' with two commas and two apostrophes), space, then a capital, possibly
# after an opening quote, or an elided article ("'s Avonds", "'t Is"). Group 1 is the word before
# the punctuation.
_CLOSING = r"(?:''|[\"”’»)\]])"
_OPENING = r"(?:,,|[\"'“„‘«(\[])"
_MISSED_END = re.compile(rf"(?:^|(?<=\s))(?P<word>\S*?)(?P<mark>[.!?…]+)(?P<closing>(?:\s?{_CLOSING})*)\s+"
                         rf"(?={_OPENING}?\s?[A-ZÀ-ÝĀ-Ž]|['’][kst][\s-])")
# A list item: a dash or dot, "1." "1)" "(1)", "a." "a)" "(a)"; not "u.", which is a word that a
# hard-wrapped line can start with ("om 14.00\nu. in de zaal").
_BULLET = re.compile(r"^\s*(?:[-*•–·]|\d{1,3}[.)]|(?!u\.)[a-z][.)]|\((?:\d{1,3}|[a-z])\))\s+")
_TERMINAL = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_QUOTES = "\"'“„‘«"  # marks that open a quotation, besides ",,"
_WINDOW = 80  # characters on each side of a full stop that _continues reads
_OPENERS = "([,\"'“„‘«"


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
    return first.isupper() or first.isdigit() or first in _QUOTES


def _continues(before: str, following: str) -> bool:
    """Whether the full stop that ends `before` belongs to an abbreviation, an initial or an enumerator
    ("dhr.", "14.00 u. in", "W. Bos", "uit: a. De eerste"), so that `following` goes on the same sentence."""
    # Only the last two words and the next one count: callers may pass _WINDOW + 1 characters of
    # each side, which keeps long units linear (more before tells "not at the start" from "at it").
    words = before[-_WINDOW:].split()
    if not words or not words[-1].endswith(".") or words[-1].endswith(".."):
        return False
    stem = words[-1].lstrip(_OPENERS)[:-1]
    key = stem.lower()
    if key in _TITLES or key in _NEVER_FINAL or key.rpartition(".")[2] in _TITLES:  # "prof.dr."
        return True
    following = following[:_WINDOW].lstrip()
    next_word = following.split()[0] if following else ""
    if key in _ABBREVIATIONS:
        return next_word[:1].islower() or next_word[:1].isdigit() or bool(_ROMAN_NUMERAL.fullmatch(next_word))
    if next_word.startswith((*_QUOTES, ",,")) and not _NICKNAME.match(following):
        return False  # a quotation (or "'s Avonds") opens; a nickname does not: 'J.P. "The Big Bopper" R.'
    # an enumerator opens a sentence or follows a colon ("uit: a. De eerste; b. De tweede"); after a
    # comma only a letter is one: "Cuddeback, 21. Hij" is an age at the end of a sentence
    after = words[-2][-1:] if len(words) > 1 else "^" if len(before) <= _WINDOW else " "
    letter, number = len(stem) == 1 and stem.isalpha(), stem.isdigit() and len(stem) <= 2
    if (letter and after in "^:;,") or (number and after in "^:;"):
        return True
    if not all(len(part) == 1 and part.isalpha() for part in stem.split(".")):
        return False  # a word or number: "nos.", "www.nos.nl.", "2 - 0.", "14.30."
    if stem.islower():  # "z.s.m." goes on; "om 14.00 u.", "100 m.", "Dank u." end a sentence
        return "." in stem
    # initials ("W. Bos", "J.P. Balkenende"), unless a sentence plainly starts after them ("plan B. Dat")
    return next_word not in _SENTENCE_STARTERS


def _missed_ends(unit: str) -> set[int]:
    """Offsets after the sentence ends that sentencex misses (see _MISSED_END)."""
    return {match.end() for match in _MISSED_END.finditer(unit)
            if match["mark"] != "." or match["closing"]
            or not _continues(unit[max(0, match.end("mark") - _WINDOW - 1):match.end("mark")],
                              unit[match.end():match.end() + _WINDOW])}


# A news agency's credit or a note in brackets after a sentence: "(ANP)", "(foto: Reuters)".
_CREDIT = re.compile(r"\([^().!?…]*\)(?:\s+|$)")


def _after_credits(unit: str, cuts: set[int]) -> set[int]:
    """A credit that follows a sentence stays with it: "aangehouden. (ANP) Hij" is cut after "(ANP)"."""
    moved = set()
    for cut in cuts:
        credit = _CREDIT.match(unit, cut)
        if not credit:
            moved.add(cut)
        elif credit.end() < len(unit):
            moved.add(credit.end())
    return moved


_LEADING_CLOSER = re.compile(r"^(?:''|[”’])+(?:\s+|$)")


def _closing_quotes_back(pieces: list[str]) -> list[str]:
    """A closing quote cut off at the start of the next piece ("aan. |'' En ja") goes back to its sentence."""
    moved: list[str] = []
    for piece in pieces:
        closer = _LEADING_CLOSER.match(piece) if moved else None
        if closer:
            moved[-1] += closer.group(0)
            piece = piece[closer.end():]
        if piece:
            moved.append(piece)
    return moved


def _split_unit(unit: str, lang: str) -> list[str]:
    pieces = list(sentencex.segment(lang, unit))
    # sentencex is expected to return a partition of its input; if it ever does not, its cuts are
    # ignored rather than risk losing text. A cut must fall on whitespace, so that sentences re-join
    # with single spaces: sentencex's cuts inside a word ("’|s Morgens") are dropped before the
    # missed ends are looked for in the whole unit.
    cuts = set(accumulate(len(piece) for piece in pieces[:-1])) if "".join(pieces) == unit else set()
    cuts = {cut for cut in cuts if 0 < cut < len(unit) and (unit[cut - 1].isspace() or unit[cut].isspace())}
    cuts |= _missed_ends(unit)
    bounds = sorted(_after_credits(unit, cuts))
    pieces = _closing_quotes_back([unit[start:end] for start, end in zip([0, *bounds], [*bounds, len(unit)])])
    merged: list[str] = []
    loose = ""  # punctuation alone ('hij. " | Ik', a space after an opening quote) goes with what follows
    for piece in pieces:
        if not _has_word(piece):
            loose += piece
            continue
        piece, loose = loose + piece, ""
        # a sentence goes on after an abbreviation, and none starts in lower case: '„Klaar.” zei hij.' is one
        if merged and (piece.lstrip()[:1].islower() or _continues(merged[-1][-_WINDOW - 1:], piece)):
            merged[-1] += piece
        else:
            merged.append(piece)
    if loose:
        merged[-1:] = ["".join(merged[-1:]) + loose]
    return [s for s in (_collapse(m) for m in merged) if s]


def _has_word(piece: str) -> bool:
    return any(char.isalnum() for char in piece)


def split_sentences(text: str, lang: str = "nl") -> list[str]:
    """Split `text` into sentences; joining them with single spaces gives the collapsed input."""
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        for unit in _split_lines(paragraph):
            sentences.extend(_split_unit(unit, lang))
    return sentences

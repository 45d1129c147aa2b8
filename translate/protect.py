"""Do-not-translate spans: URLs, e-mail addresses, @handles, #hashtags and codes stay verbatim.

A translator wrapper. Each span is swapped for a short placeholder of the same kind before the
sentence reaches the model ("https://x1.nl", "x1@x.nl", "@x1", "#x1", "X1-00"), so a 50,000-character
URL costs a few tokens of decoding instead of minutes, and is put back afterwards. A sentence that is
nothing but spans and punctuation never reaches the model. A placeholder the model loses is not
lost text: its span is appended to the sentence's translation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Translator

_URL = r"(?:https?://|ftp://|www\.)[^\s<>\"“”‘’«»]+"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"(?<![\w@])@[A-Za-z0-9_]{1,30}(?![\w@])"
_HASHTAG = r"(?<![\w#&])#[^\W\d_]\w{0,80}"
# Code candidates: anything of 40+ characters without a space, tokens joined by - / : . _ with two or more
# digits (ECLI:NL:HR:2023:123, KB-2023-0042, 13/123456-19), long runs of letters and digits (IBANs, hashes).
# `_is_code` then lets ordinary Dutch words through: "75-jarige", "3-0-zege", "A12-tunnel", long compounds.
_CODE = (r"\S{40,}|(?<![\w-])(?=[\w./:-]*\d[\w./:-]*\d)[A-Za-z0-9]+(?:[-/:._][A-Za-z0-9]+)+(?![\w-])"
         r"|(?<!\w)(?=\w*\d\w*\d)(?=\w*[A-Za-z]\w*[A-Za-z])[A-Za-z0-9]{6,}(?!\w)")
SPANS = re.compile(rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<handle>{_HANDLE})|(?P<hashtag>{_HASHTAG})"
                   rf"|(?P<code>{_CODE})")
# A word inside a code candidate: three or more letters, one of them lower case ("jarige", "tunnel", "zege")
_WORD_PART = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")
# Number glued to a word ("75jarige", "1980ers"), a word with punctuation around it ("arbeidsongeschiktheids...")
_NUMBER_WORD = re.compile(r"\d+[a-z]{3,}")
_LONG_WORDS = re.compile(r"[(\"'“‘«]*[^\W\d_]+(?:[-'’.,;:!?][^\W\d_]+)*[-.,;:!?'\"”’»)]*")


def _is_code(token: str) -> bool:
    """Whether a code candidate is a code, not a Dutch word with digits or a long compound."""
    if len(token) >= 40:
        return not _LONG_WORDS.fullmatch(token)
    parts = re.split(r"[-/:._]", token)
    if len(parts) == 1:
        return not _NUMBER_WORD.fullmatch(token)
    if any(len(part) >= 3 and _WORD_PART.fullmatch(part) for part in parts):
        return False
    # digits only: a case or file number has a slash and five digits (13/123456-19), a date or score does not
    return any(char.isalpha() for char in token) or ("/" in token and sum(char.isdigit() for char in token) >= 5)


_TRAILING = ".,;:!?'\"”’»"
_PLACEHOLDERS = {"url": "https://x{}.nl", "email": "x{}@x.nl", "handle": "@x{}", "hashtag": "#x{}", "code": "X{}-00"}


# Every span holds one of these; most sentences hold none, and this scan is ten times cheaper than SPANS
_POSSIBLE = re.compile(r"://|www\.|[@#]|\d\D*\d|\S{40}")


def find_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each do-not-translate span; trailing punctuation is left to the sentence."""
    return scan_spans(text) if _POSSIBLE.search(text) else []


def scan_spans(text: str) -> list[tuple[int, int, str]]:
    """`find_spans` without the quick scan that rules most sentences out."""
    spans = []
    for match in SPANS.finditer(text):
        start, end = match.span()
        kind = match.lastgroup or "code"
        if kind == "code" and not _is_code(match.group()):
            continue
        while end > start + 1 and (text[end - 1] in _TRAILING or (text[end - 1] == ")" and
                                   text.count("(", start, end) < text.count(")", start, end))):
            end -= 1
        spans.append((start, end, kind))
    return spans


@dataclass(frozen=True)
class Masked:
    """A sentence with its spans replaced by placeholders; `text` is None when nothing is left to translate."""

    original: str
    text: str | None
    spans: list[tuple[str, str]]  # (placeholder, original span)

    def restore(self, translation: str) -> str:
        missing = []
        for placeholder, span in self.spans:  # models may change a placeholder's case ("@X2"), never its span
            translation, found = re.subn(rf"(?<![\w@#]){re.escape(placeholder)}(?!\w)", lambda _: span, translation,
                                         flags=re.I)
            if not found:
                missing.append(span)
        return " ".join([translation.strip(), *missing]).strip()


def mask(sentence: str) -> Masked:
    spans = find_spans(sentence)
    if not spans:
        return Masked(sentence, sentence, [])
    pieces, placeholders, position = [], [], 0
    for number, (start, end, kind) in enumerate(spans, 1):
        placeholder = _PLACEHOLDERS[kind].format(number)
        while placeholder in sentence:
            placeholder = placeholder.replace("x", "xx", 1).replace("X", "XX", 1)
        pieces += [sentence[position:start], placeholder]
        placeholders.append((placeholder, sentence[start:end]))
        position = end
    pieces.append(sentence[position:])
    rest = "".join(piece for piece in pieces[::2])
    if not re.search(r"[^\W\d_]", rest):  # nothing but spans, digits and punctuation: no model needed
        return Masked(sentence, None, placeholders)
    return Masked(sentence, "".join(pieces), placeholders)


class ProtectedTranslator:
    """Wraps a translator so that do-not-translate spans never reach it."""

    def __init__(self, inner: Translator):
        self.inner = inner

    def __getattr__(self, name: str):  # name, count_tokens, ... of the wrapped translator
        return getattr(self.inner, name)

    def translate_batch(self, sentences: list[str]) -> list[str]:
        masked = [mask(sentence) for sentence in sentences]
        todo = [item.text for item in masked if item.text is not None]
        translated = iter(self.inner.translate_batch(todo) if todo else [])
        return [item.restore(next(translated)) if item.text is not None else item.original for item in masked]


def protect_spans(translator: Translator) -> Translator:
    return translator if isinstance(translator, ProtectedTranslator) else ProtectedTranslator(translator)

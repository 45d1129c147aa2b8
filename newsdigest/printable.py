"""Text that is safe to show: names with control characters escaped, output text without NUL bytes.

A file name may hold an ESC sequence (which would rewrite the user's terminal) or a newline (which
would break a one-line message or a Markdown heading); article text may hold NUL bytes or lone
surrogates that no output format should carry.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides that can make
# a name read differently from what it is
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SURROGATE = re.compile("[\ud800-\udfff]")
# what output text may not carry: NUL, and C0 controls other than tab and newline
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(name: str) -> str:
    """`name` on one harmless line: control characters shown as escapes (\\x1b, \\n, \\x00)."""
    return _UNPRINTABLE.sub(_escape, _SURROGATE.sub("\ufffd", name))


def clean_text(text: str) -> str:
    """Text for a document: no NUL or other control bytes (tab and newline kept), no lone surrogates."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_TEXT.sub("", _SURROGATE.sub("\ufffd", text))


def without_nul(text: str) -> str:
    """Data for JSON: every character kept except NUL; lone surrogates become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text.replace("\x00", ""))

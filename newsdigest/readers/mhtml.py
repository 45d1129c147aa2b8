"""Web pages saved as one file: MHTML (Chrome's and Edge's "Webpagina, één bestand", `.mhtml`; Internet Explorer's
and Word's web archive, `.mht`), a MIME message of the page and its resources (RFC 2557).

The page is the text/html part saved from the message's own address (Chrome's `Snapshot-Content-Location`), else
the part the multipart's `start` names, else the first one; frames are parts of their own. The address it was
saved from is the article's URL; the message's `Date:` is when it was saved, never the publication date.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message

from translate.errors import InputError

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class SavedPage:
    """The page an MHTML file holds: its bytes, the charset its part names (None where none), the address it was
    saved from, and the time it was saved."""

    html: bytes
    charset: str | None
    url: str | None
    saved: str | None


def saved_page(data: bytes, name: str) -> SavedPage:
    """The web page in MHTML `data`; raises InputError where the file holds none."""
    from email import message_from_bytes

    message = message_from_bytes(data)
    pages = [part for part in message.walk() if part.get_content_type() in _PAGE_TYPES]
    if not pages:
        raise InputError(f"{name}: an MHTML file without a web page in it")
    address = _header(message, "Snapshot-Content-Location") or _header(message, "Content-Location")
    start = message.get_param("start") if message.is_multipart() else None
    page = next((part for part in pages if address and _header(part, "Content-Location") == address), None) \
        or next((part for part in pages if isinstance(start, str) and _header(part, "Content-ID") == start), None) \
        or pages[0]
    html = page.get_payload(decode=True)
    if not isinstance(html, bytes) or not html.strip():
        raise InputError(f"{name}: the web page in this MHTML file is empty")
    url = address or _header(page, "Content-Location")
    return SavedPage(html, page.get_content_charset(), url if url and url.startswith(("http://", "https://")) else None,
                     _header(message, "Date"))


def _header(part: Message, key: str) -> str | None:
    value = part.get(key)
    return " ".join(str(value).split()) or None if value is not None else None

"""E-mail saved as a file (.eml: RFC 822 / MIME, as mail clients save and export it): the article it carries.

The stdlib `email` package decodes the mail (quoted-printable, base64, charsets); its text part, or its HTML
part as text, is then read as a mail pasted into a text file is read (text.read_plain): the sender's note goes
to extra, the forwarded article's headline, byline, date and source to their fields. The mail's own Date is
when it was sent, never the article's date; it is kept in extra.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from .article import Article, Failure
from .text import forwarded_in, read_plain, sender_outlet

# <br> inside an HTML mail's paragraph ends a line (a forwarded mail's "Van: ... <br> Verzonden: ..." block);
# the fragment reader collapses line breaks within a block, so they pass it as this mark.
_LINE_BREAK = "\ue000"
_FORWARD_SUBJECT = re.compile(r"^(?:\s*(?:fwd?|doorst|tr|wg)\s*:\s*)+", re.I)
_RAW_MAIL = re.compile(r"^(?:return-path|received|delivered-to|x-[\w-]+|message-id|dkim-signature|arc-seal)\s*:", re.I)


def looks_like_mail(data: bytes) -> bool:
    """Whether `data` is a raw mail as a server delivers it (a .txt copy of an .eml): a transport header first."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf").decode("latin-1")
    return bool(_RAW_MAIL.match(head)) and bool(re.search(r"^(?:from|subject)\s*:", head, re.I | re.M))


def parse_eml(data: bytes, path: str) -> Article | Failure:
    """The article in a saved e-mail; a Failure naming the file where the mail holds no text."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    text = _mail_text(message)
    if not text.strip():
        return Failure(path, f"{path}: an e-mail without a text or HTML part")
    body, found = read_plain(text, path)
    for key, header in (("mail_from", "From"), ("mail_subject", "Subject"), ("mail_sent", "Date")):
        if message[header]:
            found.extra.setdefault(key, str(message[header]))
    return found.article(path, body, "email")


def _mail_text(message: EmailMessage) -> str:
    """The mail as a text reader reads a pasted mail: its own text, with the header lines a client writes above a
    forward ("Van:", "Onderwerp:") where the text holds no forward of its own, and any mail attached to it (a
    forward as attachment) under a forward line."""
    own = _part_text(message)
    attached = [part.get_content() for part in message.iter_attachments()
                if part.get_content_type() == "message/rfc822"]
    if attached:
        return own + "".join(f"\n\n---------- Forwarded message ---------\n{_headers(inner, date=True)}\n\n"
                             f"{_part_text(inner)}" for inner in attached)
    if not own.strip() or forwarded_in(own.splitlines()):
        return own
    sender, subject = str(message["From"] or ""), str(message["Subject"] or "")
    if not sender_outlet(sender) and subject and not _FORWARD_SUBJECT.match(subject):
        subject = f"Fwd: {subject}"  # a person's mail that carries an article: read as the forward it is
    return f"{_headers(message, subject=subject)}\n\n{own}"


def _headers(message: EmailMessage, subject: str | None = None, date: bool = False) -> str:
    """The header lines a mail client writes above a forwarded mail, for the text reader."""
    fields = [("Van", message["From"]), ("Datum", message["Date"] if date else None),
              ("Onderwerp", subject if subject is not None else message["Subject"])]
    return "\n".join(f"{name}: {' '.join(str(value).split())}" for name, value in fields if value)


def _part_text(message: EmailMessage) -> str:
    """The decoded text/plain part, else the text of the text/html part; '' where the mail has neither."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or wrong charset: the bytes as Latin-1 lose no byte
        content = (part.get_payload(decode=True) or b"").decode("latin-1")
    if part.get_content_type() == "text/plain":
        return content.replace("\r\n", "\n")
    from .html import fragment_paragraphs

    marked = re.sub(r"<br\s*/?>", _LINE_BREAK, content, flags=re.I)
    blocks = fragment_paragraphs(marked)
    return "\n\n".join("\n".join(line.strip() for line in block.split(_LINE_BREAK) if line.strip())
                       for block in blocks)

"""Plain text in the Dutch news layout, and Markdown; both may start with front matter."""

from __future__ import annotations

import re

from .article import Article, Found
from .fields import keep_extra, take_fields
from .frontmatter import split_front_matter
from .layout import same_text, clean_body, read_header


def _front_matter(text: str, path: str, found: Found) -> str:
    """Take the front matter's metadata into `found` (never into the text); returns the rest."""
    meta, rest = split_front_matter(text, path)
    if isinstance(meta, dict) and "created" in meta and re.match(r"https?://", str(meta.get("source") or meta.get("url") or "")):
        meta["clipped"] = meta.pop("created")  # a web clipper's "created" is when the page was clipped
    if meta:
        keep_extra(meta, take_fields(meta, found), found)
    return rest


# Static site generator tags in a post: Hugo shortcodes ({{< figure ... >}}, {{% note %}}) and Liquid tags
# ({% include ... %}). They are layout, not text; the text between an opening and a closing tag stays.
_TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}", re.S)


# The line a mail client puts above a forwarded message, and the "Key: value" lines under it.
_FORWARD = re.compile(r"^\s*(?:-{2,}\s*(?:doorgestuurd|forwarded|oorspronkelijk|original)\s+(?:bericht|message)\s*-{2,}"
                      r"|begin\s+(?:doorgestuurd|forwarded)\s+(?:bericht|message)\s*:)\s*$", re.I)
_MAIL_HEADER = re.compile(r"^\s*(?P<key>van|from|datum|date|verzonden|sent|onderwerp|subject|aan|to|cc)\s*:\s*(?P<value>.*)$",
                          re.I)


def _forwarded(lines: list[str], found: Found) -> list[str]:
    """The article in a forwarded e-mail or a newsletter pasted with its mail header: past the forward
    line and the mail header, from the paragraph that carries the subject as its headline, so the
    sender's note above it stays out. Where no line repeats the subject, a forward's subject is the
    headline; a newsletter's subject names the issue, and its sender is the outlet. Other text as is."""
    start = next((index for index, line in enumerate(lines[:5]) if _FORWARD.match(line)), None)
    sender = _MAIL_HEADER.match(lines[0]) if lines and start is None else None
    if start is None and (sender is None or sender["key"].lower() not in ("van", "from")):
        return lines
    index, subject = (start + 1 if start is not None else 0), None
    while index < len(lines) and _MAIL_HEADER.match(lines[index]):
        header = _MAIL_HEADER.match(lines[index])
        if header["key"].lower() in ("onderwerp", "subject"):
            subject = re.sub(r"^(?:\s*(?:fwd?|fw|doorst|tr)\s*:\s*)+", "", header["value"], flags=re.I).strip()
        elif sender and header["key"].lower() in ("datum", "date", "verzonden", "sent"):
            found.when(header["value"])
        index += 1
    rest = lines[index:]
    if sender:  # "Van: NH Nieuws <nieuwsbrief@nhnieuws.nl>": the newsletter's sender is its outlet
        found.offer(source=re.sub(r"\s*<[^>]*>\s*$", "", sender["value"]).strip(' "') or None)
    at = next((number for number, line in enumerate(rest) if subject and same_text(line, subject)), None)
    if at is None:
        if not sender:
            found.offer(title=subject or None)
        return rest
    while at > 0 and rest[at - 1].strip():  # the outlet's name or a kicker right above the headline
        at -= 1
    return rest[at:]


def parse_plain(text: str, path: str) -> Article:
    """Plain text; a headline, date, source, byline and credit lines around it become metadata."""
    found = Found()
    lines = _forwarded(_front_matter(text.lstrip("\ufeff"), path, found).splitlines(), found)
    start = read_header(lines, found, want_title=found.title is None)
    paragraphs = [part for part in re.split(r"\n[ \t\r\f\v]*\n", "\n".join(lines[start:])) if part.strip()]
    body = "\n\n".join(clean_body(paragraphs, found)).strip()
    if not body and found.title and start <= 2:  # a one-paragraph file: the "title" was the body
        body, found.title = text.strip(), None
    return found.article(path, body, "text")


# A clipping tool's "> ## Excerpt" block quote: the page's description, not its text.
_EXCERPT = re.compile(r"^>\s?#{1,6}\s*(?:excerpt|samenvatting)\s*\n(?P<text>(?:>.*(?:\n|$))*)", re.I | re.M)


def parse_markdown(text: str, path: str) -> Article:
    """Markdown rendered with markdown-it and read like an HTML fragment: headings, lists and inline HTML
    become text; the first # heading is the title unless the front matter has one."""
    from markdown_it import MarkdownIt

    from .html import fragment_paragraphs

    found = Found()
    rest = _TEMPLATE_TAG.sub("", _front_matter(text.lstrip("\ufeff"), path, found))
    excerpt = _EXCERPT.search(rest)
    if excerpt:  # a clipping tool's summary of the page above the text (MarkDownload): kept, never body
        found.extra.setdefault("excerpt", re.sub(r"^>\s?", "", excerpt["text"], flags=re.M).strip())
        rest = rest[: excerpt.start()] + rest[excerpt.end():]
    blocks = fragment_paragraphs(MarkdownIt("commonmark").render(rest), found)
    if blocks and found.title and re.sub(r"\W+", "", blocks[0]).lower() == re.sub(r"\W+", "", found.title).lower():
        blocks.pop(0)
    start = read_header(blocks, found, want_title=False)
    body = "\n\n".join(clean_body(blocks[start:], found))
    return found.article(path, body, "markdown")

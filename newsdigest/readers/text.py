"""Plain text in the Dutch news layout, and Markdown; both may start with front matter."""

from __future__ import annotations

import re

from .article import Article, Found
from .fields import keep_extra, take_fields
from .frontmatter import split_front_matter
from .layout import clean_body, read_header


def _front_matter(text: str, path: str, found: Found) -> str:
    """Take the front matter's metadata into `found` (never into the text); returns the rest."""
    meta, rest = split_front_matter(text, path)
    if meta:
        keep_extra(meta, take_fields(meta, found), found)
    return rest


# Static site generator tags in a post: Hugo shortcodes ({{< figure ... >}}, {{% note %}}) and Liquid tags
# ({% include ... %}). They are layout, not text; the text between an opening and a closing tag stays.
_TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}", re.S)


def parse_plain(text: str, path: str) -> Article:
    """Plain text; a headline, date, source, byline and credit lines around it become metadata."""
    found = Found()
    lines = _front_matter(text.lstrip("\ufeff"), path, found).splitlines()
    start = read_header(lines, found, want_title=found.title is None)
    paragraphs = [part for part in re.split(r"\n[ \t\r\f\v]*\n", "\n".join(lines[start:])) if part.strip()]
    body = "\n\n".join(clean_body(paragraphs, found)).strip()
    if not body and found.title and start <= 2:  # a one-paragraph file: the "title" was the body
        body, found.title = text.strip(), None
    return found.article(path, body, "text")


def parse_markdown(text: str, path: str) -> Article:
    """Markdown rendered with markdown-it and read like an HTML fragment: headings, lists and inline HTML
    become text; the first # heading is the title unless the front matter has one."""
    from markdown_it import MarkdownIt

    from .html import fragment_paragraphs

    found = Found()
    rest = _TEMPLATE_TAG.sub("", _front_matter(text.lstrip("\ufeff"), path, found))
    blocks = fragment_paragraphs(MarkdownIt("commonmark").render(rest), found)
    if blocks and found.title and re.sub(r"\W+", "", blocks[0]).lower() == re.sub(r"\W+", "", found.title).lower():
        blocks.pop(0)
    start = read_header(blocks, found, want_title=False)
    body = "\n\n".join(clean_body(blocks[start:], found))
    return found.article(path, body, "markdown")

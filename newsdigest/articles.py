"""Articles in: plain text (with the common news layout), Markdown, HTML, JSON, JSON lines,
directories and standard input. Reading never raises for one bad file: it yields a failure."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translate.errors import InputError

from .config import InputSettings
from .metadata import clean_title, metadata_line, parse_date, parse_time
from .textio import decode, read_text

_TEXT_SUFFIXES = {".txt", ".text", ""}
_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSON_SUFFIXES = {".json"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_BODY_FALLBACKS = ("body", "text", "content", "article")


@dataclass
class Article:
    path: str
    body: str
    title: str | None = None
    date: str | None = None
    time: str | None = None
    source: str | None = None
    url: str | None = None
    kind: str = "text"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        payload = json.dumps([self.title, self.body], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class Failure:
    """An input that could not be read; it is reported and the run goes on."""

    path: str
    error: str


def _split_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """Metadata from the leading lines (after an optional title); returns it and where the body starts."""
    meta: dict[str, str] = {}
    index = 0
    while index < len(lines) and index < 8:
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        found = metadata_line(line)
        if found is None:
            break
        for key, value in found.items():
            meta.setdefault(key, value)
        index += 1
    return meta, index


def _looks_like_title(line: str, following: list[str]) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return False
    next_line = next((item for item in following if item.strip()), "")
    blank_after = bool(following) and not following[0].strip()
    return blank_after or metadata_line(next_line) is not None or not stripped.endswith(".")


def parse_plain(text: str, path: str) -> Article:
    """Plain text; a leading headline, date, time and source line become metadata."""
    lines = text.strip("\ufeff").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    title = None
    start = 0
    if lines and metadata_line(lines[0]) is None and len(lines) > 1 and _looks_like_title(lines[0], lines[1:]):
        title, start = clean_title(lines[0]), 1
    meta, offset = _split_header(lines[start:])
    body = "\n".join(lines[start + offset:]).strip()
    if not body and title:  # a one-paragraph file: the "title" was the body
        body, title = text.strip(), None
    return Article(path=path, body=body, title=title, kind="text", **meta)


def parse_markdown(text: str, path: str) -> Article:
    """Markdown is rendered with markdown-it, then read like HTML: headings, lists and links kept as text."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(text)
    article = parse_html(html, path, full_page=False)
    article.kind = "markdown"
    return article


_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template",
         "button", "select")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "td", "dd", "dt")


def parse_html(text: str, path: str, full_page: bool = True) -> Article:
    """Main text of a page: scripts, styles and navigation dropped; <article> or <main> preferred."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    meta: dict[str, str] = {}
    published = soup.find("meta", attrs={"property": "article:published_time"}) or soup.find(
        "meta", attrs={"name": "date"})
    if published and published.get("content"):
        content = published["content"]
        meta.update({k: v for k, v in (("date", parse_date(content)), ("time", parse_time(content[10:]))) if v})
    site = soup.find("meta", attrs={"property": "og:site_name"})
    if site and site.get("content"):
        meta["source"] = site["content"].strip()
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = canonical.get("href") if canonical else None
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for element in soup.find_all(_DROP):
        element.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    heading = root.find("h1")
    title = heading.get_text(" ", strip=True) if heading else None
    if heading:
        heading.decompose()
    if not title and page_title:
        title = clean_title(page_title)
    time_tag = root.find("time")
    if time_tag and "date" not in meta:
        stamp = time_tag.get("datetime") or time_tag.get_text(" ", strip=True)
        meta.update({k: v for k, v in (("date", parse_date(stamp)), ("time", parse_time(stamp[10:]))) if v})
    blocks = []
    for element in root.find_all(_BLOCKS):
        if element.find(_BLOCKS):  # a container (e.g. <li><p>..</p></li>): its children are read instead
            continue
        block = " ".join(element.get_text(" ", strip=True).split())
        if block:
            blocks.append(("- " if element.name == "li" else "") + block)
    if not blocks:
        blocks = [line.strip() for line in root.get_text("\n").splitlines() if line.strip()]
    header, start = _split_header(blocks)
    for key, value in header.items():
        meta.setdefault(key, value)
    return Article(path=path, body="\n\n".join(blocks[start:]), title=title, url=url,
                   kind="html" if full_page else "markdown", **meta)


def _record_article(record: Any, path: str, settings: InputSettings) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{path}: expected a JSON object, got {type(record).__name__}")
    body_fields = (settings.body_field, *[f for f in _BODY_FALLBACKS if f != settings.body_field])
    body_key = next((key for key in body_fields if key in record), None)
    if body_key is None:
        raise InputError(f"{path}: no '{settings.body_field}' field (set input.body_field to the field "
                         "that holds the article text)")
    values: dict[str, Any] = {}
    for name, key in (("body", body_key), ("title", settings.title_field), ("date", settings.date_field),
                      ("url", settings.url_field), ("source", settings.source_field)):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{path}: field '{key}' must be a string, got {type(value).__name__}")
        values[name] = value
    date_text = values.pop("date")
    body = values.pop("body")
    if not body.strip():
        raise InputError(f"{path}: field '{body_key}' is empty")
    return Article(path=path, body=body.strip(), date=parse_date(date_text) if date_text else None,
                   time=parse_time(date_text[10:]) if date_text and len(date_text) > 10 else None,
                   kind="json", **values)


def parse_json(text: str, path: str, settings: InputSettings) -> Iterator[Article | Failure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield Failure(path, f"{path}: invalid JSON (line {error.lineno}: {error.msg})")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, 1):
        name = f"{path}#{number}" if len(records) > 1 else path
        try:
            yield _record_article(record, name, settings)
        except InputError as error:
            yield Failure(name, str(error))


def parse_jsonl(text: str, path: str, settings: InputSettings) -> Iterator[Article | Failure]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name = f"{path}:{number}"
        try:
            yield _record_article(json.loads(line), name, settings)
        except json.JSONDecodeError as error:
            yield Failure(name, f"{name}: invalid JSON ({error.msg})")
        except InputError as error:
            yield Failure(name, str(error))


def parse_text(text: str, path: str, settings: InputSettings, suffix: str) -> Iterator[Article | Failure]:
    """Parse already-decoded text by the kind its name suggests."""
    if not text.strip():
        yield Failure(path, f"{path}: empty file, nothing to do")
        return
    if suffix in _JSON_SUFFIXES:
        yield from parse_json(text, path, settings)
    elif suffix in _JSONL_SUFFIXES:
        yield from parse_jsonl(text, path, settings)
    elif suffix in _HTML_SUFFIXES or (suffix not in _MARKDOWN_SUFFIXES and text.lstrip()[:15].lower().startswith(
            ("<!doctype html", "<html"))):
        yield _require_body(parse_html(text, path), path)
    elif suffix in _MARKDOWN_SUFFIXES:
        yield _require_body(parse_markdown(text, path), path)
    else:
        yield _require_body(parse_plain(text, path), path)


def _require_body(article: Article, path: str) -> Article | Failure:
    return article if article.body.strip() else Failure(path, f"{path}: no article text found")


def _walk(directory: Path, settings: InputSettings) -> Iterator[Path | Failure]:
    """Files under `directory` matching the include patterns; symlink loops and unreadable folders reported."""
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        failures.append(Failure(str(error.filename), f"{error.filename}: cannot read directory ({error.strerror})"))

    failures: list[Failure] = []
    for root, dirs, files in os.walk(directory, followlinks=True, onerror=on_error):
        yield from failures
        failures.clear()
        try:
            info = os.stat(root)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            yield Failure(root, f"{root}: symlink loop, skipped")
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs.sort()
        for name in sorted(files):
            if not name.startswith(".") and any(fnmatch.fnmatch(name.lower(), p) for p in settings.include):
                yield Path(root) / name
    yield from failures


def load_articles(inputs: Iterable[str | Path], settings: InputSettings | None = None) -> Iterator[Article | Failure]:
    """Articles from files, directories (recursive) and '-' (standard input), in the order given."""
    settings = settings or InputSettings()
    for item in inputs:
        name = str(item)
        if name == "-":
            try:
                text = read_text("-")
            except InputError as error:
                yield Failure("<stdin>", str(error))
                continue
            yield from parse_text(text, "<stdin>", settings, "")
            continue
        path = Path(name)
        if path.is_dir():
            for entry in _walk(path, settings):
                if isinstance(entry, Failure):
                    yield entry
                else:
                    yield from from_path(entry, settings)
            continue
        yield from from_path(path, settings)


def from_path(path: Path, settings: InputSettings) -> Iterator[Article | Failure]:
    try:
        text = read_text(path)
    except InputError as error:
        yield Failure(str(path), str(error))
        return
    yield from parse_text(text, str(path), settings, path.suffix.lower())


__all__ = ["Article", "Failure", "decode", "load_articles", "parse_html", "parse_markdown", "parse_plain"]

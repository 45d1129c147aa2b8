"""Articles in: files, folders, standard input, http(s) URLs, lists of URLs and feeds.

Formats: plain text in the Dutch news layout, Markdown and text with front matter, web pages (also saved
as one MHTML file), JSON and JSON lines records, RSS and Atom feeds, LexisNexis and Mediargus exports
(newsdigest/readers/, one module per format).
Reading never raises for one bad input: it yields a Failure with a one-line message and goes on.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from translate.errors import InputError

from .config import InputSettings
from .readers.article import Article, Failure, dated_by_newsroom
from .readers.html import parse_html
from .readers.mail import looks_like_mail, parse_eml
from .readers.text import parse_markdown, parse_plain, warc_records
from .textio import decode, read_bytes

log = logging.getLogger("newsdigest")

_TEXT_SUFFIXES = {".txt", ".text", ""}
_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSON_SUFFIXES = {".json"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jl", ".jsonlines"}  # Scrapy writes .jl
_FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
_MAIL_SUFFIXES = {".eml"}
_MHTML_SUFFIXES = {".mhtml", ".mht"}  # a web page saved as one file
# Formats whose article `newsdigest translate` extracts instead of translating the file as it is.
EXTRACTED = _HTML_SUFFIXES | _MHTML_SUFFIXES | _MARKDOWN_SUFFIXES | _JSON_SUFFIXES | _JSONL_SUFFIXES | _FEED_SUFFIXES \
    | _MAIL_SUFFIXES
_URL = re.compile(r"^https?://\S+$", re.I)
_CONTENT_KINDS = {"text/html": ".html", "application/xhtml+xml": ".html", "application/json": ".json",
                  "application/ld+json": ".json", "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl",
                  "multipart/related": ".mhtml", "application/x-mimearchive": ".mhtml", "text/markdown": ".md",
                  "text/x-markdown": ".md", "text/plain": ".txt",
                  "application/rss+xml": ".rss", "application/atom+xml": ".atom", "application/rdf+xml": ".rss",
                  "application/xml": ".xml", "text/xml": ".xml"}


def is_url(item: str) -> bool:
    return bool(_URL.match(item))


class _Reader:
    """Turns inputs into articles; owns the HTTP fetcher, opened on the first URL and closed at the end."""

    def __init__(self, settings: InputSettings, offline: bool, language: str = "nl"):
        self.settings = settings
        self.offline = offline
        self.language = language  # the articles' language: text that is not UTF-8 is read in its legacy encoding
        self._fetcher = None
        self._seen: set[tuple[int, int]] = set()  # files read already: `a.txt ./a.txt`, or a folder and a file in it

    @property
    def fetcher(self):
        if self._fetcher is None:
            from .fetch import Fetcher

            self._fetcher = Fetcher(self.settings, offline=self.offline)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    # -- inputs -------------------------------------------------------------------------------------
    def read(self, item: str | Path) -> Iterator[Article | Failure]:
        name = str(item)
        if name == "-":
            try:
                data = read_bytes("-", self.settings.max_input_size, self.settings.pipe_timeout)
            except InputError as error:
                yield Failure("<stdin>", str(error))
                return
            yield from self.parse(data, "<stdin>", "")
        elif is_url(name):
            yield from self.url(name)
        elif os.path.isdir(name):
            for entry in walk(Path(name), self.settings):
                yield from self.file(entry) if isinstance(entry, Path) else [entry]
        else:
            yield from self.file(Path(name))

    def file(self, path: Path) -> Iterator[Article | Failure]:
        if self._again(path):
            log.info("%s: named more than once; read once", path)
            return
        try:
            data = read_bytes(path, self.settings.max_input_size, self.settings.pipe_timeout)
        except InputError as error:
            yield Failure(str(path), str(error))
            return
        yield from self.parse(data, str(path), path.suffix.lower())

    def _again(self, path: Path) -> bool:
        try:
            info = path.stat()
        except OSError:
            return False  # reading it will say what is wrong
        if not stat.S_ISREG(info.st_mode):
            return False
        identity = (info.st_dev, info.st_ino)
        seen = identity in self._seen
        self._seen.add(identity)
        return seen

    def url(self, url: str) -> Iterator[Article | Failure]:
        from .fetch import FetchError

        try:
            page = self.fetcher.fetch(url)
        except FetchError as error:
            yield Failure(url, str(error))
            return
        from .readers.feeds import looks_like_feed

        suffix = _CONTENT_KINDS.get(page.content_type)
        if suffix is None:
            suffix = Path(page.final_url.split("?")[0]).suffix.lower() if not page.content_type else None
        if suffix is None and looks_like_feed(page.body):  # a feed served as application/octet-stream
            suffix = ".rss"
        if suffix is None:
            yield Failure(url, f"{url}: {page.content_type} is not an article format (HTML, feeds, JSON, text)")
            return
        yield from self.parse(page.body, url, suffix, charset=page.charset, base_url=page.final_url)

    def page(self, url: str) -> Article:
        """The article on the page at `url` (for feed entries); raises InputError."""
        for item in self.url(url):
            if isinstance(item, Failure):
                raise InputError(item.error)
            return item
        raise InputError(f"{url}: no article found")

    # -- formats ------------------------------------------------------------------------------------
    def parse(self, data: bytes, name: str, suffix: str, charset: str | None = None,
              base_url: str | None = None) -> Iterator[Article | Failure]:
        """The articles in `data`; a UTC time that nothing in its article places is dated as the source
        language says (dated_by_newsroom)."""
        for item in self._parse(data, name, suffix, charset, base_url):
            yield dated_by_newsroom(item, self.language)

    def _parse(self, data: bytes, name: str, suffix: str, charset: str | None,
               base_url: str | None) -> Iterator[Article | Failure]:
        from .readers.feeds import parse_feed

        if suffix == ".parquet":
            yield from parse_parquet(data, name, self.settings, language=self.language)
            return
        if suffix in _MAIL_SUFFIXES or (suffix in _TEXT_SUFFIXES and looks_like_mail(data)):
            mail = parse_eml(data, name)
            yield sanitize(mail if isinstance(mail, Failure) else _require_body(mail, name), name)
            return
        if suffix in _MHTML_SUFFIXES:
            yield sanitize(self._saved_page(data, name), name)
            return
        if _is_feed(data, suffix):
            read_page = self.page if self.settings.fetch else None
            yield from (sanitize(item, name) for item in parse_feed(data, name, read_page, base_url))
            return
        try:
            text = decode(data, name, charset, self.language)
        except InputError as error:
            yield Failure(name, str(error))
            return
        if not text.strip():
            yield Failure(name, f"{name}: empty file, nothing to do")
            return
        if suffix in _TEXT_SUFFIXES and _url_list(text):
            for number, line in enumerate(text.splitlines(), 1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if is_url(line.strip()):
                    yield from self.url(line.strip())
                else:
                    yield Failure(f"{name}:{number}", f"{name}, line {number}: {line.strip()!r} is not an http(s) URL")
            return
        for item in parse_text(text, name, self.settings, suffix, base_url):
            yield sanitize(item, name)

    def _saved_page(self, data: bytes, name: str) -> Article | Failure:
        """The article on the web page an MHTML file holds, at the address it was saved from."""
        from .readers.mhtml import saved_page

        try:
            page = saved_page(data, name)
            text = decode(page.html, name, page.charset, self.language)
        except InputError as error:
            return Failure(name, str(error))
        article = parse_html(text, name, page.url)
        if page.saved:
            article.extra.setdefault("saved", page.saved)  # when it was saved, never when it was published
        return _require_body(article, name)


def parse_data(data: bytes, name: str, settings: InputSettings, *, offline: bool = False,
               language: str = "nl") -> Iterator[Article | Failure]:
    """The articles in a file's bytes read from elsewhere (object storage), parsed as `load_articles`
    parses a local file of that name."""
    reader = _Reader(settings, offline, language)
    try:
        yield from reader.parse(data, name, Path(name.split("://", 1)[-1]).suffix.lower())
    finally:
        reader.close()


def parse_parquet(data: bytes, name: str, settings: InputSettings, *,
                  language: str = "nl") -> Iterator[Article | Failure]:
    """One article per row of a Parquet file (fields named as in JSON records), each named `name#row`;
    `language` as for row_article."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        yield Failure(name, f"{name}: reading Parquet needs pyarrow: pip install pyarrow (or 'newsdigest[ray]')")
        return
    try:
        rows = pq.read_table(pa.BufferReader(data)).to_pylist()
    except (OSError, pa.ArrowException) as error:
        yield Failure(name, f"{name}: cannot read Parquet ({error})")
        return
    for number, row in enumerate(rows, 1):
        yield row_article(row, f"{name}#{number}", settings, language=language)


def row_article(row: dict[str, Any], name: str, settings: InputSettings, *,
                language: str = "nl") -> Article | Failure:
    """One record (a Parquet or Dataset row, fields named as in JSON records) as an article, or a failure.
    `language` is the source language, which dates a UTC time nothing in the record places (dated_by_newsroom)."""
    from .readers.records import record_article

    try:
        return dated_by_newsroom(sanitize(record_article(row, name, settings), name), language)
    except InputError as error:
        return Failure(name, str(error))


def fetches_pages(path: Path) -> bool:
    """Whether reading this file fetches web pages: a feed, or a file of URLs, by the rules the reader
    itself applies (judged from the file's first 64 kB)."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return False
    try:
        with open(path, "rb") as stream:
            head = stream.read(65536)
    except OSError:
        return False  # reading it will say what is wrong
    return _is_feed(head, suffix) or (suffix in _TEXT_SUFFIXES and _url_list(head.decode("utf-8", "replace")))


def _is_feed(data: bytes, suffix: str) -> bool:
    from .readers.feeds import looks_like_feed

    return suffix in _FEED_SUFFIXES or (suffix not in _JSON_SUFFIXES | _JSONL_SUFFIXES and looks_like_feed(data))


def _url_list(text: str) -> bool:
    """One address a line, most of them http(s) URLs: a malformed line is reported, not the list read as text."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    urls = sum(is_url(line) for line in lines)
    return bool(lines) and all(" " not in line for line in lines) and urls >= max(1, len(lines) / 2)


def parse_text(text: str, path: str, settings: InputSettings, suffix: str,
               url: str | None = None) -> Iterator[Article | Failure]:
    """Parse already-decoded text by the kind its name (or content) suggests."""
    from .readers.records import parse_json, parse_jsonl

    if not text.strip():
        yield Failure(path, f"{path}: empty file, nothing to do")
        return
    head = text.lstrip("\ufeff \t\r\n")[:15].lower()
    if suffix in _JSON_SUFFIXES or (suffix in ("", ".txt") and head[:1] in "{[" and _is_json(text)):
        yield from parse_json(text, path, settings)
    elif suffix in _JSONL_SUFFIXES:
        yield from parse_jsonl(text, path, settings)
    elif suffix in _HTML_SUFFIXES or (suffix not in _MARKDOWN_SUFFIXES and head.startswith(("<!doctype html", "<html"))):
        yield _require_body(parse_html(text, path, url), path)
    elif suffix in _MARKDOWN_SUFFIXES:
        yield _require_body(parse_markdown(text, path), path)
    elif (records := warc_records(text)) is not None:  # a Common Crawl WET file: one article per page
        if not records:
            yield Failure(path, f"{path}: a WARC file without page text")
        for number, (headers, content) in enumerate(records, 1):
            name = f"{path}#{number}" if len(records) > 1 else path
            yield _require_body(parse_plain(content, name, warc=headers), name)
    else:
        from .readers.exports import parse_export

        documents = parse_export(text, path)
        yield from documents if documents is not None else [_require_body(parse_plain(text, path), path)]


def _is_json(text: str) -> bool:
    import json

    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _require_body(article: Article, path: str) -> Article | Failure:
    return article if article.body.strip() else Failure(path, f"{path}: no article text found")


# -- what reaches the pipeline is clean text ---------------------------------------------------------

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(value: Any, problems: set[str]) -> Any:
    if isinstance(value, str):
        if "\x00" in value:
            problems.add("NUL characters removed")
            value = value.replace("\x00", "")
        if _SURROGATE.search(value):
            problems.add("lone surrogate escapes replaced by U+FFFD")
            value = _SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, list):
        return [_clean(item, problems) for item in value]
    if isinstance(value, dict):
        return {_clean(key, problems): _clean(item, problems) for key, item in value.items()}
    return value


def sanitize(item: Article | Failure, name: str) -> Article | Failure:
    """No NUL and no lone surrogate (which no encoder accepts) gets past reading; a warning names the file."""
    if isinstance(item, Failure):
        return item
    problems: set[str] = set()
    for field_name in ("body", "title", "date", "time", "source", "url", "author", "published", "tags", "credits",
                       "extra"):
        setattr(item, field_name, _clean(getattr(item, field_name), problems))
    for problem in sorted(problems):
        log.warning("%s: %s", item.path or name, problem)
    return item


# -- folders -----------------------------------------------------------------------------------------

def walk(directory: Path, settings: InputSettings) -> Iterator[Path | Failure]:
    """Regular files under `directory` matching the include patterns, in name order.

    Pipes, devices and sockets are reported and skipped; a symlink that leads out of the folder is
    followed only with follow_symlinks; symlink loops and unreadable folders are reported.
    """
    root = directory.resolve()
    seen: set[tuple[int, int]] = set()
    pending = [directory]
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield Failure(str(folder), f"{folder}: cannot read directory ({error.strerror or error})")
            continue
        if (info.st_dev, info.st_ino) in seen:
            yield Failure(str(folder), f"{folder}: symlink loop, skipped")
            continue
        seen.add((info.st_dev, info.st_ino))
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink() and not settings.follow_symlinks and not _inside(path, root):
                log.warning("%s: a symlink to outside %s, not followed (--follow-symlinks follows it)",
                            path, directory)
                continue
            try:
                mode = path.stat().st_mode
            except FileNotFoundError:
                yield Failure(str(path), f"{path}: no such file")
                continue
            except OSError as error:
                yield Failure(str(path), f"{path}: cannot read ({error.strerror or error})")
                continue
            if stat.S_ISDIR(mode):
                subfolders.append(path)
            elif any(fnmatch.fnmatch(entry.name.lower(), pattern) for pattern in settings.include):
                if stat.S_ISREG(mode):
                    yield path
                else:
                    log.warning("%s: %s, not a regular file: skipped", path, _kind(mode))
        pending.extend(reversed(subfolders))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def load_articles(inputs: Iterable[str | Path], settings: InputSettings | None = None, *,
                  offline: bool = False, language: str = "nl") -> Iterator[Article | Failure]:
    """Articles from files, folders (recursive), '-' (standard input), http(s) URLs, files of URLs and
    feeds, in the order given. `offline` makes no connection: URLs are read from the page cache only.
    `language` is the articles' language (the source language), whose legacy encodings are tried first
    for text that is not UTF-8."""
    reader = _Reader(settings or InputSettings(), offline, language)
    try:
        for item in inputs:
            yield from reader.read(item)
    finally:
        reader.close()


def from_path(path: Path, settings: InputSettings, language: str = "nl") -> Iterator[Article | Failure]:
    """The articles in one file."""
    reader = _Reader(settings, offline=False, language=language)
    try:
        yield from reader.file(path)
    finally:
        reader.close()


__all__ = ["EXTRACTED", "Article", "Failure", "decode", "fetches_pages", "from_path", "is_url", "load_articles",
           "parse_data", "parse_html", "parse_markdown", "parse_parquet", "parse_plain", "parse_text", "row_article"]

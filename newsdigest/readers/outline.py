"""Outliner pages (Logseq, Roam Research): `key:: value` properties and a tree of `- ` blocks.

A page's properties are its metadata, never text; its blocks, nested or not, are its paragraphs in the order
they stand. Links to pages ("[[Omroep Flevoland]]") read as the page's name, and a link to a journal page
("[[Mar 4th, 2025]]") as its day, in the journal title format the graph's logseq/config.edn sets.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..metadata import MONTHS

# "source:: [[NOS]]": Logseq wants a space (or the line's end) after "::", so "std::vector" is no property.
_PROPERTY = re.compile(r"^(?P<key>[^\W\d][\w.-]*)::(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_BLOCK = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]+(?P<text>.*?))?[ \t]*$")
# A block's task marker and priority ("TODO [#A] bellen"), and the lines a task keeps under it
_MARKER = re.compile(r"^(?:TODO|DOING|DONE|LATER|NOW|WAITING|WAIT|CANCELED|CANCELLED|IN-PROGRESS)\b\s*(?:\[#[A-C]\]\s*)?")
_TASK_LINE = re.compile(r"^(?:SCHEDULED|DEADLINE):\s*<[^>]*>$")
_DRAWER = re.compile(r"^:[A-Z]+:$")  # ":LOGBOOK:" ... ":END:", the clock entries of a task
_LINK = re.compile(r"\[(?P<label>[^\[\]]+)\]\(\[\[(?P<target>[^\[\]]+)\]\]\)|#?\[\[(?P<page>[^\[\]]+)\]\]")
_REFERENCE = re.compile(r"\(\([0-9a-f-]{36}\)\)|\{\{.*?\}\}")  # block references and macros: no text of their own

# The journal title formats Logseq offers (frontend/date.cljs), in the order they are tried when the graph's
# own is unknown: numbers with "-" or "." are read day first, as in Dutch; with "/" or "_" after the day Logseq
# only knows the month first.
_JOURNAL_FORMATS = (
    "MMM do, yyyy", "MMMM do, yyyy", "do MMM yyyy", "do MMMM yyyy",
    "yyyy-MM-dd", "yyyy_MM_dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-MM-dd EEEE", "yyyy年MM月dd日",
    "dd-MM-yyyy", "dd.MM.yyyy", "MM/dd/yyyy", "MM_dd_yyyy", "MM-dd-yyyy",
    "E, dd-MM-yyyy", "E, dd.MM.yyyy", "E, MM/dd/yyyy", "E, yyyy/MM/dd",
)
_TOKENS = {"yyyy": r"(?P<year>\d{4})", "MMMM": r"(?P<name>[^\W\d_]{3,})", "MMM": r"(?P<name>[^\W\d_]{3})",
           "MM": r"(?P<month>\d{1,2})", "dd": r"(?P<day>\d{1,2})", "do": r"(?P<day>\d{1,2})(?:st|nd|rd|th)",
           "EEEE": r"[^\W\d_]+", "EEE": r"[^\W\d_]+", "E": r"[^\W\d_]+"}
_TOKEN = re.compile("|".join(sorted(_TOKENS, key=len, reverse=True)))


@dataclass
class Outline:
    """An outliner page read: its page properties, its blocks as Markdown paragraphs, and its tasks."""

    properties: dict[str, Any]
    text: str
    tasks: list[str] = field(default_factory=list)


def read_outline(text: str, path: str) -> Outline | None:
    """The page in `text` (after any front matter), or None when it has neither page properties nor an
    outline of blocks. Page properties are the `key:: value` lines above the first block, or a first block of
    nothing but properties; text that is no outline after them is kept as it is."""
    lines = text.replace("\r\n", "\n").split("\n")
    index = next((number for number, line in enumerate(lines) if line.strip()), len(lines))
    properties: dict[str, str] = {}
    while index < len(lines) and _PROPERTY.match(lines[index]):
        _take_property(lines[index], properties)
        index += 1
    blocks = _blocks(lines[index:])
    if blocks is None:
        return Outline(_values(properties, path), "\n".join(lines[index:])) if properties else None
    if not properties and blocks and all(_PROPERTY.match(line.strip()) for line in blocks[0][1]):
        for line in blocks.pop(0)[1]:  # "- title:: ...": the first block holds the page's properties
            _take_property(line.strip(), properties)
    paragraphs, tasks = [], []
    for _, block in blocks:
        paragraph = _paragraph(block)
        marker = _MARKER.match(paragraph)
        if marker:
            tasks.append(" ".join(paragraph[marker.end():].split()))
        elif paragraph:
            paragraphs.append(paragraph)
    return Outline(_values(properties, path), "\n\n".join(paragraphs) + "\n", tasks)


def _take_property(line: str, properties: dict[str, str]) -> None:
    match = _PROPERTY.match(line)
    if match and match["value"]:
        properties.setdefault(match["key"], match["value"])


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]] | None:
    """(indent, lines) of each block, or None when `lines` are no outline: every line that holds text is a
    block's "- " line or, indented, a further line of the block above it."""
    blocks: list[tuple[int, list[str]]] = []
    for line in lines:
        if not line.strip():
            continue
        block = _BLOCK.match(line)
        if block:
            blocks.append((len(block["indent"].expandtabs(2)), [block["text"] or ""]))
        elif blocks and line[:1] in " \t":
            blocks[-1][1].append(line.strip())
        else:
            return None
    return blocks or None


def _paragraph(lines: list[str]) -> str:
    """A block's text: without its properties ("id:: ...", "collapsed:: true"), its task's schedule and clock
    drawer, block references and macros; page links as the page's name."""
    kept, drawer = [], False
    for line in lines:
        if drawer or _DRAWER.match(line):
            drawer = line != ":END:"  # the drawer goes on up to its ":END:"
            continue
        if _PROPERTY.match(line) or _TASK_LINE.match(line):
            continue
        kept.append(" ".join(_REFERENCE.sub(" ", unlinked(line)).split()))
    return "\n".join(line for line in kept if line)


def unlinked(text: str) -> str:
    """`text` with page links as the page's name: "[[Omroep Flevoland]]", "#[[Urk]]", "[label]([[Page]])"."""
    return _LINK.sub(lambda link: link["label"] or link["page"], text)


def _values(properties: dict[str, str], path: str) -> dict[str, Any]:
    """Property values as text: page links unlinked, a journal day (linked or not) as an ISO date."""
    formats = _graph_format(path)
    values: dict[str, Any] = {}
    for key, value in properties.items():
        whole = re.fullmatch(r"#?\[\[([^\[\]]+)\]\]", value.strip())
        name = whole[1] if whole else unlinked(value)
        values[key] = journal_day(name, formats) or name
    return values


def journal_day(text: str, first: tuple[str, ...] = ()) -> str | None:
    """The ISO day a journal page's title names ("Mar 4th, 2025", "2025_03_04", "Tue, 04.03.2025"), trying
    the formats in `first` (the graph's own) before Logseq's others; None if it names no day."""
    for form in (*first, *_JOURNAL_FORMATS):
        match = _pattern(form).fullmatch(text.strip())
        if not match:
            continue
        month = int(match["month"]) if "month" in match.re.groupindex else _month(match["name"])
        try:
            return dt.date(int(match["year"]), month or 0, int(match["day"])).isoformat()
        except ValueError:
            continue
    return None


def _month(name: str) -> int | None:
    name = name.lower()
    return MONTHS.get(name) or next((number for full, number in MONTHS.items() if full.startswith(name)), None)


@functools.lru_cache(maxsize=64)
def _pattern(form: str) -> re.Pattern[str]:
    """A date format in Logseq's (Joda) notation as a pattern: "MMM do, yyyy" reads "Mar 4th, 2025"."""
    parts, end = [], 0
    for token in _TOKEN.finditer(form):
        parts += [re.escape(form[end:token.start()]), _TOKENS[token[0]]]
        end = token.end()
    return re.compile("".join(parts) + re.escape(form[end:]), re.I)


def _graph_format(path: str) -> tuple[str, ...]:
    """The journal title format set in the logseq/config.edn of the graph the page at `path` lies in (its
    pages/ or journals/ folder beside logseq/), as a one-format tuple; () outside a graph."""
    folder = Path(path).parent
    if folder.name not in ("pages", "journals"):
        return ()
    return _config_format(str(folder.parent / "logseq" / "config.edn"))


@functools.lru_cache(maxsize=16)
def _config_format(config: str) -> tuple[str, ...]:
    try:
        text = Path(config).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ()
    setting = re.search(r'^[^;\n]*:journal/page-title-format\s+"(?P<form>[^"]+)"', text, re.M)
    return (setting["form"],) if setting else ()

"""Render digest records as Markdown, plain text, HTML, JSON or JSON lines.

Article text is data: it can never become markup in the Markdown or HTML digest, no output carries a
NUL byte, and file names are shown with control characters escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .config import EXTENSIONS
from .printable import clean_text, printable, without_nul
from .signature import signature_line

_UNSAFE = re.compile(r"[^\w\-]+", re.UNICODE)
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def format_for(path: str | None, explicit: str | None, default: str = "markdown") -> str:
    """--format wins; otherwise the output file's extension; otherwise the default."""
    if explicit:
        return explicit
    if path and path != "-":
        return EXTENSIONS.get(Path(path).suffix.lower(), default)
    return default


# -- text as data -------------------------------------------------------------------------------

def as_data(value: Any) -> Any:
    """`value` (a record, a signature) with NUL bytes and lone surrogates gone from every string."""
    if isinstance(value, str):
        return without_nul(value)
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_data(item) for item in value]
    return value


def _line(text: str | None) -> str:
    """Text for one line (a heading, a list item): control characters dropped, whitespace collapsed."""
    return " ".join(clean_text(text or "").split())


def _heading(record: dict[str, Any]) -> str:
    return _line(record["title"]) or _line(record["original_title"]) or printable(Path(record["path"]).name)


def _meta(record: dict[str, Any]) -> str:
    parts = [_line(record.get("source")), _line(" ".join(p for p in (record.get("date"), record.get("time")) if p))]
    return " · ".join(p for p in parts if p)


def _provenance(record: dict[str, Any], quote: Callable[[str], str] = str, code: Callable[[str], str] = str) -> str:
    """Where the article came from: its original title and its file (each formatted by `quote`, `code`)."""
    original = _line(record.get("original_title"))
    return (f"Original title: {quote(original)} · " if original else "") + f"File: {code(printable(record['path']))}"


def _header_lines(signature: dict[str, Any], records: list[dict[str, Any]]) -> tuple[str, str]:
    failed = sum(1 for r in records if r["error"])
    count = f"{len(records)} article{'s' if len(records) != 1 else ''}" + (f", {failed} failed" if failed else "")
    return f"News digest — {signature['created'][:10]} — {count}", signature_line(signature)


# -- Markdown: article text is data, never markup ------------------------------------------------

# characters that are markup anywhere in a line (CommonMark allows a backslash before any of them);
# an underscore between two letters or digits can never start emphasis, so source_language stays readable
_MD_ANYWHERE = re.compile(r"([\\`*<>\[\]#|~]|(?<![^\W_])_|_(?![^\W_]))")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")  # &amp; &#60; would become characters
# what starts a block at the beginning of a line: bullets, setext underlines, ordered list markers
_MD_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")


def md_inline(text: str | None) -> str:
    """Text on one Markdown line that renders as exactly that text: no heading, list, link or HTML."""
    return _md_escape(_line(text))


def md_block(text: str | None) -> str:
    """Paragraphs of text for Markdown: each line escaped and unindented, so none starts a block."""
    paragraphs = re.split(r"\n\s*\n", clean_text(text or "").strip())
    return "\n\n".join("\n".join(_md_escape(line.strip()) for line in paragraph.splitlines() if line.strip())
                       for paragraph in paragraphs if paragraph.strip())


def md_code(text: str) -> str:
    """`text` as a Markdown code span: shown literally, whatever characters it holds."""
    text = _line(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_escape(line: str) -> str:
    line = _MD_ENTITY.sub(r"\\&", _MD_ANYWHERE.sub(r"\\\1", line))
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def render_markdown(records: list[dict[str, Any]], signature: dict[str, Any], header: bool = True) -> str:
    out: list[str] = []
    if header:
        title, line = _header_lines(signature, records)
        out += [f"# {md_inline(title)}", "", f"*{md_inline(line)}*", ""]
    for record in records:
        out += [f"## {md_inline(_heading(record))}", ""]
        if _meta(record):
            out += [f"*{md_inline(_meta(record))}*", ""]
        out += [f"*{_provenance(record, md_inline, md_code)}*", ""]
        if record["error"]:
            out += [f"**Error:** {md_inline(printable(record['error']))}", ""]
            continue
        if record["headline"]:
            out += [f"**{md_inline(record['headline'])}**", ""]
        if record["style"] == "bullets":
            out += [f"- {md_inline(s)}" for s in record["summary_sentences"]] + [""]
        else:
            body = record["summary_sentences"][1:] if record["headline"] else record["summary_sentences"]
            out += [md_inline(" ".join(body)), ""]
        if record.get("translation"):
            out += ["### Translation", "", md_block(record["translation"]), ""]
        if record.get("original"):
            out += ["### Original", "", md_block(record["original"]), ""]
    return "\n".join(out).rstrip() + "\n"


def render_text(records: list[dict[str, Any]], signature: dict[str, Any], header: bool = True) -> str:
    out: list[str] = []
    if header:
        title, line = _header_lines(signature, records)
        out += [title, line, ""]
    for record in records:
        heading = _heading(record)
        out += [heading, "=" * min(len(heading), 78)]
        if _meta(record):
            out.append(_meta(record))
        out.append(_provenance(record))
        if record["error"]:
            out += ["", f"Error: {printable(record['error'])}", ""]
            continue
        out += ["", clean_text(record["summary"] or ""), ""]
        if record.get("translation"):
            out += ["Translation:", "", clean_text(record["translation"]), ""]
        if record.get("original"):
            out += ["Original:", "", clean_text(record["original"]), ""]
    return "\n".join(out).rstrip() + "\n"


_CSS = ("body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55;"
        "color:#222}header p{color:#666;font-size:.85rem}article{border-top:1px solid #ddd;padding:.5rem 0}"
        ".meta{color:#666;font-size:.9rem}.error{color:#a00}details{margin:.5rem 0}")


def render_html(records: list[dict[str, Any]], signature: dict[str, Any], header: bool = True) -> str:
    def e(text: str | None) -> str:
        return html.escape(clean_text(text or ""))

    title, line = _header_lines(signature, records)
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{e(title)}</title>",
           f"<style>{_CSS}</style>", f'<meta name="generator" content="{e(line)}">', "</head>", "<body>"]
    if header:
        out += ["<header>", f"<h1>{e(title)}</h1>", f"<p>{e(line)}</p>", "</header>"]
    for record in records:
        out += ["<article>", f"<h2>{e(_heading(record))}</h2>"]
        if _meta(record):
            out.append(f'<p class="meta">{e(_meta(record))}</p>')
        out.append(f'<p class="meta">{e(_provenance(record))}</p>')
        if record["error"]:
            out += [f'<p class="error">{e(printable(record["error"]))}</p>', "</article>"]
            continue
        if record["headline"]:
            out.append(f"<p><strong>{e(record['headline'])}</strong></p>")
        if record["style"] == "bullets":
            out += ["<ul>", *[f"<li>{e(s)}</li>" for s in record["summary_sentences"]], "</ul>"]
        else:
            body = record["summary_sentences"][1:] if record["headline"] else record["summary_sentences"]
            out.append(f"<p>{e(' '.join(body))}</p>")
        for label, key in (("Translation", "translation"), ("Original", "original")):
            if record.get(key):
                paragraphs = "".join(f"<p>{e(p)}</p>" for p in record[key].split("\n\n"))
                out.append(f"<details><summary>{label}</summary>{paragraphs}</details>")
        out.append("</article>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def render_json(records: list[dict[str, Any]], signature: dict[str, Any], header: bool = True) -> str:
    return json.dumps({"signature": signature, "articles": records}, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(records: list[dict[str, Any]], signature: dict[str, Any], header: bool = True) -> str:
    """One article per line, each carrying the signature so any line stands on its own."""
    return "".join(json.dumps({**record, "signature": signature}, ensure_ascii=False) + "\n" for record in records)


RENDERERS = {"markdown": render_markdown, "text": render_text, "html": render_html, "json": render_json,
             "jsonl": render_jsonl}


def render(records: list[dict[str, Any]], signature: dict[str, Any], fmt: str, header: bool = True) -> str:
    """A digest in `fmt`; no NUL byte or lone surrogate of the records reaches it."""
    return RENDERERS[fmt](as_data(records), as_data(signature), header)


def render_summaries(records: list[dict[str, Any]], signature: dict[str, Any], fmt: str) -> str:
    """What `newsdigest summarize` prints: a bare summary, JSON objects, or a digest without header."""
    records, signature = as_data(records), as_data(signature)
    if fmt == "json":
        objects = [{**record, "signature": signature} for record in records]
        return json.dumps(objects[0] if len(objects) == 1 else objects, ensure_ascii=False, indent=2) + "\n"
    if fmt == "text" and len(records) == 1 and not records[0]["error"]:
        return clean_text(records[0]["summary"]) + "\n"
    text = render(records, signature, fmt, header=False)
    if fmt == "markdown":
        text += f"\n*{md_inline(signature_line(signature))}*\n"
    return text


def safe_filename(title: str, used: set[str], suffix: str, limit: int = 80) -> str:
    """A file name from a title that cannot leave its folder: no separators, dots, reserved names."""
    stem = _UNSAFE.sub("-", title.lower()).strip("-_")[:limit].strip("-_") or "article"
    if stem.split(".")[0] in _RESERVED:
        stem = f"article-{stem}"
    name, number = stem, 2
    while name in used:
        name = f"{stem}-{number}"
        number += 1
    used.add(name)
    return name + suffix

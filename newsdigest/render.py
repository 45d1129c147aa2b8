"""Render digest records as Markdown, plain text, HTML, JSON or JSON lines."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from .config import EXTENSIONS
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


def _heading(record: dict[str, Any]) -> str:
    return record["title"] or record["original_title"] or Path(record["path"]).name


def _meta(record: dict[str, Any]) -> str:
    parts = [record.get("source"), " ".join(p for p in (record.get("date"), record.get("time")) if p) or None]
    return " · ".join(p for p in parts if p)


def _header_lines(signature: dict[str, Any], records: list[dict[str, Any]]) -> tuple[str, str]:
    failed = sum(1 for r in records if r["error"])
    count = f"{len(records)} article{'s' if len(records) != 1 else ''}" + (f", {failed} failed" if failed else "")
    return f"News digest — {signature['created'][:10]} — {count}", signature_line(signature)


def render_markdown(records: list[dict[str, Any]], signature: dict[str, Any], header: bool = True) -> str:
    out: list[str] = []
    if header:
        title, line = _header_lines(signature, records)
        out += [f"# {title}", "", f"*{line}*", ""]
    for record in records:
        out += [f"## {_md(_heading(record))}", ""]
        if record["error"]:
            out += [f"**Error:** {_md(record['error'])}", ""]
            continue
        meta = _meta(record)
        if meta:
            out += [f"*{_md(meta)}*", ""]
        if record["headline"]:
            out += [f"**{_md(record['headline'])}**", ""]
        if record["style"] == "bullets":
            out += [f"- {_md(s)}" for s in record["summary_sentences"]] + [""]
        else:
            body = record["summary_sentences"][1:] if record["headline"] else record["summary_sentences"]
            out += [_md(" ".join(body)), ""]
        if record.get("translation"):
            out += ["### Translation", "", _md(record["translation"]), ""]
        if record.get("original"):
            out += ["### Original", "", _md(record["original"]), ""]
    return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    """Keep article text from turning into Markdown/HTML markup."""
    return re.sub(r"([\\`*_<>\[\]#|])", r"\\\1", text)


def render_text(records: list[dict[str, Any]], signature: dict[str, Any], header: bool = True) -> str:
    out: list[str] = []
    if header:
        title, line = _header_lines(signature, records)
        out += [title, line, ""]
    for record in records:
        heading = _heading(record)
        out += [heading, "=" * min(len(heading), 78)]
        if record["error"]:
            out += [f"Error: {record['error']}", ""]
            continue
        if _meta(record):
            out.append(_meta(record))
        out += ["", record["summary"] or "", ""]
        if record.get("translation"):
            out += ["Translation:", "", record["translation"], ""]
        if record.get("original"):
            out += ["Original:", "", record["original"], ""]
    return "\n".join(out).rstrip() + "\n"


_CSS = ("body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55;"
        "color:#222}header p{color:#666;font-size:.85rem}article{border-top:1px solid #ddd;padding:.5rem 0}"
        ".meta{color:#666;font-size:.9rem}.error{color:#a00}details{margin:.5rem 0}")


def render_html(records: list[dict[str, Any]], signature: dict[str, Any], header: bool = True) -> str:
    e = html.escape
    title, line = _header_lines(signature, records)
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{e(title)}</title>",
           f"<style>{_CSS}</style>",
           f'<meta name="generator" content="{e(signature_line(signature))}">', "</head>", "<body>"]
    if header:
        out += ["<header>", f"<h1>{e(title)}</h1>", f"<p>{e(line)}</p>", "</header>"]
    for record in records:
        out += ["<article>", f"<h2>{e(_heading(record))}</h2>"]
        if record["error"]:
            out += [f'<p class="error">{e(record["error"])}</p>', "</article>"]
            continue
        if _meta(record):
            out.append(f'<p class="meta">{e(_meta(record))}</p>')
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
    return RENDERERS[fmt](records, signature, header)


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

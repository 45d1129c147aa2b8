"""JSON and JSON lines: one article per record, common field names understood without configuration."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from translate.errors import InputError

from ..config import InputSettings
from .article import Article, Failure, Found
from .fields import BODY, find_key, keep_extra, rendered, take_fields
from .layout import clean_body

MAX_DEPTH = 200  # deeper than any article record; deeper still would exhaust Python's stack later
_CONTAINERS = ("articles", "items", "data", "results", "entries", "posts", "records", "docs", "documents",
               "news", "stories", "hits")
_HTML = re.compile(r"<(?:p|br|div|span|h[1-6]|ul|ol|li|a|em|strong|b|i|figure|blockquote)\b[^>]*>", re.I)


def _too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether `value` nests lists/objects deeper than `limit` (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))
    return False


def loads(text: str, name: str) -> Any:
    """json.loads with one-line errors for invalid and absurdly nested documents."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{name}: invalid JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply to be an article (over {MAX_DEPTH} levels)") from None
    if _too_deep(data):
        raise InputError(f"{name}: JSON nested too deeply to be an article (over {MAX_DEPTH} levels)")
    return data


def _records(data: Any) -> list[Any]:
    """The article records in a JSON document: a list, a wrapper object ({"articles": [...]}) or one record."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        for key in _CONTAINERS:
            value = data.get(key)
            if isinstance(value, Mapping) and isinstance(value.get("hits"), list):  # Elasticsearch
                value = value["hits"]
            if isinstance(value, list) and value and all(isinstance(item, Mapping) for item in value):
                return list(value)
    return [data]


def record_article(record: Any, name: str, settings: InputSettings) -> Article:
    """One JSON object as an Article; raises InputError naming the field that is wrong."""
    if not isinstance(record, Mapping):
        raise InputError(f"{name}: expected a JSON object, got {type(record).__name__}")
    if isinstance(record.get("_source"), Mapping):
        record = record["_source"]
    body_key = find_key(record, BODY, settings.body_field)
    if body_key is None:
        wanted = f"'{settings.body_field}' or " if settings.body_field else ""
        raise InputError(f"{name}: no article text ({wanted}a field such as text, body, content, tekst; "
                         "set input.body_field to the field that holds it)")
    body = rendered(record[body_key])
    if isinstance(body, list) and all(isinstance(item, str) for item in body):
        body = "\n\n".join(body)
    if not isinstance(body, str):
        raise InputError(f"{name}: field '{body_key}' must be a string, got {type(body).__name__}")
    title_key = find_key(record, ("title", "headline", "kop", "titel"), settings.title_field)
    if title_key is not None and not isinstance(rendered(record[title_key]), str):
        raise InputError(f"{name}: field '{title_key}' must be a string, got {type(record[title_key]).__name__}")
    found = Found()
    explicit = {"title": settings.title_field, "date": settings.date_field, "url": settings.url_field,
                "source": settings.source_field, "author": settings.author_field}
    used = take_fields(record, found, explicit, used={body_key})
    keep_extra(record, used, found)
    if _HTML.search(body):
        from .html import fragment_paragraphs

        paragraphs = fragment_paragraphs(body)
    else:
        paragraphs = [part for part in re.split(r"\n\s*\n", body) if part.strip()]
    text = "\n\n".join(clean_body(paragraphs, found)).strip()
    if not text:
        raise InputError(f"{name}: field '{body_key}' is empty")
    return found.article(name, text, "json")


def parse_json(text: str, path: str, settings: InputSettings) -> Iterator[Article | Failure]:
    try:
        records = _records(loads(text, path))
    except InputError as error:
        yield Failure(path, str(error))
        return
    for number, record in enumerate(records, 1):
        name = f"{path}#{number}" if len(records) > 1 else path
        try:
            yield record_article(record, name, settings)
        except InputError as error:
            yield Failure(name, str(error))


def parse_jsonl(text: str, path: str, settings: InputSettings) -> Iterator[Article | Failure]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name = f"{path}:{number}"
        try:
            yield record_article(loads(line, name), name, settings)
        except InputError as error:
            yield Failure(name, str(error))

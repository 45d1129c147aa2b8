"""Field names that JSON records, JSON lines dumps and front matter use for the same things.

The common names work without configuration; a name set in [input] (title_field, body_field, ...)
is tried first. Whatever no field takes is kept under `extra`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from .article import Found

TITLE = ("title", "headline", "kop", "titel", "heading", "name")
BODY = ("text", "body", "content", "article", "tekst", "articlebody", "article_body", "inhoud", "fulltext",
        "full_text", "bodytext", "body_text", "maintext", "main_text", "story", "html", "content_html",
        "description", "summary")
DATE = ("date", "published", "published_at", "publishedat", "pubdate", "pub_date", "datepublished",
        "date_published", "publication_date", "publish_date", "publishdate", "created_at", "createdat", "created",
        "timestamp", "datum", "time", "datetime", "issued")
UPDATED = ("updated", "updated_at", "modified", "date_modified", "datemodified", "lastmod", "last_modified")
URL = ("url", "link", "permalink", "canonical_url", "canonical", "source_url", "original_url", "href", "uri",
       "web_url", "article_url")
SOURCE = ("source", "publisher", "site", "bron", "site_name", "sitename", "outlet", "medium", "newspaper",
          "krant", "publication", "agency")
AUTHOR = ("author", "authors", "byline", "auteur", "auteurs", "creator", "writer", "door")
TAGS = ("tags", "categories", "category", "keywords", "labels", "rubriek", "sectie", "section", "topics",
        "subjects", "trefwoorden", "articlesection")
# Keys that only steer a static site generator: kept in extra, never read as text.
_ROLES = {"title": TITLE, "date": DATE, "url": URL, "source": SOURCE, "author": AUTHOR}


def text_of(value: Any) -> str | None:
    """A display string from a value that may be a string, a {"name": ...} object or a list of them."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Mapping):
        for key in ("name", "title", "value", "@value", "text"):
            if isinstance(value.get(key), str):
                return text_of(value[key])
        return None
    if isinstance(value, (list, tuple)):
        names = [name for name in (text_of(item) for item in value) if name]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def list_of(value: Any) -> list[str]:
    if isinstance(value, str):
        separator = "," if "," in value else None
        return [part.strip() for part in value.split(separator)] if separator or " " not in value.strip() \
            else [value.strip()]
    if isinstance(value, (list, tuple)):
        return [name for name in (text_of(item) for item in value) if name]
    name = text_of(value)
    return [name] if name else []


def find_key(record: Mapping[str, Any], names: tuple[str, ...], explicit: str | None = None) -> str | None:
    """The record's key for a role: the configured one if present, else the first common name (any case)."""
    if explicit is not None and explicit in record:
        return explicit
    lowered = {str(key).lower().replace("-", "_"): key for key in record}
    for name in names:
        key = lowered.get(name)
        if key is not None and record[key] not in (None, "", [], {}):
            return key
    return None


def take_fields(record: Mapping[str, Any], found: Found, explicit: Mapping[str, str | None] | None = None,
                used: set[str] | None = None) -> set[str]:
    """Read title, date, url, source, author and tags from `record` into `found`; returns the keys used."""
    explicit = explicit or {}
    used = set(used or ())
    for role, names in _ROLES.items():
        key = find_key(record, names, explicit.get(role))
        if key is None or key in used:
            continue
        value = record[key]
        if role == "date":
            if isinstance(value, (dt.date, int, float)) or isinstance(value, str):
                if found.when(value):
                    used.add(key)
            continue
        text = text_of(value)
        if role == "url" and text and not text.lower().startswith(("http://", "https://", "www.")):
            continue  # a site-relative permalink ("/2023/06/21/park/") is no address: it stays in extra
        if text:
            found.offer(**{role: text})
            used.add(key)
    for name in TAGS:
        key = find_key(record, (name,))
        if key is not None and key not in used:
            found.tag(*list_of(record[key]))
            used.add(key)
    updated = find_key(record, UPDATED)
    if updated is not None and updated not in used:
        found.extra["updated"] = record[updated] if isinstance(record[updated], (str, int, float)) \
            else str(record[updated])
        used.add(updated)
    if found.source is None and found.author is not None:
        found.source = found.author
    return used


def keep_extra(record: Mapping[str, Any], used: set[str], found: Found) -> None:
    """Unused fields into `found.extra`, as JSON values (YAML and TOML dates become ISO strings)."""
    for key, value in record.items():
        if key not in used:
            found.extra[str(key)] = json.loads(json.dumps(value, default=_json_value, ensure_ascii=False))


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.time)) else str(value)

"""Front matter: the YAML (---), TOML (+++) or JSON ({ }) block at the top of Jekyll, Hugo and Obsidian files."""

from __future__ import annotations

import json
import logging
import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

log = logging.getLogger("newsdigest")

_BLOCK = re.compile(r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<block>.*?)\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                    re.S)
_KEY_VALUE = re.compile(r"^(?P<key>[\w.-]+)\s*[:=]\s*(?P<value>.*)$")


def without_front_matter(text: str) -> str:
    """`text` after its front matter block, unparsed: metadata is never text to translate."""
    match = _BLOCK.match(text)
    if match:
        return text[match.end():]
    json_block = _json_block(text)
    return json_block[1] if json_block else text


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any] | None, str]:
    """(metadata, rest of the text); (None, text) when there is no front matter."""
    match = _BLOCK.match(text)
    if not match:
        json_block = _json_block(text)
        return json_block if json_block else (None, text)
    block, rest = match["block"], text[match.end():]
    data: Any = None
    try:
        if match["fence"] == "+++":
            data = tomllib.loads(block)
        else:
            import yaml

            data = yaml.safe_load(block)
    except Exception as error:  # YAML and TOML errors: read the block line by line instead
        log.debug("%s: front matter is not valid %s (%s); reading it line by line", name,
                  "TOML" if match["fence"] == "+++" else "YAML", error)
    if not isinstance(data, dict):
        data = _lines(block)
    return data, rest


def _json_block(text: str) -> tuple[dict[str, Any], str] | None:
    """Hugo's JSON front matter: an object that opens the file and ends its own line, then the text."""
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if not text.startswith("{", start):
        return None
    try:
        data, end = json.JSONDecoder().raw_decode(text, start)
    except ValueError:
        return None
    rest = text[end:]
    if not isinstance(data, dict) or not re.match(r"[ \t]*(?:\r?\n|\Z)", rest):
        return None
    return data, rest.lstrip(" \t\r\n")


def _lines(block: str) -> dict[str, Any]:
    """`key: value` lines, for front matter that a strict parser refuses ("title: Rutte: we gaan door")."""
    data: dict[str, Any] = {}
    key = None
    for line in block.splitlines():
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key is not None:
            current = data.get(key)
            data[key] = (current if isinstance(current, list) else []) + [_unquote(item.group(1))]
            continue
        match = _KEY_VALUE.match(line)
        if match:
            key = match["key"]
            value = match["value"].strip()
            if value.startswith("[") and value.endswith("]"):
                data[key] = [_unquote(part) for part in value[1:-1].split(",") if part.strip()]
            else:
                data[key] = _unquote(value) if value else []
    return {key: value for key, value in data.items() if value != []}


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value

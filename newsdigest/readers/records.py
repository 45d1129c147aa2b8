"""JSON and JSON lines: one article per record, common field names understood without configuration."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlparse

from translate.errors import InputError

from ..config import InputSettings
from .article import Article, Failure, Found
from .fields import (AUTHOR, BODY, EXPORT_WORDS, TITLE, find_key, find_keys, keep_extra, read_moment, record_view,
                     relative_date, rendered, scalar, squashed, take_fields, text_of)
from .layout import clean_body, read_header, same_text
from .lexisnexis import record_paragraphs

MAX_DEPTH = 200  # deeper than any article record; deeper still would exhaust Python's stack later
_CONTAINERS = ("articles", "items", "data", "results", "entries", "posts", "records", "docs", "documents",
               "news", "stories", "hits", "content_elements",  # Arc XP search results hold stories there
               "objects",  # Diffbot's APIs answer {"request": ..., "objects": [...]}
               "artikelen", "berichten", "nieuwsberichten", "resultaten", "nieuws",
               "recentActivityArticles")  # Event Registry's article stream
# Where an object in a container holds its page of records: Elasticsearch's "hits", Event Registry's (NewsAPI.ai)
# {"articles": {"results": [...], "totalResults": ..., "page": 1}}, and its stream's {"activity": [...]}.
_PAGED = ("hits", "results", "activity")
# NewsAPI and other feeds cut their "content" short: "... worden… [+2104 chars]"; the count is no text.
_TRUNCATED = re.compile(r"(?:…|\.\.\.|\[\+\d+\s*chars?\]|\[…\])\s*$")
_CUT_COUNT = re.compile(r"\s*\[\+(?P<count>\d+)\s*chars?\]\s*$")
# What an API's free plan puts where the text would be (newsdata.io: "ONLY AVAILABLE IN PAID PLANS").
_WITHHELD = re.compile(r"\s*only\s+available\s+in\s+[\w\s]*plans?\s*", re.I)
# Fields holding the article's opening paragraph apart from the rest of the text. A CMS's "teaser" is one
# too where it is no summary of the text's opening and no cut-off copy of it (see _lead_key).
_LEADS = ("lead", "lede", "leadtext", "intro", "introtext", "standfirst", "inleiding", "chapeau", "teaser",
          "teasertext")
_DESCRIPTION_IS_LEAD = ("vrt.be",)
# Blocks of a structured body that are no text of the article.
_MEDIA_BLOCKS = {"image", "photo", "picture", "figure", "video", "audio", "embed", "gallery", "ad", "advertisement",
                 "related", "newsletter", "media", "social",
                 # Arc XP ANS: embeds, "Lees ook" links to other stories, rules
                 "oembed_response", "custom_embed", "interstitial_link", "link_list", "divider", "reference"}
_BLOCK_TYPES = _MEDIA_BLOCKS | {"text", "paragraph", "p", "header", "heading", "list", "quote", "blockquote",
                                "raw_html", "correction", "table"}
# Blocks that hold blocks: Arc XP ANS lists ("items") and quotes ("content_elements", "citation").
_NESTED = ("items", "content_elements", "citation")
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
    """The article records in a JSON document: a list, a wrapper object ({"articles": [...]}, or one list of
    records under any name beside the export's own fields) or one record."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        for key in _CONTAINERS:
            value = data.get(key)
            inner = next((name for name in _PAGED if isinstance(value, Mapping) and isinstance(value.get(name), list)),
                         None)
            if inner is not None:  # a page of results: {"hits": [...], "total": ...}, {"results": [...], "page": 1}
                value = value[inner]
            if isinstance(value, list) and value and all(isinstance(item, Mapping) for item in value) \
                    and not _blocks_of(data, value):
                return list(value)
        infos = [value.get("info") for value in data.values() if isinstance(value, Mapping)]
        if infos and len(infos) == len(data) and all(isinstance(info, Mapping) for info in infos):
            return infos  # Event Registry's getArticle: {"<uri>": {"info": {...}}, ...}
        lists = [value for value in data.values() if isinstance(value, list) and value
                 and all(isinstance(item, Mapping) for item in value)]
        own = find_key(data, BODY) or find_key(data, TITLE)
        if len(lists) == 1 and own is None and all(find_key(item, TITLE) or find_key(item, BODY) for item in lists[0]):
            return list(lists[0])  # a wrapper under a name of its own ({"bijgewerkt": ..., "feed": [...]})
    return [data]


def _blocks_of(record: Mapping[str, Any], items: list[Mapping[str, Any]]) -> bool:
    """Whether `items` are the blocks of the record's own body (an app API's {"title": ..., "items":
    [{"type": "text", ...}]}) rather than the articles of a wrapper: the record has a title and they have
    none, or every one is typed as a block (an untitled Arc XP story's "content_elements")."""
    if all(str(item.get("type", "")).lower() in _BLOCK_TYPES for item in items):
        return True
    return find_key(record, TITLE) is not None and not any(find_key(item, TITLE) for item in items)


def _block_text(block: Any) -> str | None:
    """The text of one block of a structured body ({"type": "paragraph", "text": ...}); None for media."""
    if isinstance(block, str):
        return block
    if not isinstance(block, Mapping) or str(block.get("type", "")).lower() in _MEDIA_BLOCKS:
        return None
    text = next((rendered(block[key]) for key in ("text", "html", "content", "value", "body")
                 if isinstance(rendered(block.get(key)), str)), None)
    if text is not None:
        return text
    bullet = "- " if str(block.get("type", "")).lower() == "list" else ""
    inner = [_block_text(item) for key in _NESTED
             for item in (block[key] if isinstance(block.get(key), list) else [block.get(key)]) if item]
    return "\n".join(f"{bullet}{line}" for line in inner if line and line.strip()) or None


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of a body field or block, written as HTML or as text."""
    if _HTML.search(text):
        from .html import fragment_paragraphs

        return fragment_paragraphs(text)
    parts = [part for part in re.split(r"\n\s*\n", text) if part.strip()]
    return [line for line in parts[0].splitlines() if line.strip()] if len(parts) == 1 and _line_paragraphs(parts[0]) \
        else parts


def _line_paragraphs(text: str) -> bool:
    """Whether a text without blank lines holds a paragraph a line (a crawler's "text": Apify's Website Content
    Crawler, a page's innerText) rather than lines wrapped at a width: some line is longer than any wrapped
    one, and most lines end a sentence."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    closed = sum(bool(re.search(r"[.!?:…\"”’')]$", line)) for line in lines[1:])
    return len(lines) > 2 and max(map(len, lines)) > 100 and closed >= 0.5 * (len(lines) - 1)


def _body_key(record: Mapping[str, Any], explicit: str | None) -> str | None:
    """The field holding the article text: the first of the common names, passing over a text cut short
    ("… [+2104 chars]") where a longer one follows, and a notice that the text is withheld."""
    keys = [key for key in find_keys(record, BODY, explicit)
            if key == explicit or not _WITHHELD.fullmatch(str(rendered(record[key])))]
    for index, key in enumerate(keys):
        value = rendered(record[key])
        longer = any(len(str(rendered(record[other]))) > len(str(value)) for other in keys[index + 1:])
        if key == explicit or not (isinstance(value, str) and _TRUNCATED.search(value) and longer):
            return key
    return None


def _lead_key(record: Mapping[str, Any], body_key: str, parts: list[str], url: str | None) -> str | None:
    """The field holding the article's lead where the body field goes on after it: a "lead", "intro" or
    "teaser", and the "description" of VRT NWS's API (the bold lead of vrt.be). None where the body already opens
    with the lead or where the lead only sums the opening up again (a teaser); a "description" elsewhere is a
    summary, never text of the article. A field left out stays in extra."""
    host = (urlparse(url).hostname or "") if url else ""
    names = _LEADS + (("description",) if host.endswith(_DESCRIPTION_IS_LEAD) else ())
    key = next((key for key in find_keys(record, names) if key != body_key), None)
    lead = rendered(record[key]) if key is not None else None
    if not isinstance(lead, str) or not lead.strip():
        return None
    opening = " ".join(parts)[: len(lead) + 400]
    return None if squashed(lead)[:80] in squashed(opening) or _restates(lead, opening) else key


# Words that say nothing of what an article is about, left out when comparing a lead with the text.
_COMMON = frozenset("""deze dezer dit dat die zijn heeft hebben wordt worden werd werden kunnen kan moet moeten
    zullen zal voor naar maar over niet ook meer nog door omdat waar want toen tegen onder tussen binnen volgens
    with that this have from they will their been were""".split())


def _restates(lead: str, opening: str) -> bool:
    """A teaser that sums up the text's opening in other words (most of its own words recur there), rather
    than a paragraph that comes before it: a summary to keep apart, never the article's first sentence."""
    words = {word for word in re.findall(r"\w{4,}", lead.lower()) if word not in _COMMON}
    if len(words) < 4:
        return False
    text = set(re.findall(r"\w{4,}", opening.lower()))
    return sum(word in text for word in words) >= 0.5 * len(words)


# MongoDB Extended JSON (mongoexport, v1 and v2): typed values as one-key objects, {"$date": "...Z"},
# {"$date": {"$numberLong": "<epoch ms>"}}, {"$oid": "..."}; what they hold is the value.
_EXTENDED = ("$date", "$numberLong", "$numberInt", "$numberDouble", "$numberDecimal", "$oid", "$symbol")


def _plain_json(value: Any) -> Any:
    """`value` with MongoDB Extended JSON wrappers replaced by what they hold."""
    if isinstance(value, Mapping):
        if len(value) == 1 and next(iter(value)) in _EXTENDED:
            return _plain_json(next(iter(value.values())))
        return {key: _plain_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_json(item) for item in value]
    return value


def _without_byline(paragraphs: list[str], author: str | None) -> list[str]:
    """The text without the byline that the record's author field repeats before its first sentence, on a line
    of its own or set off by spaces or a dash ("Joost Brink  De gemeente ...", "Door Joost Brink - De ...",
    "JOOST BRINK De ..."); a sentence about the author ("Joost Brink opent ...", "Joost Brink, de ...") is text,
    and so is one that opens with a one-word name ("NOS Jeugdjournaal begint ...")."""
    words = (author or "").split()
    if not words or not paragraphs:
        return paragraphs
    name = r"\s+".join(map(re.escape, words))
    glued = r"|\s+(?=[A-ZÀ-Ý\"'‘“„])" if len(words) > 1 else ""  # "JOOST BRINK De gemeente ..."
    match = re.match(rf"\s*(?i:(?:(?:door|van|by)\s+)?{name})(?:\s*[-–—|]\s+|[ \t\xa0]{{2,}}|\s*\n|\s*${glued})",
                     paragraphs[0])
    if not match:
        return paragraphs
    rest = paragraphs[0][match.end():].strip()
    return [rest, *paragraphs[1:]] if rest else paragraphs[1:]


def _flagged_agency(record: Mapping[str, Any]) -> str | None:
    """The author an aggregator flags as a news agency (Event Registry: {"name": "Belga", "isAgency": true}),
    which names the source before the site that ran its copy."""
    for key in find_keys(record, AUTHOR):
        for item in record[key] if isinstance(record[key], list) else [record[key]]:
            if isinstance(item, Mapping) and item.get("isAgency") is True:
                return text_of(item)
    return None


def record_article(record: Any, name: str, settings: InputSettings, read_at: dt.datetime | None = None) -> Article:
    """One JSON object as an Article; raises InputError naming the field that is wrong. `read_at` is when the
    export holding it was made, for a relative date ("5 uur geleden") where the record has no crawl time."""
    if not isinstance(record, Mapping):
        raise InputError(f"{name}: expected a JSON object, got {type(record).__name__}")
    if isinstance(record.get("_source"), Mapping):
        record = record["_source"]
    record = record_view(_plain_json(record))
    body_key = _body_key(record, settings.body_field)
    if body_key is None:
        wanted = f"'{settings.body_field}' or " if settings.body_field else ""
        raise InputError(f"{name}: no article text ({wanted}a field such as text, body, content, tekst; "
                         "set input.body_field to the field that holds it)")
    body = rendered(record[body_key])
    while isinstance(body, Mapping) and (inner := _body_key(body, None)) is not None:
        # a body object with the text inside (Feedly's "summary": {"content": ...}, Blendle's "content":
        # {"title": ..., "body": [...]}): its other fields count where the record lacks them
        record = {**{key: value for key, value in body.items() if key != inner},
                  **{key: value for key, value in record.items() if key != body_key}}
        body_key, body = inner, rendered(body[inner])
    if isinstance(body, list) and all(isinstance(item, (str, Mapping)) for item in body):
        parts = [text for text in map(_block_text, body) if text and text.strip()]
    elif isinstance(body, str):
        parts = [body]
    else:
        raise InputError(f"{name}: field '{body_key}' must be a string, got {type(body).__name__}")
    title_key = find_key(record, ("title", "headline", "kop", "titel"), settings.title_field)
    if title_key is not None and not isinstance(scalar(rendered(record[title_key])), str):
        raise InputError(f"{name}: field '{title_key}' must be a string, got {type(record[title_key]).__name__}")
    found = Found()
    cut = _CUT_COUNT.search(parts[-1]) if parts else None
    if cut:  # the record holds only the start of the text: the count of what it left out is no text
        parts[-1] = parts[-1][: cut.start()]
        found.extra["truncated_chars"] = int(cut["count"])
    explicit = {"title": settings.title_field, "date": settings.date_field, "url": settings.url_field,
                "source": settings.source_field, "author": settings.author_field}
    used = take_fields(record, found, explicit, used={body_key})
    found.agency = found.agency or _flagged_agency(record)
    if found.stamp is None and (relative := relative_date(record, found, read_at)) is not None:
        used.add(relative)
    lead_key = _lead_key(record, body_key, parts, found.url)
    if lead_key is not None:
        parts.insert(0, rendered(record[lead_key]))
        used.add(lead_key)
    keep_extra(record, used, found)
    paragraphs = [paragraph for part in parts for paragraph in _paragraphs(part)]
    if len(paragraphs) > 1 and found.title and same_text(paragraphs[0], found.title):
        # a page's text from its headline down (a crawler's "text"): the headline again, then the byline and date
        # row under it ("Sanne Ruiter 30-05-25, 06:00"), read as a page's header is
        paragraphs = paragraphs[1:]
        paragraphs = paragraphs[read_header(paragraphs, found, want_title=False):] or paragraphs
    paragraphs = _without_byline(paragraphs, found.author)
    if len(parts) == 1 and not _HTML.search(parts[0]):  # AmCAT keeps LexisNexis documents as records
        paragraphs = record_paragraphs("\n\n".join(paragraphs), found) or paragraphs
    text = "\n\n".join(clean_body(paragraphs, found)).strip()
    if not text:
        raise InputError(f"{name}: field '{body_key}' is empty")
    return found.article(name, text, "json")


def parse_json(text: str, path: str, settings: InputSettings) -> Iterator[Article | Failure]:
    try:
        data = loads(text, path)
    except InputError as error:
        yield Failure(path, str(error))
        return
    records = _records(data)
    read_at = read_moment(data, EXPORT_WORDS) if isinstance(data, Mapping) and records[0] is not data else None
    for number, record in enumerate(records, 1):
        name = f"{path}#{number}" if len(records) > 1 else path
        try:
            yield record_article(record, name, settings, read_at)
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

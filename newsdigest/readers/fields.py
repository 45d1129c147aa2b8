"""Field names that JSON records, JSON lines dumps and front matter use for the same things.

The common names work without configuration; a name set in [input] (title_field, body_field, ...)
is tried first. Whatever no field takes is kept under `extra`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from ..metadata import HOST, edition_paper, name_for_host, outlet, outlet_for_host, parse_timestamp
from .article import Found
from .layout import title_and_tags

# A bare "name" is as often a person or a site as a headline: it is the title only in a schema.org
# item ("@type": "NewsArticle", where "name" is the headline); elsewhere it stays in extra.
TITLE = ("title", "headline", "kop", "titel", "heading", "h1", "headlines")  # Arc XP: "headlines": {"basic": ...}
BODY = ("full_content", "text", "body", "content", "article", "tekst", "articlebody", "article_body", "inhoud",
        "fulltext", "full_text", "bodytext", "body_text", "maintext", "main_text", "story", "html", "content_html",
        "body_html", "html_body", "bodies", "body_blocks", "content_blocks", "content_elements", "blocks", "paragraphs",
        "article_text",
        # Dutch exports (media monitoring, CSV turned JSON): the message, the article, the body copy
        "bericht", "berichttekst", "artikel", "artikeltekst", "broodtekst", "volledige_tekst",
        "description", "beschrijving", "omschrijving", "summary", "samenvatting", "excerpt", "items")
DATE = ("date", "published", "published_at",
        # the article's date as a researcher names it in a notes database (Notion, Airtable), beside the app's
        # own "Created" and "Last edited": "Datum artikel", "Artikeldatum", "Article date"
        "datum_artikel", "artikeldatum", "datum_publicatie", "publicatie_datum", "datum_verschenen", "verschenen_op",
        "gepubliceerd_op", "date_of_publication",
        "first_issue_date",  # ANP's News API: first published; its "pubDate" is this version's release
        "pubdate", "pub_date", "pubdatum", "datepublished", "date_published", "publication_date", "publication_time",
        "published_time",
        "display_date", "first_publish_date",  # Arc XP: before "publish_date", its last republication
        "publish_date", "first_published_at",
        "firstcreated",  # IPTC ninjs: when the first version was made; "versioncreated" is this version's
        "created_at", "created", "datecreated", "date_created", "timestamp", "ts", "datum", "publicatiedatum",
        "gepubliceerd", "tijdstip", "tijd", "verschenen", "verschijningsdatum", "publicatietijdstip", "time",
        "datetime", "issued", "date_gmt", "date_utc", "published_gmt",
        # media-monitoring exports (Meltwater, Cision): their ingest and report dates are no publication date
        "published_date", "document_publish_date", "news_date", "article_date")
UPDATED = ("updated", "updated_at", "modified", "date_modified", "datemodified", "lastmod", "last_modified",
           "modified_time", "updated_time", "laatst_gewijzigd", "gewijzigd", "modified_gmt", "updated_gmt",
           "last_updated_date", "update_date", "versioncreated",
           "last_edited", "last_edited_time", "laatst_bewerkt")  # Notion's page properties
URL = ("url", "link", "permalink", "canonical_url", "canonical", "source_url", "original_url", "href", "uri",
       "web_url", "article_url", "external_url", "page_url")
SOURCE = ("source", "publisher", "site", "bron", "site_name", "outlet", "medium", "newspaper", "krant",
          "publication", "agency", "brand", "provider", "og_site_name", "uitgever", "origin",
          # media-monitoring exports name the outlet "source_name", "Outlet Name", "Media Outlet"
          *(f"{name}_name" for name in ("source", "outlet", "publication", "publisher", "media", "medium",
                                        "newspaper")), "media_outlet", "source_title",
          "source_id",  # newsdata.io names the publisher by a slug: "telegraaf", "nos"
          # reference managers name the paper an item appeared in: Zotero "publicationTitle", CSL "container-title"
          "publication_title", "container_title",
          # extraction tools name the site: newspaper4k "meta_site_name", trafilatura's JSON "source-hostname"
          # (its "source" is the URL), Diffbot "siteName", wallabag "domain_name" (a host)
          "meta_site_name", "source_hostname", "sitename", "domain_name")
AUTHOR = ("author", "authors", "byline", "auteur", "auteurs", "creator", "writer", "door", "by", "published_by")
TAGS = ("tags", "categories", "category", "keywords", "labels", "rubriek", "sectie", "section", "topics",
        "subjects", "trefwoorden", "articlesection", "sections")
# Objects that only wrap the record's fields: JSON:API {"data": {"attributes": ...}}, a scraper's "meta"
# block of page meta tags, WordPress's Yoast SEO block. Their fields count where the record lacks them.
_SCHEMA_WRAPPERS = ("jsonld", "json_ld", "ld_json")  # a page's schema.org data as a crawler keeps it (Apify: "jsonLd")
_WRAPPERS = ("data", "attributes", "meta", "metadata", "article", "item", "post", "document", "fields",
             "properties", "yoast_head_json", "seo", "opengraph", "credits", "taxonomy", "dates", "article_dates",
             "params",  # Hugo: [params] in front matter
             "enrich", "enrichment", "enriched", "extracted", "extraction", "parsed",  # a crawl's added fields
             *_SCHEMA_WRAPPERS)
# Keys that only steer a static site generator: kept in extra, never read as text.
# The source and the address go before the title: a title's " - NRC" tail names the outlet only where no
# field does, and a tail that names the record's own site goes (see without_own_site).
_ROLES = {"source": SOURCE, "author": AUTHOR, "url": URL, "title": TITLE, "date": DATE}


def rendered(value: Any) -> Any:
    """The string inside a WordPress REST field ({"rendered": "..."}) or a Drupal text field
    ({"value": "...", "format": "full_html"}), the main one of ninjs 2's alternatives ("headlines": [{"role":
    "main", "value": "..."}, {"role": "short", ...}]), else `value` as it is."""
    if isinstance(value, Mapping):
        return next((value[key] for key in ("rendered", "value") if isinstance(value.get(key), str)), value)
    return _main_alternative(value)


def _main_alternative(value: Any) -> Any:
    """The "main" value of ninjs 2's role-tagged alternatives (else the first), or `value` as it is."""
    if isinstance(value, list) and value and all(isinstance(item, Mapping) and "role" in item
                                                 and isinstance(item.get("value"), str) for item in value):
        return next((item["value"] for item in value if item["role"] == "main"), value[0]["value"])
    return value


def scalar(value: Any) -> Any:
    """The one string of a list that holds one, as Scrapy items hold every field (["Titel"], ["\\n  Titel  "])
    unless the spider's loader takes the first, or the main one of ninjs 2's alternatives; else `value` as it is."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        filled = [item.strip() for item in value if item.strip()]
        if len(filled) == 1:
            return filled[0]
    return _main_alternative(value)


def text_of(value: Any) -> str | None:
    """A display string from a value that may be a string, a {"name": ...} or {"rendered": ...} object
    or a list of them."""
    if isinstance(value, str):  # an Obsidian wiki link ("[[NOS]]", "[[Omroep West|West]]") names its page,
        value = re.sub(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]", r"\1", value)  # a Markdown link its text:
        return re.sub(r"\[([^\]]+)\]\(\S+\)", r"\1", value).strip() or None  # "[De Tijd](https://...)"
    if isinstance(value, Mapping) and isinstance(value.get("rendered"), str):  # WordPress: HTML entities, tags
        return html.unescape(re.sub(r"<[^>]+>", "", value["rendered"])).strip() or None
    if isinstance(value, Mapping):
        named = {_plain(key): item for key, item in value.items()}  # {"news:name": "VRT NWS"} too
        for key in ("name", "title", "value", "text", "basic"):  # Arc XP: {"basic": ...}
            if isinstance(named.get(key), str):
                return text_of(named[key])
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


def find_keys(record: Mapping[str, Any], names: tuple[str, ...], explicit: str | None = None) -> list[str]:
    """The record's keys for a role, best first: the configured one if present, then the common names
    (any case) that hold a value."""
    lowered = {_plain(key): key for key in reversed(list(record))}
    keys = [explicit] if explicit is not None and explicit in record else []
    for name in names:
        key = lowered.get(_plain(name))
        if key is not None and key not in keys and record[key] not in (None, "", [], {}):
            keys.append(key)
    return keys


def _plain(key: object) -> str:
    """A key as compared with the common names: any case, without "_", "-" or a namespace ("news:title",
    "publishedAt" and "published_at" are "title", "publishedat", "publishedat")."""
    return re.sub(r"[\W_]+", "", str(key).rsplit(":", 1)[-1].lower())


_WRAPPER_NAMES = frozenset(_plain(name) for name in _WRAPPERS)
_CREATED = frozenset(("createdat", "created", "datecreated"))
_PUBLISHED = frozenset(_plain(name) for name in DATE if "pub" in name or "artikel" in name or "article" in name
                       or "verschenen" in name)
_MOMENTS = frozenset(("date", "datetime", "time", "timestamp", "ts", "datum", "tijd", "tijdstip"))  # of anything
# Publication fields named in another word order or with a unit or zone: news-please's "date_publish" (beside
# "date_download" and "date_modify"), "published_ms" (epoch milliseconds), "publish_time_utc". A key with a
# word for publishing and none for another moment is one; its value still has to read as a date.
_PUBLISH_WORDS = frozenset(("publish", "published", "pub", "pubdate", "gepubliceerd"))
_OTHER_MOMENTS = frozenset(("update", "updated", "modify", "modified", "download", "downloaded", "crawl", "crawled",
                            "scrape", "scraped", "fetch", "fetched", "save", "saved", "archive", "archived",
                            "index", "indexed", "expire", "expires", "expiry", "embargo", "seen", "seendate"))


def _key_words(key: object) -> set[str]:
    """The words of a key: "date_publish", "publishedAt" and "news:scraped-at" are {date, publish}, {published, at},
    {scraped, at}."""
    return set(re.findall(r"[a-z]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", str(key).rsplit(":", 1)[-1]).lower()))


def _publication_key(key: object) -> bool:
    words = _key_words(key)
    return bool(words & _PUBLISH_WORDS) and not words & _OTHER_MOMENTS


# A relative date as a scraper copies it off a page ("5 uur geleden", "55 min geleden", "gisteren", "3 hours ago")
# is a moment only against the time it was read: the record's crawl time, else the export's own time.
_RELATIVE = re.compile(r"\s*(?:(?P<count>\d+|een|één|a|an)\s*"
                       r"(?P<unit>s|sec|seconden?|seconds?|m|min|minuten?|minutes?|"
                       r"u|uur|h|hours?|hrs?|d|dag|dagen|days?|w|week|weken|weeks?)\.?\s+(?:geleden|ago)|"
                       r"(?P<day>vandaag|today|gisteren|yesterday|eergisteren))\b", re.I)
_UNIT_SECONDS = {"s": 1, "m": 60, "u": 3600, "h": 3600, "d": 86400, "w": 604800}
_READ_WORDS = frozenset(("crawl", "crawled", "scrape", "scraped", "fetch", "fetched", "download", "downloaded",
                         "retrieve", "retrieved", "saved", "gecrawld", "opgehaald", "gedownload", "seen", "seendate"))
# an export's own time, at its top: when it was made or last brought up to date
EXPORT_WORDS = _READ_WORDS | {"updated", "bijgewerkt", "generated", "exported", "gegenereerd", "geexporteerd",
                              "built", "lastbuilddate"}


def read_moment(mapping: Mapping[str, Any], words: frozenset[str] | set[str] = _READ_WORDS) -> dt.datetime | None:
    """When `mapping` (a record, or an export's top) says its text was read, with the time; None if it does not."""
    for key, value in mapping.items():
        if _key_words(key) & words and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            stamp = parse_timestamp(value)
            if stamp is not None and stamp.time is not None:
                return dt.datetime.fromisoformat(stamp.iso)
    return None


def relative_date(record: Mapping[str, Any], found: Found, read_at: dt.datetime | None) -> str | None:
    """Date the article by a relative date field ("5 uur geleden") counted back from when the record was read
    (its crawl time, else `read_at`, the export's); the key used, or None."""
    for key in find_keys(record, DATE):
        match = _RELATIVE.fullmatch(record[key].strip().rstrip(".")) if isinstance(record[key], str) else None
        moment = (read_moment(record) or read_at) if match else None
        if moment is None:
            continue
        if match["day"]:  # a day without a time: no time is made up
            days = {"vandaag": 0, "today": 0, "gisteren": 1, "yesterday": 1, "eergisteren": 2}[match["day"].lower()]
            when: dt.date | dt.datetime = moment.date() - dt.timedelta(days=days)
        else:
            count = int(match["count"]) if match["count"].isdigit() else 1
            seconds = count * _UNIT_SECONDS[match["unit"][0].lower()]
            when = moment - dt.timedelta(seconds=seconds)
            when = when if seconds < 86400 else when.date()  # "2 dagen geleden" gives a day, not an hour
        if found.when(when):
            found.extra["date_as_written"] = record[key]
            return key
    return None


def record_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's fields, then those of the wrapper objects in it (see _WRAPPERS) where the record lacks
    them; the wrappers themselves are no fields."""
    view: dict[str, Any] = {}
    queue: list[tuple[Mapping[str, Any], int]] = [(record, 0)]
    while queue:
        mapping, depth = queue.pop(0)
        for key, value in mapping.items():
            if _plain(key) in _WRAPPER_NAMES:
                value = _listed_fields(key, value)
            if isinstance(value, Mapping) and depth < 3 and _plain(key) in _WRAPPER_NAMES and "rendered" not in value:
                queue.append((value, depth + 1))
            elif depth == 0 or all(_plain(key) != _plain(seen) for seen in view):
                view[key] = value
    return view


def _listed_fields(key: str, value: Any) -> Any:
    """A wrapper kept as a list, as one object: a page's meta tags as pairs ([{"property": "og:site_name",
    "content": "NH Nieuws"}, ...], Apify's "openGraph"), the first meaning of each; its schema.org items (Apify's
    "jsonLd", a "@graph"), the article among them. Anything else as it is."""
    schema = _plain(key) in {_plain(name) for name in _SCHEMA_WRAPPERS}
    if schema and isinstance(value, Mapping) and isinstance(value.get("@graph"), list):
        value = value["@graph"]
    if not isinstance(value, list) or not value or not all(isinstance(item, Mapping) for item in value):
        return value
    pairs = [(item.get("property") or item.get("name"), item.get("content")) for item in value]
    if all(isinstance(name, str) and isinstance(content, str) for name, content in pairs):
        fields: dict[str, Any] = {}
        for name, content in pairs:
            fields.setdefault(name, content)
        return fields
    items = [item for item in value if _is_schema_item(item)] if schema else []
    return next((item for item in items if "Article" in str(item.get("@type"))), items[0] if items else value)


def find_key(record: Mapping[str, Any], names: tuple[str, ...], explicit: str | None = None) -> str | None:
    """The record's first key for a role (see `find_keys`), or None."""
    return next(iter(find_keys(record, names, explicit)), None)


def _is_schema_item(record: Mapping[str, Any]) -> bool:
    kind = record.get("@type")
    return any(isinstance(item, str) and re.search(r"Article|Posting|CreativeWork|WebPage|Report", item)
               for item in (kind if isinstance(kind, list) else [kind]))


# An identifier (a UUID, a hash, a number) names no one: ANP's News API gives the feed's UUID as "source".
_ID = re.compile(r"[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}|[\da-f]{16,}|\d+", re.I)


def _take(role: str, value: Any, found: Found) -> bool:
    """Offer one field's value for `role`; False when it holds nothing usable for it."""
    value = scalar(value)
    if role == "date":
        return isinstance(value, (dt.date, int, float, str)) and found.when(value)
    text = text_of(value)
    if text and role in ("source", "author") and _ID.fullmatch(text):
        return False
    if text and role == "source":  # a slug ("telegraaf") or a regional edition ("AD Haagsche Courant"): the outlet
        text = (outlet(text) if re.fullmatch(r"[a-z\d_-]+", text) else edition_paper(text)) or text
    if role == "url" and text and not text.lower().startswith(("http://", "https://", "www.")):
        return False  # a site-relative permalink ("/2023/06/21/park/") is no address: it stays in extra
    if text and role == "title":
        text = without_own_site(title_and_tags(text, found), found)  # "LIVE. ...", "... - NRC": labels to tags,
        # site tails off
    if text:
        found.offer(**{role: text})
    return bool(text)


def without_own_site(title: str, found: Found) -> str:
    """`title` without a tail that names the record's own site, slogan and all, which aggregators (NewsAPI, Google
    Alerts and Google News feeds) keep: "... - 1Limburg | Nieuws en sport uit Limburg" from 1limburg.nl, "... - VPRO
    3 voor 12" from 3voor12.vpro.nl. A tail naming anything else is the headline's ("... - Poing")."""
    names = [found.source or ""]
    if found.url:
        names.append(urlparse(found.url).hostname or "")
    site = {part for name in names for part in [squashed(name), *map(squashed, name.split(".")[:-1])]
            if len(part) >= 2 and part != "www"}
    for separator in re.finditer(r"\s+(?:-|–|—|\|)\s+", title):
        name = re.split(r"\s+\|\s+", title[separator.end():], maxsplit=1)[0]
        if separator.start() >= 8 and site and _spelled(squashed(name), site):
            return title[: separator.start()]
    return title


def squashed(text: str) -> str:
    """The letters and digits of `text` as read (tags and entities resolved), in lower case: to compare
    names and texts however they are written ("VPRO 3 voor 12", "<p>De ...</p>")."""
    return re.sub(r"[\W_]+", "", html.unescape(re.sub(r"<[^>]+>", "", text)).lower())


def _spelled(text: str, parts: set[str]) -> bool:
    """Whether `text` is some of `parts` one after another ("vpro3voor12" from "vpro" and "3voor12")."""
    reached = {0}
    for start in range(len(text)):
        if start in reached:
            reached.update(start + len(part) for part in parts if text.startswith(part, start))
    return len(text) in reached and bool(text)


def _is_address(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://", "www."))


_ZONED = re.compile(r"(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*$", re.I)


def _zoned(record: Mapping[str, Any], key: str, value: Any) -> Any:
    """A stamp without a zone given the zone the record names for it, so that it is dated in Amsterdam time
    like any other UTC stamp: UTC for a field named for it (WordPress's "date_gmt": "2024-05-28T13:05:00"),
    else the zone in a field beside it (newsdata.io's "pubDateTZ": "UTC")."""
    if not isinstance(value, str) or not re.match(r"\s*\d{4}-\d{2}-\d{2}[T ]\d", value) or _ZONED.search(value):
        return value
    zone_key = find_key(record, (f"{key}tz", f"{key}_timezone"))
    zone = "UTC" if _plain(key).endswith(("gmt", "utc")) else record[zone_key] if zone_key else None
    if not isinstance(zone, str) or not zone.strip():
        return value
    if _ZONED.fullmatch(zone.strip()):  # "UTC", "GMT", "Z", "+02:00"
        return value.strip() + ("Z" if zone.strip().upper() in ("UTC", "GMT", "Z") else zone.strip())
    try:
        from zoneinfo import ZoneInfo

        return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=ZoneInfo(zone.strip())).isoformat()
    except (ValueError, KeyError):  # no zone by that name, or no stamp Python reads: as written
        return value


def take_fields(record: Mapping[str, Any], found: Found, explicit: Mapping[str, str | None] | None = None,
                used: set[str] | None = None) -> set[str]:
    """Read title, date, url, source, author and tags from `record` into `found`; returns the keys used."""
    explicit = explicit or {}
    used = set(used or ())
    for role, names in _ROLES.items():
        if role == "title" and _is_schema_item(record):
            names = (*names, "name")
        # the first field that holds a usable value wins: {"published": true, "datePublished": "2024-..."}
        keys = find_keys(record, names, explicit.get(role))
        if role == "source":  # a "source" that is the article's address names the site only where no field does
            keys.sort(key=lambda key: key != explicit.get(role) and _is_address(record[key]))
        if role == "date":
            keys += [key for key in record if key not in keys and _publication_key(key)
                     and record[key] not in (None, "", [], {})]
            # a field named for publication beats one named only for a moment: Event Registry's (NewsAPI.ai)
            # "date", "time" and "dateTime" say when it found the article, its "dateTimePub" when it came out
            if any(_plain(key) in _PUBLISHED or _publication_key(key) for key in keys):
                keys.sort(key=lambda key: key != explicit.get(role) and _plain(key) in _MOMENTS)
        if role == "date" and any(_key_words(key) & {"date", "datum"} and _plain(key) not in _CREATED for key in keys):
            # a record dated in a field of its own has its "Created" for when it was made (a Notion page's
            # "Created" beside the "Datum" the researcher filled in)
            keys.sort(key=lambda key: key != explicit.get(role) and _plain(key) in _CREATED)
        if role == "date" and any(_plain(key) in _PUBLISHED or _publication_key(key) for key in record):
            # a record with a publication field, even an empty one, has its "created_at" for when it was saved
            # (wallabag: "published_at": null beside the save time)
            keys = [key for key in keys if key == explicit.get(role) or _plain(key) not in _CREATED]
        key = next((key for key in keys
                    if key not in used and _take(role, _zoned(record, key, record[key]), found)), None)
        if key is not None:
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
    if found.source is None and found.url:  # the site at the address (VRT NWS's API names no publisher)
        host = urlparse(found.url).hostname or ""
        found.offer(source=outlet_for_host(host) or name_for_host(host, _self_names(record)))
    if found.source and HOST.fullmatch(found.source):  # a site known by its host ("www.rtvdordrecht.nl", wallabag's
        # "domain_name"): the name the record gives it elsewhere, in a byline or a headline's tail
        found.source = name_for_host(found.source, _self_names(record)) or found.source
    if found.source is None and found.author is not None and _newsroom(found.author):
        found.source = found.author  # "author": "Redactie RTV Utrecht" names the outlet; a person never does
    return used


def _self_names(record: Mapping[str, Any]) -> list[str]:
    """Where a record's site names itself: its byline and site fields ("Redactie RTV Dordrecht") and the tail of
    its headline (" | DTV Nieuws"); never a description or the text, which name whoever they are about."""
    names = [text_of(record[key]) for key in find_keys(record, AUTHOR + SOURCE)]
    for key in find_keys(record, TITLE):
        names.extend(re.split(r"\s+[|–—-]\s+", text_of(record[key]) or "")[1:])
    return [name for name in names if name and len(name) <= 120]


def _newsroom(author: str) -> bool:
    """Whether an author field names a newsroom or outlet rather than a person."""
    return bool(outlet(author) or re.search(r"\bredactie\b", author, re.I))


def keep_extra(record: Mapping[str, Any], used: set[str], found: Found) -> None:
    """Unused fields into `found.extra`, as JSON values (YAML and TOML dates become ISO strings)."""
    for key, value in record.items():
        if key not in used:
            found.extra[str(key)] = json.loads(json.dumps(value, default=_json_value, ensure_ascii=False))


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.time)) else str(value)

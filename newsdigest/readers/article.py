"""What every reader produces: an Article, or a Failure for an input that could not be read."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ..metadata import AMSTERDAM, BRUSSELS, Stamp, agency, newsroom_timezone, outlet_for_host, parse_timestamp


# A UTC time (Z, GMT, epoch) is given on the clock of the newsroom that dated the article where the article
# says which: 22:40Z on 28 June is 00:40 on 29 June for a Dutch or Flemish one. In order, the source or its
# address (a Dutch or Belgian outlet, agency or site: its clock, whatever the article's language), the
# language a record or export names, the language the text is plainly in, and the source language of the run
# (--from). Dutch is dated in Amsterdam (Flemish, nl-BE, in Brussels: the same clock); any other language keeps
# UTC, as do articles that say nothing. A written offset is always kept.
NEWS_TIMEZONES = {"nl": AMSTERDAM, "nl-nl": AMSTERDAM, "nl-be": BRUSSELS}
_LANGUAGE_KEYS = ("language", "lang", "inlanguage", "locale", "taal", "languagecode")
_LANGUAGE_NAMES = {"dutch": "nl", "nederlands": "nl", "nld": "nl", "dut": "nl", "flemish": "nl-be", "vlaams": "nl-be",
                   "english": "en", "engels": "en", "german": "de", "duits": "de", "french": "fr", "frans": "fr"}


def newsroom_zone(source: str | None, url: str | None, extra: dict[str, Any], text: str,
                  language: str | None = None) -> str | None:
    """The timezone whose clock dates the article (see NEWS_TIMEZONES), or None to keep UTC. `language` is the
    run's source language, the last word where nothing in the article tells."""
    from ..languages import plain_language

    zone = newsroom_timezone(source, url)
    if zone is not None:
        return zone
    said = declared_language(extra) or plain_language(text) or (language or "").lower().replace("_", "-")
    return NEWS_TIMEZONES.get(said)


def declared_language(extra: dict[str, Any]) -> str | None:
    """The language a record or export names in a field ("nl-BE", "nl_NL", "DUTCH; NEDERLANDS", "en"), as a
    lower-case code; None where it names none."""
    for key, value in extra.items():
        if re.sub(r"[\W_]+", "", str(key).lower()) not in _LANGUAGE_KEYS or not isinstance(value, str):
            continue
        code = re.fullmatch(r"\s*([a-z]{2})(?:[-_]([a-z]{2}))?\s*", value.lower())
        if code:
            return f"{code[1]}-{code[2]}" if code[2] else code[1]
        named = next((_LANGUAGE_NAMES[word] for word in re.findall(r"[a-z]+", value.lower()) if word in _LANGUAGE_NAMES),
                     None)
        if named:
            return named
    return None


def news_time(stamp: Stamp, zone: str) -> Stamp:
    """`stamp` on the clock of `zone` when it is a UTC moment; otherwise as written."""
    if not _utc(stamp):
        return stamp
    from zoneinfo import ZoneInfo

    moment = dt.datetime.fromisoformat(stamp.iso).astimezone(ZoneInfo(zone))
    return Stamp(moment.date().isoformat(), moment.strftime("%H:%M"), moment.isoformat(timespec="seconds"))


def _utc(stamp: Stamp) -> bool:
    return stamp.time is not None and stamp.iso.endswith("+00:00")


def dated_by_newsroom(item: Article | Failure, language: str) -> Article | Failure:
    """An article still dated in UTC given its newsroom's clock where the run's source language, `language`,
    is the only word on it (see NEWS_TIMEZONES); anything else as it is."""
    if not isinstance(item, Article) or item.published is None or item.time is None:
        return item
    stamp = Stamp(item.date or "", item.time, item.published)
    if not _utc(stamp):
        return item
    zone = newsroom_zone(item.source, item.url, item.extra, f"{item.title or ''} {item.body}", language)
    if zone is not None:
        stamp = news_time(stamp, zone)
        item.date, item.time, item.published = stamp.date, stamp.time, stamp.iso
    return item


def plausible(stamp: Stamp) -> bool:
    """Not a placeholder ("0001-01-01", epoch zero) and not more than two days in the future."""
    today = dt.date.today()
    return dt.date(1800, 1, 1) < dt.date.fromisoformat(stamp.date) <= today + dt.timedelta(days=2)


@dataclass
class Article:
    """One article: the text to translate (`body`, `title`) and what is known about it.

    `date` and `time` are local as written; `published` is ISO 8601 with the timezone offset when the
    source gave one. Bylines go to `author`, photo credits to `credits`, section tags and categories to
    `tags`: none of them is part of the body. Fields a record or front matter had that no field takes
    are kept in `extra`.
    """

    path: str
    body: str
    title: str | None = None
    date: str | None = None
    time: str | None = None
    source: str | None = None
    url: str | None = None
    kind: str = "text"
    author: str | None = None
    published: str | None = None
    tags: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
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


@dataclass
class Found:
    """Metadata gathered while reading; the first value found for a field wins."""

    title: str | None = None
    stamp: Stamp | None = None
    source: str | None = None
    agency: str | None = None  # a news agency named as the source: it wins over the publishing site
    author: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def when(self, value: object) -> bool:
        """Take a publication date if none is known yet; True if `value` held one."""
        stamp = parse_timestamp(value)
        if stamp is None or not plausible(stamp):
            return False
        if self.stamp is None:
            self.stamp = stamp
        return True

    def offer(self, **values: str | None) -> None:
        for name, value in values.items():
            if not isinstance(value, str) or not value.strip():
                continue
            value = " ".join(value.split())
            if name in ("source", "author") and agency(value):  # "ANP", "Belga", "ANP/NU.nl"
                self.agency = self.agency or agency(value)
                if value[:1] in "([" and value[-1:] in ")]":  # a byline field's "(ANP)"
                    value = value[1:-1].strip()
            if name == "source" and re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", value, re.I):
                value = outlet_for_host(value) or value  # a site name given as its host: "hln.be" is HLN
            if name == "source" and value.lower().startswith(("http://", "https://", "www.")):
                self.offer(url=value)  # a source given as the article's address names its site
                host = urlparse(value if "//" in value else f"//{value}").hostname or ""
                value = outlet_for_host(host) or host.removeprefix("www.")
            if value and getattr(self, name) is None:
                setattr(self, name, value)

    def tag(self, *values: str) -> None:
        for value in values:
            value = " ".join(str(value).split()).strip(" #|")
            if value and value not in self.tags:
                self.tags.append(value)

    def credit(self, value: str) -> None:
        if value not in self.credits:
            self.credits.append(value)

    def article(self, path: str, body: str, kind: str) -> Article:
        stamp = self.stamp
        if stamp is not None and _utc(stamp):
            zone = newsroom_zone(self.agency or self.source, self.url, self.extra, f"{self.title or ''} {body}")
            stamp = news_time(stamp, zone) if zone else stamp
        return Article(path=path, body=body, title=self.title, date=stamp.date if stamp else None,
                       time=stamp.time if stamp else None, source=self.agency or self.source, url=self.url, kind=kind,
                       author=self.author, published=stamp.iso if stamp else None, tags=list(self.tags),
                       credits=list(self.credits), extra=dict(self.extra))

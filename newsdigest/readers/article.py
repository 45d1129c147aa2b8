"""What every reader produces: an Article, or a Failure for an input that could not be read."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ..metadata import Stamp, agency, outlet_for_host, parse_timestamp


# Dutch and Flemish news is dated by the clock in Amsterdam and Brussels: a UTC time (Z, GMT, epoch) in a
# Dutch article is given in that zone, so 22:40Z on 28 June is 00:40 on 29 June. A written offset is kept,
# and articles in other languages keep UTC: their readers' clocks are elsewhere.
NEWS_TIMEZONE = "Europe/Amsterdam"
_DUTCH_WORDS = frozenset("de het een van en niet dat op voor met zijn ook maar naar bij uit wordt werd".split())


def is_dutch(text: str) -> bool:
    """Whether `text` reads as Dutch: its most common small words make up a tenth of it."""
    words = re.findall(r"[a-zà-ÿ]+", text[:4000].lower())
    return bool(words) and sum(word in _DUTCH_WORDS for word in words) >= 0.1 * len(words)


def news_time(stamp: Stamp) -> Stamp:
    """`stamp` in NEWS_TIMEZONE when it is a UTC moment; otherwise as written."""
    if stamp.time is None or not stamp.iso.endswith("+00:00"):
        return stamp
    from zoneinfo import ZoneInfo

    moment = dt.datetime.fromisoformat(stamp.iso).astimezone(ZoneInfo(NEWS_TIMEZONE))
    return Stamp(moment.date().isoformat(), moment.strftime("%H:%M"), moment.isoformat(timespec="seconds"))


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
        stamp = news_time(self.stamp) if self.stamp and is_dutch(f"{self.title or ''} {body}") else self.stamp
        return Article(path=path, body=body, title=self.title, date=stamp.date if stamp else None,
                       time=stamp.time if stamp else None, source=self.agency or self.source, url=self.url, kind=kind,
                       author=self.author, published=stamp.iso if stamp else None, tags=list(self.tags),
                       credits=list(self.credits), extra=dict(self.extra))

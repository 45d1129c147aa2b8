"""RSS 0.9x/1.0/2.0 and Atom feeds through feedparser: one article per entry.

An entry with full content (content:encoded, atom:content) is read as it is; otherwise the page it
links to is fetched and extracted, unless fetching is off, when the entry's own summary is the text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urljoin, urlparse

from translate.errors import InputError

from ..metadata import agency, byline, name_for_host, outlet, outlet_for_host
from .article import Article, Failure, Found
from .fields import without_own_site
from .layout import clean_body

log = logging.getLogger("newsdigest")

FEED_MARKERS = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
FULL_TEXT = 600  # characters of text: shorter content is a teaser, and the linked page is fetched

PageReader = Callable[[str], Article]

# A channel's title names the feed as well as its publisher: feed words ("BrusselNieuws RSS", "NOS - Article
# Feed", "RSS-feed van Het Parool"), the section it carries ("NU - Algemeen", "De Standaard - Binnenland") and a
# WordPress site's tagline ("Dorpsblad Heeze – Nieuws uit Heeze en Leende") are no part of the name.
_FEED_WORDS = re.compile(r"(?<![\w-])(?:(?:(?:article|artikel|nieuws|news)[- ]?)?(?:(?:rss|atom|xml)[- ]?)?feeds?"
                         r"|rss|atom|xml)(?![\w-])", re.I)
_TITLE_PARTS = re.compile(r"\s+[-–—|·•:]+\s+|\s*[|·•]\s*")
_SECTION_WORDS = frozenset("""nieuws news laatste latest alle all het de the net binnen meest gelezen hoofdpunten
    hoofdnieuws algemeen voorpagina home homepage headlines top stories artikelen berichten updates breaking nieuwste
    binnenland buitenland politiek economie sport cultuur media tech wetenschap opmerkelijk regio regionaal lokaal
    gezondheid klimaat opinie achtergrond financieel geld werk wonen onderwijs justitie verkeer weer showbizz
    entertainment muziek film lifestyle reizen europa wereld video podcast podcasts en uit van""".split())


def looks_like_feed(data: bytes) -> bool:
    return bool(FEED_MARKERS.match(data[:2048]))


def _text(html: str) -> list[str]:
    """The paragraphs of an entry's text, HTML or plain. Plain text is unescaped once more: feeds that escape
    their HTML twice leave entities in it once feedparser has read them ("astero&iuml;de"). A paragraph that is
    only an address (De Morgen's content:encoded holding the photo's URL) is no text."""
    from .html import fragment_paragraphs

    if "<" in html:
        paragraphs = fragment_paragraphs(html)
    else:
        paragraphs = [unescape(part) for part in re.split(r"\n\s*\n", html) if part.strip()]
    return [part for part in paragraphs if not re.fullmatch(r"\s*(?:https?://|www\.)\S+\s*", part)]


def _entry_stamp(entry: Any, found: Found) -> None:
    for key in ("published", "updated", "created"):
        if entry.get(key) and found.when(entry[key]):
            return
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            found.when(dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc))
            return


def parse_feed(data: bytes | str, name: str, read_page: PageReader | None,
               base_url: str | None = None) -> Iterator[Article | Failure]:
    """Articles from a feed document; `read_page(url)` fetches and extracts a linked page (None: do not);
    relative links are resolved against `base_url`, the feed's own address."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") and parsed.get("bozo_exception") else ""
        yield Failure(name, f"{name}: a feed without entries{reason}")
        return
    channel = publisher(parsed.feed.get("title"), parsed.feed.get("link"))
    for number, entry in enumerate(parsed.entries, 1):
        entry_name = f"{name}#{number}"
        try:
            yield _entry_article(entry, entry_name, channel, read_page, base_url)
        except InputError as error:
            yield Failure(entry_name, str(error))


# A channel of a monitoring service's alert ("Google Alert - woningbouw", "Google-melding - ...", "Talkwalker Alerts"):
# the user's search, never a publisher.
_ALERT = re.compile(r"^\W*(?:google|talkwalker|mention|bing)[\s-]*(?:news\s+)?(?:alerts?|meldingen|melding)\b", re.I)
# The parameter of a redirect that holds the address it leads to: Google Alerts' google.com/url?...&url=<target>,
# Bing News' apiclick.aspx?...&url=<target>, Facebook's l.php?u=<target>.
_TARGET_KEYS = ("url", "u", "q", "target", "dest", "destination")


def redirect_target(link: str) -> str | None:
    """The article's own address where an entry's link is a redirect through an alert or aggregator to another
    site; None where it is no such redirect."""
    parsed = urlparse(link)
    query = parse_qs(parsed.query)
    for key in _TARGET_KEYS:
        for value in query.get(key, []):
            host = urlparse(value).hostname if value.startswith(("http://", "https://")) else None
            if host and host != parsed.hostname:
                return value
    return None


def publisher(title: str | None, link: str | None) -> str | None:
    """The publisher a feed's channel (or an entry's <source>) names, as it names itself: a known outlet in the
    title ("NOS Nieuws - Algemeen": NOS) or at the link's host, else the part of the title that spells the host,
    else its first part that is no section; the host where the title is nothing but feed and section words. An
    alert's channel names no publisher."""
    if title and _ALERT.match(title):
        return None
    parts = [" ".join(_FEED_WORDS.sub(" ", part).split()) for part in _TITLE_PARTS.split(title or "")]
    parts = [re.sub(r"^(?:van|of|from)\s+", "", part, flags=re.I) for part in parts if part]
    known = next((name for name in map(_known_outlet, parts) if name), None)  # "Het Laatste Nieuws" too
    parts = [part for part in parts if not set(part.lower().split()) <= _SECTION_WORDS]
    host = (urlparse(link).hostname or "") if link and "//" in link else ""
    if known or (host and outlet_for_host(host)):
        return known or outlet_for_host(host)
    named = name_for_host(host, parts) if host else None
    return named or next(iter(parts), None) or host.removeprefix("www.") or None


def _known_outlet(part: str) -> str | None:
    """The outlet or agency `part` is, or opens with as it spells itself ("De Gelderlander Regio")."""
    if outlet(part) or agency(part):
        return outlet(part) or agency(part)
    words = part.split()
    for end in range(min(len(words) - 1, 4), 0, -1):
        name = outlet(" ".join(words[:end]))
        if name == " ".join(words[:end]):
            return name
    return None


def _entry_article(entry: Any, name: str, channel: str | None, read_page: PageReader | None,
                   base_url: str | None) -> Article:
    found = Found()
    link = urljoin(base_url, entry["link"]) if base_url and entry.get("link") else entry.get("link")
    target = redirect_target(link) if link else None
    site = None  # an unknown site's host: the source only where neither the entry nor its page names one
    if target:  # an alert's or aggregator's entry: the article lives at the target, on its outlet's site
        link, host = target, urlparse(target).hostname or ""
        channel = outlet_for_host(host) or name_for_host(host, [entry.get("title", "")])
        site = host.removeprefix("www.")
    source = entry.get("source") or {}
    author, _, holder = (entry.get("author") or "").partition("©")  # Drupal: "Kris Hendrickx © brusselnieuws.be"
    author = byline(author) or author  # De Morgen: "Door: Luc Beernaert"
    notice = f"© {holder.strip()}" if holder.strip() else None
    if notice:
        found.extra["copyright"] = notice
    found.offer(title=" ".join(_text(entry.get("title", ""))) or None, url=link, author=author.strip() or None,
                source=publisher(source.get("title"), source.get("href")) or channel)
    if found.title and found.source:  # Google's: "<headline> - Leeuwarder Courant"
        found.title = without_own_site(found.title, found)
    _entry_stamp(entry, found)
    found.tag(*(tag.get("term") or tag.get("label") for tag in entry.get("tags", []) if tag.get("term") or
                tag.get("label")))
    contents = [item.get("value", "") for item in entry.get("content", []) if _text(item.get("value", ""))]
    content = max(contents, key=len) if contents else ""
    summary = entry.get("summary", "")
    full = "\n\n".join(_text(content)) if content else ""
    if len(full) < FULL_TEXT and read_page is not None and found.url:
        try:
            page = read_page(found.url)
        except InputError as error:
            log.warning("%s; using the feed's own text for %s", error, name)
        else:
            if page.body.strip():
                return _merge(page, found, name)
    found.offer(source=site)
    paragraphs = _text(content if len(content) >= len(summary) else summary)
    if found.title:  # Google News: a description that is only the headline and the outlet's name is no text
        heads = {" ".join(f"{found.title} {found.source or ''}".split()), " ".join(found.title.split())}
        paragraphs = [paragraph for paragraph in paragraphs if " ".join(paragraph.split()) not in heads]
    if notice and paragraphs and paragraphs[-1].rstrip().endswith(notice):  # glued after the last sentence
        paragraphs[-1] = paragraphs[-1].rstrip()[: -len(notice)]
    body = "\n\n".join(clean_body(paragraphs, found)).strip()
    if not body:
        raise InputError(f"{name}: the feed entry has no text" + ("" if read_page else " (pages are not fetched)"))
    return found.article(name, body, "feed")


def _merge(page: Article, found: Found, name: str) -> Article:
    """The linked page's text with the feed's metadata, which is cleaner where both have a value."""
    article = found.article(name, page.body, "feed")
    article.title = found.title or page.title
    if found.stamp is None:
        article.date, article.time, article.published = page.date, page.time, page.published
    article.author = found.author or page.author
    article.source = found.agency or (page.source if agency(page.source) else None) or found.source or page.source
    article.tags = list(dict.fromkeys([*found.tags, *page.tags]))
    article.credits = list(dict.fromkeys([*found.credits, *page.credits]))
    article.extra = {**page.extra, **found.extra}
    return article

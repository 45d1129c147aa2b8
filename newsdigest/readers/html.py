"""Web pages: main text through trafilatura, metadata from JSON-LD, meta tags, trafilatura and htmldate.

The own BeautifulSoup reader is only the fallback for pages where trafilatura finds no text; it also
turns HTML fragments (inside Markdown or JSON records) into paragraphs.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlparse

from ..metadata import (HOST, agency, byline, credit, host_stem, metadata_line, name_for_host, outlet,
                        outlet_for_host, parse_source, parse_timestamp)
from .article import Article, Found
from .fields import list_of, squashed, text_of
from .layout import clean_body, header_line, offer_byline, read_header, same_text, title_and_tags

log = logging.getLogger("newsdigest")

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                  "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
                  "liveblogposting", "socialmediaposting", "report", "scholarlyarticle", "techarticle"}
_MEDIA_TYPES = {"videoobject", "audioobject"}
_DATE_META = ("article:published_time", "og:article:published_time", "article.published", "datepublished",
              "pubdate", "publishdate", "publish-date", "publication_date", "date", "dc.date.issued", "dc.date",
              "dcterms.date", "dcterms.created", "parsely-pub-date", "sailthru.date", "article_date_original",
              "cxenseparse:recs:publishtime", "nieuws:publicatiedatum")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
                  "last-modified")
# trafilatura: no comments, precision over recall (measured on the benchmark: see benchmarks/extraction.py)
TRAFILATURA_OPTIONS = {"include_comments": False, "favor_precision": True, "include_tables": True,
                       "include_images": False, "include_links": False}
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def parse_html(text: str, path: str, url: str | None = None) -> Article:
    """The article in a web page: text, title, date and time with offset, author, site, tags."""
    from lxml import html as lxml_html

    found = Found()
    try:
        tree = lxml_html.document_fromstring(text)
    except Exception:  # lxml raises ParserError or XMLSyntaxError on junk; trafilatura still gets the text
        tree = None
    if tree is not None:
        _drop_players(tree)
        _structured_metadata(tree, found)
        _headline_date(tree, found)
    paragraphs = _trafilatura(text if tree is None else tree, found, url)
    if not paragraphs:
        paragraphs = _fallback(text, found)
    elif tree is not None and (ordered := _in_page_order(paragraphs, _page_text(tree))) != paragraphs:
        paragraphs = _whole_article(text, ordered, found)
    if tree is not None:
        paragraphs = _without_video_title(tree, paragraphs)
        paragraphs = _without_reader_header(tree, _below_headline(tree, paragraphs, found.title), found)
        paragraphs = _without_header_lines(paragraphs, found)
    if tree is not None:
        paragraphs = _with_header_lead(tree, paragraphs)
        _visible_time(tree, found)
        _source_line(tree, found)
    if found.url is None and url:
        found.url = url
    host = (urlparse(found.url).hostname or "") if found.url else ""
    if found.source and host and _is_handle(found.source, host):
        found.source = host  # then named as the page or the outlet table spells it
    if tree is not None and (found.source is None or HOST.fullmatch(found.source)):
        found.source = _site_name(tree, found.source, found.title) or found.source
    if found.source and HOST.fullmatch(found.source):  # a <title> suffix "| gva.be": the outlet behind it
        found.source = outlet_for_host(found.source) or found.source
    if found.source is None and found.url:
        found.offer(source=outlet_for_host(host) or host.removeprefix("www."))
    if found.title and found.source:  # "Oldambt Actueel :: <headline>": the site's name is no part of the headline
        found.title = re.sub(rf"^{re.escape(found.source)}\s*(?:[|–—-]|::)\s+(?=\S)", "", found.title)
    body = "\n\n".join(clean_body(paragraphs, found))
    return found.article(path, body, "html")


# -- metadata ------------------------------------------------------------------------------------

def _json_ld(tree: Any, types: set[str] = _ARTICLE_TYPES) -> Iterator[Mapping[str, Any]]:
    """Objects of `types` (articles) in the page's JSON-LD, also inside @graph lists."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, Mapping):
                kinds = item.get("@type")
                kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
                if any(isinstance(kind, str) and kind.lower() in types for kind in kinds):
                    yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                if isinstance(item.get("mainEntity"), (Mapping, list)):
                    stack.append(item["mainEntity"])




_READER_TEXT = "//*[@id='readability-page-1']"  # Readability.js's wrapper of the text it kept


def _without_reader_header(tree: Any, paragraphs: list[str], found: Found) -> list[str]:
    """`paragraphs` of a saved reader view (Firefox's Reader View, other Readability.js output) without the
    original's header that Readability keeps above the text: the short lines before its first <time>, a kicker
    (to the tags) and the byline. The link to the original in the view's header (class "reader-domain") is the
    article's address and names the site; "reader-credits" is the byline."""
    if not tree.xpath(_READER_TEXT):
        return paragraphs
    original = tree.xpath("//a[contains(concat(' ', normalize-space(@class), ' '), ' reader-domain ')]/@href")
    found.offer(url=str(original[0]) if original else None)
    credits = tree.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' reader-credits ')]")
    offer_byline(" ".join(credits[0].text_content().split()) if credits else None, found)
    stamp = tree.xpath(f"({_READER_TEXT}//time)[1]")
    above = [" ".join(str(text).split()) for text in stamp[0].xpath(
        "preceding::text()[normalize-space()][ancestor::*[@id='readability-page-1']]")] if stamp else []
    if not above or len(above) > 4 or any(len(line) > 80 or re.search(r"[.!?]$", line) for line in above):
        return paragraphs
    header = {squashed(line) for line in above}
    start = 0
    while start < len(paragraphs) and squashed(paragraphs[start]) in header:
        start += 1
    found.tag(*(line for line in paragraphs[:start] if not (found.author and same_text(line, found.author))))
    return paragraphs[start:]


def _site_name(tree: Any, host: str | None, title: str | None) -> str | None:
    """The name a site gives itself in its <title> suffix or logo, for a site known only by its host
    ("rtvnoord.nl" is "RTV Noord" when the page says so); without a host, the <title> suffix, else the part of the
    <title> beside the headline that the logo or the copyright line names too ("Brielle Nu - <headline>")."""
    names = [_title_site(tree), *(str(alt) for alt in tree.xpath(
        "//*[contains(@class, 'logo') or contains(@id, 'logo')]/descendant-or-self::img/@alt"))]
    if host is None:
        return names[0] or _named_site(tree, title)
    return name_for_host(host, [name for name in names if name])  # nieuws.omroepzeeland.nl: "Omroep Zeeland"


# A copyright line's holder: "© 2004-2023 Brielle Nu | Nieuws uit ...", "Copyright 2019 Dorpsblad Heeze".
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(?P<name>[^|•·,\n]{2,40}?)"
                        r"\s*(?:[|•·,]|\s[-–—]\s|$)", re.I)


def _named_site(tree: Any, title: str | None) -> str | None:
    """The part of the page's <title> that is not the headline (before or after it, a site name's length) where the
    site's logo (its alt text's first part) or its copyright line gives the same name: a small site without
    og:site_name, whose <title> may open with its name."""
    parts = _title_parts(tree)
    names = [part for part in parts if not (title and same_text(part, title)) and len(part.split()) <= 3 and len(part) <= 30]
    if not title or len(parts) < 2 or not names:
        return None
    alts = tree.xpath("//img[contains(@class, 'logo') or contains(@id, 'logo') or contains(@src, 'logo')]/@alt"
                      "|//*[contains(@class, 'logo') or contains(@id, 'logo')]//img/@alt")
    named = {re.split(r"\s+[|–—-]\s+", " ".join(str(alt).split()))[0].lower() for alt in alts}
    named |= {match["name"].lower() for text in tree.xpath("//body//text()[contains(., '©') or contains(., '(c)') or "
                                                           "contains(translate(., 'COPYRIGHT', 'copyright'), 'copyright')]")
              for match in [_COPYRIGHT.search(" ".join(str(text).split()))] if match}
    return next((name for name in names if name.lower() in named), None)


def _is_handle(name: str, host: str) -> bool:
    """Whether `name` is the host's stem with at most a capital put in front ("Rtvoost" for rtvoost.nl), as
    trafilatura makes a site name of a Twitter handle ("@rtvoost"): a handle, not the name the site gives itself."""
    stem = host_stem(host)
    return stem is not None and name in (stem, stem.capitalize())


def _title_parts(tree: Any) -> list[str]:
    """The parts of the page's <title> ("Maastricht zet ... - 1Limburg", "Oldambt Actueel :: ...")."""
    titles = tree.xpath("//title")
    return re.split(r"\s+[|–—-]\s+|\s+::\s+", " ".join(titles[0].text_content().split()) if titles else "")


def _title_site(tree: Any) -> str | None:
    """The site name in the <title> suffix ("Maastricht zet ... - 1Limburg"), or None."""
    parts = _title_parts(tree)
    if len(parts) < 2:
        return None
    site = parts[-1].strip()
    return outlet(site) or (site if len(site.split()) <= 3 and len(site) <= 30 else None)


def _meta(tree: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        if key and key not in values:
            values[key] = element.get("content", "").strip()
    for element in tree.xpath("//*[@itemprop='datePublished']"):
        values.setdefault("datepublished", element.get("content") or element.get("datetime") or "")
    return values


def _structured_metadata(tree: Any, found: Found) -> None:
    """What the publisher declared: JSON-LD NewsArticle first, then Open Graph and other meta tags."""
    for item in _json_ld(tree):
        found.when(item.get("datePublished") or item.get("dateCreated"))
        found.offer(title=text_of(item.get("headline")), author=text_of(item.get("author")),
                    source=text_of(item.get("publisher")),
                    url=item.get("url") if isinstance(item.get("url"), str) else None)
        found.tag(*list_of(item.get("articleSection")), *list_of(item.get("keywords")))
        if item.get("dateModified"):
            found.extra.setdefault("updated", str(item["dateModified"]))
    meta = _meta(tree)
    for key in _DATE_META:
        if meta.get(key) and found.when(meta[key]):
            break
    modified = next((meta[key] for key in _MODIFIED_META if meta.get(key)), None)
    if modified:
        found.extra.setdefault("updated", modified)
    found.offer(source=meta.get("og:site_name"))
    author = meta.get("author") or meta.get("article:author") or ""
    offer_byline(author if not author.startswith("http") else None, found)
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    found.offer(url=canonical[0] if canonical else meta.get("og:url"))
    found.tag(*(value for key, value in meta.items() if key in ("article:section", "article:tag")))


# -- main text -----------------------------------------------------------------------------------

# A video or audio player's box ("mh-video", "sc-video-player", "audio-box", and a video or audio player in one
# word, CamelCase or CSS modules: "VideoPlayerWrapper", "VideoPlayer_root__q7Wc1", "audioPlayer"): its title,
# duration and "Video afspelen" are no text of the article, and extraction would open the body with the title.
# A bare "player" names no such box on its own (sports pages class their players' names and tables so):
# "jwplayer" or "rtl-player" is one when it holds a <video>, an <audio> or a button to play.
_PLAYER_CLASS = re.compile(r"(?:^|[\s_-])(?:video|audio)(?=$|[\s_-])|(?:video|audio)[_-]?player", re.I)
_PLAYER_WORD = re.compile(r"player(?=$|[\s_-])", re.I)


def _is_player(element: Any) -> bool:
    kind = element.get("class")
    return bool(_PLAYER_CLASS.search(kind)) or bool(_PLAYER_WORD.search(kind)) and bool(
        element.xpath("descendant::*[self::video or self::audio or self::button]"))


def _drop_players(tree: Any) -> None:
    """Remove the page's player boxes (blocks) that hold only a few words (a title, a duration), never a headline."""
    players = [element for element in tree.xpath("//body//*[self::div or self::section or self::figure or self::aside]"
                                                 "[@class]") if _is_player(element)]
    for element in players:
        if any(ancestor in players for ancestor in element.iterancestors()):
            continue
        if len(" ".join(element.text_content().split())) <= 200 and not element.xpath(".//h1"):
            element.drop_tree()


def _without_video_title(tree: Any, paragraphs: list[str]) -> list[str]:
    """`paragraphs` without leading lines that are the name the page's JSON-LD gives its video (or audio): the
    title in a player that no class name gives away (hashed ones: "sc-55cc66-0 aBcD")."""
    names = {squashed(name) for name in (*(text_of(item.get("name")) for item in _json_ld(tree, _MEDIA_TYPES)), *(
        name for article in _json_ld(tree) for key in ("video", "audio") for name in list_of(article.get(key))))
        if name} - {""}
    start = 0
    while start < min(2, len(paragraphs)) and squashed(paragraphs[start]) in names:
        start += 1
    return paragraphs[start:]


def _trafilatura(page: Any, found: Found, url: str | None) -> list[str]:
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(page, url=url, with_metadata=True, date_extraction_params=_DATE_PARAMS,
                                   **TRAFILATURA_OPTIONS)
    except Exception as error:  # trafilatura gives up on some malformed pages; the fallback reader takes over
        log.debug("trafilatura failed: %s", error)
        return []
    if document is None:
        return []
    if document.title:
        title = document.title
        if found.source:
            title = re.sub(rf"\s+[|–—-]\s+{re.escape(found.source)}\s*$", "", title)
        found.title = title_and_tags(title, found) if found.title is None or len(title) <= len(found.title) + 40 \
            else found.title
    if not _is_update(document.date, found):
        found.when(_date_only(document.date))
    offer_byline(document.author, found)
    sitename = document.sitename
    if sitename and document.title and squashed(document.title) in squashed(sitename):
        sitename = None  # trafilatura took the headline's part of "<headline> | Gent | hln.be" for the site
    found.offer(source=sitename, url=document.url)
    found.tag(*(document.categories or []), *(document.tags or []))
    if document.body is None:
        return []
    paragraphs = [text for text in (_element_text(child) for child in _text_blocks(document.body, found.title)) if text]
    return _without_comments(_after_title(paragraphs, found.title), found)


_BLOCK_TAGS = ("p", "head", "list", "quote")


def _text_blocks(body: Any, title: str | None) -> list[Any]:
    """The blocks of trafilatura's `body`, a page laid out in tables read as the cell that holds the article. Such a
    page (old CMSs, small local sites) comes back as its layout tables, flattened, with the menu bar, sidebar and
    footer cells beside the text; the cell with the headline, else the one with the most text, holds the article."""
    blocks = list(body)
    tables = [block for block in blocks if block.tag == "table"]
    if not tables or sum(len(_flat(table)) for table in tables) < 0.8 * len(_flat(body)):
        return blocks  # a table in the text: its data stays rows
    cells = [cell for table in tables for cell in table.iter("cell") if len(cell.findall(".//p")) >= 2]
    headed = [cell for cell in cells if title and any(same_text(_flat(head), title) for head in cell.iter("head", "p"))]
    if not cells:
        return blocks
    cell = headed[0] if headed else max(cells, key=lambda cell: len(_flat(cell)))
    table = next(table for table in tables if cell in table.iter("cell"))
    at = blocks.index(table)
    return [block for block in blocks[:at] if block.tag != "table"] + [
        child for child in cell if child.tag in _BLOCK_TAGS] + [block for block in blocks[at + 1:] if block.tag != "table"]


def _flat(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


# Where the readers' comments start under the text: "Reacties (4)", "4 reacties", "Reacties: 12", "Comments (3)".
_COMMENTS = re.compile(r"^(?:(?:reacties|comments|reageer)\s*(?:\(\d+\)|:\s*\d+)|\d+\s+(?:reacties|reactie|comments?))$", re.I)


def _without_comments(paragraphs: list[str], found: Found) -> list[str]:
    """`paragraphs` up to the heading of the readers' comments under the text, which go to `extra.comments`:
    an extraction keeps them where no class name gives them away."""
    at = next((index for index, paragraph in enumerate(paragraphs) if index >= 2 and _COMMENTS.match(paragraph.strip())),
              None)
    if at is None:
        return paragraphs
    found.extra.setdefault("comments", "\n\n".join(paragraphs[at + 1:]))
    return paragraphs[:at]


def _below_headline(tree: Any, paragraphs: list[str], title: str | None) -> list[str]:
    """`paragraphs` without the leading ones that the page shows only above its headline (the <h1> holding the
    title): teasers of other stories, a breaking-news bar, which an extractor can take for the text's opening. The
    text goes on under the headline, so where no paragraph lies under it, `paragraphs` stay as they are."""
    headings = [" ".join(heading.text_content().split()) for heading in tree.xpath("//body//h1")]
    headline = next((text for text in headings if title and text and (same_text(text, title) or same_text(
        title_and_tags(text, Found()), title))), None)
    page = _page_text(tree)
    top = page.find(headline) if headline else -1
    if top < 0:
        return paragraphs
    above = 0
    for paragraph in paragraphs:
        key = " ".join(paragraph.split())[:40]
        if not 0 <= page.find(key) < top or page.find(key, top + len(headline)) >= 0:
            break
        above += 1
    return paragraphs[above:] if above < len(paragraphs) else paragraphs


def _without_header_lines(paragraphs: list[str], found: Found) -> list[str]:
    """`paragraphs` without the short lines of the article's header that the extraction kept above the text: the
    byline's name or outlet, whose <time> it dropped ("NOS Nieuws" of "NOS Nieuws • <time>"), a date, an update line
    ("Aangepast maandag 12 mei, 11:03"). Their metadata goes to `found`; the text itself is never touched."""
    start = 0
    while start < min(4, len(paragraphs) - 1):
        line = paragraphs[start].strip()
        if "\n" in line or len(line) > 80 or re.search(r"[.!?]$", line) or not (
                found.author and same_text(line, found.author) or outlet(line) or byline(line)
                or re.search(r"\d", line) and header_line(line, found)):
            break
        start += 1
    return paragraphs[start:]


def _page_text(tree: Any) -> str:
    """The text the page shows, spaces collapsed: no scripts or styles."""
    return " ".join(" ".join(tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")).split())


def _whole_article(text: str, paragraphs: list[str], found: Found) -> list[str]:
    """The page's own <article> read by the fallback reader where it holds all of trafilatura's `paragraphs`
    (found out of order: the text it recovered around a list item drops that list's other headings, a
    liveblog's post titles); else `paragraphs`."""
    scratch = copy.deepcopy(found)
    own = _fallback(text, scratch)
    held = " ".join(" ".join(own).split())
    if not own or any(" ".join(paragraph.split()) not in held for paragraph in paragraphs):
        return paragraphs
    found.__dict__.update(scratch.__dict__)
    return own


def _in_page_order(paragraphs: list[str], page: str) -> list[str]:
    """trafilatura's paragraphs with a leading run (up to three) that lies further down the page put back where
    it stands. Its content XPath can catch one item of a list (a liveblog's first post, class="post"); the
    text it then recovers from the rest of the page, the intro above that post included, comes after it."""
    keys = [" ".join(paragraph.split())[:40] for paragraph in paragraphs]
    first = page.find(keys[0]) if keys else -1
    at = first
    for run in range(1, min(4, len(keys))) if first >= 0 else ():
        after = page.find(keys[run], at)
        if after >= 0:
            at = after
            continue
        before = page.find(keys[run])
        if not 0 <= before < first:
            return paragraphs
        at, place = before, len(paragraphs)
        for index in range(run, len(keys)):
            where = page.find(keys[index], at)
            if where > first:
                place = index
                break
            at = max(at, where)
        return paragraphs[run:place] + paragraphs[:run] + paragraphs[place:]
    return paragraphs


# The standfirst's class: "article__intro", "lead", "c-article-standfirst", "chapeau"; never an image's "lead-image".
_LEAD_CLASS = re.compile(r"(?:^|[\s_-])(?:intro|lead|lede|standfirst|chapeau|inleiding|excerpt)(?=$|[\s_-])", re.I)
# A lead ends a sentence; one cut off with an ellipsis ("... diagnosed with the plague,...") is a teaser's excerpt.
_ENDS_SENTENCE = re.compile(r"(?<![.…])[.!?][\"”’']?$")
_MEDIA_CLASS = re.compile(r"image|img|photo|foto|media|video|figure|picture|visual", re.I)


def _with_header_lead(tree: Any, paragraphs: list[str]) -> list[str]:
    """`paragraphs` with the article's lead first where the extraction left it out: a standfirst ("article__intro",
    "lead", "item-excerpt") or a bold paragraph between the first <h1> and the first paragraph kept, which
    trafilatura and the fallback drop with the header or by taking the text's own block ("article__body") alone.
    The lead is the story's first paragraph, in plain type as in bold: leaving it out drops text (the extraction
    benchmark's annotators leave some standfirsts out, at 0.001 of its precision). Only whole sentences: an
    excerpt cut off with an ellipsis is a teaser's."""
    headline = tree.xpath("(//body//h1)[1]")
    if not paragraphs or not headline:
        return paragraphs
    opening, page = " ".join(paragraphs[0].split())[:60], ""
    for element in headline[0].xpath("following::*[self::p or @class]"):
        standfirst = bool(_LEAD_CLASS.search(element.get("class", "")))
        if not (standfirst or element.tag == "p") or _MEDIA_CLASS.search(element.get("class", "")):
            continue
        lead = " ".join(element.text_content().split())
        if opening in lead:
            break  # the text kept has begun
        if len(lead) < 40 or not (_in_bold(element) or standfirst) \
                or element.xpath("descendant-or-self::*[self::img or self::figure or self::picture or self::video]"):
            continue
        page = page or _page_text(tree)  # only for a page with a candidate: it takes a while
        top, first = page.find(" ".join(headline[0].text_content().split())), page.find(opening)
        at = page.find(lead[:60])
        if 0 <= top < at < first and _ENDS_SENTENCE.search(lead) and not (byline(lead) or credit(lead)) \
                and (_in_bold(element) or not _info_line(lead)) \
                and squashed(lead)[:80] not in squashed(" ".join(paragraphs)):
            return [lead, *paragraphs]
        if at >= first:
            break
    return paragraphs


def _info_line(text: str) -> bool:
    """Whether a plain standfirst is a review's info line ("Het zoutmeer, opera van Lotte Brandsma. Nationale
    Opera & Ballet, Amsterdam. Gezien op 13 oktober."): three or more parts, none longer than six words, where a
    lead has sentences."""
    parts = [part for part in re.split(r"(?<=[.!?])\s+", text) if part]
    return len(parts) >= 3 and all(len(part.split()) <= 6 for part in parts)


def _in_bold(element: Any) -> bool:
    """Whether all of `element`'s text is set in <strong> or <b>."""
    bold = element.xpath(".//*[self::strong or self::b][not(ancestor::*[self::strong or self::b])]")
    return bool(bold) and squashed("".join(part.text_content() for part in bold)) == squashed(element.text_content())


def _is_update(date: str | None, found: Found) -> bool:
    """Whether htmldate's `date` is the page's declared modified time, which it falls back on where the page
    declares no publication: a modified time is never the publication date."""
    updated = parse_timestamp(found.extra.get("updated"))
    stamp = parse_timestamp(date)
    return stamp is not None and updated is not None and stamp.iso == updated.iso


def _date_only(date: str | None) -> str | None:
    """htmldate writes a date it found without a time as midnight without an offset: keep the date only."""
    return date[:10] if date and date.endswith("T00:00:00") else date


def _after_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Paragraphs after the headline when trafilatura repeats it, with or without the label the page's <h1>
    puts before it ("INTERVIEW. ...", "VIDEO | ..."); kickers and teaser scraps before it ("Kort", "Aalst")
    go with it. Only short lines are ever dropped this way, never sentences."""
    # the <title> may still hold the site's name, before the headline as after it: "Oldambt Actueel :: <headline>"
    titles = [title, *(part for part in re.split(r"\s+(?:[|–—-]|::)\s+", title) if len(part.split()) >= 4)] if title else []
    for index, paragraph in enumerate(paragraphs[:4]):
        if any(same_text(paragraph, known) or same_text(title_and_tags(paragraph, Found()), known) for known in titles):
            return paragraphs[index + 1:]
        if len(paragraph) > 60 or re.search(r"[.!?]\W*$", paragraph):
            break
    return paragraphs


def _visible_time(tree: Any, found: Found) -> None:
    """The time a page shows beside its date ("Dinsdag 7 mei 2024 om 08:12") when the date came without one."""
    stamp = found.stamp
    if stamp is None or stamp.time is not None:
        return
    for text in tree.xpath("//body//text()[string-length(normalize-space()) < 120]"):
        meta = metadata_line(str(text)) if re.search(r"\d[:.u]\d\d", text) else None
        if meta and meta.get("date") == stamp.date and "time" in meta:
            found.stamp = None
            found.when(f"{stamp.date} {meta['time']}")
            return


_UPDATED = re.compile(r"\s*(?:laatste?\s+)?(?:update|bijgewerkt|aangepast|gewijzigd|modified)", re.I)


# A reporter's name on its own line in the article's header ("Nele Wouters", "Door Femke van Dongen").
_BYLINE_NAME = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?:\s+(?:(?:van|de|der|den|ter|ten|het|'t|la|le|von)\s+)*[A-ZÀ-Ý][\w'’-]+){1,3}")


def _headline_date(tree: Any, found: Found) -> None:
    """The date printed under the headline ("Nieuwsbericht | 12 maart 2024"), also after the reporter's name
    there, for a page without a structured date: it outranks htmldate's guess, which can come from a list of
    other news or from the page's modified time. An update line is never it."""
    if found.stamp is not None or _header_time(tree, found):
        return
    for text in tree.xpath("(//body//h1)[1]/following::text()[normalize-space()][position() <= 3]"):
        line = " ".join(str(text).split())
        for part in re.split(r"\s+[|·•–—]\s+", line) if len(line) <= 80 else ():
            meta = metadata_line(part) if not _UPDATED.match(part) else None
            if meta and "date" in meta:
                found.when(f"{meta['date']} {meta.get('time', '')}".strip())
                return
        if not (byline(line) or _BYLINE_NAME.fullmatch(line)):
            return


# An update's <time>, by its class or itemprop ("article__updated", "dateModified"); else by the label before it.
_UPDATE_NAME = re.compile(r"updat|modif|bijgewerkt|gewijzigd|aangepast", re.I)


def _header_time(tree: Any, found: Found) -> bool:
    """The datetime of the <time> under the headline, before the text begins, that is no update: the page's own
    date where its visible text has no year ("za 8 mrt, 10:14") or is relative ("2 uur geleden"). htmldate, asked
    for the original date, takes the oldest <time> on the page: a teaser's further down."""
    for node in tree.xpath("(//body//h1)[1]/following::node()[self::time[@datetime] or self::text()[normalize-space()]"
                           "[not(parent::script or parent::style)]][position() <= 12]"):
        if isinstance(node, str):
            if len(" ".join(node.split())) > 80:
                return False  # the text has begun
            continue
        label = node.xpath("preceding::text()[normalize-space()][1]")
        if _UPDATE_NAME.search(f"{node.get('class', '')} {node.get('itemprop', '')}") \
                or any(_UPDATED.match(str(text)) for text in (node.text_content(), *label)):
            continue
        if found.when(node.get("datetime")):
            return True
    return False


def _source_line(tree: Any, found: Found) -> None:
    """A news agency named in the article's own "Bron: ANP" line, or as the byline's only names ("Door:
    ANP/NU.nl"), which text extraction drops as too short to be text; the agency is the source (see
    Found.agency)."""
    scope = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body")
    for element in scope[0].iter("p", "div", "span", "footer", "small") if scope else ():
        text = " ".join(element.text_content().split())
        source = parse_source(text) if len(text) <= 40 and re.match(r"(?:bron|source)\s*:", text, re.I) else None
        text = re.sub(r"^(?:door|by)\s*:?\s+", "", text, flags=re.I)
        names = re.split(r"\s*[/,&]\s*", text) if len(text) <= 40 else []
        if len(names) > 1 and all(outlet(name) for name in names):  # "ANP/NU.nl": the wire wrote it
            source = agency(text)
        if agency(source):
            found.offer(source=source)
            return


def _element_text(element: Any) -> str:
    """A paragraph from one block of trafilatura's output: lists become "- item" lines."""
    if element.tag == "list":  # the blocks in an item (a post's <head> and <p>) each on a line of their own
        items = ["\n".join(" ".join(part.split()) for part in (item.text, *(text for child in item for text in (
            "".join(child.itertext()), child.tail))) if part and part.strip()) for item in element.iter("item")]
        return "\n".join(f"- {item}" for item in items if item)
    if element.tag == "table":
        rows = [" | ".join(" ".join("".join(cell.itertext()).split()) for cell in row.iter("cell"))
                for row in element.iter("row")]
        return "\n".join(row for row in rows if row.strip(" |"))
    for line_break in element.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    lines = [" ".join(line.split()) for line in "".join(element.itertext()).split("\n")]
    return "\n".join(line for line in lines if line)


# -- the fallback reader, also for HTML fragments ------------------------------------------------

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "iframe", "svg", "template", "button",
         "select", "figure", "figcaption", "input", "textarea", "label", "dialog")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt")


_INLINE = ("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
           "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var")


def _inline_text(element: Any) -> str:
    """An element's text as a browser shows it: an inline tag adds no space ("<b>Genk</b>." is "Genk."), a <br>
    breaks the line."""
    for line_break in element.find_all("br"):
        line_break.replace_with("\n")
    return element.get_text()


def _blocks(root: Any) -> list[str]:
    blocks = []
    for element in root.find_all(_BLOCKS):
        if element.find(_BLOCKS):  # a container (e.g. <li><p>..</p></li>): its children are read instead
            continue
        block = " ".join(_inline_text(element).split())
        if block:
            blocks.append(("- " if element.name == "li" else "") + block)
    if not blocks:  # text without paragraphs: inline tags stay in their line, other tags end one
        for element in root.find_all(_INLINE):
            element.unwrap()
        for line_break in root.find_all("br"):
            line_break.replace_with("\n")
        root.smooth()
        blocks = [" ".join(line.split()) for line in root.get_text("\n").splitlines() if line.strip()]
    return blocks


def fragment_paragraphs(html: str, found: Found | None = None) -> list[str]:
    """Paragraphs of an HTML fragment (Markdown output, a JSON record's HTML body); a leading <h1> is the
    title when `found` has none."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for element in soup.find_all(("script", "style", "noscript", "template", "iframe", "svg")):
        element.decompose()
    if found is not None and found.title is None:
        heading = soup.find("h1")
        if heading is not None:
            found.title = title_and_tags(heading.get_text(" ", strip=True), found)
            heading.decompose()
    return _blocks(soup)


def _fallback(text: str, found: Found) -> list[str]:
    """The largest <article>, a non-empty <main>, else the body (without teaser <article>s when the largest
    holds under 30% of the page's text); navigation and furniture dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for element in soup.find_all(_DROP):
        element.decompose()
    page = soup.body or soup
    candidates = soup.find_all("article") or [main for main in soup.find_all("main") if main.get_text(strip=True)]
    root = max(candidates, key=lambda node: len(node.get_text(" ", strip=True))) if candidates else page
    if len(root.get_text(" ", strip=True)) < 0.3 * len(page.get_text(" ", strip=True)):
        # teaser <article>s around a story that is in none of them: read the page without the teasers
        for teaser in candidates:
            teaser.decompose()
        root = page
    heading = root.find("h1") or soup.find("h1")
    if found.title is None and (heading or page_title):
        found.title = title_and_tags(heading.get_text(" ", strip=True) if heading else page_title, found)
    if heading is not None:
        heading.decompose()
    time_tag = root.find("time")
    if time_tag is not None:
        found.when(time_tag.get("datetime") or time_tag.get_text(" ", strip=True))
    blocks = _blocks(root)
    start = read_header(blocks, found, want_title=False)
    return blocks[start:]

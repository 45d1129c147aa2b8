"""Recognise the metadata of news articles: dates, times, sources, bylines and credits (Dutch and English)."""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from dataclasses import dataclass
from urllib.parse import urlparse

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "oct": 10,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DUTCH_WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
# Weekdays as dates name them, written out or short, in Dutch and English: "za 12 apr 2025", "Fri, 11 Apr".
ENGLISH_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
WEEKDAYS = rf"{DUTCH_WEEKDAYS}|ma|di|wo|do|vr|za|zo|{ENGLISH_WEEKDAYS}|mon|tue|wed|thu|fri|sat|sun"
_WORD_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b", re.I)
_MONTH_FIRST_DATE = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)  # Nexis: "September 20, 2024"
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b")
# A clock time, with its half of the day ("11:40 PM") and its zone ("GMT", as press databases write it).
_TIME = re.compile(r"(?<![\d.,])(\d{1,2})(?:u|:|\.)(\d{2})(?:\s*uur)?(?:\s*([ap])\.?m\b\.?)?"
                   r"(?:\s*\b(?-i:(GMT|UTC|CEST|CET|BST|EST|EDT))\b)?(?![\d.,]\d)", re.I)
_ZONES = {"GMT": "+00:00", "UTC": "+00:00", "CET": "+01:00", "CEST": "+02:00", "BST": "+01:00", "EST": "-05:00",
          "EDT": "-04:00"}
_SOURCE = re.compile(r"\b(?:bron|source)\s*:\s*([^|—–·\n]+?)\s*(?:$|[|—–·])", re.I)
_LABEL = re.compile(r"^\s*(?:datum|date|geplaatst|gepubliceerd|published|tijd|time)\s*:\s*", re.I)
# "... | Binnenland", "... - NOS", "... - De Morgen": a name, not the end of the headline's sentence
# ("... – jongeren mochten meedenken")
_SITE_TAG = re.compile(r"\s+[|–—-]\s+(?:(?:[A-ZÀ-Ý0-9][^\s|–—-]*|van|de|der|den|het|voor|en)\s?){1,3}$")
_QUOTES = "“”„\"'‘’«»"


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601 (2019-02-16), or None."""
    for pattern, order in ((_ISO_DATE, "ymd"), (_WORD_DATE, "dmy"), (_NUMERIC_DATE, "dmy")):
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups()))
        month = parts["m"]
        month_number = MONTHS.get(month.lower().rstrip("."), None) if not month.isdigit() else int(month)
        year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)  # "14-05-24"
        try:
            return dt.date(year, month_number or 0, int(parts["d"])).isoformat()
        except (TypeError, ValueError):
            continue
    return None


def _month_first_date(text: str) -> str | None:
    """The English month-first date of a database's date line ("September 20, 2024 Friday") as ISO 8601; only
    for header lines, as parse_timestamp leaves such dates, with their clock times, to dateutil."""
    match = _MONTH_FIRST_DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match[3]), MONTHS[match[1].lower()], int(match[2])).isoformat()
    except ValueError:
        return None


def parse_time(text: str) -> str | None:
    """A clock time such as 12u19, 12:19, 14.30 uur or 2:30 PM, as HH:MM."""
    clock = _clock(text)
    return clock[0] if clock else None


def _clock(text: str) -> tuple[str, str] | None:
    """(HH:MM, the offset of the zone written after it or ""), or None."""
    match = _TIME.search(_ISO_DATE.sub(" ", _NUMERIC_DATE.sub(" ", text)))
    if not match:
        return None
    hours, minutes, half, zone = int(match[1]), int(match[2]), (match[3] or "").lower(), match[4]
    if half and not 1 <= hours <= 12:
        return None
    if half:
        hours = hours % 12 + (12 if half == "p" else 0)
    if hours >= 24 or minutes >= 60:
        return None
    return f"{hours:02d}:{minutes:02d}", _ZONES[zone] if zone else ""


def parse_source(text: str) -> str | None:
    """The name after "Bron:" or "Source:"; None when what follows is a sentence rather than a name."""
    match = _SOURCE.search(text)
    if not match:
        return None
    source = match.group(1).strip(" .*_")
    return source if len(source.split()) <= 6 and not re.search(r"[.!?]\s", source) else None


# A name glued to the day after it, as copying a DPG or Volkskrant page gives its byline: "Charlotte Huisman12 maart
# 2025, 05:00", "Ruud Kleinsman28-02-25, 06:12".
_GLUED_DAY = re.compile(rf"(?<=[a-zà-ÿ])(?=\d{{1,2}}(?:\s+(?i:{_MONTH})\b|[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b))")


def metadata_line(line: str) -> dict[str, str] | None:
    """The metadata a short header line carries (date/time/source/author), or None if it is body text."""
    stripped = _GLUED_DAY.sub(" ", line.strip().strip("*_ "), count=1)
    if not stripped or len(stripped) > 120:
        return None
    found: dict[str, str] = {}
    source = parse_source(stripped)
    remainder = _SOURCE.sub(" ", stripped)
    name, comma, day = (source or "").partition(",")
    spaced = re.fullmatch(r"(.+?)\s+(\d.*)", source or "") if not comma else None
    if spaced and outlet(spaced[1]):  # "Bron: Trouw 14/2/25": a paper the reader knows, the day after a space
        name, comma, day = spaced[1], " ", spaced[2]
    if comma and parse_date(day):  # "Bron: HLN, 07/05/2024": the paper, then the day
        source, remainder = name.strip(), f"{remainder} {day}"
    if source:
        found["source"] = source
    date = parse_date(remainder) or _month_first_date(remainder)
    if date:
        found["date"] = date
    clock = _clock(remainder)
    if clock and (date or re.fullmatch(r"\s*\d{1,2}[u:.]\d{2}(\s*uur)?\s*", remainder, re.I) or _LABEL.match(remainder)):
        found["time"] = "".join(clock)  # "23:40+00:00" where the line names the zone ("11:40 PM GMT")
    if not found:
        return None
    # Only a line that is nothing but metadata counts: "Op 3 maart 2021 besloot de raad ..." is body.
    leftover = _LABEL.sub("", remainder)
    for pattern in (_WORD_DATE, _MONTH_FIRST_DATE, _ISO_DATE, _NUMERIC_DATE, _TIME):
        leftover = pattern.sub(" ", leftover)
    leftover = re.sub(rf"\b(?:{WEEKDAYS}|om|at|gepubliceerd|published|geplaatst)\b", " ", leftover, flags=re.I)
    names = _stamp_names(stripped) if date else None
    if names:  # a site's byline with the day, copied as one line
        found["author"] = names
        return found
    by = re.search(r"\b(?:door|by)\b.*$", leftover, flags=re.I)  # "Door Jef Van Hoof | wo 17 januari 2024 om 17:45"
    if by:
        author = byline(re.split(r"\s*[|·•,–—]\s*|\s{2,}", by.group().strip())[0])
        if author:
            found["author"] = author
        leftover = leftover[: by.start()]
    name = leftover.strip(" \t|·•,–—-")
    known = agency(name) or outlet(name) if name else None
    if known:  # "AD | 01-07-2024 09:10", "Trouw | 12 juli 2024": the outlet beside the date is the source
        found.setdefault("source", known)
        return found
    return found if len(re.sub(r"[\W_]+", "", leftover)) <= 3 else None


def clean_title(line: str, crawled: bool = False) -> str:
    """Strip a trailing site tag ('... | Binnenland') and the quote marks a crawler put around a headline.

    A paper prints a quoted headline in quotes ('Jihadi's blijven ...', ‘Studententien’ van ISO: ‘...’):
    in a record's title field or a page's headline those marks are the headline's. A crawler quotes the
    title line of a text export ("TITLE: \"...\"", “...” | Binnenland): there a pair of marks around the
    whole headline goes, where neither mark is inside it. Anywhere, an opening mark that nothing closes
    goes (the page title was quoted, site tag included, then the tag went)."""
    title = _unquote(line.strip().strip("#*_ ").strip(), crawled)
    untagged = _SITE_TAG.sub("", title)
    return _unquote(untagged if len(untagged) >= 8 else title, crawled)


_QUOTE_PAIRS = {'"': '"', "'": "'", "“": "”", "„": "”", "‘": "’", "’": "’", "”": "”", "«": "»"}


def _unquote(title: str, crawled: bool) -> str:
    first, last, inner = title[:1], title[-1:], title[1:-1]
    if crawled and len(title) > 1 and _QUOTE_PAIRS.get(first) == last and first not in inner and last not in inner:
        return inner.strip()
    if len(title) > 1 and first in _QUOTES and not any(mark in title[1:] for mark in _QUOTES):
        return title[1:].strip()
    return title


# -- timestamps as records, feeds and front matter give them ----------------------------------------

@dataclass(frozen=True)
class Stamp:
    """A publication moment as written: local date and time, and ISO 8601 with the offset when known."""

    date: str
    time: str | None
    iso: str


_ISO_STAMP = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                        r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?\s*$", re.I)


def _stamp(moment: dt.datetime, with_time: bool = True) -> Stamp:
    if not with_time:
        return Stamp(moment.date().isoformat(), None, moment.date().isoformat())
    iso = moment.isoformat(timespec="seconds")
    return Stamp(moment.date().isoformat(), moment.strftime("%H:%M"), iso)


def _offset(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text.upper() in ("Z", "UTC", "GMT"):
        return dt.timezone.utc
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if text[0] == "-" else delta)


def parse_timestamp(value: object) -> Stamp | None:
    """A date in any common form: ISO 8601 (offset kept), RFC 822, epoch seconds or milliseconds,
    Dutch or English words ("16 februari 2019 12:19"), day-month-year numbers; None if there is none."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.datetime):
        return _stamp(value)
    if isinstance(value, dt.date):
        return _stamp(dt.datetime(value.year, value.month, value.day), with_time=False)
    if isinstance(value, (int, float)) or (isinstance(value, str) and re.fullmatch(r"\s*\d{9,13}(\.\d+)?\s*", value)):
        seconds = float(value)
        if seconds < 1e8:  # a count or a year ({"time": 4}, 2024), not seconds since 1970
            return None
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        try:
            return _stamp(dt.datetime.fromtimestamp(seconds, dt.timezone.utc))
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _ISO_STAMP.match(text)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        try:
            moment = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                                 int(second or 0), tzinfo=_offset(zone))
        except ValueError:
            return None
        return _stamp(moment, with_time=hour is not None)
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d", text):
        try:
            return _stamp(email.utils.parsedate_to_datetime(text))
        except (TypeError, ValueError, IndexError):
            pass
    if re.search(r"\d\s*(?:[+-]\d{2}:?\d{2})\s*$", text):  # "di 11 jun 2024 08:00 +0200": keep the offset
        stamp = _dateutil_stamp(text)
        if stamp is not None:
            return stamp
    date = parse_date(text)
    if date is None:
        return _dateutil_stamp(text)
    clock = _clock(_WORD_DATE.sub(" ", text))
    if clock is None:
        return Stamp(date, None, date)
    return Stamp(date, clock[0], f"{date}T{clock[0]}:00{clock[1]}")


def _dateutil_stamp(text: str) -> Stamp | None:
    """The forms the patterns above do not cover, through dateutil ("June 11, 2024", "Jun 11, 2024 at 3:05 PM",
    "2024/06/11 08:00", "20240611", "Tue Jun 11 08:00:00 +0200 2024", "juni 11, 2024"). The text is parsed
    against two different defaults: a part that differs between them was not in the text, so no date is
    guessed, and a time only when one is written."""
    import warnings

    from dateutil import parser

    if len(text) > 80:
        return None
    dayfirst = not re.match(r"\s*\d{4}", text)  # 12-05-2024 is 12 May, as in Dutch; 2024/06/11 is year first
    moments = []
    for default in (dt.datetime(2001, 1, 1, 0, 0), dt.datetime(2002, 2, 2, 1, 1)):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # an unknown zone name ("CEST") leaves the time without offset
                moments.append(parser.parse(text, default=default, parserinfo=_dutch_dates()(), dayfirst=dayfirst))
        except (ValueError, OverflowError, TypeError):
            return None
    first, second = moments
    if first.date() != second.date():
        return None
    return _stamp(first, with_time=(first.hour, first.minute) == (second.hour, second.minute))


@functools.cache
def _dutch_dates() -> type:
    """Built on first use, so that importing this module never imports dateutil."""
    from dateutil import parser

    class DutchDates(parser.parserinfo):
        """dateutil's English names plus the Dutch ones ("juni", "mrt", "dinsdag", "om")."""

        JUMP = [*parser.parserinfo.JUMP, "om", "op", "uur", "u"]
        MONTHS = [tuple(dict.fromkeys([*english, *(name for name, number in MONTHS.items() if number == index)]))
                  for index, english in enumerate(parser.parserinfo.MONTHS, 1)]
        WEEKDAYS = [(*english, *dutch) for english, dutch in zip(parser.parserinfo.WEEKDAYS, (
            ("ma", "maandag"), ("di", "dinsdag"), ("wo", "woensdag"), ("do", "donderdag"), ("vr", "vrijdag"),
            ("za", "zaterdag"), ("zo", "zondag")))]

    return DutchDates


# -- bylines, credits and agencies in scraped text -----------------------------------------------

# News agencies: when one is named in a dateline or source line, it is the article's source, whatever
# site published it. Photo credits never make an agency the source.
NEWS_AGENCIES = {name.lower(): name for name in ("ANP", "Belga", "AFP", "Reuters", "AP", "DPA", "Novum", "EFE",
                                                  "Bloomberg", "Associated Press", "Agence France-Presse",
                                                  "AFN")}  # AFN: ANP's financial wire
# Dutch and Flemish news outlets as they name themselves, with the stem of their web address.
_OUTLETS = (
    ("NU.nl", "nu"), ("NOS", "nos"), ("RTL Nieuws", "rtlnieuws"), ("AD", "ad"), ("de Volkskrant", "volkskrant"),
    ("NRC", "nrc"), ("Trouw", "trouw"), ("Het Parool", "parool"), ("De Telegraaf", "telegraaf"),
    ("Het Financieele Dagblad", "fd"), ("HLN", "hln"), ("Het Nieuwsblad", "nieuwsblad"), ("De Standaard", "standaard"),
    ("VRT NWS", "vrt"), ("De Morgen", "demorgen"), ("Gazet van Antwerpen", "gva"),
    ("Het Belang van Limburg", "hbvl"), ("De Tijd", "tijd"), ("Knack", "knack"), ("Metro", "metronieuws"),
    ("EW", "ewmagazine"), ("Tubantia", "tubantia"), ("De Gelderlander", "gelderlander"),
    ("Dagblad van het Noorden", "dvhn"), ("Leeuwarder Courant", "lc"), ("NH Nieuws", "nhnieuws"), ("AT5", "at5"),
    ("Omroep Brabant", "omroepbrabant"), ("Omroep Gelderland", "omroepgelderland"), ("RTV Utrecht", "rtvutrecht"),
    ("Omroep Flevoland", "omroepflevoland"), ("Omroep Zeeland", "omroepzeeland"), ("RTV Drenthe", "rtvdrenthe"),
    ("RTV Oost", "rtvoost"),
    ("RTV Noord", "rtvnoord"), ("Rijnmond", "rijnmond"), ("Omroep West", "omroepwest"), ("1Limburg", "1limburg"),
    ("L1", "l1"), ("Omrop Fryslân", "omropfryslan"), ("BNR Nieuwsradio", "bnr"), ("Follow the Money", "ftm"),
    ("Tweakers", "tweakers"), ("De Limburger", "limburger"), ("Brabants Dagblad", "bd"),
    ("Eindhovens Dagblad", "ed"), ("BN DeStem", "bndestem"), ("PZC", "pzc"), ("De Stentor", "destentor"),
    ("Noordhollands Dagblad", "noordhollandsdagblad"), ("Haarlems Dagblad", "haarlemsdagblad"),
    ("Leidsch Dagblad", "leidschdagblad"), ("Het Laatste Nieuws", None), ("Algemeen Dagblad", None),
    ("RTBF", "rtbf"), ("Bruzz", "bruzz"), ("Kanaal Z", "kanaalz"), ("Nieuwsuur", None), ("EenVandaag", "eenvandaag"),
    ("Reformatorisch Dagblad", "rd"), ("Nederlands Dagblad", "nd"), ("Friesch Dagblad", "frieschdagblad"),
    ("IJmuider Courant", "ijmuidercourant"), ("De Gooi- en Eemlander", "gooieneemlander"),
    ("Hart van Nederland", "hartvannederland"), ("NPO Radio 1", "nporadio1"), ("De Correspondent", "decorrespondent"),
    ("De Groene Amsterdammer", "groene"), ("GeenStijl", "geenstijl"), ("Binnenlands Bestuur", "binnenlandsbestuur"),
    ("NL Times", "nltimes"), ("DutchNews.nl", "dutchnews"), ("Omroep Venlo", "omroepvenlo"),
    ("Sporza", "sporza"), ("VTM Nieuws", "vtm"), ("TVL", "tvl"), ("Focus-WTV", "focus-wtv"), ("ROB-tv", "robtv"),
    ("RINGtv", "ringtv"), ("AVS", "avs"), ("ATV", "atv"), ("TV Oost", "tvoost"), ("DeWereldMorgen", "dewereldmorgen"),
)
OUTLETS = {name.lower(): name for name, _ in _OUTLETS} | {alias: name for alias, name in (
    ("volkskrant", "de Volkskrant"), ("parool", "Het Parool"), ("telegraaf", "De Telegraaf"), ("nu", "NU.nl"),
    ("nieuwsblad", "Het Nieuwsblad"), ("standaard", "De Standaard"), ("gva", "Gazet van Antwerpen"),
    ("hbvl", "Het Belang van Limburg"), ("ad.nl", "AD"), ("fd", "Het Financieele Dagblad"), ("vrt", "VRT NWS"),
    ("rtl", "RTL Nieuws"), ("hln.be", "HLN"), ("nos.nl", "NOS"))} | {key: value for key, value in NEWS_AGENCIES.items()}
# An outlet's site under a host other than its name's stem: RTL Nieuws at rtl.nl, Omroep Gelderland at gld.nl,
# NH Nieuws at its former rtvnh.nl.
_DOMAINS = {stem: name for name, stem in _OUTLETS if stem} | {"rtl": "RTL Nieuws", "gld": "Omroep Gelderland",
                                                              "rtvnh": "NH Nieuws"}
# Names that crawlers glue to the first sentence ("ANPDe politie", "(Belga) De ...", "Bron: ANP De ...").
GLUED = ("ANP", "Belga", "BELGA", "AFP", "Reuters", "REUTERS", "AP", "DPA", "dpa", "Novum", "NOVUM", "EFE",
         "Bloomberg", "NU.nl", "NOS", "RTL Nieuws", "Het Nieuwsblad", "HLN", "VRT NWS")
_AGENCY = "|".join(re.escape(name) for name in sorted(GLUED, key=len, reverse=True))


def agency(name: str | None) -> str | None:
    """The news agency `name` is ("ANP", "BELGA", "(ANP)", "ANP/NU.nl" -> "ANP"), or None."""
    for part in re.split(r"\s*[/,&|]\s*|\s+(?:en|and)\s+", (name or "").strip().strip("()[] ")):
        if part.lower() in NEWS_AGENCIES:
            return NEWS_AGENCIES[part.lower()]
    return None


# The word a site's logo or masthead adds to the outlet's name: "NOS Nieuws", "Belga Sport", "HLN News".
_BRAND_WORD = re.compile(r"(?P<name>.+?)\s+(?:nieuws|news|nws|sport)")
# AD's regional editions, named after the papers it took in ("AD Utrechts Nieuwsblad", "AD/HC"): each is AD.
_AD_EDITION = re.compile(r"(?:ad|algemeen\s+dagblad)\s*(?:[/|–—-]\s*)?(?:utrechts\s+nieuwsblad|haagsche\s+courant"
                         r"|rotterdams\s+dagblad|amersfoortse\s+courant|(?:de\s+)?dordtenaar|groene\s+hart|rivierenland)"
                         r"|ad\s*/\s*(?:un|hc|rd|ac|dd|gh)", re.I)


def outlet(name: str) -> str | None:
    """The outlet `name` refers to, as it names itself ("volkskrant" -> "de Volkskrant", the logo's "NOS Nieuws" ->
    "NOS", AD's edition "AD Haagsche Courant" -> "AD"), or None."""
    key = name.strip().lower()
    brand = _BRAND_WORD.fullmatch(key)
    return OUTLETS.get(key) or (OUTLETS.get(brand["name"]) if brand else None) or edition_paper(key)


def edition_paper(name: str) -> str | None:
    """The paper `name` is a regional edition of ("AD Utrechts Nieuwsblad" -> "AD"), or None."""
    return "AD" if _AD_EDITION.fullmatch(name.strip()) else None


def host_stem(host: str) -> str | None:
    """The name part of a web address, in lower case ("www.standaard.be" -> "standaard", "nieuws.vtm.be" -> "vtm"),
    or None for a host without one."""
    parts = host.lower().removeprefix("www.").split(".")
    return parts[-2] if len(parts) >= 2 else None


def outlet_for_host(host: str) -> str | None:
    """The outlet behind a web address ("www.standaard.be" -> "De Standaard"), or None."""
    stem = host_stem(host)
    return _DOMAINS.get(stem) if stem is not None else None


# The clocks Dutch and Flemish newsrooms date their news by; the outlets and agencies above are Dutch but for these.
AMSTERDAM, BRUSSELS = "Europe/Amsterdam", "Europe/Brussels"
_FLEMISH = frozenset({"HLN", "Het Nieuwsblad", "De Standaard", "VRT NWS", "De Morgen", "Gazet van Antwerpen",
                      "Het Belang van Limburg", "De Tijd", "Knack", "Het Laatste Nieuws", "RTBF", "Bruzz", "Kanaal Z",
                      "Belga", "Sporza", "VTM Nieuws", "TVL", "Focus-WTV", "ROB-tv", "RINGtv", "AVS", "ATV", "TV Oost",
                      "DeWereldMorgen"})
_WORLD_AGENCIES = frozenset({"AFP", "Reuters", "AP", "DPA", "EFE", "Bloomberg", "Associated Press",
                             "Agence France-Presse"})


def newsroom_timezone(source: str | None, url: str | None) -> str | None:
    """The timezone of the newsroom an article comes from, where its source or address names a Dutch or Belgian
    one: a known outlet or agency, else a .nl or .be address. None for a world agency or an unknown source."""
    host = (urlparse(url).hostname or "") if url else ""
    for name in (outlet(source) if source else None, outlet_for_host(host)):
        if name is not None and name not in _WORLD_AGENCIES:  # Reuters copy on nos.nl: the site's clock
            return BRUSSELS if name in _FLEMISH else AMSTERDAM
    return {"nl": AMSTERDAM, "be": BRUSSELS}.get(host.rsplit(".", 1)[-1])


HOST = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", re.I)


def name_for_host(host: str, texts: list[str]) -> str | None:
    """The name a site known only by its host gives itself in `texts`: the newsroom's byline ("Redactie RTV
    Dordrecht"), a headline's tail (" | DTV Nieuws"), a site-name field or a logo. A run of up to five words
    whose letters are the host's ("rtvdordrecht.nl"), written otherwise than the bare host; None where no text
    spells it, for a name's capitals and spaces are never guessed from a host."""
    stem = re.sub(r"[\W_]+", "", host_stem(host) or "")
    for text in texts if stem else ():
        words = [word.strip(_QUOTES + ".,:;!?()[]|–—-") for word in text.split()]
        for start, end in ((start, end) for start in range(len(words)) for end in range(start + 1, start + 6)):
            name = " ".join(word for word in words[start:end] if word)
            if end <= len(words) and name != stem and re.sub(r"[\W_]+", "", name.lower()) == stem:
                return name
    return None


_NAME = r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:(?:van|de|der|den|ter|ten|het|'t|la|le|du|von|da|di|en|&|and)\s+)*[A-ZÀ-Ý][\w'’.-]*){0,4}"
# The reporters' names before the day (and time) the story appeared, as sites print a byline: DPG Media's short
# form ("Marieke Oude Luttikhuis 05-06-24, 12:30"), the month written out ("Lisa Brouwer 5 maart 2024, 14:12"),
# a weekday before it ("Sofie Claes vrijdag 11 april 2025, 06:00"): any date form parse_date knows.
_NAMED_STAMP = re.compile(rf"(?P<names>{_NAME}(?:\s*(?:,|en|&)\s*{_NAME})*)\s+(?P<when>(?:(?i:{WEEKDAYS})\.?,?\s+)?\d.*)")
_STAMP_PREPOSITION = re.compile(r"(?:op|in|om|na|sinds|tot|vanaf|voor|per|tussen|bijgewerkt|gewijzigd)\b", re.I)
# A first word no person's name starts with: a place ("Den Haag", "Sint-Niklaas", "'s-Hertogenbosch") or a newsroom.
_NO_FIRST_NAME = re.compile(r"(?:de|den|het|'s|sint|sint-\w+|redactie|nieuwsdienst)\b", re.I)


def _stamp_names(line: str) -> str | None:
    """The names in a byline followed by nothing but a date and time ("Ruud Kleinsman 28-02-25, 06:12"), or None.
    A name is two words or more: one word before a date is a dateline's place ("Enschede 2 mei 2024"), and so
    are all-caps words; an outlet's name before its date is the source, never an author."""
    match = _NAMED_STAMP.fullmatch(line)
    if not match:
        return None
    names, when = match["names"], match["when"]
    *rest, last = names.split()
    if rest and re.fullmatch(WEEKDAYS, last, re.I):  # "Jesse Mulder Zaterdag 12 april 2025": the weekday is the date's
        names, when = " ".join(rest), f"{last} {when}"
    if len(names.split()) < 2 or names.isupper() or _STAMP_PREPOSITION.match(names) or _NO_FIRST_NAME.match(names) \
            or outlet(names) or agency(names):
        return None
    meta = metadata_line(when)
    return names if meta and "date" in meta and set(meta) <= {"date", "time"} else None
_BYLINE = re.compile(
    rf"^(?:(?i:door|by|tekst|text|auteur|author|redactie)\s*:\s*(?P<labelled>.{{2,80}})"
    rf"|(?i:(?:geschreven\s+|written\s+)?(?:door|by))\s+(?P<name>{_NAME}(?:\s*(?:,|en|and|&)\s*{_NAME})*)"
    r"|(?P<own>(?i:(?:van|door)\s+(?:onze|een\s+onzer|onze\s+eigen)\s+(?:\w+\s+)?(?:correspondent(?:e|en)?"
    r"|verslaggever(?:s|ster)?|redacteur(?:en)?|redactie|medewerker(?:s|ster)?))\b(?P<after>.{0,60}))"
    # a paper that names no one: "door een verslaggever", "van een correspondent in Berlijn"
    rf"|(?P<anonymous>(?i:(?:van|door)\s+een\s+(?:correspondent|verslaggever|redacteur|medewerker)(?:e|ster)?)"
    rf"(?:\s+in\s+{_NAME})?))\s*$")
_CREDIT = re.compile(r"^[(\[]?\s*(?:(?:foto(?:'s|grafie|graaf|grafe)?|beeld|photo|image|illustratie|video|graphic|afbeelding)"
                     r"\s*(?::|©)\s*|©\s*|\(c\)\s*|copyright\s+)(?P<credit>[^()\[\]]{2,80}?)\s*[)\]]?\s*$", re.I)
# "Foto ANP", "Beeld Robin van Lonkhuijsen/ANP", "Foto Belga / Dirk Waem", "Beeld Erik Smits / de Volkskrant" (a
# paper's name after the photographer's): names and agencies only
_CREDIT_BARE = re.compile(rf"^[(\[]?\s*(?i:foto|beeld)\s+(?P<credit>(?:{_AGENCY}|{_NAME})"
                          rf"(?:\s*[/|,]\s*(?:de\s+|het\s+)?(?:{_AGENCY}|{_NAME}))*)"
                          r"\s*[)\]]?\s*$")


def byline(line: str) -> str | None:
    """The author(s) a byline names ("Door: Jan de Vries", "Van onze correspondent in Brussel"), or None."""
    stripped = line.strip().strip("*_ ")
    match = _BYLINE.match(stripped) if len(stripped) <= 120 else None
    if not match:
        return None
    if match["own"] and re.fullmatch(_NAME, match["after"].strip(" .,:")):  # "Door onze verslaggever Kees Bakker"
        return match["after"].strip(" .,:")
    found = match["labelled"] or match["name"] or match["own"] or match["anonymous"]
    return found.strip(" .") if found else None


_RIGHTS = re.compile(r"\b(?:alle\s+rechten\s+voorbehouden|all\s+rights\s+reserved)\b", re.I)


def credit(line: str) -> str | None:
    """The credit a photo-credit line gives ("© BELGA", "Beeld: ANP", "(Foto: Robin Utrecht/ANP)"), or None."""
    stripped = line.strip().strip("*_ ")
    if len(stripped) > 120 or _RIGHTS.search(stripped):  # "Copyright © 2024 Belga. Alle rechten voorbehouden.": the
        return None                                      # text's copyright, no photo's credit
    match = _CREDIT.match(stripped) or _CREDIT_BARE.match(stripped)
    return match["credit"].strip(" .").lstrip("© ") if match else None


# "AMSTERDAM (ANP) - ", "DEN HAAG - ", "(Belga) ", "ANP - ", "Bron: ANP " or "ANP" glued to the sentence; a
# wire telex puts the day after the place and "=" after the agency ("GENT 14/03 (BELGA) = "). A wire story
# names every agency it draws on, its own first: "LONDEN (ANP/RTR/BLOOMBERG) - ".
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’. -]{{1,30}}?)\s*(?:\d{{1,2}}/\d{{1,2}}\s*)?)?"
    rf"(?:\(\s*(?P<agency>(?:{_AGENCY}|[A-Z]{{2,6}})(?:\s*[/,]\s*(?:{_AGENCY}|[A-Z]{{2,10}}))*)\s*\)\s*(?:[-–—=]\s*)?"
    rf"|(?P<dash>[-–—]\s+))")
# Words that open a Dutch sentence and never go on a name: articles, pronouns, prepositions, conjunctions.
_SENTENCE_OPENER = ("De|Het|Een|Er|Dat|Dit|Die|Deze|Hij|Zij|Ze|Wij|We|Men|In|Op|Bij|Na|Voor|Met|Door|Volgens|Uit|Aan|"
                    "Om|Tijdens|Sinds|Vanaf|Tot|Tegen|Onder|Over|Nadat|Omdat|Toen|Terwijl|Hoewel|Ondanks|Zonder|"
                    "Ook|Nog|Zo|Ruim|Bijna|Zeker|Meer|Minder|Wie|Wat|Hoe|Waarom|Waar")
_WIRE = "|".join(re.escape(name) for name in sorted((name for name in GLUED if name.lower() in NEWS_AGENCIES),
                                                   key=len, reverse=True))
# A leading name is the source only when it is set off from the sentence: by a dash or colon ("ANP - De"),
# by "Bron:" before it, glued without a space ("BelgaDe", which is no word), or, for a news agency, by a space
# before a word that opens a sentence ("ANP De politie ..."); "NOS Jeugdjournaal" and "AP Stylebook" are text.
_AGENCY_LEAD = re.compile(rf"^(?:(?i:bron|source)\s*:\s*(?P<labelled>{_AGENCY})(?:\s*[-–—:])?\s+(?=[A-Z„“\"'‘])"
                          rf"|(?P<agency>{_AGENCY})(?:\s*[-–—:]\s+|(?=[A-Z][a-z]))"
                          rf"|(?P<wire>{_WIRE})\s+(?=(?:{_SENTENCE_OPENER})\s))")


def dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """(place, agency, rest) for a first paragraph that opens with a dateline or an agency name."""
    match = _DATELINE.match(paragraph)
    if match and (match["place"] or match["agency"]):
        place = match["place"].strip() if match["place"] else None
        agency = match["agency"]
        if place and not agency and place.lower() in OUTLETS:  # "ANP - De politie ..."
            place, agency = None, place
        if place and (len(place) < 2 or not place.replace(" ", "").replace("-", "").isupper()):
            place = None
        if place or agency:
            rest = paragraph[match.end():].lstrip(" -–—")
            if rest[:1].isupper() or rest[:1] in "„“\"'‘":
                return place, agency, rest
    lead = _AGENCY_LEAD.match(paragraph)
    if lead:
        rest = paragraph[lead.end():].lstrip(" -–—")
        if rest[:1].isupper() or rest[:1] in "„“\"'‘":
            return None, lead["agency"] or lead["labelled"] or lead["wire"], rest
    return None, None, paragraph

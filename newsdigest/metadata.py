"""Recognise the metadata lines of news articles: dates, times and sources (Dutch and English)."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "oct": 10,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORD_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b", re.I)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_TIME = re.compile(r"(?<![\d.,])(\d{1,2})(?:u|:|\.)(\d{2})(?:\s*uur)?(?![\d.,]\d)", re.I)
_SOURCE = re.compile(r"\b(?:bron|source)\s*:\s*([^|—–·\n]+?)\s*(?:$|[|—–·])", re.I)
_LABEL = re.compile(r"^\s*(?:datum|date|geplaatst|gepubliceerd|published|tijd|time)\s*:\s*", re.I)
_SITE_TAG = re.compile(r"\s+[|–—-]\s+(?:[^\s|–—-]+\s?){1,3}$")  # "... | Binnenland", "... - NOS"
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
        try:
            return dt.date(int(parts["y"]), month_number or 0, int(parts["d"])).isoformat()
        except (TypeError, ValueError):
            continue
    return None


def parse_time(text: str) -> str | None:
    """A clock time such as 12u19, 12:19 or 14.30 uur, as HH:MM."""
    match = _TIME.search(_ISO_DATE.sub(" ", _NUMERIC_DATE.sub(" ", text)))
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    return f"{hours:02d}:{minutes:02d}" if hours < 24 and minutes < 60 else None


def parse_source(text: str) -> str | None:
    match = _SOURCE.search(text)
    return match.group(1).strip(" .*_") if match else None


def metadata_line(line: str) -> dict[str, str] | None:
    """The metadata a short header line carries (date/time/source), or None if it is body text."""
    stripped = line.strip().strip("*_ ")
    if not stripped or len(stripped) > 120:
        return None
    found: dict[str, str] = {}
    source = parse_source(stripped)
    if source:
        found["source"] = source
    remainder = _SOURCE.sub(" ", stripped)
    date = parse_date(remainder)
    if date:
        found["date"] = date
    clock = parse_time(remainder)
    if clock and (date or re.fullmatch(r"\s*\d{1,2}[u:.]\d{2}(\s*uur)?\s*", remainder, re.I) or _LABEL.match(remainder)):
        found["time"] = clock
    if not found:
        return None
    # Only a line that is nothing but metadata counts: "Op 3 maart 2021 besloot de raad ..." is body.
    leftover = _LABEL.sub("", remainder)
    for pattern in (_WORD_DATE, _ISO_DATE, _NUMERIC_DATE, _TIME):
        leftover = pattern.sub(" ", leftover)
    leftover = re.sub(r"\b(?:door|by)\b.*$", " ", leftover, flags=re.I)
    leftover = re.sub(r"\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|om)\b", " ", leftover, flags=re.I)
    return found if len(re.sub(r"[\W_]+", "", leftover)) <= 3 else None


def clean_title(line: str) -> str:
    """Strip quotes around a headline and a trailing site tag ('... | Binnenland')."""
    title = line.strip().strip("#*_ ").strip()
    untagged = _SITE_TAG.sub("", title)
    title = untagged if len(untagged) >= 8 else title
    if len(title) > 1 and title[0] in _QUOTES and title[-1] in _QUOTES:
        title = title[1:-1].strip()
    return title

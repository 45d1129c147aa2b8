"""Wire copy as agencies' systems print it: the story's header line (its number, the desk, the time it was filed, the
priority and length), a telex's marks and filing time, the slug line, and the editors' initials under the text.

    ANP-20250918-0522   ECONOMIE   18-09-2025 14:07         ZCZC
    PRIO: 2   WOORDEN: 188                                  AFP0877 3 BUI 0164
                                                            FRANKRIJK-SPOOR-STAKING
    ...                                                     ...
    =                                                       AFP 181407 GMT SEP 25
    JVD/MVE                                                 NNNN
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from ..metadata import MONTHS
from .article import Found

# The letters of a story's number name the agency whose wire it is.
_SERVICES = {"anp": "ANP", "afn": "AFN", "blg": "Belga", "belga": "Belga", "nov": "Novum", "novum": "Novum",
             "afp": "AFP", "rtr": "Reuters", "reuters": "Reuters", "dpa": "DPA", "ap": "AP", "efe": "EFE"}
# A story's number: the service and the day with the story's number on it ("ANP-20250918-0522", "BLG-20250311-0456"),
# or the service and the number alone as a telex's header gives them ("AFP0877").
_STORY_ID = re.compile(r"(?P<service>[A-Za-z]{2,7})(?:(?P<dated>[-_]?\d{8}[-_]\d{2,6})|\d{3,5})")
# An IPTC 7901 telex's header line: the service and number, the priority, the category and the number of words, and
# maybe the slug ("AFP0877 3 BUI 0164", "ANP0412 2 ECO 0231 HAVEN-CONTAINERS").
_TELEX = re.compile(r"(?P<id>[A-Z]{2,7}\d{3,5})\s+(?P<prio>[1-6])\s+(?P<desk>[A-Z]{1,4})\s+(?P<words>\d{2,5})"
                    r"(?:\s+(?P<slug>\S+))?")
# The time a telex was filed, as the date-time group that closes it: "AFP 181407 GMT SEP 25", "181407Z SEP 2025".
_FILED = re.compile(r"(?:(?P<service>[A-Za-z]{2,7})\s+)?(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})\s*(?P<zone>GMT|UTC|Z)?"
                    r"\s+(?P<month>[A-Za-z]{3})\.?\s+(?P<year>\d{4}|\d{2})", re.I)
_MONTHS = MONTHS | {"mar": 3}  # a telex writes months the English way; "mar" is no month in running text
# The parts of a header line, set apart by runs of spaces, tabs or bars; with single spaces, the story's number, the
# desk in capitals and the time ("ANP-20250602-0218 BINNENLAND 02-06-2025 09:31").
_PARTS = re.compile(r"\s{2,}|\t|\s+\|\s+")
_SPACED = re.compile(r"(?P<id>\S+)\s(?P<desk>[A-ZÀ-Ý]{2,15}(?:[-/][A-ZÀ-Ý]{2,15})?)\s(?P<when>\d.+)")
_PRIORITY = re.compile(r"(?:prio(?:riteit)?|priority|urgentie|urgency)\s*:?\s*(?P<level>\d)", re.I)
_LENGTH = re.compile(r"(?P<key>woorden|words|tekens|regels|lines)\s*:?\s*(?P<count>\d+)"
                     r"|(?P<number>\d+)\s+(?P<unit>woorden|words|tekens|regels|lines)", re.I)
_DESK = re.compile(r"[A-ZÀ-Ý]{2,15}(?:[-/ ][A-ZÀ-Ý]{2,15}){0,2}")  # "ECONOMIE", "BIN", "REGIONAAL", "BUI/EU"
# A story's slug: its keywords joined without spaces ("LIER-BEGIJNHOF", "FRANKRIJK-SPOOR-STAKING").
_SLUG = re.compile(r"[^\W\d_]{2,}(?:[-/][^\W\d_]{2,}){1,5}")
# The editors' initials under the story: "KVE/ABO", "JVD/MVE"; with a slash before them ("/JDV/KV") too.
_INITIALS = re.compile(r"/?[A-Z]{2,4}(?:/[A-Z]{2,4})+/?")


def story_id(part: str, found: Found) -> bool:
    """A story's number ("ANP-20250918-0522", "AFP0877"): kept in extra as "id", the agency its letters name the
    source; False (and `found` untouched) where `part` is none (a number without the day names an agency)."""
    match = _STORY_ID.fullmatch(part.strip())
    service = _SERVICES.get(match["service"].lower()) if match else None
    if match is None or service is None and not match["dated"]:
        return False
    found.extra.setdefault("id", part.strip())
    found.offer(source=service)
    return True


def header_line(line: str, found: Found, other_part: Callable[[str, Found], bool]) -> bool:
    """A wire story's header line: a telex's ("AFP0877 3 BUI 0164"), or parts set apart by runs of spaces, tabs or
    bars ("ANP-20250918-0522   ECONOMIE   18-09-2025 14:07", "PRIO: 2   WOORDEN: 188"; the number, the desk and the
    time with single spaces too), among them the story's number,
    its priority or its length, the others a desk in capitals or any part `other_part` reads (a date, a section).
    The number goes to extra "id" and names the agency, the priority and length to extra, the desk to the tags.
    False (and `found` untouched) where the line is none."""
    stripped = line.strip()
    telex = _TELEX.fullmatch(stripped)
    if telex and story_id(telex["id"], found):
        found.extra.setdefault("prio", telex["prio"])
        found.extra.setdefault("woorden", str(int(telex["words"])))
        found.tag(telex["desk"])
        if telex["slug"]:
            found.extra.setdefault("slug", telex["slug"])
        return True
    parts = [part for part in _PARTS.split(stripped) if part]
    spaced = _SPACED.fullmatch(stripped) if len(parts) == 1 else None
    if spaced:
        parts = [spaced["id"], spaced["desk"], spaced["when"]]
    if len(parts) < 2:
        return False
    scratch, marked = copy.deepcopy(found), False
    for part in parts:
        priority, length = _PRIORITY.fullmatch(part), _LENGTH.fullmatch(part)
        if story_id(part, scratch):
            marked = True
        elif priority:
            scratch.extra.setdefault("prio", priority["level"])
            marked = True
        elif length:
            scratch.extra.setdefault((length["key"] or length["unit"]).lower(), length["count"] or length["number"])
            marked = True
        elif _DESK.fullmatch(part):
            scratch.tag(part)
        elif not other_part(part, scratch):
            return False
    if marked:
        found.__dict__.update(scratch.__dict__)
    return marked


# What an agency's masthead line says besides its name: the service and its language desk ("BELGA NEWS AGENCY -
# NEDERLANDSTALIGE DIENST", "ANP Nieuwsdienst", "Agence Belga", "Persbureau Novum", "Reuters Nederland").
_SERVICE = re.compile(r"(?:(?:nederlandstalige|franstalige|duitstalige|engelstalige|dutch|french|german|english|"
                      r"binnenlandse|buitenlandse|internationale|regionale|economische|financi[eë]le)\s+)?"
                      r"(?:news\s*agency|press\s*agency|nieuwsagentschap|persagentschap|persbureau|agence|agency|nieuwsdienst"
                      r"|nieuwsservice|news\s*service|newswire|wire|nieuws|news|dienst|service|redactie|desk|newsroom"
                      r"|nederland|belgi[eë]|vlaanderen|nl|be)", re.I)
_MASTHEAD_SPLIT = re.compile(r"\s+[|–—-]\s+|\s{2,}|\t")
# A desk or section beside the masthead as the wire names it: "Binnenland", "Verkeer & Vervoer", "Economie/Beurs".
_DESK_NAME = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?:\s*(?:&|/|,|\s)\s*[\w'’-]+){0,3}")


def masthead(line: str, found: Found, agency: Callable[[str], str | None],
             other_part: Callable[[str, Found], bool]) -> bool:
    """An agency's masthead line above a story, its name with the service's words ("BELGA NEWS AGENCY - NEDERLANDSTALIGE
    DIENST", "ANP Nieuwsdienst | Binnenland | Verkeer & Vervoer", "Agence Belga"): the agency is the source, the
    service goes to extra "service", the desks beside it to the tags, any part `other_part` reads (a date) where it
    says. False (and `found` untouched) where the line is none, so a headline that opens with an agency's name is
    never taken for one."""
    parts = [part for part in _MASTHEAD_SPLIT.split(line.strip()) if part]
    words = parts[0].split() if parts else []
    span = next(((start, end) for start in range(len(words)) for end in range(min(len(words), start + 3), start, -1)
                 if agency(" ".join(words[start:end]))), None)  # "Associated Press" is two words
    if span is None or len(parts[0]) > 60:
        return False
    start, end = span
    service = " ".join(words[:start] + words[end:])
    if not service or not re.fullmatch(rf"{_SERVICE.pattern}(?:\s+{_SERVICE.pattern})*", service, re.I):
        return False
    scratch = copy.deepcopy(found)
    for part in parts[1:]:
        if re.fullmatch(rf"{_SERVICE.pattern}(?:\s+{_SERVICE.pattern})*", part, re.I):
            service = f"{service} - {part}"
        elif not other_part(part, scratch):
            if not _DESK_NAME.fullmatch(part) or len(part) > 40:
                return False
            scratch.tag(part)
    scratch.offer(source=agency(" ".join(words[start:end])))
    scratch.extra.setdefault("service", service)
    found.__dict__.update(scratch.__dict__)
    return True


def slug_line(line: str, found: Found) -> bool:
    """The slug line under a wire story's header ("LIER-BEGIJNHOF"): kept in extra as "slug"; only where a header
    gave the story's number, so a headline is never taken for one."""
    if "id" not in found.extra or "slug" in found.extra or not _SLUG.fullmatch(line.strip()):
        return False
    found.extra["slug"] = line.strip()
    return True


def filed(line: str, found: Found) -> bool:
    """A telex's filing time as a date-time group ("AFP 181407 GMT SEP 25"): the date where none was known, the agency
    it names the source; False (and `found` untouched) where the line is none."""
    match = _FILED.fullmatch(line.strip())
    month = _MONTHS.get(match["month"].lower()) if match else None
    if month is None or match["service"] and match["service"].lower() not in _SERVICES:
        return False
    year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
    zone = "+00:00" if match["zone"] else ""
    if found.stamp is None:
        found.when(f"{year}-{month:02d}-{match['day']}T{match['hour']}:{match['minute']}:00{zone}")
    if match["service"]:
        found.offer(source=_SERVICES[match["service"].lower()])
    return True


def initials(line: str, found: Found, outlet: Callable[[str], str | None]) -> bool:
    """The editors' initials under a wire story ("KVE/ABO"): kept in extra as "initials"; never a line of outlets
    ("ANP/AFP"), which names the sources."""
    stripped = line.strip()
    if not _INITIALS.fullmatch(stripped) or all(outlet(name) for name in stripped.strip("/").split("/")):
        return False
    found.extra.setdefault("initials", stripped.strip("/"))
    return True

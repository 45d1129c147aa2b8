"""The layout of news text as crawlers and copy-paste leave it: header lines, labels, bylines, credits.

Used on plain text and on the paragraphs that the HTML and Markdown readers find, so the same
leftovers are handled whatever the format: metadata goes to fields, never into the body.
"""

from __future__ import annotations

import copy
import re
from urllib.parse import urlparse

from ..metadata import (MONTHS, OUTLETS, WEEKDAYS, agency, byline, clean_title, credit, dateline, metadata_line, outlet,
                        outlet_for_host, parse_source)
from . import transcript, wire
from .article import Found

# A crawl or download stamp is not a publication date.
_CRAWL = re.compile(r"^\s*\[?(?:ge)?(?:crawl(?:ed|d)?|gecrawld|opgehaald|retrieved|scraped|fetched|downloaded|"
                    r"gedownload|archived|gearchiveerd|bezocht|geraadpleegd|accessed|saved(?:\s+(?:to|in)\s+\w+)?|opgeslagen(?:\s+in\s+\w+)?)"
                    r"(?:[\s_]+(?:op|on|at|om))?\s*:?\s*(?P<when>.*?)\]?\s*$",
                    re.I)
_UPDATED = re.compile(r"^\s*(?:laatste?\s+)?(?:bijgewerkt|aangepast|gewijzigd|update[d]?|last\s+updated?|modified)"
                      r"(?:\s+(?:op|on|om|at))?\s*:?\s*(?P<when>.*\d.*)$", re.I)
# A press database's print header ("GoPress Academic - Artikel afgedrukt op 29/04/2024", "Printed on ...", the stamp
# set apart by a run of spaces or a tab at the page's right edge): the
# day it was printed, never the day it was published.
_PRINTED = re.compile(r"^\s*(?:(?P<database>[^\W\d_][\w .'’-]{1,40}?)(?:\s+[-–—|:]\s+|\s{2,}|\t))?(?:(?:artikel|article|document)\s+)?"
                      r"(?:afgedrukt|geprint|gedrukt|printed)(?:\s+(?:op|on|at|om))?\s*:?\s*(?P<when>.*\d.*)$", re.I)
# Labels that papers put before or above a headline.
_LABEL_WORDS = ("live", "liveblog", "live-blog", "video", "foto", "foto's", "bio", "update", "breaking",
                "interview", "reportage", "analyse", "opinie", "column", "recensie", "review", "podcast",
                "exclusief", "uitgelegd", "factcheck", "achtergrond", "interactief", "premium", "plus", "kort",
                "nieuws", "verhaal", "dossier", "commentaar", "hoofdredactioneel", "ingezonden", "brief",
                "poll", "quiz", "explainer", "reconstructie", "portret", "longread", "serie", "breaking news",
                "net binnen", "vandaag", "zo zit het", "het debat", "voorpagina", "blog", "vlog", "weerbericht")
_LABEL = "|".join(re.escape(word) for word in sorted(_LABEL_WORDS, key=len, reverse=True))
_TITLE_LABEL = re.compile(
    rf"^(?P<label>(?i:{_LABEL})(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý0-9'’&-]*){{0,3}}|[A-ZÀ-Ý][A-ZÀ-Ý0-9'’&-]+(?:\s+[A-ZÀ-Ý0-9'’&-]+){{0,3}}(?=\.))"
    r"\s*[.:|]\s+(?=\S)")
_SECTIONS = frozenset("""binnenland buitenland politiek economie sport cultuur media tech technologie wetenschap
    nationaal internationaal binnenlands buitenlands economisch
    opmerkelijk regio regionaal gezondheid klimaat opinie column achtergrond nieuws algemeen lokaal
    financieel geld werk wonen onderwijs justitie misdaad criminaliteit verkeer weer koningshuis royalty
    showbizz entertainment muziek film boeken lifestyle reizen auto mobiliteit europa wereld amsterdam
    rotterdam utrecht brussel antwerpen gent vlaanderen nederland belgië binnen buiten""".split())

_MAIL = r"(?:e-?mail|mail|nieuwsbrief|newsletter)"
# The line at the top of a newsletter that links to its web copy, in the words mail tools and outlets use.
_VIEW_IN_BROWSER = (
    rf"(?:bekijk|open|lees)\s+(?:deze|de|dit|this|the)\s+{_MAIL}\s+(?:in|via|op)\s+(?:je|uw|de|your|the)\s+(?:web)?browser"
    r"|(?:bekijk|lees)\s+(?:de|deze)\s+(?:online|web)\s*versie"
    rf"|(?:bekijk|lees|open)\s+(?:deze|de|dit)\s+{_MAIL}\s+online|(?:bekijk|lees)\s+online|online\s+bekijken|webversie"
    rf"|(?:wordt|is)\s+(?:deze|de)\s+{_MAIL}\s+niet\s+(?:goed|juist|correct)\s+(?:weergegeven|leesbaar)\s*\?.{{0,80}}"
    rf"|(?:kun|kan|kunt)\s+(?:je|u)\s+(?:deze|de)\s+{_MAIL}\s+niet\s+(?:goed\s+)?(?:lezen|bekijken|zien)\s*\?.{{0,80}}"
    rf"|problemen\s+met\s+(?:het\s+)?(?:bekijken|lezen|weergeven)(?:\s+van\s+deze\s+{_MAIL})?\s*\?.{{0,80}}"
    rf"|view\s+(?:this\s+)?(?:{_MAIL}\s+)?(?:in\s+(?:your\s+)?browser|online|(?:as\s+a\s+)?web\s*page)|web\s+version"
    rf"|having\s+trouble\s+viewing\s+this\s+{_MAIL}\s*\?.{{0,80}}")
# a plain-text mail puts the address after it: "<url>", or "( url )" as Mailchimp writes its text part
VIEW_IN_BROWSER = re.compile(rf"^\s*(?:{_VIEW_IN_BROWSER})(?:\s*<\S+>|\s*\(\s*https?://\S+\s*\))?\s*[.!:»›>]*\s*$", re.I)
_UNSUBSCRIBE = (
    rf"(?:je|u)\s+ontvangt\s+(?:deze|dit|de)\s+(?:{_MAIL}|bericht)\s+(?:omdat|want|als)\b.{{0,160}}"
    rf"|you\s+(?:are\s+)?receiv(?:e|ing)\s+this\s+{_MAIL}\s+because\b.{{0,160}}"
    rf"|wil\s+(?:je|u)\s+(?:deze\s+{_MAIL}\s+)?niet\s+meer\s+ontvangen\s*\?.{{0,80}}"
    r"|afmelden|uitschrijven|unsubscribe|(?:meld|schrijf)\s+(?:je|u)\s+(?:hier\s+)?af")
_MAIL_FOOTER = re.compile(rf"^\s*(?:je|u|you)\s+(?:are\s+)?(?:ontvangt|receiv(?:e|ing))\s+(?:deze|dit|de|this)\s+"
                          rf"(?:{_MAIL}|bericht)\s+(?:omdat|want|als|because)\b", re.I)  # "Je ontvangt deze e-mail omdat ..."
_NETWORK = r"(?:facebook|x|twitter|whatsapp|linkedin|e-?mail|messenger|telegram|pinterest|reddit|bluesky|kopieer\s+link)"
_CONTINUES = r"(?:de\s+)?tekst\s+gaat\s+(?:hieronder\s+)?verder\s+(?:onder|na)\s+(?:de|het)\s+\w+"
# "(Tekst gaat verder onder de foto.)" that a page's text run glued to the sentence before the photo
_CONTINUES_GLUED = re.compile(rf"(?<=[.!?”\"'])\s*\(\s*{_CONTINUES}\s*\.?\s*\)", re.I)
_SHARE = rf"(?:(?:deel|delen|share)\s+(?:op|via|on|to)\s+)?{_NETWORK}"  # "WhatsApp", "Deel op WhatsApp"
# An audio or video player's line on a radio or TV newsroom's page: its play button ("▶", "🎧"), a call to listen or
# watch ("Beluister het fragment uit De Ochtendspits (06:42)", "Luister het gesprek terug", "Kijk de uitzending
# terug", "Listen to this episode"), its duration ("▶ 04:12", "Duur: 3:40", "▶ 6 min").
_PLAY = r"[▶►▷⏵⏯🎧🔊🎙📻]\ufe0f?"
_CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}|\d{1,3}\s*(?:min(?:uten|uut|\.)?|sec(?:onden)?|s)\b"
_MEDIA = (r"(?:radio|tv-?|video|audio)?(?:fragment|uitzending|reportage|item|interview|gesprek)(?:en)?"
          r"|podcast(?:aflevering)?|aflevering|episode|audio|video|show|livestream|stream|programma")
_PLAYER = (rf"(?:{_PLAY}\s*)?(?:(?:be)?luister|hoor|(?:be)?kijk|speel|play|listen|watch)"
           r"(?:\s+(?:naar|nu|hier|ook|terug|to|now|back))*"
           r"(?:\s+(?:het|de|dit|deze|onze|the|this|our|volledige|hele|complete|full|gehele))*"
           rf"(?:\s+[\w-]+)?\s+(?:{_MEDIA})\b.{{0,60}}"
           rf"|{_PLAY}\s*(?:(?:{_CLOCK})|(?:afspelen|speel\s+af|play|pauze|pause|luister|beluister|kijk|bekijk|listen|watch)"
           rf"(?:\s*\(?(?:{_CLOCK})\)?)?)"
           rf"|(?:duur|duration|lengte|speelduur)\s*:?\s*(?:{_CLOCK})|(?:luister|kijk|listen|watch)\s+(?:nu\s+|now\s+)?live")
# The buttons of a copied page's share, save, print, listen and comment bars, a line each (DPG: "Delen per e-mail",
# "Kopieer link", "Bewaar"; Mediahuis: "Luister naar dit artikel", "Geef dit artikel cadeau"; "Leestijd 3 minuten"),
# and what stands where the comments would be ("12 reacties", "Op dit artikel is reageren niet mogelijk.").
_PAGE_ACTION = (
    rf"(?:deel|delen|share|verstuur|versturen|stuur)(?:\s+(?:dit\s+|het\s+)?(?:artikel|bericht))?\s+(?:per|via|op|on|to|by)"
    rf"\s+(?:{_NETWORK}|mail)|(?:deel|delen)\s+(?:dit\s+|het\s+)?(?:artikel|bericht)\s+via|{_NETWORK}"
    r"|(?:(?:e-?)?mail|stuur|verstuur)\s+(?:dit\s+|het\s+)?(?:artikel|bericht)(?:\s+door)?|stuur\s+door|doorsturen"
    r"|kopi[eë]{1,2}r\s+(?:de\s+)?(?:link|url)|(?:link|url)\s+(?:kopi[eë]ren|gekopieerd|delen)|copy\s+link"
    r"|(?:geef|schenk|deel)\s+(?:dit\s+|het\s+)?(?:artikel\s+)?(?:cadeau|gratis)|(?:(?:dit\s+)?artikel\s+)?cadeau\s+(?:geven|doen)"
    r"|printen|afdrukken|druk\s+af|print\s+(?:dit\s+)?artikel|print(?:vriendelijke\s+)?versie"
    r"|(?:bewaar|bewaren|opslaan)\s+(?:dit\s+|het\s+)?artikel|artikel\s+(?:bewaren|opslaan|bewaard|opgeslagen)|bewaard"
    r"|opgeslagen|lees\s+later|(?:(?:zet|plaats)\s+op|toevoegen\s+aan|voeg\s+toe\s+aan)\s+(?:de\s+|je\s+|mijn\s+)?leeslijst"
    r"|(?:luister|beluister)\s+(?:naar\s+)?(?:dit|het)\s+artikel(?:\s*\(?\d+\s*min(?:uten|uut|\.)?\)?)?"
    r"|(?:laat\s+)?(?:dit\s+artikel\s+)?voorlezen|lees\s+(?:dit\s+artikel\s+)?voor"
    r"|leestijd\s*:?\s*\d+\s*min(?:uten|uut|\.)?|\d+\s*min(?:uten|uut|\.)?\s+leestijd"
    r"|(?:bekijk|lees|toon|verberg)\s+(?:de\s+|alle\s+)?(?:\d+\s+)?reacties?(?:\s*\(\d+\))?|reageer\s+op\s+dit\s+(?:artikel|bericht)"
    r"|reageren|praat\s+mee(?:\s*\(\d+\))?|discussieer\s+mee|doe\s+mee\s+(?:aan|met)\s+de\s+discussie"
    r"|(?:op\s+dit\s+(?:artikel|bericht)\s+is\s+)?reageren(?:\s+op\s+dit\s+(?:artikel|bericht))?(?:\s+is)?\s+niet\s+"
    r"(?:meer\s+|langer\s+)?mogelijk|(?:de\s+)?reacties\s+(?:zijn|is)\s+gesloten|(?:dit\s+artikel\s+is\s+)?gesloten\s+voor\s+reacties"
    r"|er\s+zijn\s+(?:nog\s+)?geen\s+reacties|wees\s+de\s+eerste\s+die\s+reageert|(?:\d+\s+)?comments?"
    r"|volg(?:en)?(?:\s+dit\s+onderwerp)?|tekstgrootte|lettergrootte")
_BOILERPLATE = re.compile(
    r"^\s*[(\[]?\s*(?:"
    rf"{_CONTINUES}"
    r"|lees\s+(?:ook|verder|meer)(?:\s+na\s+de\s+advertentie)?|read\s+more"
    r"|(?:bekijk|kijk|zie)\s+(?:de|deze|onze)\s+video\b.{0,60}"
    r"|(?:zie|bekijk|luister|kijk)\s+(?:ook|hier|de\s+video)"
    r"|meer\s+(?:over\s+(?:dit\s+onderwerp|dit\s+thema)|nieuws|lezen|artikelen)"
    r"|(?:gerelateerde|meer)\s+artikelen|gerelateerd|uit\s+andere\s+media|ook\s+interessant"
    r"|advertentie|advertisement|gesponsord|sponsored"
    r"|deel\s+(?:dit\s+)?(?:artikel|bericht|via)|delen(?:\s+via)?|share(?:\s+this)?|print|e-?mail"
    r"|deel|bewaar|bewaren|opslaan|mail|luister|voorlezen|lees\s+voor|(?:beluister|luister\s+naar)\s+(?:dit|het)\s+artikel"
    rf"|(?:deel|delen|share)\b[\w ]{{0,30}}:\s*{_NETWORK}(?:\s*[|,·•/]\s*{_NETWORK})*"
    rf"|(?:deel|delen|share)\s+(?:via|op|on|to)\s+{_NETWORK}"
    r"|reageer|reacties?(?:\s*\(\d+\))?|plaats\s+een\s+reactie|(?:\d+\s+)?reacties?"
    rf"|{_PAGE_ACTION}"
    r"|volg\s+(?:ons|nu)\s+(?:op|via)\b.{0,60}|volg\s+[\w .'’-]{2,40}?\s+ook\s+(?:op|via)\s+\w+"  # "Volg X ook op WhatsApp"
    r"|(?:heb|weet)\s+(?:je|jij|u)\s+(?:een\s+tip|meer)\b[^?]{0,60}\?.{0,120}?(?:redactie|@).{0,80}"  # newsroom's call for tips
    r"|download\s+(?:de|onze)\s+(?:gratis\s+)?(?:nieuws)?app\b.{0,40}"
    r"|(?:je|u)\s+(?:gebruikt|hebt)\s+(?:een\s+)?(?:ad-?\s?blocker|advertentieblokker)\b.*"
    r"|(?:schakel|zet)\s+(?:je|uw)\s+ad-?\s?blocker\b.*"
    r"|(?:wij|we|deze\s+(?:web)?site)(?:\s+en\s+onze\s+partners)?\s+(?:gebruiken|gebruikt|maakt\s+gebruik\s+van|maken\s+gebruik\s+van)\s+cookies\b.*"
    r"|cookie(?:instellingen|voorkeuren|verklaring|beleid|melding)|(?:cookies\s+)?(?:instellingen|voorkeuren)\s+aanpassen"
    r"|accepteer\s+(?:alle\s+)?cookies\b.*|akkoord(?:\s+en\s+doorgaan)?"
    r"|abonneer\s+(?:je|u)\b.{0,80}|word\s+abonnee\b.{0,80}|log\s*in|inloggen"
    r"|.{0,60}\b(?:schrijf|meld)\s+(?:je|u)\s+(?:nu\s+|hier\s+|gratis\s+)*(?:in|aan)\s+(?:voor|op)\s+(?:onze|de|het|ons)"
    r"\s+(?:\w+\s+)?[\w-]*nieuwsbrief\b.{0,60}|(?:ontvang|krijg)\b.{0,60}\bnieuwsbrief\b.{0,60}"
    r"|(?:log|meld)\s+(?:je\s+|u\s+)?(?:hier\s+)?(?:gratis\s+)?aan\s+om\b.{0,80}|(?:log|meld)\s+(?:je\s+|u\s+)?in\s+om\b.{0,80}"
    r"|bron\s*foto\s*:.*|(?:home|nieuws)(?:\s*[>›»/]\s*[\w\s-]+){1,6}"
    rf"|{_SHARE}(?:\s*[|,·•/]?\s+{_SHARE})*(?:\s*[|,·•/]?\s+link\s+kopi[eë]ren)?|link\s+kopi[eë]ren"  # share buttons
    # a skip link: "Naar de inhoud", "Ga direct naar de hoofdinhoud", "Direct naar" / "Hoofdmenu", "Skip to main content"
    r"|(?:(?:ga|spring)\s+(?:direct\s+|meteen\s+)?|direct\s+)?naar\s+(?:de\s+|het\s+)?(?:hoofd)?(?:inhoud|content|navigatie"
    r"|zoeken|zoekfunctie|menu|hoofdmenu|artikel|tekst)|(?:ga\s+)?direct\s+naar|hoofdmenu|hoofdnavigatie|skip\s+to\s+(?:the\s+)?(?:main\s+)?"
    r"(?:content|navigation|article)|skip\s+(?:navigation|to\s+main)"
    r"|(?:dit\s+bericht\s+is\s+|this\s+(?:message|e-?mail)\s+was\s+)?"  # a mail signature
    r"(?:verzonden\s+(?:vanaf|met|van)|verstuurd\s+(?:vanaf|met|van)|sent\s+from)\s+(?:mijn|my)\s+\w+(?:\s+\w+)?"
    rf"|{_VIEW_IN_BROWSER}|{_UNSUBSCRIBE}"  # a newsletter's head and foot
    r"|(?:lees|read)\s+(?:verder|meer|more|het\s+(?:hele\s+)?(?:artikel|verhaal))\s+(?:op|on|at)\s+[\w.-]+\.[a-z]{2,6}"
    r"(?:\s*<\S+>)?"
    r"|eind(?:e)?\s+(?:bericht|tekst|artikel|knipsel)\b.{0,60}|end\s+of\s+(?:story|message|text|document)"  # a wire's end mark
    r"|={1,2}|zczc|nnnn"  # a wire story's "=" under the text; a telex's start and end of message
    # a press database's download or print stamp under the text: "Gedownload via GoPress Academic door ... op ..."
    r"|(?:dit\s+artikel\s+(?:werd|is)\s+)?(?:gedownload|afgedrukt|geprint|downloaded|printed(?:\s+and\s+distributed)?)"
    r"\s+(?:via|van|uit|from|by|door)\s+(?:[\w.-]+\s?){1,3}(?:\s*(?:door|by|voor|for)\s+.{2,80}?)?"
    r"(?:\s*(?:op|on)\s+.{4,40})?"
    # and its notice under what it printed: "Dit artikel werd u aangeboden door GoPress Academic. Het mag niet ..."
    r"|(?:dit\s+artikel\s+(?:werd|wordt|is)\s+(?:u\s+|je\s+)?aangeboden\s+door|this\s+article\s+(?:was|is)\s+"
    r"(?:provided|offered)\s+(?:to\s+you\s+)?by)\s.{2,160}"
    r"|(?:page|pagina)\s+\d+\s+(?:of|van)\s+\d+"  # a press database's page mark ("Page 1 of 2")
    r"|(?:deze\s+tekst|dit\s+artikel|this\s+(?:text|article|document))\s+(?:mag|may)\s.{0,80}"  # its rights notice
    r"\b(?:persoonlijk|eigen|intern|personal|internal)\s+(?:gebruik|use)\b.{0,160}"
    r"|load-date\s*:.{0,40}"  # when Nexis Uni loaded the story, under its text: no publication date
    r"|/[A-Z]{2,5}(?:/[A-Z]{2,5})*"  # the wire editors' initials under the story: "/SEL/JVR"
    r"|(?:\(c\)|©|copyright)\s.{0,60}\b(?:alle\s+rechten\s+voorbehouden|all\s+rights\s+reserved)\b.{0,160}"
    r"|[-=_*~#]{3,}"  # a rule that scrapers draw between header and text
    r"|(?:\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}"  # an audio player's clock ("00:00 / 04:12")
    rf"|{_PLAYER}"
    r")\s*[:.!»›>]*\s*[)\]]?\s*$", re.I)
_BREADCRUMB = re.compile(r"^\s*[\w .'-]{2,30}(?:\s*[>›»]\s*[\w .'-]{2,30}){1,}\s*$")
# A site's menu bar copied with the page: "Home | Binnenland | Buitenland | Politiek | Sport".
_MENU_ITEM = re.compile(r"^[A-ZÀ-Ý][\w'’&-]*(?:\s+(?:&\s+)?[\w'’&-]+){0,2}$")
# A wire service's slug line: "prio 3 / 286 woorden".
_WIRE_PART = re.compile(r"^(?:prio(?:riteit)?|priority|urgentie)\s*:?\s*\d+|\d+\s+(?:woorden|words|tekens|regels)$", re.I)
# A wire service's subject line, its desk's code and keywords in capitals, a word each: "BIN - VERKEER - WERKEN",
# "ECO/BEURS", "REG - OOST-VLAANDEREN" (an all-caps headline has sentences of words between its dashes).
_SUBJECT = r"[A-ZÀ-Ý]{2,}(?:-[A-ZÀ-Ý]{2,})*(?:\s*&\s*[A-ZÀ-Ý]{2,})?"
_SUBJECT_SPLIT = r"\s+[-–|]\s+|\s*/\s*"
_SUBJECT_LINE = re.compile(rf"^{_SUBJECT}(?:(?:{_SUBJECT_SPLIT}){_SUBJECT}){{1,5}}$")
_READ_MORE = re.compile(r"^\s*(?:lees|read)\s+(?:meer|verder|more)\b", re.I)
# Headings over a list of links to other stories: the lines under them that are no sentences go with them.
_READ_ALSO = re.compile(r"^\s*(?:(?:lees|zie|bekijk)\s+ook|meer\s+nieuws|ander\s+nieuws|meer\s+artikelen|ook\s+interessant"
                        r"|gerelateerde\s+artikelen|gerelateerd|meest\s+(?:gelezen|bekeken|gedeeld)|best\s+gelezen"
                        r"|meer\s+over(?:\s+(?:dit|deze)\s+onderwerpen?)?(?=\s*:?\s*$)"
                        # a site's "Meer Economie", its section capitalised: an intertitle "Meer geld" is text
                        rf"|meer\s+(?:uit\s+|over\s+)?(?=(?-i:[A-ZÀ-Ý]))(?:{'|'.join(sorted(_SECTIONS))})(?=\s*:?\s*$))"
                        r"\b\s*:?\s*", re.I)
_AGENCY_TAIL = re.compile(r"\s*\((?P<agency>ANP|Belga|BELGA|AFP|Reuters|AP|DPA|Novum|EFE|[A-Z]{2,6}(?:/[A-Z]{2,6})*)\)\s*$"
                          r"|(?<=[.!?\"”’])\s*/\s*(?P<signed>ANP|Belga|BELGA|AFP|Reuters|DPA|Novum)\s*$")  # "... 2014. /ANP"
# A source line that a crawl glued to the last sentence when it flattened the paragraphs: "... gelijk. Bron: Belga"
_SOURCE_TAIL = re.compile(r"(?<=[.!?…\"”’)])\s+[(\[]?(?:bron|source)\s*:\s*(?P<name>[^()\[\]:.!?\n]{2,40}?)\s*[)\]]?\s*$",
                          re.I)


def _breadcrumb_site(line: str, found: Found) -> bool:
    """A breadcrumb trail ("hln.be › Nieuws › Binnenland") names the site in its first step."""
    if not _BREADCRUMB.match(line):
        return False
    first = re.split(r"\s*[>›»]\s*", line.strip())[0]
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", first):
        found.offer(source=outlet_for_host(first) or first)
    elif outlet(first):
        found.offer(source=outlet(first))
    return True


# A page's link to its cookie or privacy settings, however the site words it: "Cookie-instellingen",
# "Privacy settings", "Toestemming beheren". A few words and no sentence; it never names the site.
_CONSENT = re.compile(r"^\W*(?:[\w-]+\s+){0,2}(?:cookie|privacy|consent|toestemming)[\w-]*(?:\s+[\w-]+){0,2}\W*$", re.I)


def is_boilerplate(line: str) -> bool:
    """A whole line that is page furniture: a "Lees ook" header, share buttons, a cookie or adblock notice,
    a menu bar."""
    parts = [part for part in re.split(r"\s*[|·•]\s*|\s{2,}", line.strip()) if part]
    if len(parts) > 1 and all(_BOILERPLATE.match(part) for part in parts):
        return True  # a row of buttons under the story: "Reageer  |  Deel op Facebook  |  Mail"
    return bool(_BOILERPLATE.match(line) or _BREADCRUMB.match(line) or _menu_bar(line)
                or (_CONSENT.match(line) and not re.search(r"[.!?]\W*$", line)))


def _menu_bar(line: str) -> bool:
    """A row of four or more menu items, set apart by bars, dots or the runs of spaces a copied nav bar leaves."""
    parts = re.split(r"\s*[|·•]\s*|\s{2,}|\t", line.strip())
    return len(parts) >= 4 and all(_MENU_ITEM.match(part) for part in parts)


def title_and_tags(line: str, found: Found, crawled: bool = False) -> str:
    """The headline in `line`: label prefixes ("LIVE POLITIEK.", "Column |") and trailing site or section
    tags ("| NU.nl", "- Binnenland") go to tags or the source; quote marks as `clean_title` says (a
    `crawled` line is a text export's title line, which crawlers put in quotes)."""
    title = line.strip().strip("#*_ ").strip()
    label = _TITLE_LABEL.match(title)
    if label and len(title) - label.end() >= 8:
        found.tag(label["label"])
        title = title[label.end():]
    while True:
        parts = re.split(r"\s+(?:\||–|—|-|::)\s+", title)
        tail = parts[-1].strip() if len(parts) > 1 else ""
        head = title[: len(title) - len(tail)].rstrip(" |–—-:")
        quoted = head[-1:] in "”’\"'»"
        known = tail.lower() in OUTLETS or tail.lower() in _SECTIONS or re.search(r"\w\.(?:nl|be|com)$", tail)
        if not tail or len(head) < 8 or len(tail.split()) > 4 or not (known or quoted or " | " in title):
            break
        if tail.lower() in OUTLETS or re.search(r"\w\.(?:nl|be|com)$", tail) or (tail.isupper() and len(tail) <= 5):
            found.offer(source=tail)
        else:
            found.tag(tail)
        title = head
    return clean_title(title, crawled)


def _is_section(line: str) -> bool:
    """Whether `line` names sections the reader knows, one or more: "Binnenland", "Nieuws & achtergrond", a wire's
    "Nationaal nieuws"."""
    words = line.strip().strip("*_#| ").split()
    return 0 < len(words) <= 5 and all(section in _SECTIONS or section in _LABEL_WORDS
                                       or all(word in _SECTIONS for word in section.split())
                                       for section in re.split(r"\s*(?:&|\ben\b|,|/|\+)\s*", " ".join(words).lower()))


def _looks_like_title(line: str, following: list[str]) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return False
    next_line = next((item for item in following if item.strip()), "")
    blank_after = bool(following) and not following[0].strip()
    return blank_after or metadata_line(next_line) is not None or not stripped.endswith(".")


_LABELLED = re.compile(r"^(?P<key>[A-Za-zÀ-ÿ][\w ]{0,20}?\.?)\s*:\s+(?P<value>\S.*)$")  # "Trefw. : ..." too
_HEADER_KEYS = {"titel": "title", "title": "title", "kop": "title", "headline": "title", "onderwerp": "title", "datum": "date",
                "date": "date", "gepubliceerd": "date", "published": "date", "publicatiedatum": "date",
                "bron": "source", "source": "source", "medium": "source", "krant": "source", "site": "source",
                "publisher": "source", "uitgever": "source", "outlet": "source", "url": "url", "byline": "author",
                "link": "url", "adres": "url", "auteur": "author", "author": "author", "categorie": "tags",
                "category": "tags", "rubriek": "tags", "sectie": "tags", "section": "tags", "tags": "tags",
                "regio": "tags", "region": "tags",
                "trefwoorden": "tags", "trefw.": "tags", "keywords": "tags",
                # a broadcast's transcript names its broadcaster and the day it went on air
                "omroep": "source", "zender": "source", "broadcaster": "source", "uitzenddatum": "date",
                "uitgezonden": "date", "datum uitzending": "date", "uitzending": "date", "broadcast": "date", "aired": "date",
                "air date": "date", "broadcast date": "date"}
# A wire service's header block ("Nummer : ANP-20240412-0412", "Prio : 3") has keys of its own, and so has a
# transcript's ("Programma: ...", "Transcriptie: Whisper large-v3", "Duur: 2:41").
_EXTRA_KEYS = {"woorden", "words", "lengte", "length", "id", "taal", "language", "type", "status", "afbeelding",
               "image", "locatie", "plaats", "nummer", "number", "nr.", "prio", "prioriteit", "priority", "versie",
               "version", "programma", "program", "programme", "show", "aflevering", "episode", "podcast", "duur",
               "duration", "sprekers", "speakers", "transcriptie", "transcript", "transcribed", "transcribed by",
               "getranscribeerd", "model", "opname", "recording",
               "highlight"}  # Nexis Uni's "Highlight:" is a summary of the story, above "Body" (LexisNexis's HIGHLIGHT)
_NAME_LINE = re.compile(r"^[A-ZÀ-Ý][\w'’-]+(?:\s+(?:(?:van|de|der|den|ter|ten|het|'t|la|le|du|von|da|di|el|al)\s+)*"
                        r"[A-ZÀ-Ý][\w'’-]+){1,3}$")
# "TEXT:" on its own line; Nexis Uni's text export writes a bare "Body" under its fields
_BODY_LABEL = re.compile(r"^\s*(?:(?:text|tekst|body|inhoud|content|artikel|article)\s*:|body)\s*$", re.I)
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
# The update on a page's date line beside the publication: "Laatste update: 14u02", as AD/HLN pages give it
# "Laatste update: 20-03-24, 08:15", as NU.nl and others "23 september 2025 10:14 Aangepast 23 september 2025
# 12:40" or "Gepubliceerd ... Bijgewerkt op di 23 sep 2025 om 12:40".
_UPDATE_PART = re.compile(
    r"\s*(?<!\w)(?:laatste?\s+|voor\s+het\s+laatst\s+)?"  # AD: "Laatst bijgewerkt: 18:05"
    r"(?:update[d]?|bijgewerkt|aangepast|gewijzigd|geüpdatet|geactualiseerd|last\s+updated?)"
    r"(?:\s+(?:op|on|om|at))?\s*:?\s*"
    rf"(?P<when>(?:(?:{WEEKDAYS})\.?,?\s+)?\d{{1,2}}\s+(?:{_MONTH_NAME})\.?\s+\d{{4}}(?:,?\s+(?:(?:om|at)\s+)?\d{{1,2}}[u:.]\d{{2}})?"
    r"|(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+)?\d{1,2}[u:.]\d{2})(?:\s*uur)?\s*", re.I)


def _labelled(line: str, found: Found) -> bool:
    """"Titel: ...", "Datum: ...", "Bron: ...", "URL: ..." lines that scrapers write above the text."""
    if _BODY_LABEL.match(line):
        return True  # "TEXT:" on its own line: the body follows
    match = _LABELLED.match(line)
    key = match["key"].strip().lower() if match else None
    if key is None or (key not in _HEADER_KEYS and key not in _EXTRA_KEYS) or len(line) > 300:
        return False
    role, value = _HEADER_KEYS.get(key), match["value"].strip()
    if role == "title":
        if found.title is None:
            found.title = title_and_tags(value, found, crawled=True)
    elif role == "date":
        return found.when(value)
    elif role == "tags":
        found.tag(*(part.strip() for part in value.split(",")))
    elif role is not None:
        if role == "source" and parse_source(line) is None and not outlet(value) \
                and not (_NAME_LIKE.match(value) and len(value) <= 40):
            return False  # "Bron: ANP De politie ..." is a sentence with its source glued on
        found.offer(**{role: value})
    else:
        found.extra.setdefault(key, value)
    return True


_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_HOST = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)


def _header_part(part: str, found: Found) -> bool:
    """Take one part of a header line ("Door X", a date, an outlet, "Laatste update: 14u02") into `found`."""
    part = part.strip().strip("*_ ")
    if not part:
        return True
    if _breadcrumb_site(part, found):
        return True
    if _ADDRESS.match(part):  # the article's address on a line of its own, as a scraper or read-later app writes it
        found.offer(url=part if "//" in part else f"https://{part}")
        return True
    if _HOST.match(part) and outlet_for_host(part):  # "trouw.nl": the site's host above its name
        found.offer(source=part)
        return True
    crawl = _CRAWL.match(part)
    if crawl and len(part) <= 200:
        when, _, address = crawl["when"].partition(" ")
        if re.search(r"\d", when) or not when:
            found.extra.setdefault("crawled", when)
            if address.strip().startswith(("http://", "https://")):
                found.offer(url=address.strip())
            return True
    printed = _PRINTED.match(part)
    if printed and len(part) <= 100:
        found.extra.setdefault("printed", printed["when"].strip())
        if printed["database"]:
            found.extra.setdefault("database", printed["database"].strip())
        return True
    updated = _UPDATED.match(part)
    if updated and len(part) <= 80:
        found.extra.setdefault("updated", updated["when"].strip())
        return True
    meta = metadata_line(part)
    if meta is not None:
        if "date" in meta:
            found.when(f"{meta['date']} {meta.get('time', '')}".strip())
        elif "time" in meta and found.stamp is not None and found.stamp.time is None:  # date and time apart
            date, found.stamp = found.stamp.date, None
            found.when(f"{date} {meta['time']}")
        found.offer(source=meta.get("source"), author=meta.get("author"))
        return True
    if running_head(part, found):
        return True
    if transcript.rundown_part(part, found):  # a broadcast item's place in the bulletin, its length
        return True
    if _PAGE.match(part):  # a press database's page or edition line under the paper's name ("Pagina 12", "1st Edition")
        found.extra.setdefault("edition" if re.fullmatch(_EDITION, part, re.I) else "page", part)
        return True
    if all(_WIRE_PART.match(slug) for slug in re.split(r"\s*[/|,]\s*", part)):
        found.extra.setdefault("slug", part)
        return True
    subjects = re.split(_SUBJECT_SPLIT, part) if _SUBJECT_LINE.match(part) else []
    if subjects and not any(outlet(subject) for subject in subjects):
        found.tag(*subjects)
        return True
    names = re.split(r"\s*[/,&]\s*", part.rstrip(","))
    if outlet(part) or all(outlet(name) for name in names):  # "NU.nl", "ANP/NU.nl": a news agency among them is the
        found.offer(source=agency(part) or outlet(part) or outlet(names[0]))  # source; "AD/Rotterdams Dagblad" is AD
        return True
    # a labelled part of a press database's line ("Editie: Stad Antwerpen | Sectie: Regio | Pagina 9 | 498 woorden")
    return reference(part, found, "top") or _section_reference(part, found) or _byline_or_credit(part, found) \
        or is_boilerplate(part) or _labelled(part, found)


# A section's name as a press database prints it under the paper's: "Stad & Rand", "Binnenland", "Economie/Beurs".
_SECTION_NAME = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?:\s*(?:&|/|\+)\s*[\w'’.-]+|\s+[\w'’.-]+){0,3}")


def _section_reference(line: str, found: Found) -> bool:
    """A press database's line under the paper's name with the section, the day and the page, in any order ("Stad &
    Rand, dinsdag 4 februari 2025, p. 12", "Binnenland | 3 maart 2025 | pagina 4"): the day is the date, the page
    goes to extra, the section to the tags. A page or a section the reader knows must be among them, so a dateline
    ("Assen, 4 maart 2024") is never taken for one. False (and `found` untouched) where the line is none."""
    parts = [part for part in re.split(r"\s*,\s*|\s+[|–—·•]\s+", line.strip()) if part]
    days = [part for part in parts if _day_only(metadata_line(part))]
    pages = [part for part in parts if _PAGE.match(part)]
    sections = [part for part in parts if part not in days and part not in pages]
    if len(days) != 1 or len(pages) > 1 or not 1 <= len(sections) <= 2 or len(line) > 120 \
            or any(len(part) > 40 or not _SECTION_NAME.fullmatch(part) or outlet(part) for part in sections) \
            or not (pages or all(map(_is_section, sections))):
        return False
    meta = metadata_line(days[0])
    found.when(f"{meta['date']} {meta.get('time', '')}".strip())
    found.tag(*sections)
    if pages:
        found.extra.setdefault("page", pages[0])
    return True


# A page number at either end of a running head, set apart by one space only: "6 TROUW ...", "Binnenland 7".
_FOLIO = re.compile(r"^(?P<first>\d{1,3})\s+(?=\D)|(?<=\D)\s+(?P<last>\d{1,3})$")


def running_head(line: str, found: Found) -> bool:
    """A printed page's running head or foot as pdftotext leaves it, above, under or inside the text: the page number
    (left on even pages, right on odd ones, or "Pagina 6") beside the paper, its day and the section, set apart by
    runs of spaces or bars ("6      TROUW ZATERDAG 12 APRIL 2025", "Het Parool   za 12 apr 2025   Stad   23",
    "12 Nieuws & achtergrond"), or the paper and its day without a number ("DE STANDAARD VRIJDAG 11 APRIL 2025").
    The paper is the source, the day the date, the number the page and the section a tag; a section alone beside
    the number must be one the reader knows, or one in capitals set apart from it as printed heads set a regional
    section ("8 | GRONINGEN EN DRENTHE"). False (and `found` untouched) where the line is none."""
    parts = [part for part in re.split(r"\s{2,}|\t|\s+[|•·]\s+", line.strip()) if part]
    apart = len(parts) > 1
    if len(parts) == 1 and _FOLIO.search(parts[0]):
        folio = _FOLIO.search(parts[0])
        parts = [folio["first"], parts[0][folio.end():]] if folio["first"] else [parts[0][: folio.start()], folio["last"]]
    scratch, sections, pages, paper, day = copy.deepcopy(found), [], [], False, False
    for part in parts:
        meta = metadata_line(part) or {}
        name = outlet(part) or set(meta) <= {"date", "time", "source"} and outlet(meta.get("source") or "")
        if "date" in meta and set(meta) <= {"date", "time", "source"}:
            scratch.when(f"{meta['date']} {meta.get('time', '')}".strip())
            day = True
        if re.fullmatch(r"\d{1,3}", part) or _PAGE.match(part) and re.search(r"\d", part):
            pages.append(re.search(r"\d+", part)[0])
        elif name and not agency(name):  # a paper's name, never an agency's (a photo's credit "ANP")
            scratch.offer(source=name)
            paper = True
        elif _is_section(part) or not meta and _NAME_LIKE.match(part) and len(part.split()) <= 3:
            sections.append(part)
        elif set(meta) != {"date"} | ({"time"} & set(meta)):  # anything but the day: no running head
            return False
    # the page's number beside the paper, its day or sections the reader knows; without a number, paper and day
    printed = apart and all(part.isupper() for part in sections)
    if len(pages) > 1 or not (paper and day or pages and (paper or day or sections and (
            printed or all(map(_is_section, sections))))):
        return False
    found.__dict__.update(scratch.__dict__)
    found.tag(*sections)
    if pages:
        found.extra.setdefault("page", pages[0])
    return True


def _wire_part(part: str, found: Found) -> bool:
    """A part of a wire story's header line besides its number, priority and length: a section ("Binnenland") goes
    to the tags; any other as _header_part reads it."""
    if _is_section(part):
        found.tag(part.strip())
        return True
    return _header_part(part, found)


def _byline_or_credit(line: str, found: Found) -> bool:
    """Take a byline ("Door: Eva Janssen") or photo credit ("© BELGA") into `found`; False if it is neither."""
    if byline(line):
        offer_byline(line, found)  # "Door: Annemiek Hoogenboom · NRC": the outlet is the source
        return True
    photo = credit(line)
    if photo:
        found.credit(photo)
        return True
    return False


def header_line(line: str, found: Found) -> bool:
    """Take a header line's metadata into `found`; False (and `found` untouched) if it is not one."""
    stripped = line.strip().strip("*_ ")
    if wire.header_line(stripped, found, _wire_part) or wire.masthead(stripped, found, agency, _wire_part):
        return True
    scratch = copy.deepcopy(found)
    updated = _UPDATE_PART.search(stripped)
    if updated:
        scratch.extra.setdefault("updated", updated["when"])
        stripped = (stripped[: updated.start()] + " " + stripped[updated.end():]).strip()
    parts = [stripped] if _header_part(stripped, scratch) else None
    if parts is None:
        scratch = copy.deepcopy(found)
        if updated:
            scratch.extra.setdefault("updated", updated["when"])
        parts = re.split(r"\s+[|–—·•-]\s+|\s*;\s+", stripped)  # "Sectie: Economie; Pagina 14; 380 woorden"
        if len(parts) == 1 or not _parts_with_place(parts, scratch):
            return _labelled(stripped, found)
    found.__dict__.update(scratch.__dict__)
    return True


def _parts_with_place(parts: list[str], found: Found) -> bool:
    """Take the parts of a header line into `found`; a short name among them is the dateline's place
    ("Roermond | 11 oktober 2024, 06:00"), but only under the headline and beside a date, so neither a
    headline nor an outlet's name above it ("HET KONTAKT | 5 maart 2024") is read as one."""
    places = [part.strip() for part in parts if not _header_part(part, found)]
    if not places:
        return True
    if found.title is None or found.stamp is None or len(places) > 1 or not _NAME_LIKE.match(places[0]) or len(places[0].split()) > 3:
        return False
    found.extra.setdefault("dateline", places[0])
    return True


_EDITION = (r"(?:(?:editie|edition|ed\.)\s*:?\s+[\w '’.-]{2,30}"
            r"|(?:\d+(?:st|nd|rd|th|e|ste|de)|late|early|final|national|city)\s+(?:edition|editie))")  # Nexis: "1st Edition"
# "pagina 14", "p. 9 (editie 's-Hertogenbosch)", "editie Parkstad"; typed in haste, "p 7", "blz 3", "pg. 12"
_PAGE_NUMBER = r"(?:pagina|pag\.?|blz\.?|p\.?|pg\.?|page)\s*\d+[a-z]?"
_PAGE = re.compile(rf"^(?:{_PAGE_NUMBER}(?:\s*\(\s*{_EDITION}\s*\))?|{_EDITION})$", re.I)
# What a clipping's reference says before the paper: "Bron:", "Uit:", "Verschenen in", "Dit artikel verscheen eerder in".
_REFERENCE_LEAD = re.compile(r"^(?:(?:uit|bron|from|source)\s*:|(?:dit\s+(?:artikel|stuk|bericht)\s+|this\s+article\s+)?"
                             r"(?:is\s+|was\s+)?(?:eerder\s+|eerst\s+|first\s+|originally\s+)?(?:verscheen|verschenen|"
                             r"gepubliceerd|appeared|published)(?:\s+(?:eerder|eerst|first|earlier|originally))?\s+(?:in|op|on))"
                             r"\s*", re.I)
# Between the paper and its day: a comma, a dash or bar, a word before the day ("Het Parool van zaterdag 12 april"),
# or the bracket around it ("De Morgen (12 april 2025)").
_REFERENCE_SPLIT = re.compile(rf"\s*,\s*|\s+[|–—·•-]\s+|(?:\s+(?:van|op|of|on|d\.d\.)\s+|\s*\()(?=(?:{WEEKDAYS})\b|\d)",
                              re.I)


def reference(line: str, found: Found, where: str) -> bool:
    """A clipping's reference to the paper and the day it came from, and maybe the page ("Trouw, maandag 4 maart 2024,
    pagina 12", "Uit: Trouw - 4 maart 2024 - p. 12", "(De Standaard, 3 maart 2025, p. 14)", "Bron: NRC, 4-3-2025",
    "Verschenen in Het Parool van zaterdag 12 april 2025"): the paper is the source, the day the date. Above the
    story (`where` "top") a page, a lead word or a paper the reader knows marks it, so that a dateline ("Assen,
    4 maart 2024") is never taken for one; inside the text ("text") only a lead word does; as the story's closing
    line ("end") any name does. False (and `found` untouched) where the line is no reference."""
    text = line.strip()
    bracketed = re.fullmatch(r"[(\[]\s*(?P<inner>.+?)\s*[)\]]\.?", text)
    text = re.sub(r"^[-–—]\s*", "", bracketed["inner"] if bracketed else text).rstrip(". ")
    lead = _REFERENCE_LEAD.match(text)
    parts = [re.sub(r"^([^(]*)\)$", r"\1", part.strip()).strip()  # "12 april 2025)" after its "(": the day
             for part in _REFERENCE_SPLIT.split(text[lead.end():] if lead else text)]
    parts = _paper_and_day([part for part in parts if part])
    if len(parts) < 2 or len(parts[0]) > 40 or not (outlet(parts[0]) or _NAME_LIKE.match(parts[0])):
        return False
    pages = [part for part in parts[1:] if _PAGE.match(part)]
    others = [part for part in parts[1:] if part not in pages]
    meta, filed = metadata_line(", ".join(others)), []
    if bracketed and outlet(parts[0]) and not _day_only(meta) and _day_only(metadata_line(others[0] if others else "")):
        # an archive's note: the folder it was filed in and the clipper's initials after the day ("map Schulden, JvL")
        meta, filed = metadata_line(others[0]), others[1:]
    if not _day_only(meta) or len(pages) > 1 or len(text) > 160:
        return False
    if not lead and (where == "text" or (where == "top" and not pages and not outlet(parts[0]))):
        return False
    found.offer(source=outlet(parts[0]) or parts[0])
    found.when(f"{meta['date']} {meta.get('time', '')}".strip())
    if pages:
        found.extra.setdefault("page", pages[0])
    if filed:
        found.extra.setdefault("filed", ", ".join(filed))
    return True


def _day_only(meta: dict[str, str] | None) -> bool:
    return bool(meta) and "date" in meta and not set(meta) - {"date", "time"}


# A paper the reader knows with its day after a space only, and maybe the page after that, as a hurried note types
# them: "Trouw 14/2/25", "NRC 4 maart 2025 p5".
_PAPER_DAY = re.compile(rf"^(?P<paper>.+?)\s+(?P<day>(?:(?:{WEEKDAYS})\b|\d).*?)(?:\s+(?P<page>{_PAGE_NUMBER}))?$", re.I)


def _paper_and_day(parts: list[str]) -> list[str]:
    """A reference's parts with a first part that joins a known paper and its day (and page) split into those."""
    joined = _PAPER_DAY.match(parts[0]) if parts else None
    if joined is None or not outlet(joined["paper"]):
        return parts
    return [joined["paper"], joined["day"], *filter(None, [joined["page"]]), *parts[1:]]


# An outlet's or section's name as papers and sites print it: capitalised words and particles ("Krant van
# West-Vlaanderen", "RTV Drenthe", "BNR"), where a headline is a sentence with lower-case words.
_NAME_LIKE = re.compile(r"^[A-ZÀ-Ý0-9][\w.'’&-]*(?:\s+(?:(?:van|de|der|den|het|voor|en|op|aan)\s+)*[A-ZÀ-Ý0-9][\w.'’&-]*){0,4}$")
_HEADER_SPLIT = re.compile(r"\s+[|–—·•-]\s+")


def _names_only(line: str) -> bool:
    """A line of names and sections only ("Nieuws | Lelystad", "Omroep Flevoland")."""
    parts = _HEADER_SPLIT.split(line.strip().strip("*_# "))
    return all(len(part) <= 40 and (_NAME_LIKE.match(part) or _is_section(part)) for part in parts)


def _headline_follows(following: list[str]) -> bool:
    """Whether a headline comes in the header zone below: a line without closing punctuation, past
    metadata lines and further name lines, before the first sentence of the body; or a labelled one ("Onderwerp: ...")."""
    for line in following[:15]:
        stripped, scratch = line.strip().strip("*_# "), Found()
        if not stripped or _names_only(stripped) or header_line(stripped, scratch):
            if scratch.title:
                return True
            continue
        return len(stripped) >= 15 and not re.search(r"[.!?:;,]$", stripped)
    return False


def _outlet_header(line: str, following: list[str], found: Found) -> bool:
    """An outlet's name above the headline, alone or with section, place or date parts ("Het Kontakt",
    "BNR | Verkeer", "NRC | Nederland | 8 maart 2024"): the outlet is the source, the rest tags and
    metadata. Only when a headline still follows, so a headline is never taken for a name."""
    parts = _HEADER_SPLIT.split(line.strip().strip("*_# "))
    if not _NAME_LIKE.match(parts[0]) or len(parts[0]) > 40 or parts[0].isdigit() or not _headline_follows(following):
        return False
    scratch = copy.deepcopy(found)
    for part in parts[1:]:
        if _is_section(part) or (_NAME_LIKE.match(part) and len(part.split()) <= 3):
            scratch.tag(part)
        elif not _header_part(part, scratch):
            return False
    name = parts[0]
    if _is_section(name) or found.source and not outlet(name) and not agency(name.split()[0]):
        scratch.tag(name)  # a name under the paper's is its section ("De Tijd" / "Ondernemen")
    else:  # "ANP Nieuwsdienst" is the agency's wire
        scratch.offer(source=outlet(name) or agency(name.split()[0]) or name)
    found.__dict__.update(scratch.__dict__)
    return True


def _menu_like(line: str) -> bool:
    stripped = line.strip().strip("*_# ")
    return 0 < len(stripped) <= 30 and len(stripped.split()) <= 3 and not re.search(r"[.!?:;,\"”’]$", stripped)


def _dated(line: str) -> bool:
    scratch = Found()
    return header_line(line, scratch) and scratch.stamp is not None


def _menu_above_headline(line: str, following: list[str]) -> bool:
    """Whether `line` is one of the short menu lines a copied page starts with ("Luisteren", "Kijken",
    a place as kicker): only such lines lie between it and a headline whose date line follows it, right
    under it or under the reporter's name."""
    if not _menu_like(line):
        return False
    rest = [item for item in following[:25] if item.strip()]
    for index, item in enumerate(rest):
        if _menu_like(item) or is_boilerplate(item.strip()):
            continue
        if re.search(r"[.!?]$", item.strip()):
            return False  # a sentence: `line` was the headline and this its lead
        after = rest[index + 1:index + 5]
        if len(after) > 1 and len(after[0]) > 60 and re.search(r"[.!?][\"”’']?$", after[0].strip()):
            after = after[1:]  # the lead, right under the headline, above the byline and the day
        while len(after) > 1 and (_BYLINE_LABEL.match(after[0]) or _NAME_LINE.match(after[0].strip())):
            after = after[1:]  # the reporter's name, alone or under a bare "Geschreven door", above the date
        return bool(after) and _dated(after[0])
    return False


# A byline's label on a line of its own, the name on the next: "Geschreven door" / "Noud Verhoeven".
_BYLINE_LABEL = re.compile(r"^\s*(?:geschreven\s+door|door|tekst|auteur|by|written\s+by)\s*:?\s*$", re.I)


# The note of whoever typed or copied the text above it: "[overgetypt uit de krant, J. Smit]", "KNIPSEL -
# uitgetypt", "(transcribed from print)".
_COPY_WORDS = re.compile(r"\b(?:overgetypt|uitgetypt|overgeschreven|getranscribeerd|transcribed|typed\s+up|knipsel"
                         r"|clipping)\b", re.I)


def _copy_note(line: str) -> bool:
    """A note above the headline about the copy itself: a line in brackets, or one that says it was typed up
    or clipped (never a sentence of the article, which comes below the headline)."""
    stripped = line.strip()
    bracketed = re.fullmatch(r"\[[^\[\]]{3,200}\]", stripped)
    return bool(bracketed or (len(stripped) <= 120 and _COPY_WORDS.search(stripped)
                              and not re.search(r"[.!?]$", stripped)))


_IDENTIFIER = re.compile(r"[A-Za-z]{0,10}[-_]?\d{6,}(?:[-_]\d+)*")


def _field_block(lines: list[str], index: int, found: Found) -> bool:
    """A "Key: value" line in a block of such lines at the top (a wire's or an archive's header: "Embargo:
    geen", "Map: Mijnverleden", "Overgetypt door: ..."), of which another is a field the reader knows: its
    value goes to extra under its key. A headline with a colon stands alone, so it is never taken for one."""
    if not _FIELD_LINE.match(lines[index].strip()):
        return False
    start, end = index, index + 1
    while start > 0 and _FIELD_LINE.match(lines[start - 1].strip()):
        start -= 1
    while end < len(lines) and _FIELD_LINE.match(lines[end].strip()):
        end += 1
    known = [number for number in range(start, end) if number != index and header_line(lines[number], Found())]
    if end - start < 2 or not known:
        return False
    match = _FIELD_LINE.match(lines[index].strip())
    found.extra.setdefault(match["key"].lower(), match["value"])
    return True


_FIELD_LINE = re.compile(r"^(?P<key>[A-Za-zÀ-ÿ][\w-]*(?:\s+[\w-]+){0,2})\s*:\s+(?P<value>\S.{0,200})$")


def _site_name(line: str, host: str) -> bool:
    """Whether `line` spells out the site at `host`, with or without an article ("De Hoogeveensche Courant"
    at hoogeveenschecourant.nl)."""
    name = re.sub(r"^(?:de|het|'t)\s+", "", line.strip(), flags=re.I)
    label = host.lower().removeprefix("www.").rsplit(".", 1)[0]
    return bool(_NAME_LIKE.match(line.strip())) and re.sub(r"\W+", "", name).lower() == re.sub(r"\W+", "", label)


def same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).lower() == re.sub(r"\W+", "", b).lower()


def read_header(lines: list[str], found: Found, want_title: bool = True) -> int:
    """Read the header zone of `lines` into `found`; returns the index where the body starts."""
    index, menu, host = 0, False, None
    while index < len(lines) and index < 40:  # a copied page's menu can run to twenty lines
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if header_line(line, found) or any(known is not None and same_text(line, known)
                                           for known in (found.title, found.author)) or is_boilerplate(line.strip()):
            index += 1  # a metadata line, the headline or byline again (a clipper's page under its front
            continue    # matter), or a skip link
        if len(line.strip()) <= 40 and any(same_text(line, tag) for tag in found.tags):
            index += 1  # the section's kicker that the headline's tail or the categories named ("| Walcheren |")
            continue
        following = lines[index + 1:]
        has_more = any(item.strip() for item in following)
        if has_more and _field_block(lines, index, found):
            index += 1
            continue
        if found.title is None and has_more and wire.slug_line(line, found):
            index += 1
            continue
        if found.title is None and has_more and (_copy_note(line) or _IDENTIFIER.fullmatch(line.strip())):
            key = "note" if _copy_note(line) else "id"  # a wire story's number: "ANP-20240416-0312"
            found.extra.setdefault(key, line.strip().strip("[]() "))
            index += 1
            continue
        name_at = next((number for number, item in enumerate(following) if item.strip()), None)
        if found.title is not None and found.author is None and _BYLINE_LABEL.match(line) and name_at is not None \
                and _NAME_LINE.match(following[name_at].strip()):
            found.author = following[name_at].strip()  # "Geschreven door" above the name on a line of its own
            index += 2 + name_at
            continue
        if found.title is not None and index and credit(lines[index - 1]) and following and not following[0].strip() \
                and len(line.strip()) <= 200 and any(item.strip() for item in following):
            found.extra.setdefault("caption", line.strip())  # the photo's caption right under its credit line
            index += 1
            continue
        blocks = _blocks_under_headline(lines, index) if found.title is not None else []
        block = next((size for size in blocks if _byline_block(lines[index:index + size], found)), 0)
        if block:
            index += block
            continue
        if found.title is None and has_more and re.fullmatch(r"\d{1,3}", line.strip()):
            found.extra.setdefault("page", line.strip())  # pdftotext's page: its number alone above the page's head
            index += 1
            continue
        if found.title is None and has_more and _kicker_above_paper(line, following):
            found.tag(line.strip())
            index += 1
            continue
        if _is_section(line) and has_more:
            found.tag(line.strip().strip("*_#| "))
            index += 1
            continue
        correspondent = (found.author or "").lower().startswith(("van onze", "van een"))
        if found.title is not None and (found.author is None or correspondent) and _NAME_LINE.match(line.strip()) \
                and has_more and not outlet(line.strip()):
            # a byline without "Door": the reporter's name under the headline or under "Van onze correspondent"
            if correspondent:
                found.extra.setdefault("byline", found.author)
            found.author = line.strip()
            index += 1
            continue
        broken = _broken_headline(lines, index) if want_title and found.title is None else 0
        if broken:  # a headline that a narrow column or pdftotext broke over lines, its byline or date under it
            found.title = title_and_tags(" ".join(item.strip() for item in lines[index:index + broken]), found,
                                         crawled=True)
            index += broken
            continue
        if want_title and found.title is None and has_more and host and _site_name(line, host):
            found.offer(source=line.strip())  # "hoogeveenschecourant.nl" above "De Hoogeveensche Courant"
            index += 1
            continue
        if want_title and found.title is None and has_more and (not menu or outlet(line.strip())) \
                and _outlet_header(line, following, found):
            index += 1
            continue
        if want_title and found.title is None and has_more and _menu_above_headline(line, following):
            # a menu item or kicker copied with the page, above the dated headline; once the menu has begun,
            # a name in it ("Familieberichten") is an item, never the site, which comes before its menu (its logo's
            # "NOS Nieuws" as the menu's first line)
            host = host or (line.strip() if _HOST.match(line.strip()) else None)
            if not menu and outlet(line.strip()):
                found.offer(source=outlet(line.strip()))
            menu = True
            index += 1
            continue
        if want_title and found.title is None and has_more and _looks_like_title(line, following):
            found.title = title_and_tags(line, found, crawled=True)
            index += 1
            continue
        if found.title is not None and found.stamp is not None:
            credited = _caption_credit(line, following, found)
            if credited:
                index += 1 + credited
                continue
        break
    return index


def _broken_headline(lines: list[str], index: int) -> int:
    """How many lines from `index` on make one headline broken over short lines ("Gemeenten" / "mogen vaker
    zelf" / "kiezen waar een" / "zonnepark komt"): two to six, none a sentence or a name, a continuation in
    lower case, and the byline or date line, a blank line or the subhead right under the last; 0 where the lines are
    anything else."""
    end = index
    while end < len(lines) and 0 < len(lines[end].strip()) <= 40 and not re.search(r"[.!?:;,]$", lines[end].strip()) \
            and not byline(lines[end]) and not _dated(lines[end]):
        end += 1
    run = [line.strip() for line in lines[index:end]]
    # broken before a name ("Pont over het Noordhollandsch" / "Kanaal vaart voortaan elektrisch"): two or three lines
    # of a few words each between blank lines, where a menu's items are a word or two
    named = 2 <= len(run) <= 3 and all(len(line.split()) >= 2 for line in run) and len(run[0].split()) >= 3 \
        and (index == 0 or not lines[index - 1].strip()) and end < len(lines) and not lines[end].strip()
    if not 2 <= len(run) <= 6 or end >= len(lines) or not (named or any(line[:1].islower() for line in run[1:])) \
            or not (byline(lines[end]) or _dated(lines[end]) or not lines[end].strip() or _subhead(lines, end)):
        return 0
    return len(run)


def _subhead(lines: list[str], at: int) -> bool:
    """Whether the line at `at` is the subhead that a printed page sets right under a headline broken over short lines
    ("Arnhemse trolleybus" / "rijdt straks stukken" / "zonder draad" / "Nieuwe bussen met grote accu kunnen ..."):
    longer than those, no sentence, a blank line or the byline under it."""
    text, below = lines[at].strip(), lines[at + 1] if at + 1 < len(lines) else ""
    return 40 < len(text) <= 160 and text[:1].isupper() and not re.search(r"[.!?:;,]$", text) \
        and (not below.strip() or bool(byline(below)) or _dated(below))


def _caption_credit(line: str, following: list[str], found: Found) -> int:
    """A photo's caption under the dated headline with its credit alone on the next line, as a page copied
    as text gives them ("Een agent bij de afzetting" / "ANP"): the credit goes to credits. A caption has no
    closing stop, so a lead is never taken for one. Returns how many lines after `line` that took (0 when
    `line` is no such caption)."""
    at = next((number for number, item in enumerate(following) if item.strip()), None)
    if at is None or len(line.strip()) > 200 or re.search(r"[.!?:;\"”’]$", line.strip()) \
            or not any(item.strip() for item in following[at + 1:]):
        return 0
    name = following[at].strip()
    bare = agency(name) and len(name) <= 60 and re.fullmatch(r"[\w .'’/&-]+", name)
    photo = bare and name or credit(name)
    if not photo:
        return 0
    found.credit(photo)
    return at + 1


def clean_body(paragraphs: list[str], found: Found) -> list[str]:
    """Paragraphs without bylines, credits, page furniture and "Lees ook" lists; the first one without
    its dateline or agency ("AMSTERDAM (ANP) - "), the last one without a trailing "(ANP)"."""
    kept: list[str] = []
    skipping_links = False
    if len(paragraphs) > 2 and _byline_block(paragraphs[1].splitlines(), found, dated=True):
        paragraphs = paragraphs[:1] + paragraphs[2:]  # the lead stays the text's first paragraph
    elif paragraphs and (under := _byline_under_lead(lead := paragraphs[0].splitlines(), found))[0]:
        paragraphs = ["\n".join(lead[:under[0]] + lead[under[1]:]), *paragraphs[1:]]
    for paragraph in paragraphs:
        lines = []
        if _advertisement(paragraph):
            continue
        rows = [line for line in paragraph.splitlines() if line.strip()]
        first = _caption_lines(rows, found, opening=not kept)
        for number, line in enumerate(rows[first:], first):
            stripped = line.strip()
            broken = number + 1 < len(rows) and rows[number + 1].strip()[:1].islower()  # a column broke its sentence
            if _READ_ALSO.match(stripped) and len(stripped) < 160:
                skipping_links = True  # the lines that follow are the list of links
                continue
            if skipping_links and len(stripped) < 140 and not re.search(r"[.!?]\W*$", stripped):
                continue
            skipping_links = False
            if len(stripped) <= 160 and not (broken and _CAPTION.match(stripped)) and _furniture(stripped, found):
                if _READ_MORE.match(stripped):  # a teaser: its heading goes too
                    if lines and _is_heading(lines[-1]):
                        lines.pop()
                    elif not lines and kept and _is_heading(kept[-1]):
                        kept.pop()
                elif lines and _alt_text(lines[-1], stripped):  # the photo's alt text, which its caption repeats
                    lines.pop()
                elif not lines and kept and _alt_text(kept[-1], stripped):
                    kept.pop()
                continue
            lines.append(_CONTINUES_GLUED.sub("", line.rstrip()))
        if lines:
            kept.append("\n".join(lines))
    if kept:
        place, agency, rest = dateline(kept[0])
        if (place or agency) and rest:
            if place:
                found.extra.setdefault("dateline", place)
            if agency:
                found.offer(source=agency)
            kept[0] = rest
        kept[-1] = _without_post_footer(kept[-1], found)
        _without_page_foot(kept, found)
        graphic = next((index for index in range(len(kept) - 1, 0, -1) if kept[index].strip().lower() == "graphic"), None)
        if graphic is not None and len(kept) - graphic <= 4 and all(len(item) <= 300 for item in kept[graphic + 1:]):
            if kept[graphic + 1:]:  # Nexis Uni: the captions under "Graphic"
                found.extra.setdefault("graphic", "\n".join(kept[graphic + 1:]))
            del kept[graphic:]
        if len(kept) > 1 and _MAIL_FOOTER.match(kept[-1]):  # why the mail came, how to stop it, the sender's address
            kept.pop()
        while len(kept) > 1 and (wire.initials(last := kept[-1].rsplit("\n", 1)[-1], found, outlet)
                                 or wire.filed(last, found)):
            # under a wire story: the editors' initials, a telex's filing time; on a line of their own or under the
            # agency's "(Belga)" with no blank line between
            kept[-1] = kept[-1][: -len(last)].rstrip()
            if not kept[-1]:
                kept.pop()
        if len(kept) > 1 and (not kept[-1] or reference(kept[-1], found, "end") or _closing_stamp(kept[-1], found)
                              or _desk_line(kept[-1], found)):
            kept.pop()
        del kept[len(kept) - _share_block(kept, found):]
        glued = _SOURCE_TAIL.search(kept[-1])
        names = re.split(r"\s*[/,&]\s*", glued["name"].strip()) if glued else []
        if names and all(outlet(name) for name in names):  # only a known agency or outlet, never a sentence
            found.offer(source=glued["name"].strip())
            kept[-1] = kept[-1][: glued.start()].rstrip()
        tail = _AGENCY_TAIL.search(kept[-1])
        if tail and tail.start() > 0:
            found.offer(source=tail["agency"] or tail["signed"])
            kept[-1] = kept[-1][: tail.start()].rstrip()
        elif len(kept) > 1 and _closing_source(kept[-1]):
            found.offer(source=_closing_source(kept.pop()))
        elif (closing := kept[-1].rsplit("\n", 1))[1:] and _closing_source(closing[1]):
            found.offer(source=_closing_source(closing[1]))  # its own line under the text, which a record's
            kept[-1] = closing[0].rstrip()                    # single line breaks made one paragraph
    return [paragraph for paragraph in kept if paragraph.strip()]


_AD_LABEL = re.compile(r"^\s*(?:advertentie|advertorial|advertisement|adv\.)\s*$", re.I)


def _advertisement(paragraph: str) -> bool:
    """An advertisement on a printed page, its label above its own short lines ("ADVERTENTIE" / "Zomeropruiming" /
    "tot 50% korting" / "Tuincentrum Alkmaar | Huiswaarderweg 4"): no sentence among them."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    return len(lines) > 1 and bool(_AD_LABEL.match(lines[0])) \
        and all(len(line) <= 80 and not re.search(r"[.!?]\W*$", line) for line in lines[1:])


def _closing_source(line: str) -> str | None:
    """The source a line under the text names, when it names nothing else: "ANP", "(Belga)", "ANP/NU.nl" (with an
    agency among them, that agency wins as in every source line); None for any other line."""
    names = re.split(r"\s*[/,&]\s*", line.strip().strip("()[] "))
    if len(line.strip()) > 40 or not all(outlet(name) for name in names):
        return None
    return agency(line) or outlet(names[0])


# A dateline's place on a line of its own, in capitals as papers print it: "ZWOLLE", "DEN HAAG", "SINT-NIKLAAS".
_PLACE_LINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){0,2}$")


def _blocks_under_headline(lines: list[str], index: int) -> list[int]:
    """How many lines from `index` on may lie above the text's first sentence, longest first: a few short lines without
    a sentence, blank lines between them or not. Where the line under them goes on a sentence (a lead that pdftotext
    broke over a narrow column, its first lines no sentence yet), the block may end at a blank line among them, or under
    a place in capitals that stands over the text as a printed dateline ("MAASTRICHT" / "MVV krijgt ..."), where no
    photo's credit is among them; none where neither is."""
    end, filled = index, 0
    while end < len(lines) and filled <= 6 and len(lines[end].strip()) <= 100 \
            and not re.search(r"[.!?]\W*$", lines[end].strip()):
        filled += bool(lines[end].strip())
        end += 1

    def opens(at: int) -> bool:  # a sentence starts on the line at `at`
        text = lines[at].strip() if at < len(lines) else ""
        return text[:1].isupper() or text[:1] in "„“\"'‘"

    if not filled or opens(end):
        return [end - index] if filled else []
    return [at - index for at in range(end - 1, index, -1)  # a photo's caption with its credit is no such block
            if opens(at) and (not lines[at - 1].strip() or _PLACE_LINE.match(lines[at - 1].strip()))
            and not any(credit(line) for line in lines[index:at])]


def _kicker_above_paper(line: str, following: list[str]) -> bool:
    """Whether `line` is a printed page's kicker in capitals (a place, "BREDA") above the paper's name and day, as
    pdftotext gives a page's head: only header lines lie between it and a line that names a paper the reader knows,
    so an outlet's own name in capitals is never taken for one."""
    if not _PLACE_LINE.match(line.strip()) or outlet(line.strip()) or not line.strip().isupper():
        return False
    for item in [item for item in following if item.strip()][:4]:
        scratch = Found()
        if not header_line(item, scratch):
            return False
        if scratch.source and outlet(scratch.source):
            return True
    return False


def name_under_lead(paragraphs: list[str], found: Found) -> list[str]:
    """The paragraphs of a printed page without the reporter's bare name that stands as a paragraph of its own under the
    lead, nor the dateline's place in capitals that opens the text under it ("... miljoenen mis." / "Sietse Bakker" /
    "KAMPEN" / "De gemeente ..."), as pdftotext gives an e-paper page: the name goes to the author, the place to the
    dateline. `paragraphs` as they are where the article has its author or the second paragraph is no name."""
    if len(paragraphs) < 3 or found.author is not None:
        return paragraphs
    lead, name = paragraphs[0].strip(), paragraphs[1].strip()
    if len(lead) > 400 or not re.search(r"[.!?][\"”’']?$", lead) or not _NAME_LINE.match(name) or outlet(name) \
            or _is_section(name):
        return paragraphs
    found.author = name
    text = paragraphs[2].split("\n")
    if len(text) > 1 and _PLACE_LINE.match(text[0].strip()) and not outlet(text[0].strip()):
        found.extra.setdefault("dateline", text[0].strip())
        text = text[1:]
    return [paragraphs[0], "\n".join(text), *paragraphs[3:]]


def _byline_under_lead(lines: list[str], found: Found) -> tuple[int, int]:
    """Where the lead ends and the text goes on when a page copied as text glued the reporter's name and the day
    under it, with no blank line between ("... tot het voorjaar geduld hebben." / "Fleur van der Meulen" / "2
    december 2025, 15:20"), and maybe its share buttons and the text under those: the block is taken as
    _byline_block takes it, for an article that had no date; the buttons go. (0, 0) where there is none."""
    for end in range(1, len(lines)):
        if not re.search(r"[.!?][\"”’']?$", lines[end - 1].strip()):
            continue
        text = next((index for index in range(end, len(lines)) if len(lines[index].strip()) > 100
                     or re.search(r"[.!?][\"”’']?$", lines[index].strip())), len(lines))
        if _byline_block([line for line in lines[end:text] if not is_boilerplate(line.strip())], found, dated=True):
            return end, text
    return 0, 0


def _alt_text(line: str, caption: str) -> bool:
    """Whether `line` is a photo's alt text that a copied page gives above its caption, which repeats it with the
    credit ("Een rij scooters aan de Kalanderstraat." / "Een rij scooters aan de Kalanderstraat. © Frans Paalman")."""
    return "\n" not in line.strip() and len(line.strip()) >= 15 and caption.startswith(line.strip()) \
        and len(caption) > len(line.strip())


def _byline_block(block: list[str], found: Found, dated: bool = False) -> bool:
    """The block of short lines a paper or site sets between the headline (or the lead) and the text: a kicker, a
    streamer broken over lines, the reporter's name (bare or after "Door"), the dateline's place in capitals, the
    day ("Bibliotheek" / "Minder drempels" / "voor lezers" / "Jesse Mulder" / "ZWOLLE"; a subhead above "Door
    ..."; HLN under its lead: "Redactie" / "11-04-24, 08:32" / "Laatste update: ..."). Taken into `found` (the name
    to the author, the place to the dateline, a one-word kicker to the tags, the rest to the subtitle) when no line
    is a sentence, the first opens with a capital and the last is a byline, name, place or header line; where
    `dated`, only when it dates an article that had no date. False (and `found` untouched) if not."""
    lines = [line.strip() for line in block if line.strip()]
    if not lines or len(lines) > 6 or not lines[0][:1].isupper() and not lines[0][:1].isdigit() \
            or any(len(line) > 100 or re.search(r"[.!?;:,\"”’]$", line) for line in lines) \
            or dated and found.stamp is not None:
        return False
    scratch, pieces, last, named = copy.deepcopy(found), [], False, False
    for number, line in enumerate(lines):
        below = lines[number + 1] if number + 1 < len(lines) else ""
        last = True
        if byline(line) or _dated(line):
            named = header_line(line, scratch)
        elif (_NAME_LINE.match(line) or _NAME_LIKE.match(line) and _dated(below)) and not outlet(line) \
                and not _is_section(line):
            scratch.author = scratch.author or line  # the reporter's bare name, or "Redactie" above the day
            named = True
        elif _PLACE_LINE.match(line) and not outlet(line) and (named or not below and not _is_section(line)):
            scratch.extra.setdefault("dateline", line)  # the place under the byline, or closing the block
        elif named and not below and re.fullmatch(r"(?:'s-)?[A-ZÀ-Ý][\w'’-]+", line) and not outlet(line) \
                and not _is_section(line):
            scratch.extra.setdefault("dateline", line)  # the place set as text under the name: "Marloes Hendriks" / "Arnhem"
        elif pieces and line[:1].islower() and not header_line(line, Found()):
            pieces[-1] += f" {line}"  # the streamer goes on on the next line
            last = False
        else:
            last = header_line(line, scratch)
            if not last:
                pieces.append(line)
    marked = scratch.author != found.author or scratch.stamp is not None and found.stamp is None \
        or "dateline" in scratch.extra and "dateline" not in found.extra
    if not last or not marked or dated and scratch.stamp is None:
        return False
    scratch.tag(*(piece for piece in pieces if len(piece.split()) == 1))
    subtitle = " ".join(piece for piece in pieces if len(piece.split()) > 1)
    if subtitle:
        scratch.extra.setdefault("subtitle", subtitle)
    found.__dict__.update(scratch.__dict__)
    return True


# A printed page's pointer to a story elsewhere in the paper: "Kabinet wil af van salderingsregeling pagina 14".
_PAGE_POINTER = re.compile(r"^[A-ZÀ-Ý][^.!?:;]{4,80}?\s+(?:pagina|pag\.|blz\.|p\.)\s*\d{1,3}$", re.I)


def _without_page_foot(paragraphs: list[str], found: Found) -> None:
    """Take off the foot of a printed page that pdftotext left at the end of the text: the page number alone,
    then a pointer to a story on another page on the last line; the number goes to extra."""
    if len(paragraphs) > 1 and re.fullmatch(r"\d{1,3}", paragraphs[-1].strip()):
        found.extra.setdefault("page", paragraphs.pop().strip())
    lines = paragraphs[-1].split("\n")
    if len(lines) > 1 and _PAGE_POINTER.match(lines[-1].strip()):
        found.extra.setdefault("see_also", lines.pop().strip())
        paragraphs[-1] = "\n".join(lines)


# The line WordPress adds to each post in its feeds, which feed APIs pass on: "Het bericht <title>
# verscheen eerst op <site>." ("The post <title> appeared first on <site>.").
_POST_FOOTER = re.compile(r"(?:^|\s)(?:Het bericht|The post)\s+(?P<title>.+?)\s+(?:verscheen eerst op|appeared first on)"
                          r"\s+(?P<site>[^.]{2,60}?)\.?\s*$")


def _without_post_footer(paragraph: str, found: Found) -> str:
    """`paragraph` without a WordPress feed footer naming the article's own title; its site may be the source."""
    footer = _POST_FOOTER.search(paragraph)
    if not footer or found.title is None or not same_text(footer["title"], found.title):
        return paragraph
    found.offer(source=footer["site"])
    return paragraph[: footer.start()].rstrip()


_APP_SHARE = re.compile(r"(?:gedeeld|verstuurd|verzonden|shared|sent)\s+(?:via|vanuit|uit|met|from|with)\s+"
                        r"(?:de\s+|het\s+|the\s+)?(?P<name>.+?)[\s-]*(?:app|applicatie)\b\W*", re.I)


def _app_share(line: str, found: Found) -> bool:
    """The line a news app adds to a shared story ("Gedeeld via de NU.nl-app"): the app's outlet is the
    source; False if the line is anything else."""
    match = _APP_SHARE.fullmatch(line.strip())
    name = outlet(match["name"].strip()) if match else None
    if name is None:
        return False
    found.offer(source=name)
    return True


def _share_block(paragraphs: list[str], found: Found) -> int:
    """How many paragraphs at the end are the block a news app adds under a shared story: the share line
    ("Gedeeld via de Knack-app"), the story's address, its date ("Gepubliceerd op 6 februari 2024"), in any
    order and on lines or paragraphs of their own. The app's outlet (or the address's site) is the source and
    the date the publication date; 0 when the end is no such block, or a date line alone."""
    scratch = copy.deepcopy(found)
    count, named = 0, False
    for paragraph in reversed(paragraphs[1:]):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if not lines or not all(_share_line(line, scratch) for line in lines):
            break
        count += 1
        named = named or any(_APP_SHARE.fullmatch(line) or _ADDRESS.match(line) for line in lines)
    if not named:
        return 0
    found.__dict__.update(scratch.__dict__)
    return count


def _share_line(line: str, found: Found) -> bool:
    if _app_share(line, found):
        return True
    if _ADDRESS.match(line):
        address = line if "//" in line else f"https://{line}"
        found.offer(url=address, source=outlet_for_host(urlparse(address).hostname or "") or None)
        return True
    meta = metadata_line(line)
    if meta is None or "date" not in meta or set(meta) - {"date", "time"}:
        return False
    if found.stamp is None:
        found.when(f"{meta['date']} {meta.get('time', '')}".strip())
    return True


# The desk that a wire story closes with, and how to reach it: "(ANP Redactie AFN/Economie, email
# economie(at)anp.nl, +31 20 560 6070)".
_DESK = re.compile(r"\(\s*[^()]*\bredactie\b[^()]*(?:e-?mail|\(at\)|@|\+\d{2}\s?\d)[^()]*\)", re.I)


def _desk_line(paragraph: str, found: Found) -> bool:
    """A wire desk's closing contact line: kept in extra as "desk"; False if the paragraph is anything else."""
    if not _DESK.fullmatch(paragraph.strip()):
        return False
    found.extra.setdefault("desk", paragraph.strip().strip("()"))
    return True


def _closing_stamp(paragraph: str, found: Found) -> bool:
    """A wire telex's closing stamp, a date and time in brackets ("(14/03/2024 09:12)"): the date when the
    header gave none; False if the paragraph is anything else."""
    match = re.fullmatch(r"[(\[]\s*(?P<when>[^()\[\]]{6,30}?)\s*[)\]]", paragraph.strip())
    meta = metadata_line(match["when"]) if match else None
    if not meta or "date" not in meta or set(meta) - {"date", "time"}:
        return False
    if found.stamp is None:
        found.when(f"{meta['date']} {meta.get('time', '')}".strip())
    return True


# An image caption ending in its credit: "Zo moet de ingang eruitzien. Beeld: gemeente Breda",
# "De Grote Markt in Hasselt. © Karel Hemerijckx".
_CAPTION = re.compile(r"^(?P<caption>[^©]{0,160}?[.!?”\"']?)\s+(?:\(?(?:foto|beeld|afbeelding|photo|image|illustratie)\s*:\s*"
                      r"|\(?©\s*)(?P<credit>[^.:©()]{2,60}?)(?:\)\.?)?\s*$"  # "... (afbeelding: gemeente Tilburg)."
                      r"|^(?P<printed>.{0,160}[.!?])\s+(?-i:(?:Beeld|Foto|BEELD|FOTO)(?:'s|'S)?\s+"
                      r"(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s+(?:van|de|der|den|[A-ZÀ-Ý][\w'’/-]*)){0,4}))$",
                      re.I)  # a printed caption's credit without colon: "... Beeld Rutger Smits", "... FOTO PVH"


# A printed photo's caption with its credit at the end, as a clipping's OCR or typing gives it over lines: "De eerste
# klok wordt in de" / "toren gehesen. FOTO PVH", "... Foto: Kristof Ghyselinck", "... (© Photo News)".
_PRINTED_CAPTION = re.compile(r"(?P<caption>.{8,250}?[.!?”\"'’])\s+\(?(?:(?i:foto(?:'s)?|beeld)\s*:?\s*|©\s*)"
                              r"(?P<credit>[A-ZÀ-Ý][\w'’.-]*(?:\s*[/&]\s*[A-ZÀ-Ý][\w'’.-]*"
                              r"|\s+(?:van|de|der|den|ten|ter|[A-ZÀ-Ý][\w'’.-]*)){0,5})\s*\)?\.?")


def _caption_lines(lines: list[str], found: Found, opening: bool) -> int:
    """How many lines at the top of a paragraph are a printed photo's caption that ends in its credit, broken over a
    narrow column as a clipping's OCR or typing gives it: the credit glued to the caption's last line ("De eerste klok
    wordt in de" / "toren gehesen. FOTO PVH"), or, above the text (`opening`), on a line of its own under it ("...
    aan het" / "nieuwe klavier in de toren" / "FOTO ROLAND HEITINK"). Only the caption's last line may end a
    sentence, and the line under it opens one, so neither a sentence that the column broke nor a lead above a
    photo's credit is taken. The credit goes to credits; 0 where there is none."""
    for end in range(1, min(len(lines), 6) + 1):
        caption, last = [line.strip() for line in lines[:end - 1]], lines[end - 1].strip()
        below = lines[end].strip() if end < len(lines) else ""
        if any(len(line) > 80 for line in caption) or any(re.search(r"[.!?]\W*$", line) for line in caption[:-1]):
            break
        if below[:1].islower():
            continue
        if credit(last):
            if opening and caption and (len(caption) > 1 or not re.search(r"[.!?]\W*$", caption[-1])):
                found.credit(credit(last))
                return end
            continue
        if caption and re.search(r"[.!?]\W*$", caption[-1]):
            break
        match = _PRINTED_CAPTION.fullmatch(" ".join([*caption, last]))
        if match:
            found.credit(match["credit"])
            return end
    return 0


def _furniture(line: str, found: Found) -> bool:
    """A line that is metadata or page furniture rather than article text; metadata goes to `found`."""
    stripped = line.strip("*_ ")
    if not stripped:  # a rule of "_" or "*" (a mail client's between the note and the forwarded text)
        return True
    if _byline_or_credit(stripped, found):
        return True
    caption = _CAPTION.match(stripped)
    if caption:
        found.credit((caption["credit"] or caption["name"]).strip())
        return True
    if reference(stripped, found, "text") or running_head(line, found):  # or a page's head or foot inside the text
        return True
    source = parse_source(stripped) if re.match(r"^\s*(?:bron|source)\s*:", stripped, re.I) else None
    if source and len(stripped) <= 60:
        found.offer(source=source)
        return True
    return is_boilerplate(stripped)


def offer_byline(text: str | None, found: Found) -> None:
    """An author string as pages give it ("Door de redactie · Bron: Stadsnieuws"): names to the author,
    a "Bron"/"Source" part to the source."""
    if not text:
        return
    names = []
    for part in re.split(r"\s*[·•|]\s*", text.strip()):
        source = re.match(r"^(?:bron|source)\s*:?\s+(?P<name>.+)$", part, re.I)
        if source or outlet(part):
            found.offer(source=source["name"] if source else outlet(part))
            continue
        name = byline(part) or re.sub(r"^(?:door|by)\s*:?\s+", "", part, flags=re.I).strip()
        if name:
            names.append(name)
    if names:
        found.offer(author=", ".join(names))


def _is_heading(text: str) -> bool:
    return "\n" not in text.strip() and len(text) <= 120 and not re.search(r"[.!?:;\"”’]\W*$", text.strip())

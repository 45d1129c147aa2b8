"""Press-database exports saved as text: LexisNexis, Nexis Uni and Mediargus/GoPress, many articles to a file.

The files in tests/data/exports/ are invented articles written in the layouts of the real exports. Each
document is one article named `file#N`; the export's header and footer fields are metadata, never body,
and no sentence of the text is lost.
"""

import json
import re
from pathlib import Path

import pytest

from newsdigest import Article, Failure, load_articles
from tests_helpers import invoke_tiny

EXPORTS = Path(__file__).parent / "data" / "exports"
FURNITURE = re.compile(r"DOCUMENTS|LOAD-DATE|LENGTH|LENGTE|LANGUAGE|TAAL|PUB-TYPE|PUBLICATION-TYPE|SECTION|HEADLINE"
                       r"|BYLINE|KOP:|AUTEUR|TEKST:|BODY:|HIGHLIGHT|GRAPHIC|Copyright|All Rights|©|\d+w\.|, p\.\s?\d")


def articles(name: str) -> list[Article]:
    items = list(load_articles([EXPORTS / name]))
    assert all(isinstance(item, Article) for item in items), items
    return items


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize(("name", "number", "title", "date", "source", "author", "first", "last"), [
    # a centred masthead with the copyright holder, the outlet and the date with its weekday under it;
    # fields above BODY:, the headline's second line after ';', trailing fields over two lines
    ("lexisnexis-kranten.txt", 1, "Utrecht bouwt de grootste fietsenstalling ter wereld", "2014-03-04",
     "de Volkskrant", "Marieke de Vries",
     "De gemeente Utrecht opent over vier jaar onder het Stationsplein een fietsenstalling voor 12.500 fietsen.",
     "Volgens de NS komt een kwart van alle treinreizigers op de fiets naar het station."),
    # the older layout: the headline and the byline flush left under the date, then LENGTH:, then the text
    # after the paper's own byline and dateline ("BRUSSEL, dinsdag")
    ("lexisnexis-kranten.txt", 2, "Brussel wil strengere regels voor Belgische kerstbomen", "2002-01-29",
     "De Telegraaf", "VAN ONZE CORRESPONDENT",
     "De Belgische regering wil dat kwekers van kerstbomen voortaan minder bestrijdingsmiddelen gebruiken.",
     "Zij vrezen dat de Belgische bomen duurder worden dan die uit Denemarken."),
    # Dutch field names (LENGTE, KOP, AUTEUR, TEKST, TAAL) and a date written twice
    ("lexisnexis-kranten.txt", 3, "Amsterdam krijgt nieuwe brug over het IJ", "2002-09-24", "NRC Handelsblad",
     "BAKKER, JOOST", "Amsterdam krijgt een fiets- en voetgangersbrug tussen het Centraal Station en Noord.",
     "Daarom komt er in het midden een beweegbaar deel."),
    # a Dutch date line with the weekday after it; the HIGHLIGHT summary stays out of the text (extra); the
    # agency in the dateline is the source, as everywhere
    ("lexisnexis-kranten.txt", 4, "Kabinet trekt extra geld uit voor sluizen", "2015-06-12", "ANP", None,
     "Minister Schultz van Haegen van Infrastructuur maakte het besluit vrijdag bekend.",
     "'Er zijn al jaren storingen bij de sluizen van Terneuzen', zei een woordvoerder."),
])
def test_lexisnexis_documents(name, number, title, date, source, author, first, last):
    found = articles(name)
    assert [item.path for item in found] == [f"{EXPORTS / name}#{index}" for index in range(1, 5)]
    article = found[number - 1]
    assert (article.title, article.date, article.source, article.author) == (title, date, source, author)
    assert words(article.body)[:len(words(first))] == words(first)
    assert words(article.body)[-len(words(last)):] == words(last)
    assert not FURNITURE.search(article.body)


def test_lexisnexis_fields_that_no_article_field_takes_are_kept_in_extra():
    first, second, third, fourth = articles("lexisnexis-kranten.txt")
    assert first.tags == ["BINNENLAND"]
    assert {key: first.extra[key] for key in ("page", "length", "subtitle", "language", "load_date", "subject")} == {
        "page": "Blz. 7", "length": "298 woorden", "subtitle": "Stationsplein", "language": "DUTCH; NEDERLANDS",
        "load_date": "March 3, 2014", "subject": "Cycling (90%); Railway Stations (78%); Urban Planning (71%)"}
    assert first.extra["copyright"] == "Copyright 2014 De Persgroep Nederland BV All Rights Reserved"
    assert second.extra["dateline"] == "BRUSSEL, dinsdag" and third.extra["length"] == "164 words"
    assert fourth.extra["graphic"] == "De sluizen bij Terneuzen. foto anp"
    assert fourth.extra["highlight"] == "Het kabinet steekt de komende tien jaar 900 miljoen euro extra in sluizen en stuwen."


def test_a_field_like_line_inside_the_text_stays_text():
    body = articles("lexisnexis-kranten.txt")[0].body
    assert "UPDATE: de gemeenteraad moet nog instemmen met het extra krediet van 4 miljoen\neuro" in body
    assert len(body.split("\n\n")) == 4


def test_a_single_lexisnexis_document_without_a_count_line_keeps_the_file_name():
    [article] = articles("lexisnexis-los-crlf.txt")
    assert article.path == str(EXPORTS / "lexisnexis-los-crlf.txt")
    assert (article.title, article.date, article.source, article.tags) == (
        "Pensioenfondsen beleggen meer in woningen", "2011-06-07", "Het Financieele Dagblad", ["Economie"])
    assert article.body == ("Nederlandse pensioenfondsen stoppen steeds meer geld in huurwoningen. Dat blijkt\n"
                            "uit cijfers van De Nederlandsche Bank.\n\nVorig jaar ging het om 14 miljard euro, "
                            "een stijging van 8 procent.")


def test_a_lexisnexis_document_without_text_is_a_failure_and_the_others_are_read(tmp_path):
    path = tmp_path / "nexis.txt"
    path.write_text((EXPORTS / "lexisnexis-los-crlf.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
                    + "\n\n                    2 of 2 DOCUMENTS\n\n                 Trouw\n\n             May 2, 2015\n\n"
                    "SECTION: Nieuws\n\nLENGTH: 0 woorden\n\nHEADLINE: Correctie\n\nLOAD-DATE: May 2, 2015\n",
                    encoding="utf-8")
    first, second = load_articles([path])
    assert isinstance(first, Article) and first.path == f"{path}#1"
    assert second == Failure(f"{path}#2", f"{path}#2: no article text found")


@pytest.mark.parametrize(("number", "source", "author", "dateline", "first", "last"), [
    # byline and dateline set off from the first sentence by runs of spaces, the byline field empty
    (1, "De Telegraaf", "Marloes van Dijk", "Lissabon",
     "Oud-directeur Henk Smit van Schiphol vindt de kritiek op de groei van de luchthaven 'overdreven'.",
     "als de nachtvluchten worden beperkt."),
    # the agency named only after the last sentence ("/ANP"): the source, and no text
    (2, "ANP", None, None, "Het aantal faillissementen is in het eerste kwartaal met 8 procent gedaald",
     "Het aantal faillissementen daalde in het eerste kwartaal met 8 procent."),
    # the agency in the byline field, bare or in brackets; a dateline on a line of its own
    (3, "ANP", "ANP", "Singapore", "ING heeft een tweede medewerker in Singapore geschorst", "op non-actief gesteld."),
    (4, "ANP", "ANP", None, "De werkloosheid in de eurolanden is in mei gedaald", "In april was dat nog 10,2 procent."),
    # the paper's dateline glued to the first sentence, which opens with a capitalised article
    (5, "Het Financieele Dagblad B.V.", None, "Rotterdam", "De overslag in de Rotterdamse haven is vorig jaar", None),
    # the paper's "door een verslaggever" above a dateline set off by spaces
    (6, "HDC Media B.V. / Noordhollands Dagblad", "van onze verslaggever", "Luxemburg",
     "Het Europees Hof van Justitie heeft vijf lidstaten veroordeeld", "Nederland hoort daar niet bij."),
    # the byline field's name alone above the text
    (7, "Wegener NieuwsMedia BV", "SANNE KOK", "UTRECHT", "Pensioenfondsen moeten hun verplichtingen voortaan",
     "Dat heeft De Nederlandsche Bank besloten."),
    # nothing to take off: a surname with "De" opens the first sentence
    (8, "Algemeen Dagblad", None, None, "Minister De Jonge wil dat gemeenten sneller extra geld krijgen",
     "Hij stuurt de Tweede Kamer deze week een brief."),
])
def test_lexisnexis_text_in_amcat_json_lines(number, source, author, dateline, first, last):
    """AmCAT stores each LexisNexis document as a record (headline, date, medium, byline, section, text) whose
    text keeps the export's byline, dateline and closing fields."""
    found = articles("amcat-lexisnexis-kranten.jsonl")
    article = found[number - 1]
    assert article.path == f"{EXPORTS / 'amcat-lexisnexis-kranten.jsonl'}:{number}"
    assert (article.source, article.author, article.extra.get("dateline")) == (source, author, dateline)
    assert words(article.body)[:len(words(first))] == words(first)
    if last:
        assert words(article.body)[-len(words(last)):] == words(last)
    assert not re.search(r"LANGUAGE|VIEW ORIGINAL PAGE|/ANP|verslaggever", article.body)
    assert article.extra["language"] == "DUTCH; NEDERLANDS"


@pytest.mark.parametrize(("number", "title", "date", "source", "author", "first", "last"), [
    # De Standaard: the editions, the headline, a second headline, intertitles in the text, "© Corelio"
    (1, "Gent geïnspireerd door Kopenhaagse fietsbruggen", "2013-09-14", "De Standaard", None,
     "De stad Gent bouwt de komende vijf jaar zes nieuwe fietsbruggen over de Leie en de Schelde.",
     "Daar gebeuren volgens de bond de meeste ongevallen."),
    # De Morgen: the author and the headline right under the page line, the headline printed again, the
    # "Brussel l" dateline, a paragraph broken in the middle of a sentence, the author's initials
    (2, "Nederlandse premier zoekt steun in België", "2013-09-16", "De Morgen", "Koen Vidal",
     "De Nederlandse premier Mark Rutte heeft gisteren in Brussel overlegd met zijn Belgische collega Elio Di Rupo.",
     "Ook de Luxemburgse premier zou dan aanschuiven. (KV)"),
    # the database's "Artikel zonder titel": no headline
    (3, None, "2013-09-17", "De Standaard", None,
     "Wie in Antwerpen een parkeerplaats zoekt, betaalt vanaf volgend jaar een euro per uur meer.",
     "Het schepencollege wil zo meer mensen op het openbaar vervoer krijgen."),
])
def test_mediargus_articles(number, title, date, source, author, first, last):
    found = articles("mediargus-knipsels.txt")
    path = EXPORTS / "mediargus-knipsels.txt"
    assert [item.path for item in found] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    article = found[number - 1]
    assert (article.title, article.date, article.source, article.author) == (title, date, source, author)
    assert words(article.body)[:len(words(first))] == words(first)
    assert words(article.body)[-len(words(last)):] == words(last)
    assert not FURNITURE.search(article.body) and "Brussel l" not in article.body


def test_mediargus_text_keeps_every_paragraph_and_its_letters():
    first, second, _ = articles("mediargus-knipsels.txt")  # the file is ISO-8859-1
    assert first.body.split("\n\n")[1:] == [
        "'In Kopenhagen zie je wat er gebeurt als je fietsers echt ruimte geeft', zegt schepen Filip Watteeuw "
        "(Groen). 'De financiën zijn rond, de eerste brug ligt er in 2015.'",
        "Fietsersbond tevreden",
        "De Fietsersbond is tevreden, maar vraagt ook aandacht voor de kruispunten. Daar gebeuren volgens de bond "
        "de meeste ongevallen."]
    assert first.extra["subtitle"] == "Stad investeert 40 miljoen in fietsverkeer"
    assert first.extra["copyright"] == "Corelio" and second.extra["dateline"] == "Brussel"
    assert "begrotingen van de lidstaten" in second.body


def test_a_mediargus_article_cut_out_with_its_index_line(tmp_path):
    # one article copied out of an export: the index line that names the paper, then its full text
    path = tmp_path / "knipsel.txt"
    text = (EXPORTS / "mediargus-knipsels.txt").read_bytes().decode("latin-1")
    index_line = next(line for line in text.splitlines() if line.startswith("De Morgen,"))
    full_text = text[text.index("16-09-2013, p.12"):text.index("17-09-2013, p.31")].rstrip()
    path.write_bytes(f"{index_line}\n\n{full_text}\n".encode("latin-1"))
    [article] = load_articles([path])
    assert article.path == str(path)
    assert (article.title, article.date, article.source, article.author) == (
        "Nederlandse premier zoekt steun in België", "2013-09-16", "De Morgen", "Koen Vidal")
    assert article.body.startswith("De Nederlandse premier Mark Rutte heeft gisteren in Brussel overlegd")


# What a Nexis Uni export has around its documents: none of it is text of an article.
NEXIS_FURNITURE = re.compile(r"End of Document|Load-Date|Classification|Highlight|Graphic|Job Number|Documents \(|"
                             r"Search Terms|^Body$|^(?:Section|Length|Byline|Language|Subject):|Copyright", re.M)


@pytest.mark.parametrize(("number", "title", "date", "time", "source", "author", "first", "last"), [
    # the cover page with the search and the numbered contents above the first document; an edition line
    # under the date; the fields with a no-break space after the colon, as Nexis Uni writes them
    (1, "Gemeente Zwolle zet deelscooters aan de kant", "2024-04-03", None, "De Stentor", "Anouk Mulder",
     "Zwolle stopt op 1 mei met de proef met elektrische deelscooters.", "'Er veranderde niets.'"),
    # a web publication dated in GMT (23:40 GMT is 00:40 the next day in Amsterdam); the Classification
    # block under the text
    (2, "Deelscooters in Rotterdam vaker in beslag genomen", "2024-03-28", "00:40", "AD", "Ruben Koster",
     "Handhavers in Rotterdam hebben dit jaar al 412 deelscooters weggesleept.",
     "zoals op de Lijnbaan."),
    # Highlight: above Body (the database's summary, kept apart) and a Graphic caption under the text
    (3, "Aanbieders van deelscooters willen één landelijke regel", "2024-04-05", None, "Trouw", "Sanne Visser",
     "De aanbieders van deelscooters vragen het kabinet om één landelijke regeling.",
     "Het ministerie van Infrastructuur laat weten dat het voorstel wordt bestudeerd."),
    # an English paper (the outlet with its city, as Nexis Uni names it; its web copy's version after the
    # section): its GMT time keeps its UTC day, as English news is not dated by the clock in Amsterdam
    (4, "Dutch cities lose patience with shared e-scooters", "2024-04-06", "23:15", "The Guardian(London)",
     "Jon Henley Europe correspondent",
     "Zwolle has become the latest Dutch city to ban shared electric scooters from its streets,",
     "instead of a patchwork of local permits."),
])
def test_nexis_uni_documents(number, title, date, time, source, author, first, last):
    found = articles("nexis-uni-deelscooters.txt")
    path = EXPORTS / "nexis-uni-deelscooters.txt"
    assert [item.path for item in found] == [f"{path}#{index}" for index in range(1, 5)]
    article = found[number - 1]
    assert (article.title, article.date, article.time, article.source, article.author) == (
        title, date, time, source, author)
    assert words(article.body)[:len(words(first))] == words(first)
    assert words(article.body)[-len(words(last)):] == words(last)
    assert not NEXIS_FURNITURE.search(article.body)


def test_nexis_uni_keeps_every_paragraph_and_the_fields_apart():
    first, second, third, fourth = articles("nexis-uni-deelscooters.txt")
    assert [len(article.body.split("\n\n")) for article in (first, second, third, fourth)] == [3, 2, 3, 2]
    assert (first.tags, first.extra["page"], first.extra["edition"]) == (["Regio"], "Blz. 3", "Zwolle")
    assert {key: second.extra[key] for key in ("language", "publication_type", "subject", "load_date")} == {
        "language": "DUTCH; NEDERLANDS", "publication_type": "Web Publication",
        "subject": "Scooters (90%); Municipalities (77%)", "load_date": "March 28, 2024"}
    assert third.extra["highlight"] == "De branche wil af van de lappendeken aan gemeentelijke regels."
    assert third.credits == ["ANP"] and "Oudegracht" not in third.body  # the photo's caption under "Graphic"
    assert (fourth.tags, fourth.extra["version"], fourth.published) == (
        ["WORLD NEWS"], "2", "2024-04-06T23:15:00+00:00")
    assert first.extra["job number"] == "221904377" and "job number" not in second.extra


@pytest.mark.parametrize("text", [
    # field-like lines in an ordinary article: no count line, no word count with the closing fields
    "Gemeente sluit zwembad\n\nDe gemeente sluit het zwembad.\n\nLOAD-DATE: volgende week bekend\n\n"
    "LANGUAGE: Nederlands en Engels in de nieuwe brochure.\n",
    "Kabinet valt\n\nDe Kamer kreeg 1 of 3 documenten op tijd.\n\nLENGTH: 300 words is te kort, zegt de minister.\n",
    # a clipping's reference line without the export's word count, and a page line under the text
    "De Standaard, zaterdag 13 augustus 2011, p. 27\n\nRutte excuseert zich\n\nPremier Rutte biedt excuses aan.\n",
    "Rutte excuseert zich\n\nPremier Rutte biedt excuses aan.\n\n13-08-2011, p.27\n",
    # Nexis Uni's end mark quoted in a text without its documents' marks (no "Body" line, no word count)
    "Rutte excuseert zich\n\nPremier Rutte biedt excuses aan. Zijn brief eindigt met:\n\nEnd of Document\n\n"
    "Length: te kort, vindt de Kamer.\n",
])
def test_ordinary_text_is_not_taken_for_an_export(tmp_path, text):
    path = tmp_path / "gewoon.txt"
    path.write_text(text, encoding="utf-8")
    [article] = load_articles([path])
    assert isinstance(article, Article) and article.path == str(path)
    assert "Premier Rutte biedt excuses aan." in article.body or "De gemeente sluit het zwembad." in article.body \
        or "De Kamer kreeg 1 of 3 documenten op tijd." in article.body


@pytest.mark.parametrize(("name", "count", "number", "opening", "furniture"), [
    ("lexisnexis-kranten.txt", 4, 1, ["Utrecht bouwt de grootste fietsenstalling ter wereld",
                                      "De gemeente Utrecht opent over vier jaar onder het Stationsplein een "
                                      "fietsenstalling voor 12.500 fietsen."], FURNITURE),
    ("nexis-uni-deelscooters.txt", 4, 2, ["Deelscooters in Rotterdam vaker in beslag genomen",
                                          "Handhavers in Rotterdam hebben dit jaar al 412 deelscooters weggesleept."],
     NEXIS_FURNITURE),
])
def test_translate_gives_each_article_of_an_export_not_the_exports_fields(models, name, count, number, opening,
                                                                          furniture):
    path = EXPORTS / name
    result = invoke_tiny(models, "translate", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert [document["path"] for document in documents] == [f"{path}#{index}" for index in range(1, count + 1)]
    assert [segment["source"] for segment in documents[number - 1]["segments"]][:2] == opening
    assert not any(furniture.search(segment["source"]) for document in documents for segment in document["segments"])

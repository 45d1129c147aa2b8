"""Markdown as note apps and web clippers write it: Logseq pages, Obsidian Web Clipper captions, Zotero notes.

The notes in tests/data/layouts/ are invented for these tests in the shapes those tools write. What the tool
adds (properties, block ids, to-dos, captions, the reader's own notes) is metadata, never text to translate.
"""

import pytest

from newsdigest import load_articles
from tests_helpers import LAYOUTS, only


def read(tmp_path, text, name="note.md"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return only(load_articles([tmp_path / name]))


# -- Logseq -------------------------------------------------------------------------------------------------


def test_a_logseq_pages_properties_are_its_metadata_and_its_blocks_its_paragraphs():
    """Page properties as `key:: value` lines above the blocks; a block's second line, a nested block, block
    properties (id::, collapsed::), a TODO and a closing notes block under a rule."""
    article = only(load_articles([LAYOUTS / "logseq-page-properties.md"]))
    assert (article.title, article.date, article.source, article.url) == (
        "Gemaal bij Kampen draait maanden langer op noodstroom", "2025-02-03", "RTV Oost",
        "https://www.rtvoost.nl/nieuws/2291834/gemaal-bij-kampen-draait-maanden-langer-op-noodstroom")
    assert article.tags == ["waterschap", "Kampen", "IJsseldelta"]
    assert article.body == (
        "Het gemaal Veneriete bij Kampen draait zeker tot de zomer op een noodaggregaat, omdat de nieuwe stroomkabel "
        "later komt.\n\n"
        "Waterschap Drents Overijsselse Delta had de kabel in januari verwacht. Netbeheerder Enexis meldt nu dat het "
        "werk pas in juni kan beginnen, omdat er eerst een nieuw verdeelstation moet komen.\n\n"
        "\"Het aggregaat doet wat het moet doen\", zegt een woordvoerder van het waterschap. \"Maar het is duur en het "
        "maakt lawaai.\"\n\n"
        "Omwonenden aan de Zwartendijk klagen al weken over het geluid in de nacht.")
    assert article.extra["tasks"] == ["waterschap terugbellen over de kosten van het aggregaat"]
    assert "gemaal bij Genemuiden (zie Jan 14th, 2025)" in article.extra["note"]
    assert (article.extra["type"], article.extra["dossier"]) == ("nieuwsbericht", "Netcongestie Overijssel")


def test_a_property_written_as_a_markdown_link_is_its_text(tmp_path):
    """`bron:: [De Tijd](https://...)`: the outlet is the link's text, not the link."""
    (tmp_path / "page.md").write_text(
        "title:: Europese Commissie wil minder kantoren\nbron:: [De Tijd](https://www.tijd.be/politiek/10592214.html)\n"
        "gepubliceerd:: [[Mar 4th, 2025]]\n\n- De Europese Commissie wil een derde van haar kantoren in Brussel "
        "afstoten.\n- Het gaat om zo'n twintig gebouwen.\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "page.md"]))
    assert (article.source, article.date) == ("De Tijd", "2025-03-04")


def test_logseq_page_properties_in_the_first_block_and_nested_blocks_and_headings():
    article = only(load_articles([LAYOUTS / "logseq-first-block-properties.md"]))
    assert (article.title, article.date, article.source, article.author) == (
        "Zwolle schrapt betaald parkeren op zondag in de binnenstad", "2025-02-11", "De Stentor", "Lotte Brink")
    assert article.tags == ["parkeren", "Zwolle"]
    assert article.body.split("\n\n") == [
        "De gemeente Zwolle stopt vanaf april met betaald parkeren op zondag in de binnenstad.",
        "Winkeliers vroegen daar al jaren om. Volgens de ondernemersvereniging blijven bezoekers uit de regio op zondag "
        "nu weg.",
        "De gemeente loopt zo ongeveer vierhonderdduizend euro per jaar mis.",
        "Bewoners bezorgd",
        "Bewoners van de Assendorperstraat vrezen dat hun straat op zondag volloopt met auto's van bezoekers."]
    assert article.extra["tasks"] == ["stuk doorgestuurd naar de eindredactie"]


def test_a_logseq_date_link_is_read_in_the_graphs_own_journal_title_format():
    """The graph's logseq/config.edn says "MM-dd-yyyy"; the same page outside a graph is read day first."""
    page = LAYOUTS / "logseq-graph" / "pages" / "Deventer fietsenstalling.md"
    article = only(load_articles([page]))
    assert (article.title, article.date, article.source) == (
        "Deventer opent fietsenstalling onder het Stationsplein", "2025-03-11", "De Stentor")
    assert article.body.startswith("Onder het Stationsplein in Deventer is dinsdag een fietsenstalling")


def test_a_logseq_date_link_outside_a_graph_reads_numbers_day_first(tmp_path):
    page = LAYOUTS / "logseq-graph" / "pages" / "Deventer fietsenstalling.md"
    assert read(tmp_path, page.read_text(encoding="utf-8")).date == "2025-11-03"


@pytest.mark.parametrize("value", [
    "[[Mar 4th, 2025]]", "[[March 4th, 2025]]", "[[4th Mar 2025]]", "[[4th March 2025]]", "[[Tue, 04-03-2025]]",
    "[[Tuesday, 04.03.2025]]", "[[Tue, 2025/03/04]]", "[[04-03-2025]]", "[[04.03.2025]]", "[[2025/03/04]]",
    "[[2025-03-04]]", "[[2025-03-04 Tuesday]]", "[[2025_03_04]]", "[[20250304]]", "[[2025年03月04日]]",
    "2025-03-04",
    # Logseq's only journal formats with "/" and "_" after the day put the month first (as set in the US)
    "[[03/04/2025]]", "[[Tue, 03/04/2025]]", "[[03_04_2025]]",
])
def test_every_journal_title_format_logseq_offers_dates_a_page(tmp_path, value):
    article = read(tmp_path, f"title:: Brug dicht\ndate:: {value}\n\n- De brug is dicht.\n")
    assert (article.title, article.date, article.body) == ("Brug dicht", "2025-03-04", "De brug is dicht.")


def test_an_outline_without_properties_reads_its_blocks_as_paragraphs(tmp_path):
    article = read(tmp_path, "- De brug over de Eem is dicht.\n\t- Fietsers rijden om via de Koppelpoort.\n"
                             "- Het werk duurt tot vrijdag.\n  collapsed:: true\n")
    assert article.body == ("De brug over de Eem is dicht.\n\nFietsers rijden om via de Koppelpoort.\n\n"
                            "Het werk duurt tot vrijdag.")


def test_a_markdown_list_inside_ordinary_text_stays_a_list(tmp_path):
    article = read(tmp_path, "---\ntitle: Stremmingen\n---\n\nDeze week zijn twee bruggen dicht:\n\n"
                             "- de Eembrug\n- de Koppelpoortbrug\n")
    assert article.body == "Deze week zijn twee bruggen dicht:\n\n- de Eembrug\n\n- de Koppelpoortbrug"


# -- captions in web clippings ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "title", "date", "source", "credit", "caption", "first"), [
    # NOS prints the agency after the caption without a stop: ANP made the photo, NOS published the story
    ("web-clipper-caption-agency.md", "Voetveer Vlissingen-Breskens vaart deze zomer twee keer per uur",
     "2025-04-22", "NOS", "ANP", "Het voetveer Prins Willem-Alexander bij de aanlegsteiger in Breskens ANP",
     "Het voetveer tussen Vlissingen en Breskens vaart deze zomer twee keer per uur in plaats van een keer."),
    # de Volkskrant: "Beeld" and the photographer with the paper, no colon
    ("web-clipper-caption-beeld-outlet.md", "Haarlemse buitenbaden gaan na dit seizoen dicht", "2025-08-29",
     "de Volkskrant", "Sanne Peters / de Volkskrant",
     "Het openluchtbad De Houtvaart op de laatste zomerdag. Beeld Sanne Peters / de Volkskrant",
     "De gemeente Haarlem sluit na dit seizoen haar twee openluchtbaden."),
])
def test_a_web_clippers_caption_under_the_image_does_not_open_the_text(name, title, date, source, credit, caption,
                                                                        first):
    article = only(load_articles([LAYOUTS / name]))
    assert (article.title, article.date, article.source) == (title, date, source)
    assert article.body.startswith(first)
    assert article.credits == [credit] and article.extra["caption"] == caption


CLIPPING = ("---\ntitle: Brug over de Eem dicht\npublished: 2025-03-04\nsource: https://www.rtvutrecht.nl/nieuws/1\n"
            "---\n{image}\n\n{under}\n\nDe brug over de Eem in Amersfoort is tot vrijdag dicht voor onderhoud. "
            "Fietsers moeten omrijden.\n\nHet werk kost twee ton.\n")


@pytest.mark.parametrize(("image", "under"), [
    ("![De brug over de Eem bij de Koppelpoort](https://cdn.example.org/eem.jpg)",
     "De brug over de Eem bij de Koppelpoort"),  # the caption repeats the image's alt text
    ("![](https://cdn.example.org/eem.jpg)", "De brug over de Eem bij de Koppelpoort"),  # no credit, no stop
    ("[![](https://cdn.example.org/eem.jpg)](https://www.rtvutrecht.nl/foto/1)", "De Eembrug in 2019 Getty Images"),
    ("![[eem-brug.jpg]]", "De Eembrug bij laag water"),  # an image saved in the vault
])
def test_a_caption_without_a_stop_under_the_opening_image_leaves_the_body(tmp_path, image, under):
    article = read(tmp_path, CLIPPING.format(image=image, under=under))
    assert article.body.startswith("De brug over de Eem in Amersfoort is tot vrijdag dicht")
    assert article.extra["caption"] == under


def test_the_first_sentence_under_the_opening_image_stays_in_the_body(tmp_path):
    article = read(tmp_path, CLIPPING.format(image="![](https://cdn.example.org/eem.jpg)",
                                             under="Bij de Koppelpoort is de brug over de Eem dicht."))
    assert article.body.startswith("Bij de Koppelpoort is de brug over de Eem dicht.\n\nDe brug over de Eem")
    assert "caption" not in article.extra


def test_a_byline_under_the_opening_image_is_the_author_not_a_caption(tmp_path):
    article = read(tmp_path, CLIPPING.format(image="![](https://cdn.example.org/eem.jpg)", under="Door Eva de Boer"))
    assert article.author == "Eva de Boer" and "caption" not in article.extra
    assert article.body.startswith("De brug over de Eem in Amersfoort is tot vrijdag dicht")


# -- Zotero literature notes ------------------------------------------------------------------------------


def test_a_zotero_literature_note_reads_the_text_under_its_text_heading():
    """Zotero Integration's export: the item's fields as front matter, the reference as a callout, the abstract
    under its own heading, the article under "## Tekst", the reader's notes under "## Mijn aantekeningen"."""
    article = only(load_articles([LAYOUTS / "zotero-literature-note.md"]))
    assert (article.title, article.date, article.source, article.author) == (
        "Leidse huisartsen heffen patiëntenstop op na komst van nieuwe praktijk", "2025-01-17", "Leidsch Dagblad",
        "Femke Dijkstra")
    assert article.body.startswith("Nieuwe inwoners van Leiden kunnen zich sinds deze week weer inschrijven")
    assert "\n\nWachtlijst weg\n\n" in article.body  # the article's own intertitle stays
    assert article.body.endswith('zegt coördinator Ilse Bakker.')
    assert article.extra["samenvatting"] == ("Met een nieuwe praktijk in de Stevenshof kunnen nieuwe Leidenaren weer "
                                             "bij een huisarts terecht.")
    assert "Bibliografie" in article.extra["note"] and "hoofdstuk 4" in article.extra["note"]
    assert article.extra["comments"] == ["Import Date: 2025-03-02T10:14:22.118+01:00"]


@pytest.mark.parametrize(("text", "before", "notes"), [
    ("## Text", "## Abstract", "## Notes"),
    ("## Artikel", "## Samenvatting", "## Notities"),
    ("### Volledige tekst", "### Samenvatting", "### Annotaties"),
    ("## Full text:", "## Summary", "## My notes"),
])
def test_the_text_heading_and_notes_heading_a_note_template_uses(tmp_path, text, before, notes):
    template = (LAYOUTS / "zotero-literature-note.md").read_text(encoding="utf-8")
    article = read(tmp_path, template.replace("## Tekst", text).replace("## Samenvatting", before)
                   .replace("## Mijn aantekeningen", notes))
    assert article.body.startswith("Nieuwe inwoners van Leiden kunnen zich sinds deze week weer inschrijven")
    assert article.body.endswith('zegt coördinator Ilse Bakker.') and "Stevenshof kunnen" not in article.body
    assert "hoofdstuk 4" in article.extra["note"]


def test_a_text_heading_after_most_of_the_text_cuts_nothing_off(tmp_path):
    long = "De gemeenteraad besprak dinsdag de begroting. " * 8
    article = read(tmp_path, f"---\ntitle: Begroting\n---\n\n{long}\n\n## Artikel\n\nDe raad stemt volgende week.\n")
    assert article.body.startswith("De gemeenteraad besprak dinsdag de begroting.")
    assert article.body.endswith("De raad stemt volgende week.")


@pytest.mark.parametrize("heading", ["## Opmerkingen", "**Opmerkingen**"])
def test_an_intertitle_that_is_no_notes_heading_stays_in_the_text(tmp_path, heading):
    article = read(tmp_path, f"---\ntitle: Inspraak\n---\n\nDe raad hoorde dinsdag veertig insprekers.\n\n{heading}\n\n"
                             "Veel bewoners vrezen voor meer verkeer in de wijk.\n")
    assert article.body.endswith("Opmerkingen\n\nVeel bewoners vrezen voor meer verkeer in de wijk.")
    assert "note" not in article.extra


def test_notes_under_the_only_heading_that_would_leave_no_text_are_the_text(tmp_path):
    article = read(tmp_path, "---\ntitle: Inspraak\n---\n\n## Notities\n\nDe raad hoorde dinsdag veertig insprekers.\n")
    assert article.body == "Notities\n\nDe raad hoorde dinsdag veertig insprekers."

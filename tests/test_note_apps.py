"""Markdown as note apps and web clippers write it: Logseq pages, Obsidian Web Clipper captions, Zotero notes.

The notes in tests/data/layouts/ are invented for these tests in the shapes those tools write. What the tool
adds (properties, block ids, to-dos, captions, the reader's own notes) is metadata, never text to translate.
"""

from pathlib import Path

import pytest

from newsdigest import Article, load_articles

LAYOUTS = Path(__file__).parent / "data" / "layouts"


def only(items):
    [item] = list(items)
    assert isinstance(item, Article), item
    return item


def read(tmp_path, text, name="note.md"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return only(load_articles([tmp_path / name]))


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

"""Text pasted by hand from pages, newsletters and printed papers: the furniture around the article stays out.

Copied pages bring their share, save, print, listen and comment buttons; a pasted newsletter its greeting, the
editors' intro and its contents; an AD page its regional edition's masthead; an OCR'd clipping the caption of its
photo with the credit. The articles in tests/data/layouts/ are written for these tests in those shapes; their
title, date, source, author and first sentence are checked with the other layouts in tests/test_layouts.py.
"""

import json

import pytest

from newsdigest import load_articles
from tests_helpers import LAYOUTS, only


@pytest.mark.parametrize("name", ["copied-page-share-buttons-dpg.txt", "copied-page-share-buttons-flemish.txt",
                                  "copied-page-share-row-reading-time.txt"])
def test_the_buttons_of_a_copied_page_and_its_comment_lines_are_no_text(name):
    body = only(load_articles([LAYOUTS / name])).body
    assert [word for word in ("Delen", "Deel ", "e-mail", "E-mail", "WhatsApp", "Facebook", "link", "Bewaar", "Lees voor",
                              "Luister", "cadeau", "Leestijd", "Print", "Reageer", "reageren", "reacties", "Reacties",
                              "Meest gelezen", "Boekelo") if word in body] == []


@pytest.mark.parametrize("button", [
    "Delen per e-mail", "Deel per mail", "Deel via WhatsApp", "Deel artikel via:", "Kopieer link", "Link kopiëren",
    "Link gekopieerd!", "WhatsApp", "LinkedIn", "Bewaar", "Bewaar artikel", "Artikel opgeslagen", "Lees later",
    "Zet op je leeslijst", "Lees voor", "Voorlezen", "Luister naar dit artikel (4 min)", "Printen", "Afdrukken",
    "Print dit artikel", "Geef dit artikel cadeau", "Cadeau geven", "Mail dit artikel", "Stuur door",
    "Leestijd 3 minuten", "4 min leestijd", "Reageer", "Reageer op dit artikel", "Praat mee (12)", "12 reacties",
    "Bekijk de 12 reacties", "Reacties (3)", "Op dit artikel is reageren niet mogelijk.",
    "Reageren is niet meer mogelijk", "De reacties zijn gesloten.", "Volg", "Tekstgrootte",
])
def test_a_share_save_print_listen_or_comment_button_above_the_text_is_furniture(tmp_path, button):
    path = tmp_path / "a.txt"
    path.write_text("Gemeente Zwolle plant fietsenstalling onder de Grote Markt\nMarieke Dijkstra\n12-03-25, 06:00\n"
                    f"{button}\nZwolle krijgt een ondergrondse stalling voor tweeduizend fietsen.\n"
                    "De bouw begint in de zomer.\n", encoding="utf-8")
    article = only(load_articles([path]))
    assert (article.date, article.author) == ("2025-03-12", "Marieke Dijkstra")
    assert article.body == "Zwolle krijgt een ondergrondse stalling voor tweeduizend fietsen.\nDe bouw begint in de zomer."


@pytest.mark.parametrize("sentence", [
    "Reageren kan tot 1 mei via de website van de gemeente.",
    "Printen in de bibliotheek kost voortaan tien cent per pagina.",
    "Bewaar het bonnetje, adviseert de consumentenbond.",
    "Volg de borden naar het tijdelijke station.",
    "Delen per e-mail of WhatsApp mag, zegt de rechter, zolang er geen namen in staan.",
])
def test_sentences_about_sharing_saving_or_comments_stay_text(tmp_path, sentence):
    path = tmp_path / "a.txt"
    path.write_text(f"Kop van het artikel\n\nDe eerste zin staat hier.\n\n{sentence}\n\nEen laatste zin.", encoding="utf-8")
    assert sentence in only(load_articles([path])).body


@pytest.mark.parametrize("edition", ["AD Utrechts Nieuwsblad", "AD Haagsche Courant", "AD Rotterdams Dagblad",
                                     "AD Amersfoortse Courant", "AD De Dordtenaar", "AD Groene Hart", "AD/HC"])
def test_an_ad_regional_edition_is_ad(tmp_path, edition):
    (tmp_path / "a.txt").write_text(f"{edition}\nUtrecht\nTram rijdt weer naar Nieuwegein\nRutger Smit 12-01-25, 16:42\n"
                                    "De tram rijdt weer.\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"title": "Tram rijdt weer naar Nieuwegein", "publisher": edition,
                                                 "text": "De tram rijdt weer."}), encoding="utf-8")
    assert [article.source for article in load_articles([tmp_path / "a.txt", tmp_path / "b.json"])] == ["AD", "AD"]


@pytest.mark.parametrize(("row", "updated"), [("Rutger Smit 12-01-25, 16:42 Laatst bijgewerkt: 18:05", "18:05"),
                                              ("Rutger Smit 12-01-25, 16:42 Laatst gewijzigd: 13-01-25, 08:10",
                                               "13-01-25, 08:10"),
                                              ("Rutger Smit 12-01-25, 16:42 Voor het laatst bijgewerkt om 18.05 uur",
                                               "18.05")])
def test_a_byline_row_with_its_last_update_gives_the_day_and_the_reporter(tmp_path, row, updated):
    (tmp_path / "a.txt").write_text(f"Tram rijdt weer naar Nieuwegein\n{row}\nDe tram rijdt weer.\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.date, article.time, article.author, article.extra["updated"], article.body) == (
        "2025-01-12", "16:42", "Rutger Smit", updated, "De tram rijdt weer.")


@pytest.mark.parametrize(("name", "credits"), [("clipping-ocr-caption-credit-line.txt", ["ROLAND HEITINK"]),
                                               ("clipping-ocr-caption-glued.txt", ["Kristof Ghyselinck", "BELGA"])])
def test_a_printed_photos_caption_leaves_a_clipping_and_its_credit_goes_to_credits(name, credits):
    article = only(load_articles([LAYOUTS / name]))
    assert article.credits == credits
    assert [word for word in ("FOTO", "Foto", "klavier", "Elektriciens", "Anciaux") if word in article.body] == []


@pytest.mark.parametrize("column", [
    "Het museum toont de foto: een\nzeldzaam beeld van de haven in 1953.",
    "Wie de oude foto's wil zien. Foto's\nvan de brand hangen in het stadhuis.",
    "Hij maakte die dag de foto. Beeld\nen geluid kwamen later van de omroep.",
])
def test_a_sentence_about_a_photo_in_a_narrow_column_stays_text(tmp_path, column):
    (tmp_path / "a.txt").write_text(f"Haven in beeld\n\nDe eerste zin staat hier.\n\n{column}\n\nEen laatste zin.\n",
                                    encoding="utf-8")
    assert column in only(load_articles([tmp_path / "a.txt"])).body


@pytest.mark.parametrize(("name", "intro", "last"), [
    ("newsletter-greeting-contents.txt", "Goedemorgen, Het kabinet presenteert vandaag",
     "de eerste drie monumentale boerderijen versterkt tegen aardbevingen."),
    ("newsletter-wrapped-signed-intro.txt", "Goedemorgen Amsterdam! Het wordt een warme dag", "voor zwemlessen."),
    ("newsletter-copied-no-blank-lines.txt", "Goeiemorgen! Vandaag in de nieuwsbrief",
     "Tijdens de proefritten in mei rijdt de tram nog zonder reizigers."),
    ("newsletter-thunderbird-subject-first-byline.txt", "Beste lezer, Deze week een verhaal over water",
     "het oppompen van water voor de landbouw."),
    ("newsletter-outlook-byline-under-headline-crlf.txt", "Goedemorgen, Vandaag in de nieuwsbrief",
     "lopen de wachttijden bij de schuldhulp op."),
])
def test_a_newsletters_greeting_intro_and_foot_stay_out_of_its_stories(name, intro, last):
    """The intro goes to extra, every story stays, the foot (why it came, how to stop it) goes."""
    article = only(load_articles([LAYOUTS / name]))
    assert article.extra["intro"].startswith(intro) and article.body.endswith(last)
    assert [word for word in ("morgen", "nieuwsbrief", "Fijne dag", "Marieke", "====", "BELANGRIJKSTE", "VERHAAL",
                              "Afmelden", "Uitschrijven", "ontvangt", "Lees") if word in article.body] == []


def test_an_article_that_opens_like_a_greeting_is_no_newsletter(tmp_path):
    (tmp_path / "a.txt").write_text("Dag van de Bouw trekt duizenden bezoekers naar Almere\n\nDoor Jan de Wit\n\n"
                                    "Ruim achtduizend mensen bezochten zaterdag de bouwplaatsen in Almere.\n\n"
                                    "Meld je aan voor onze nieuwsbrief\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.author) == ("Dag van de Bouw trekt duizenden bezoekers naar Almere", "Jan de Wit")
    assert article.body.startswith("Ruim achtduizend mensen") and "intro" not in article.extra


@pytest.mark.parametrize(("note", "source"), [
    ("zie het stuk uit de PZC hieronder", "PZC"), ("Dit stond vanochtend in de Volkskrant, lees maar.", "de Volkskrant"),
    ("artikel van NRC", "NRC"), ("Het stuk uit de Tijd van gisteren.", "De Tijd"),
    ("Voor de achtergrond bij het NRC-verhaal van juni.", None), ("Dat staat nu ook in de krant.", None),
    ("Interessant, ik las het ook in de Trouw-bijlage.", None)])
def test_the_paper_a_senders_note_names_as_where_the_article_came_from(note, source):
    from newsdigest.readers.text import note_paper

    assert note_paper(note) == source


@pytest.mark.parametrize(("line", "meta"), [
    ("Charlotte Huisman12 maart 2025, 05:00", {"author": "Charlotte Huisman", "date": "2025-03-12", "time": "05:00"}),
    ("Ruud Kleinsman28-02-25, 06:12", {"author": "Ruud Kleinsman", "date": "2025-02-28", "time": "06:12"}),
    ("Op 12 maart 2025 besloot de raad", None), ("Covid19 maart", None)])
def test_a_name_glued_to_the_day_is_a_byline_with_its_day(line, meta):
    from newsdigest.metadata import metadata_line

    assert metadata_line(line) == meta

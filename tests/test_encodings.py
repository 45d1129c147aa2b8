"""Text that is not UTF-8: read in the legacy encoding of the articles' language where that reads cleanly,
otherwise in the encoding charset-normalizer detects; a warning says which."""

import json
import logging

import pytest

from newsdigest import Article, load_articles
from newsdigest.textio import decode
from tests_helpers import invoke_tiny

# Short Dutch text in ISO-8859-1 that charset-normalizer takes for cp1250 ("geïnspireerd" became "geďnspireerd").
DUTCH = ("De projectontwikkelaar zegt dat het centrum geïnspireerd is op het Institut du Monde Arabe. "
         "Het wordt een café met een ruime tuin, zegt hij. Zijn financiën zijn op orde.")
RUSSIAN = "Президент России заявил во вторник, что переговоры продолжатся на следующей неделе в Стамбуле."
GREEK = "Ο πρωθυπουργός της Ελλάδας δήλωσε την Τρίτη ότι οι διαπραγματεύσεις θα συνεχιστούν την επόμενη εβδομάδα."
POLISH = "Prezydent powiedział we wtorek, że rozmowy będą kontynuowane w przyszłym tygodniu w Gdańsku."
# Dutch as a Mac saves it (Mac Roman): read as cp1252, "één" became "ŽŽn", "geïnspireerd" "ge•nspireerd",
# "zo’n" "zoÕn"; with a "è" (a byte cp1252 lacks) charset-normalizer guessed.
MAC_DUTCH = ("Er is maar één café in het dorp dat zo’n terras heeft. Het ontwerp is geïnspireerd op de ideeën "
             "van een Belgische architect.")
MAC_DUTCH_GRAVE = "De crèche in Gent krijgt één extra lokaal. ‘Dat is hard nodig’, zegt de directrice – en ze lacht."
# Typographic cp1252 Dutch: read as Mac Roman its quotes and dashes are letters ("ìJaî", " ñ "), so a rule that
# prefers Mac Roman too eagerly shows here.
TYPOGRAPHIC_DUTCH = ("“Het is één grote puinhoop”, zegt de burgemeester van Zaventem – en hij wacht al weken… "
                     "‘Zo’n wachttijd is niet normaal,’ vindt ook de Belgische minister. Prijs: € 12,50.")


def test_dutch_latin1_is_read_as_cp1252_with_a_warning_that_says_so(tmp_path, caplog):
    path = tmp_path / "gent.txt"
    path.write_bytes(DUTCH.encode("iso-8859-1"))
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        [article] = load_articles([path])
    assert isinstance(article, Article) and article.body == DUTCH
    assert f"{path}: not UTF-8, read as cp1252 (a legacy encoding of 'nl' text)" in caplog.text


@pytest.mark.parametrize(("text", "encoding", "language"), [
    (DUTCH, "iso-8859-1", "nl"), (DUTCH, "cp1252", "nl"), (DUTCH, "iso-8859-1", "fr"),
    (MAC_DUTCH, "mac-roman", "nl"), (MAC_DUTCH_GRAVE, "mac-roman", "nl"), (TYPOGRAPHIC_DUTCH, "cp1252", "nl"),
    (TYPOGRAPHIC_DUTCH, "mac-roman", "nl"),
    (RUSSIAN, "cp1251", "ru"), (RUSSIAN, "koi8-r", "ru"), (GREEK, "cp1253", "el"), (GREEK, "iso-8859-7", "el"),
    # cp1250 first: ISO-8859-2's "ą" read as cp1250 is "±" after a letter, so that reading is passed over
    (POLISH, "cp1250", "pl"), (POLISH, "iso-8859-2", "pl"),
    # a language of another script: the Dutch default's cp1252 does not read cleanly, charset-normalizer decides
    (RUSSIAN, "cp1251", "nl"), (RUSSIAN, "koi8-r", "nl"), (GREEK, "cp1253", "nl"),
])
def test_each_language_is_read_in_its_scripts_legacy_encoding(text, encoding, language):
    assert decode(text.encode(encoding), "x.txt", language=language) == text


def test_dutch_from_a_mac_is_read_as_mac_roman_with_a_warning_that_says_so(tmp_path, caplog):
    path = tmp_path / "cafe.txt"
    path.write_bytes(MAC_DUTCH.encode("mac-roman"))
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        [article] = load_articles([path])
    assert article.body == MAC_DUTCH
    assert f"{path}: not UTF-8, read as mac-roman (a legacy encoding of 'nl' text)" in caplog.text


def test_no_dutch_sentence_in_cp1252_is_taken_for_mac_roman(shared_eval):
    """Every FLORES-200 Dutch sentence saved in cp1252 reads back as it was: Mac Roman wins only on its own
    evidence (letters in the wrong case or signs beside letters that cp1252 gives and Mac Roman does not)."""
    sentences = (shared_eval / "flores200_devtest" / "nld_Latn.devtest").read_text(encoding="utf-8").splitlines()
    legacy = [sentence for sentence in sentences if not sentence.isascii() and _encodes(sentence, "cp1252")]
    assert len(legacy) > 100
    misread = [sentence for sentence in legacy if decode(sentence.encode("cp1252"), "x.txt") != sentence]
    assert misread == []


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def test_text_in_no_legacy_encoding_of_its_language_is_left_to_detection(caplog):
    with caplog.at_level(logging.WARNING, logger="newsdigest"):
        assert decode(RUSSIAN.encode("cp1251"), "x.txt") == RUSSIAN
    assert "x.txt: not UTF-8, read as cp1251 (detected)" in caplog.text


def test_the_source_language_reaches_the_reader(models, tmp_path):
    # charset-normalizer reads this ISO-8859-2 sentence as iso8859_10 ("powiedziaģ"); --from pl reads it right
    path = tmp_path / "gdansk.txt"
    path.write_bytes(POLISH.encode("iso-8859-2"))
    result = invoke_tiny(models, "translate", str(path), "--from", "pl", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [segment["source"] for segment in json.loads(result.stdout)["segments"]] == [POLISH]
    [article] = load_articles([path], language="pl")
    assert article.body == POLISH

"""Do-not-translate spans: verbatim in the translation, never decoded."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate import translate_document
from translate.protect import ProtectedTranslator, find_spans, mask, scan_spans


class Recorder:
    """Upper-cases what it gets (a stand-in that visibly changes text) and records every call."""

    def __init__(self):
        self.seen = []

    def translate_batch(self, sentences):
        self.seen.extend(sentences)
        return [sentence.upper() for sentence in sentences]


@pytest.mark.parametrize(("text", "spans"), [
    ("Kijk op https://nos.nl/artikel/2468.html.", ["https://nos.nl/artikel/2468.html"]),
    ("Zie (www.rijksoverheid.nl) of mail info@gemeente-utrecht.nl!", ["www.rijksoverheid.nl",
                                                                      "info@gemeente-utrecht.nl"]),
    ("Volg @NOS en @jan_de_vries met #Verkiezingen2023 en #stikstof.", ["@NOS", "@jan_de_vries",
                                                                        "#Verkiezingen2023", "#stikstof"]),
    ("Uitspraak ECLI:NL:HR:2023:1234, zaaknummer KB-2023-0042, IBAN NL91ABNA0417164300.",
     ["ECLI:NL:HR:2023:1234", "KB-2023-0042", "NL91ABNA0417164300"]),
    ("De G8-top begint om 14.30 uur op 3 maart 2023; hij is 12,5% duurder en nummer 1.", []),
])
def test_spans_found(text, spans):
    assert [text[start:end] for start, end, _ in find_spans(text)] == spans


@pytest.mark.parametrize("code", [
    "ECLI:NL:HR:2023:123", "NL91ABNA0417164300", "KB-2023-0042", "C/13/123456", "13/123456-19",
    "200.123.456/01", "BWBR0005416", "COVID-19", "550e8400-e29b-41d4-a716-446655440000", "a1b2c3d4e5f6",
    "https://nos.nl/l/2468", "info@politie.nl", "@NOS", "#stikstof", "dGhpcyBpcyBhIGxvbmcgYmFzZTY0IGJsb2IgMTIzNDU2Nzg=",
])
def test_codes_are_protected(code):
    sentence = f"Zie {code} voor meer."
    assert [sentence[start:end] for start, end, _ in find_spans(sentence)] == [code]


@pytest.mark.parametrize("word", [
    "75-jarige", "18-jarigen", "40-plussers", "3-0-zege", "2-1", "A12-tunnel", "N201-weg", "G8-top", "14.30",
    "12.500.000", "14-05-2024", "24/7", "1980ers", "75jarige", "Covid-19-maatregelen",
    "arbeidsongeschiktheidsverzekeringsmaatschappij", "kinderbijslagvoorzieningsaanvraagformulieren",
    "hogesnelheidslijn-aanbestedingsprocedure-evaluatie",
])
def test_ordinary_dutch_words_reach_the_model(word):
    sentence = f"De {word} werd genoemd."
    assert find_spans(sentence) == [] and mask(sentence).text == sentence


def test_spans_stay_verbatim_and_the_rest_is_translated():
    recorder = Recorder()
    sentence = "Mail info@gemeente.nl of volg @Gemeente en #wateroverlast via https://gemeente.nl/water?x=1."
    [result] = ProtectedTranslator(recorder).translate_batch([sentence])
    assert result == "MAIL info@gemeente.nl OF VOLG @Gemeente EN #wateroverlast VIA https://gemeente.nl/water?x=1."
    assert "gemeente.nl" not in recorder.seen[0]


def test_a_50000_character_url_costs_no_decoding():
    recorder = Recorder()
    url = "https://voorbeeld.nl/" + "a1b2" * 12_500
    document = translate_document(f"Het rapport staat online.\n\n{url}\n\nLees het via {url} vandaag.", recorder)
    assert url in document.text and document.text.count(url) == 2
    assert max(len(sentence) for sentence in recorder.seen) < 60
    assert len(recorder.seen) == 2  # the line that is only a URL never reached the model


def test_a_placeholder_the_model_drops_is_not_lost():
    class Forgetful:
        def translate_batch(self, sentences):
            return ["Look at the site." for _ in sentences]

    [result] = ProtectedTranslator(Forgetful()).translate_batch(["Kijk op https://x.nl/a voor meer."])
    assert result == "Look at the site. https://x.nl/a"


def test_placeholders_never_collide_with_the_text():
    masked = mask("Zie https://x1.nl en https://echt.nl/pagina.")
    assert [span for _, span in masked.spans] == ["https://x1.nl", "https://echt.nl/pagina"]
    assert len({placeholder for placeholder, _ in masked.spans}) == 2
    assert masked.restore(masked.text) == "Zie https://x1.nl en https://echt.nl/pagina."


def test_many_spans_in_one_sentence_are_each_restored():
    handles = [f"@persoon{n}" for n in range(12)]
    sentence = "Met " + ", ".join(handles) + " en anderen."
    [result] = ProtectedTranslator(Recorder()).translate_batch([sentence])
    assert result == "MET " + ", ".join(handles) + " EN ANDEREN."


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab Z1.:/@#-_w") + ["www.", "://", "x" * 40]), max_size=40).map("".join))
def test_the_quick_scan_never_hides_a_span(text):
    assert find_spans(text) == scan_spans(text)

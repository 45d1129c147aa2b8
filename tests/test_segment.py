import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate import split_paragraphs, split_sentences

CASES = [
    ("Hij sprak o.a. met dhr. Jansen over de plannen. Daarna vertrok hij.",
     ["Hij sprak o.a. met dhr. Jansen over de plannen.", "Daarna vertrok hij."]),
    ("Prof. dr. De Vries gaf ca. 20 lezingen, d.w.z. elke week een. Dat was veel.",
     ["Prof. dr. De Vries gaf ca. 20 lezingen, d.w.z. elke week een.", "Dat was veel."]),
    ("De vergadering begint om 14.30 uur. Iedereen is welkom.",
     ["De vergadering begint om 14.30 uur.", "Iedereen is welkom."]),
    ("Het ongeluk gebeurde om 12u19 in Gent. De politie was snel ter plaatse.",
     ["Het ongeluk gebeurde om 12u19 in Gent.", "De politie was snel ter plaatse."]),
    ('"Dit is onaanvaardbaar," zei de minister. "We gaan het onderzoeken."',
     ['"Dit is onaanvaardbaar," zei de minister.', '"We gaan het onderzoeken."']),
    ("„Dit is onaanvaardbaar”, zei de minister. Hij was boos.",
     ["„Dit is onaanvaardbaar”, zei de minister.", "Hij was boos."]),
    ("Mr. Rutte en mw. Ollongren e.a. waren aanwezig. Het werd laat.",
     ["Mr. Rutte en mw. Ollongren e.a. waren aanwezig.", "Het werd laat."]),
    ("De stalling is bijna vol. Dat meldt de gemeente.", ["De stalling is bijna vol.", "Dat meldt de gemeente."]),
    ("Dat wist ik al. Echt waar.", ["Dat wist ik al.", "Echt waar."]),
    ("De omzet steeg met 3.5 procent t.o.v. vorig jaar. Ook de winst steeg.",
     ["De omzet steeg met 3.5 procent t.o.v. vorig jaar.", "Ook de winst steeg."]),
    ("Wat denk je? Ik weet het niet! Misschien morgen.", ["Wat denk je?", "Ik weet het niet!", "Misschien morgen."]),
    ("Kabinet valt over stikstof\nDe regering is gevallen.", ["Kabinet valt over stikstof", "De regering is gevallen."]),
    ("De gemeente onderzoekt:\n- een extra stalling;\n- betere handhaving.",
     ["De gemeente onderzoekt:", "- een extra stalling;", "- betere handhaving."]),
    ("Dit is een lange regel tekst die netjes is afgebroken op zeventig tekens\nEn die hier verder gaat.",
     ["Dit is een lange regel tekst die netjes is afgebroken op zeventig tekens En die hier verder gaat."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dutch_sentences(text, expected):
    assert split_sentences(text) == expected


def test_paragraphs_are_separated_by_blank_lines():
    assert split_paragraphs("Eén.\nTwee.\n\n  \nDrie.") == ["Eén.\nTwee.", "Drie."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_never_loses_text_on_random_unicode(text):
    assert " ".join(split_sentences(text)) == " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Dhr.", "o.a.", "vol.", "Dat", "is", "14.30", "12u19", "„Ja”,", "zei", "hij.",
                                 "\n", "\n\n", "- ", "?", "!", "Bron:", "ANP", "e.a.", "al."]), max_size=60))
def test_never_loses_text_on_news_like_tokens(tokens):
    text = " ".join(tokens)
    assert " ".join(split_sentences(text)) == " ".join(text.split())

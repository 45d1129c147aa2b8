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
    # multi-sentence quotations, in every quoting style Dutch papers use
    ("‘We doen niets. We wachten af. Dat is genoeg.’ Daarna vertrok ze.",
     ["‘We doen niets.", "We wachten af.", "Dat is genoeg.’", "Daarna vertrok ze."]),
    ("„Het paard heeft alles gegeven. Dan krijg je dit.” Romp bleef positief.",
     ["„Het paard heeft alles gegeven.", "Dan krijg je dit.”", "Romp bleef positief."]),
    ("Ook bondscoach Romp was content. ,,Wat vandaag gebeurde, was een ontlading. Dat voelde goed.'' Hij lachte.",
     ["Ook bondscoach Romp was content.", ",,Wat vandaag gebeurde, was een ontlading.", "Dat voelde goed.''",
      "Hij lachte."]),
    ("Hij zei: \"Ik kom morgen. Misschien later. Wie weet. Zij knikte.",  # the quote never closes
     ["Hij zei: \"Ik kom morgen.", "Misschien later.", "Wie weet.", "Zij knikte."]),
    ("Het voelde goed aan. '' En ja, hij was tevreden.", ["Het voelde goed aan. ''", "En ja, hij was tevreden."]),
    ("„Dit is het einde.” zei hij. Iedereen zweeg.", ["„Dit is het einde.” zei hij.", "Iedereen zweeg."]),
    ("De minister reisde naar de VS. Daar sprak hij met de president.",
     ["De minister reisde naar de VS.", "Daar sprak hij met de president."]),
    ("Nederland stemde tegen in de EU. Het voorstel ging toch door.",
     ["Nederland stemde tegen in de EU.", "Het voorstel ging toch door."]),
    ("Volgens J. Jansen en o.a. De Telegraaf kwam de brief van dhr. Pietersen.",
     ["Volgens J. Jansen en o.a. De Telegraaf kwam de brief van dhr. Pietersen."]),
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


def test_recall_at_sentence_joins_on_flores():
    """FLORES lines are joined five at a time; the splitter must cut at >= 97% of the joins."""
    import sys

    from tests_helpers import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from segmentation import FLORES, flores_paragraphs, score

    if not FLORES.is_file():
        pytest.skip(f"{FLORES} is not here (it lives in ../shared/eval)")
    assert score(flores_paragraphs())["recall"] >= 0.97

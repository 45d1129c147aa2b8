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


# A full stop after an abbreviation, a unit, an initial or a list marker: where Dutch news text ends
# a sentence there and where it goes on.
ABBREVIATION_CASES = [
    # units end a sentence before a capital, and go on before lower case
    ("De wedstrijd begint om 14.00 u. Daarna volgt een receptie.",
     ["De wedstrijd begint om 14.00 u.", "Daarna volgt een receptie."]),
    ("De wedstrijd begint om 14.00 u. in de zaal.", ["De wedstrijd begint om 14.00 u. in de zaal."]),
    ("De trein vertrekt om 8 u. 's Avonds rijdt er geen.", ["De trein vertrekt om 8 u.", "'s Avonds rijdt er geen."]),
    ("Dank u. Tot ziens.", ["Dank u.", "Tot ziens."]),
    ("Hij liep 100 m. Daarna stopte hij.", ["Hij liep 100 m.", "Daarna stopte hij."]),
    ("De film duurt 90 min. Daarna volgt een debat.", ["De film duurt 90 min.", "Daarna volgt een debat."]),
    ("De film duurt 90 min. in totaal.", ["De film duurt 90 min. in totaal."]),
    ("Hij liep de 100 meter in 9,8 sec. Dat is een record.",
     ["Hij liep de 100 meter in 9,8 sec.", "Dat is een record."]),
    ("Het traject is 12 km. De weg is afgesloten.", ["Het traject is 12 km.", "De weg is afgesloten."]),
    ("Het boek telt 300 blz. Het is dik.", ["Het boek telt 300 blz.", "Het is dik."]),
    ("Zie blz. 12 en blz. XII. Daar staat het.", ["Zie blz. 12 en blz. XII.", "Daar staat het."]),
    ("Appels, peren enz. De prijzen stijgen.", ["Appels, peren enz.", "De prijzen stijgen."]),
    ("Appels, peren etc. Dat is duur.", ["Appels, peren etc.", "Dat is duur."]),
    ("Appels, peren enz. en ze zijn duur.", ["Appels, peren enz. en ze zijn duur."]),
    ("Hij kwam op 12 jan. 2024 aan. Daarna op 3 febr. Toen was het klaar.",
     ["Hij kwam op 12 jan. 2024 aan.", "Daarna op 3 febr.", "Toen was het klaar."]),
    # "nr." and "art." introduce a number or numeral; a capital after them stays joined (ambiguous)
    ("Zie art. IV van de wet. Dat is duidelijk.", ["Zie art. IV van de wet.", "Dat is duidelijk."]),
    ("Hij woont op nr. 5. Daar is het.", ["Hij woont op nr. 5.", "Daar is het."]),
    ("Bel dit nr. Hij neemt op.", ["Bel dit nr. Hij neemt op."]),
    ("De gem. Amsterdam betaalt gem. 3000 euro. Dat is veel.",
     ["De gem. Amsterdam betaalt gem. 3000 euro.", "Dat is veel."]),
    ("Dat kost ca. 40 euro. Het is duur.", ["Dat kost ca. 40 euro.", "Het is duur."]),
    ("De partij haalde ongev. 25 procent. Vlaams Belang werd tweede.",
     ["De partij haalde ongev. 25 procent.", "Vlaams Belang werd tweede."]),
    ("Het ging naar Philips N.V. De koers steeg. Jansen B.V. gaat failliet.",
     ["Het ging naar Philips N.V.", "De koers steeg.", "Jansen B.V. gaat failliet."]),
    ("Bel tel. 010-1234567. Dan hoor je meer.", ["Bel tel. 010-1234567.", "Dan hoor je meer."]),
    ("Het gebeurde in 79 n. Chr. Toen brak de Vesuvius uit.",
     ["Het gebeurde in 79 n. Chr.", "Toen brak de Vesuvius uit."]),
    ("Het gebeurde in 300 v.Chr. De stad werd verwoest.", ["Het gebeurde in 300 v.Chr.", "De stad werd verwoest."]),
    # titles come before a name; "jr." comes after one and can end a sentence
    ("Hij sprak met o.a. prof.dr. Jansen. Die was blij.", ["Hij sprak met o.a. prof.dr. Jansen.", "Die was blij."]),
    ("Dat zei Martin Luther King jr. Hij was een groot man.",
     ["Dat zei Martin Luther King jr.", "Hij was een groot man."]),
    ("Hij woont in de St. Jansstraat. Daar is het rustig.", ["Hij woont in de St. Jansstraat.", "Daar is het rustig."]),
    # initials, and a capital letter that ends a sentence
    ("Mr. dr. W. Bos sprak. Ook prof. A. Smit was er.", ["Mr. dr. W. Bos sprak.", "Ook prof. A. Smit was er."]),
    ("Volgens K. De Gucht en W.A.M. Bos is het goed.", ["Volgens K. De Gucht en W.A.M. Bos is het goed."]),
    ("Het kabinet kiest voor plan B. Dat bleek een goed idee.",
     ["Het kabinet kiest voor plan B.", "Dat bleek een goed idee."]),
    ("Hij reisde naar de V.S. Daar sprak hij met J.P. Balkenende.",
     ["Hij reisde naar de V.S.", "Daar sprak hij met J.P. Balkenende."]),
    ('Ook J.P. "The Big Bopper" Richardson kwam om. Het was 1959.',
     ['Ook J.P. "The Big Bopper" Richardson kwam om.', "Het was 1959."]),
    # English summaries go through the same rules
    ("It is the largest community in the U.S. Since 2007 more have left. It is pop art. The end.",
     ["It is the largest community in the U.S.", "Since 2007 more have left.", "It is pop art.", "The end."]),
    # a web address and numbers with dots end a sentence; an age after a comma is no list marker
    ("Kijk op www.nos.nl. Daar staat alles.", ["Kijk op www.nos.nl.", "Daar staat alles."]),
    ("Het kost 1.200 euro. Dat is veel.", ["Het kost 1.200 euro.", "Dat is veel."]),
    ("Japan won met 2 - 0. Ono komt naar Rotterdam.", ["Japan won met 2 - 0.", "Ono komt naar Rotterdam."]),
    ("Het gaat om Zachary Cuddeback, 21. Hij reed.", ["Het gaat om Zachary Cuddeback, 21.", "Hij reed."]),
    ("Kies uit: a. De eerste optie; b. De tweede optie. Dat is alles.",
     ["Kies uit: a. De eerste optie; b. De tweede optie.", "Dat is alles."]),
    ("Opties:\na) De eerste\nb) De tweede\nc. De derde\n(d) De vierde",
     ["Opties:", "a) De eerste", "b) De tweede", "c. De derde", "(d) De vierde"]),
    ("Het begint om 14.00\nu. in de zaal", ["Het begint om 14.00 u. in de zaal"]),
    # elided articles, ellipses, quotes in brackets, agency credits
    ("Het is half elf ’s avonds. ’s Morgens is het druk.", ["Het is half elf ’s avonds.", "’s Morgens is het druk."]),
    ("Hij zei: \"Ik kom.\" 't Is goed zo.", ["Hij zei: \"Ik kom.\"", "'t Is goed zo."]),
    ("Wacht maar… Het komt goed. Echt?! Ja... echt.", ["Wacht maar…", "Het komt goed.", "Echt?!", "Ja... echt."]),
    ("Hij was boos (,,Dit pik ik niet!''). Daarna vertrok hij.",
     ["Hij was boos (,,Dit pik ik niet!'').", "Daarna vertrok hij."]),
    ("De politie hield een man aan. (ANP) Hij is 45.", ["De politie hield een man aan. (ANP)", "Hij is 45."]),
    ("De politie hield een man aan. (ANP)", ["De politie hield een man aan. (ANP)"]),
    ("AMSTERDAM (ANP) - De politie hield een man aan. Dat meldt de politie.",
     ["AMSTERDAM (ANP) - De politie hield een man aan.", "Dat meldt de politie."]),
    ("Het voelde goed aan. ''", ["Het voelde goed aan. ''"]),
    # punctuation alone is no sentence: it goes with the one that follows, or at the end the one before
    ('"Wat als we scheiden," zei hij. " Ik vraag het."', ['"Wat als we scheiden," zei hij.', '" Ik vraag het."']),
    ("Hij zweeg. ... Toen ging hij. —", ["Hij zweeg.", "... Toen ging hij. —"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES + ABBREVIATION_CASES)
def test_dutch_sentences(text, expected):
    assert split_sentences(text) == expected


QUOTES = [('"', '"'), ("'", "'"), ("„", "”"), ("‘", "’"), ("“", "”"), (",,", "''"), ("«", "»")]
ATTRIBUTIONS = ["zei hij.", "zei ze.", "aldus de burgemeester.", "vertelt Jansen.", "zei Jansen jr.",
                "zegt hij tegen RTL Z.", "vroeg ze aan dhr. Jansen."]


@pytest.mark.parametrize(("opening", "closing"), QUOTES)
@pytest.mark.parametrize("attribution", ATTRIBUTIONS)
@pytest.mark.parametrize("template", ["{o}Dit is het einde,{c} {a}", "{o}Dit is het einde{c}, {a}"])
def test_a_quotation_after_an_attribution_starts_a_sentence(opening, closing, attribution, template):
    first = template.format(o=opening, c=closing, a=attribution)
    second = f"{opening}Einde verhaal.{closing}"
    text = f"Het was stil. {first} {second} Iedereen ging naar huis."
    assert split_sentences(text) == ["Het was stil.", first, second, "Iedereen ging naar huis."]


@pytest.mark.parametrize(("opening", "closing"), QUOTES)
def test_a_quotation_after_an_attribution_starts_a_sentence_after_an_unclosed_quote(opening, closing):
    """A quote that never closes earlier in the paragraph made sentencex cut between the next opening
    quote and its word ('zei ze. "|Einde'), which hid the sentence end."""
    first, second = f"{opening}Dit is het einde,{closing} zei ze.", f"{opening}Einde verhaal.{closing}"
    assert split_sentences(f"Hij zei: {opening}Het is voorbij. {first} {second}")[-2:] == [first, second]


def test_paragraphs_are_separated_by_blank_lines():
    assert split_paragraphs("Eén.\nTwee.\n\n  \nDrie.") == ["Eén.\nTwee.", "Drie."]


def test_a_long_paragraph_splits_like_its_parts():
    """Every rule reads a few words around a full stop, so a paragraph of 200 copies gives 200 times the
    sentences of one (the rules read windows of the text, which keeps a long paragraph linear)."""
    one = ('Kies uit: a. De eerste optie. Hij sprak o.a. met dhr. W. Bos om 14.00 u. in de zaal. '
           '"Dit is het einde," zei Jansen jr. "Einde verhaal." Het begint om 20 u. Daarna volgt een receptie.')
    assert split_sentences(" ".join([one] * 200)) == split_sentences(one) * 200


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_never_loses_text_on_random_unicode(text):
    assert " ".join(split_sentences(text)) == " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Dhr.", "o.a.", "vol.", "Dat", "is", "14.30", "12u19", "„Ja”,", "zei", "hij.",
                                 "\n", "\n\n", "- ", "?", "!", "Bron:", "ANP", "e.a.", "al.", "u.", "B.", "nr.",
                                 "XII", "'s", "’s", "''", "(ANP)", "a)", "c.", "www.nos.nl.", "21.", ":", "…"]),
                max_size=60))
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

"""Plain text from newsrooms' own systems: wire copy with its header and end marks, a press database's print of it,
an e-paper page through pdftotext, a broadcast item's transcript.

The articles in tests/data/layouts/ are invented for these tests in the shapes these systems give. What a system adds
(story numbers, desks, print stamps, page numbers, speakers' labels) goes to fields and never into the text.
"""

import pytest

from newsdigest import load_articles
from tests_helpers import LAYOUTS, only


@pytest.mark.parametrize(("name", "title", "date", "time", "source", "first", "last"), [
    # a wire header on one line, its parts set apart by runs of spaces, bars or tabs (the story's number, the desk,
    # the time it was filed, the priority and the length), a slug line, the "=" end mark and the editors' initials
    ("wire-anp-one-line-header.txt", "Rotterdamse haven vangt containers op van stakend Antwerpen", "2025-09-18",
     "14:07", "ANP", "De haven van Rotterdam heeft de afgelopen week ruim tienduizend extra containers verwerkt.",
     "pensioenplannen van de Belgische regering."),
    ("wire-belga-bar-header-initials.txt", "Liers begijnhof krijgt nieuwe verlichting na klachten van bewoners",
     "2025-03-11", "14:22", "Belga", "Het begijnhof van Lier krijgt tegen de zomer nieuwe straatverlichting.",
     "zegt schepen Marleen Wouters."),
    ("wire-single-spaced-header.txt", "Tekort aan leraren in het basisonderwijs loopt verder op", "2025-06-02", "09:31",
     "ANP", "Het tekort aan leraren in het basisonderwijs is het afgelopen jaar verder opgelopen.",
     "vaker onbevoegde invallers in."),
    # the agency's masthead line above the story: its name with the service's words and desks, never the headline
    ("wire-masthead-agence-language-desk-crlf.txt", "Zeebrugse strandcabines verhuizen naar de nieuwe zeedijk",
     "2026-02-03", "15:20", "Belga", "De zestig strandcabines van Zeebrugge krijgen volgende zomer een plaats",
     "hoger en droger, zegt schepen Pieter Marechal."),
    ("wire-masthead-service-desks.txt", "Bouw van huurwoningen in Flevoland ligt stil door netcongestie", "2026-02-04",
     "09:12", "Novum", "In Flevoland liggen de plannen voor ruim 2400 huurwoningen stil", "pas in 2029 is uitgebreid."),
    ("wire-masthead-english-service.txt", "Nederlandse chipmachinemaker ziet orders uit China verder dalen", None, None,
     "Reuters", "De orders uit China bij de Nederlandse chipmachinemaker", "bijna de helft een jaar eerder."),
    # the story's number names the agency where the dateline names none
    ("wire-novum-tab-header-no-agency-dateline.txt", "Kabinet wil snelheid op provinciale wegen niet verlagen",
     "2025-04-12", "08:15", "Novum", "Het kabinet voelt niets voor een lagere maximumsnelheid op provinciale wegen.",
     "dat ongelukken voorkomt."),
    # a telex in the IPTC 7901 layout: the start and end of the message, the service's header line (number,
    # priority, category, words), the slug, the filing time as a date-time group in GMT
    ("wire-iptc-telex-afp.txt", "Franse treinen rijden weer na driedaagse staking", "2025-09-18", "16:07", "AFP",
     "In Frankrijk rijden de treinen sinds donderdagochtend weer volgens de dienstregeling.",
     "tijdens de staking geschrapt."),
    # a press database's print of wire copy: its print stamp set apart by spaces, the agency's copyright and the
    # database's notice under the text
    ("gopress-print-belga-wire-copy.txt", "Vlaamse scholen krijgen extra geld voor het onderhoud van hun gebouwen",
     "2024-11-19", None, "Belga", "De Vlaamse regering trekt volgend jaar 120 miljoen euro extra uit",
     "vinden het bedrag niet genoeg."),
    ("gopress-print-english-interface-tab.txt", "Gentse haven wil tweede sluis tegen 2032", "2025-05-08", None,
     "De Morgen", "North Sea Port wil tegen 2032 een tweede grote zeesluis bouwen in Terneuzen.",
     "wie wat betaalt."),
    # a document's page copied whole from a press database's web app: the app's name and buttons above the paper's
    # name, the day, the page, the section and the length
    ("gopress-app-copy-french-buttons.txt", "Leuvense studenten krijgen voortaan korting op de bus naar de campus",
     "2026-01-14", None, "De Standaard", "Studenten in Leuven betalen vanaf februari de helft minder",
     "met de auto naar de les."),
    ("database-app-english-buttons-section-day-page.txt", "Gentse Watersportbaan krijgt nieuw botenhuis voor roeiclubs",
     "2026-01-12", None, "Het Nieuwsblad", "Het nieuwe botenhuis aan de Watersportbaan in Gent gaat in april open.",
     "2,4 miljoen euro voor het gebouw."),
    # a press database's export: the section, the day and the page on one line under the paper's name
    ("belgapress-section-day-page-line.txt", "Antwerpse diamantsector verliest opnieuw banen", "2026-01-16", None,
     "De Standaard", "De diamantsector in Antwerpen heeft vorig jaar ruim 300 banen verloren.",
     "de opmars van labodiamanten."),
    # pdftotext of an e-paper page: the page number alone above the kicker (a place in capitals, a section), the
    # day and the paper, a headline broken over lines with its subhead under it, the reporter's name and the place
    ("pdftotext-page-number-kicker-subhead.txt", "Stadsbussen Breda rijden vanaf de zomer op waterstof", "2025-03-12",
     None, "BN DeStem", "De stadsbussen in Breda rijden vanaf de zomer op waterstof.", "Het Rijk betaalt een derde."),
    ("pdftotext-page-number-section-byline-place.txt", "MVV krijgt na jaren wachten een nieuwe tribune", "2025-04-05",
     None, "De Limburger", "MVV krijgt voor het nieuwe seizoen een nieuwe hoofdtribune.",
     "plaats voor 4200 toeschouwers."),
    # a broadcast item's transcript: the bulletin, the item's place in it and its length, the subject as the
    # headline; the speakers' labels open their turns
    ("transcript-radio-item-speaker-roles.txt", "Hasseltse Kolonel Dusartplein wordt autovrij", "2025-03-07", None,
     "Radio 2 Limburg", "Het Kolonel Dusartplein in Hasselt wordt vanaf september autovrij.",
     "op twee minuten wandelen."),
    ("transcript-named-speakers-roles.txt", "Amersfoort krijgt eerste zelfrijdende buurtbus", "2025-03-18", "17:30",
     "RTV Utrecht", "In Amersfoort rijdt vanaf volgende week de eerste zelfrijdende buurtbus van de provincie.",
     "Ook bij duiven."),
    ("transcript-diarized-speaker-numbers.txt", "Veerdienst Kinderdijk vaart weer na storing", "2025-04-14", None,
     "Rijnmond", "De waterbus naar Kinderdijk vaart weer.", "alleen met de bus naar de molens."),
    # the item's place in the rundown before its subject, the headline; the day it went on air; the speakers' labels
    # in capitals alone after the time code, above what they said
    ("transcript-item-headline-stamped-labels.txt", "Eindhovense binnenstad krijgt elke maand een autovrije zondag",
     "2026-01-20", "17:30", "Omroep Brabant", "In Eindhoven is de binnenstad vanaf maart elke eerste zondag",
     "De eerste autovrije zondag is op 1 maart."),
    # a transcription tool's export: the speaker and the time on a line of their own above what they said
    ("transcript-speaker-time-lines.txt", "Zwolle schrapt gratis parkeren op zaterdag", "2025-05-24", None, "RTV Oost",
     "Het gratis parkeren op zaterdag in de Zwolse binnenstad verdwijnt.", "De maatregel gaat in op 1 juli."),
    # names in the text's own type are speakers where the header names the broadcaster and when it was on air
    ("transcript-broadcast-header-named-turns.txt", "Dordrecht opent waterbushalte bij het Energiehuis", "2025-06-10",
     "18:10", "Rijnmond", "Dordrecht heeft er sinds vandaag een waterbushalte bij", "De waterbus stopt er elk half uur."),
])
def test_title_date_source_and_text_of_newsroom_systems_copy(name, title, date, time, source, first, last):
    article = only(load_articles([LAYOUTS / name]))
    assert (article.title, article.date, article.time, (article.source or "").lower()) == (
        title, date, time, source.lower())
    body = " ".join(article.body.split())
    assert body.startswith(first) and body.endswith(last), article.body


@pytest.mark.parametrize(("name", "absent"), [
    ("wire-anp-one-line-header.txt", ["ANP-2025", "PRIO", "WOORDEN", "ECONOMIE", "(ANP)", "\n=", "(c) ANP"]),
    ("wire-belga-bar-header-initials.txt", ["BLG-", "PRIO", "woorden", "LIER-BEGIJNHOF", "(BELGA)", "JVD/MVE", "\n="]),
    ("wire-novum-tab-header-no-agency-dateline.txt", ["NOV-", "Prioriteit", "DEN HAAG", "\n="]),
    ("wire-iptc-telex-afp.txt", ["ZCZC", "AFP0877", "FRANKRIJK-SPOOR", "GMT", "NNNN", "(AFP)"]),
    ("gopress-print-belga-wire-copy.txt", ["GoPress", "Afgedrukt", "SDK/TVH", "Copyright", "verspreid"]),
    ("gopress-print-english-interface-tab.txt", ["GoPress", "Printed", "Pagina", "Bart Verhulst", "distributed"]),
    ("pdftotext-page-number-kicker-subhead.txt", ["BREDA", "BN DeStem", "Tien nieuwe bussen vervangen", "Koen de Bruijn",
                                                  "Breda\n"]),
    ("pdftotext-page-number-section-byline-place.txt", ["21", "Sport", "De Limburger", "De club betaalt", "Hermans",
                                                        "MAASTRICHT"]),
    ("transcript-radio-item-speaker-roles.txt", ["Item", "duur", "Onderwerp", "NIEUWSLEZER", "REPORTER", "HANDELAAR",
                                                 "[jingle]", "[00:"]),
    ("transcript-named-speakers-roles.txt", ["Onderwerp", "Anouk Brink (presentator):", "(wethouder):", "[gelach]"]),
    ("transcript-diarized-speaker-numbers.txt", ["SPEAKER", "WhisperX"]),
    ("transcript-speaker-time-lines.txt", ["Marieke Jansen", "Henk Bos", "0:"]),
    ("transcript-item-headline-stamped-labels.txt", ["Fragment", "PRESENTATOR", "VERSLAGGEVER", "MONIQUE", "EINDE"]),
    ("transcript-broadcast-header-named-turns.txt", ["Presentator:", "Van Dam:"]),
    ("wire-single-spaced-header.txt", ["ANP-2025", "BINNENLAND", "09:31", "\n="]),
    ("gopress-app-copy-french-buttons.txt", ["GoPress", "Rechercher", "Retour", "3 sur 22", "Précédent", "PDF",
                                            "Ajouter", "Pagina", "Binnenland", "woorden", "Mediahuis", "Sara"]),
    ("database-app-english-buttons-section-day-page.txt", ["Press Archive", "Search", "results", "Document 2",
                                                           "Download", "folder", "Regio Gent", "pagina"]),
    ("belgapress-section-day-page-line.txt", ["Economie &", "p. 27", "woorden", "Mediahuis", "BelgaPress"]),
    ("wire-masthead-agence-language-desk-crlf.txt", ["Agence", "dienst", "BRUGGE", "(BELGA)", "LDS/KVO"]),
    ("wire-masthead-service-desks.txt", ["NIEUWSDIENST", "Wonen & Bouwen", "Prioriteit", "ALMERE"]),
])
def test_what_newsroom_systems_add_never_reaches_the_text(name, absent):
    body = only(load_articles([LAYOUTS / name])).body
    assert [text for text in absent if text in body] == []


def test_a_transcripts_labels_alone_on_their_lines_go_to_the_speakers():
    article = only(load_articles([LAYOUTS / "transcript-item-headline-stamped-labels.txt"]))
    assert (article.extra["item"], article.extra["speakers"]) == ("4/7", [
        "PRESENTATOR", "VERSLAGGEVER", "MONIQUE DE BRUIN, WINKELIERSVERENIGING CENTRUM", "VERSLAGGEVER"])


def test_the_parts_of_a_wire_header_go_to_their_fields():
    anp = only(load_articles([LAYOUTS / "wire-anp-one-line-header.txt"]))
    assert (anp.extra["id"], anp.extra["dateline"]) == ("ANP-20250918-0522", "ROTTERDAM")
    assert {"ECONOMIE", "haven", "staking"} <= set(anp.tags)
    belga = only(load_articles([LAYOUTS / "wire-belga-bar-header-initials.txt"]))
    assert (belga.extra["id"], belga.extra["slug"], belga.extra["initials"]) == (
        "BLG-20250311-0456", "LIER-BEGIJNHOF", "JVD/MVE")
    telex = only(load_articles([LAYOUTS / "wire-iptc-telex-afp.txt"]))
    assert (telex.extra["id"], telex.extra["slug"], telex.published) == (
        "AFP0877", "FRANKRIJK-SPOOR-STAKING", "2025-09-18T16:07:00+02:00")
    printed = only(load_articles([LAYOUTS / "gopress-print-belga-wire-copy.txt"]))
    assert (printed.extra["database"], printed.extra["printed"], printed.extra["initials"], printed.credits) == (
        "GoPress Academic", "19/11/2024 16:40", "SDK/TVH", [])


@pytest.mark.parametrize(("name", "fields"), [
    ("gopress-app-copy-french-buttons.txt", {"database": "GoPress Academic", "page": "Pagina 12", "tags": ["Binnenland"],
                                            "author": "Sara Vandenberghe"}),
    ("belgapress-section-day-page-line.txt", {"page": "p. 27", "tags": ["Economie & Financiën"]}),
    ("pdftotext-page-number-kicker-subhead.txt", {
        "page": "3", "tags": ["BREDA"], "subtitle": "Tien nieuwe bussen vervangen de dieselvloot op drie lijnen",
        "author": "Koen de Bruijn", "dateline": "Breda"}),
    ("pdftotext-page-number-section-byline-place.txt", {"page": "21", "author": "Ruud Hermans", "dateline": "MAASTRICHT"}),
    # a photo's caption over a narrow column with its credit in capitals under the headline is no byline block
    ("pdftotext-caption-credit-under-headline.txt", {"page": "17", "author": None, "subtitle": None}),
])
def test_an_e_paper_pages_number_kicker_subhead_and_reporter_go_to_their_fields(name, fields):
    article = only(load_articles([LAYOUTS / name]))
    got = {key: getattr(article, key) if key in ("tags", "author") else article.extra.get(key) for key in fields}
    assert got == fields


@pytest.mark.parametrize("line", ["Nieuwe veerpont voor Woudrichem", "TUNNEL-DICHT", "Een 8 voor de nieuwe bibliotheek",
                                  "ANP stopt met nieuwsdienst in het Fries", "Belga-dienst verhuist naar Brussel-Noord"])
def test_a_headline_is_never_taken_for_a_wire_header_slug_or_page_number(tmp_path, line):
    (tmp_path / "a.txt").write_text(f"{line}\n\nDe gemeente heeft dinsdag een besluit genomen over de plannen.\n",
                                    encoding="utf-8")
    assert only(load_articles([tmp_path / "a.txt"])).title == line

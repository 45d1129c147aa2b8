"""Real-world layouts of Dutch news: crawler leftovers in plain text, front matter, JSON dumps, saved pages.

The articles in tests/data/layouts/ are written for these tests in the shapes found in the wild.
Metadata must land in fields and never in the body that gets translated.
"""

import json

import pytest

from newsdigest import Article, Failure, InputSettings, load_articles
from tests_helpers import LAYOUTS, invoke_tiny, only


@pytest.mark.parametrize(("name", "title", "date", "time", "source", "author", "first"), [
    ("crawl-label-nu.txt", "Kabinet wil strengere regels voor flitskredieten", "2024-03-12", "14:05", "ANP", None,
     "Het kabinet wil consumenten beter beschermen tegen flitskredieten."),
    # ANP News API: the feed's UUID in "source", the agencies in the dateline, first issued before this version
    ("anp-news-api-item.json", "Koffiebrander Douwe Egberts verhoogt prijzen opnieuw", "2024-03-14", "22:55", "AFN",
     "Sanne Verbeek (sve)", "Koffiebrander Douwe Egberts verhoogt de prijzen van zijn koffie per 1 april"),
    ("live-label-byline.txt", "Kamer debatteert over stikstofplannen", "2024-02-16", "12:19", None, "Eva Janssen",
     "De Tweede Kamer debatteert vandaag over de nieuwe stikstofplannen van het kabinet."),
    ("belga-glued.txt", "Deze Gentse bakker bakt al veertig jaar hetzelfde brood", "2023-04-17", "06:30", "Belga",
     "Van onze correspondent in Gent", "De Gentse bakker Marc De Smet staat al veertig jaar elke nacht om drie uur op."),
    ("column-source-glued.txt", "Waarom de trein altijd te laat lijkt", "2023-11-02", None, "NOS", "Jan de Vries",
     "De NS reed vorig jaar 91 procent van de treinen op tijd."),
    ("jekyll-post.md", "Rotterdam opent grootste drijvende park van Europa", "2023-06-21", "09:30", "Rijnmond", None,
     "De gemeente Rotterdam heeft woensdag het grootste drijvende park van Europa geopend."),
    ("hugo-post.md", "Utrecht verbiedt vuurwerk in de binnenstad", "2023-12-01", "16:45", "Redactie RTV Utrecht",
     "Redactie RTV Utrecht", "De gemeenteraad van Utrecht heeft ingestemd met een vuurwerkverbod in de binnenstad."),
    ("obsidian-note.md", "Waterschap sluit dijk af na hevige regen", "2024-01-05", "07:15", "Omroep Gelderland", None,
     "Het waterschap Rivierenland heeft vrijdagochtend de dijk bij Tiel afgesloten voor verkeer."),
    ("broken-yaml.md", "Rutte: we gaan door tot de verkiezingen", "2023-07-14", None, None, None,
     "Premier Rutte zegt dat het kabinet demissionair doorgaat tot de verkiezingen in november."),
    ("page.html", "Nieuwe tram naar Uithoorn rijdt vanaf zondag", "2024-07-18", "06:00", "Het Parool", "Tim Bakker",
     "Vanaf zondag rijdt de Amstelveenlijn door naar Uithoorn."),
    ("outlet-name-opens-body.txt", "Waarom we allemaal te weinig slapen", "2024-05-03", "06:00", "NRC",
     "Annemiek Hoogenboom", "NOS Jeugdjournaal begint volgende week met een serie over slaap."),
    ("crawler-update-date-outlet.txt", "Antwerpen legt extra fietsenstallingen aan bij Centraal Station", "2024-09-05",
     "07:45", "Gazet van Antwerpen", "Sofie Peeters",
     "Bij het Centraal Station in Antwerpen komen tweeduizend extra plaatsen voor fietsen."),
    ("outlet-bar-date-quoted-title.txt", "Veerpont Zwolle vaart tot eind augustus niet door lage waterstand",
     "2024-08-14", "16:40", "De Stentor", None, "De veerpont over de IJssel bij Zwolle vaart voorlopig niet."),
    ("crawler-header-nu.txt", "Kabinet trekt extra geld uit voor jeugdzorg", "2024-05-14", "06:31", "ANP", None,
     "Het kabinet trekt komend jaar 450 miljoen euro extra uit voor de jeugdzorg."),
    ("agency-slash-outlet.txt", "Waterschap verhoogt heffing met tien procent", None, None, "ANP", None,
     "Het waterschap Vallei en Veluwe verhoogt de heffing volgend jaar met tien procent."),
    ("own-reporter-byline.txt", "Rotterdam krijgt eerste drijvende school van Europa", "2024-04-22", "16:05", "AD",
     "Kees Bakker", "In de Rijnhaven komt de eerste drijvende school van Europa."),
    ("byline-bar-date.txt", "Hoe een Gentse bakker de wereld veroverde", "2024-01-17", "17:45", None, "Jef Van Hoof",
     "De Gentse bakker Pieter De Smet opende dertig jaar geleden een kleine winkel in de Overpoort."),
    ("share-line.txt", "Gemeente Arnhem wil meer groen in de binnenstad", "2024-04-03", "11:20", "Omroep Gelderland",
     None, "De gemeente Arnhem wil de komende vijf jaar twintig pleinen vergroenen."),
    # the outlet's (or wire's) name on lines above the headline, with sections, places and dates
    ("outlet-section-lines.txt", "Storm rukt dakpannen van huizen in Middelburgse binnenstad", "2024-02-12", "08:31",
     "Omroep Zeeland", None, "De storm van afgelopen nacht heeft in de binnenstad van Middelburg tientallen daken"),
    ("outlet-bar-section-date.txt", "Mediapark krijgt eigen fietsbrug over het spoor", "2024-04-04", None,
     "De Gooi- en Eemlander", "Sanne Bakker", "Het Mediapark in Hilversum krijgt een fietsbrug over het spoor"),
    ("wire-service-header.txt", "Parijs: metrolijn 14 rijdt voortaan tot aan Orly", "2024-05-02", "14:10", "AFP", None,
     "De Parijse metrolijn 14 rijdt sinds donderdag tot aan luchthaven Orly."),
    ("outlet-dash-section-bom-crlf.txt", "Een dag op de laatste veerpont van de Schelde", "2024-04-03", "17:45",
     "Het Nieuwsblad", "Tom Claes", "Om zes uur 's ochtends start schipper Luc De Wolf de motor van de veerpont"),
    ("crawl-site-field.txt", "Nieuwe elektrische pont vaart over het IJ", "2024-04-01", "19:20", "AT5", None,
     "Over het IJ vaart sinds maandag een nieuwe elektrische pont tussen Centraal Station en Buiksloterweg."),
    ("outlet-line-region-published.txt", "Leidse Hout krijgt nieuwe speeltuin met waterpartij", "2024-03-09", "11:05",
     "Leidsch Dagblad", None, "In de Leidse Hout komt deze zomer een nieuwe speeltuin met een waterpartij."),
    # image captions that end in their credit, template tags, a label in a front-matter title
    ("caption-under-image.md", "Geef de binnenstad terug aan de fietser", "2024-03-07", "08:00", "Leidsch Dagblad",
     "Marieke Vos", "Wie op zaterdag door de Breestraat fietst, weet dat het centrum niet voor fietsers is ingericht."),
    ("hugo-shortcodes.md", "Vlissingen opent vernieuwde boulevard", "2024-04-12", "10:00", "Omroep Zeeland", None,
     "De vernieuwde boulevard van Vlissingen is vrijdag officieel geopend.\n\nHet werk kostte ruim twaalf miljoen"),
    ("clipping-photo-caption.md", "Genk krijgt overdekte markthal op de C-mine-site", "2024-03-05", None,
     "Het Belang van Limburg", None, "Op de C-mine-site in Genk komt een overdekte markthal met twintig kramen."),
    # a site known by its host is named as its <title> or logo names it; a UTC time is dated in Amsterdam
    ("site-named-in-title.html", "Veerboot Vlissingen-Breskens krijgt tweede elektrische boot", "2024-06-04",
     "00:50", "Omroep Zeeland", None, "Het voetveer tussen Vlissingen en Breskens krijgt volgend jaar"),
    # the agency in the article's "Bron: ANP" line, which text extraction drops, is the source
    ("agency-source-line.html", "Veerboot Vlissingen-Breskens krijgt tweede elektrische boot", "2024-06-04",
     "00:50", "ANP", None, "Het voetveer tussen Vlissingen en Breskens krijgt volgend jaar"),
    # a headline that reads like a name stays the headline when no other headline follows it
    ("name-like-headline.txt", "Nieuwe Maasbrug Open", None, None, None, None,
     "De nieuwe brug over de Maas bij Venlo is zaterdag na twee jaar bouwen opengegaan voor alle verkeer."),
    # pages copied as text: a skip link, menu lines, a menu bar or a two-step breadcrumb above the dated headline
    ("copied-page-menu-lines.txt", "Hengelose markt verhuist tijdelijk naar het Burgemeester Jansenplein", "2024-03-06",
     "16:20", "RTV Oost", None, "De weekmarkt van Hengelo staat vanaf april een jaar lang op het Burgemeester"),
    ("copied-page-nav-bar.txt", "Hasseltse jeneverfeesten krijgen extra dag door succes van vorig jaar", "2024-04-12",
     "07:30", "Het Belang van Limburg", None, "De Hasseltse jeneverfeesten duren dit jaar vier dagen in plaats van drie."),
    ("two-step-breadcrumb.txt", 'Jonge renster Lotte Peeters (19) uit Mol: "Ik train elke dag voor school"',
     "2024-01-16", "06:00", "Gazet van Antwerpen", "Bram Verhoeven",
     "Lotte Peeters uit Mol rijdt dit seizoen haar eerste koersen bij de elite."),
    # a wire slug line ("PRIO 2 / 312 woorden"); a crawler's rule and bare "TEXT:" label before the text
    ("wire-priority-line.txt", "Treinverkeer tussen Gent en Brugge dit weekend onderbroken", "2024-03-14", "09:52",
     "Belga", None, "Tussen Gent-Sint-Pieters en Brugge rijden zaterdag en zondag geen treinen."),
    ("crawl-rule-text-label.txt", "Apeldoorn bouwt nieuw zwembad bij De Vrijenberg", "2024-05-20", "17:45", "ANP",
     None, "Apeldoorn krijgt een nieuw zwembad naast sportpark De Vrijenberg."),
    # a clipping that names its paper and day in a closing line
    ("clipping-closing-source.txt", "Bibliotheek Sneek gaat ook op zondag open", "2024-01-23", None,
     "Leeuwarder Courant", None, "De bibliotheek in Sneek is vanaf februari ook op zondagmiddag open."),
    # a page without structured date prints it under the headline; a related-news box has other dates
    ("headline-meta-line-date.html", "Nieuwe speelplaatsen bij basisscholen in Zwolle-Zuid", "2024-04-19", None,
     "Gemeente Zwolle", None, "Vier basisscholen in Zwolle-Zuid krijgen deze zomer een groene speelplaats"),
    # a wire telex: the day after the place, "=" after the agency, the date in a closing stamp
    ("wire-telex-stamp.txt", "Havenbedrijf Antwerpen-Brugge verwerkt minder containers", "2024-04-09", "10:20",
     "Belga", None, "Het Havenbedrijf Antwerpen-Brugge heeft in het eerste kwartaal 4 procent minder containers"),
    # a print clipping's reference line above the headline: paper, day, page
    ("clipping-reference-line.txt", "Stadsbus Assen rijdt voortaan elektrisch", "2024-04-03", None,
     "Dagblad van het Noorden", "Roelof Bakker", "Alle stadsbussen in Assen rijden vanaf deze week op stroom."),
    # a crawl with the place beside the date under the headline
    ("place-date-line.txt", "Enschede krijgt een overdekte fietsenstalling bij het station", "2024-05-02", "17:30",
     "Tubantia", None, "Bij station Enschede komt een overdekte fietsenstalling voor 3000 fietsen."),
    # a forwarded e-mail: the forward header, the sender's note and the signature are no part of the article
    ("forwarded-mail.txt", "Zwembad De Vennen in Deventer gaat een jaar dicht", "2024-05-06", None, "De Stentor", None,
     "Zwembad De Vennen in Deventer sluit vanaf juni een jaar voor een grote verbouwing."),
    # a MarkDownload clipping: "created" is the clipping time and the "> ## Excerpt" quote is no text
    ("markdownload-clipping.md", "Mechelen legt fietsstraat aan langs de Dijle", "2024-03-08", "17:05",
     "Gazet van Antwerpen", "Els Peeters", "Mechelen maakt van de kaai langs de Dijle een fietsstraat. Auto's"),
    # the page's extractor repeats the <h1> with its label ("ANALYSE. ...") above the text
    ("labelled-headline-repeated.html", "Waarom de Zeeuwse veerboot steeds vaker uitvalt", "2024-06-12", "07:45",
     "PZC", "Marieke Bosman", "De fietsveerboot tussen Vlissingen en Breskens voer dit voorjaar op twaalf dagen niet."),
    # extraction tools' JSON names the site apart from the address: trafilatura's "source" is the URL and
    # "source-hostname" the site; newspaper4k's "meta_site_name" beside a person in "authors"
    ("trafilatura-json-sitename.jsonl", "Lelystad krijgt eerste zonnepark op een waterbassin", "2024-06-11", None,
     "Omroep Flevoland", "Pim Veenstra", "Op het spaarbekken bij Lelystad komt het eerste drijvende zonnepark"),
    ("newspaper4k-article.json", "Enschede sluit parkeergarage Van Heekgarage voor renovatie", "2024-10-02", "07:30",
     "Tubantia", "Hanneke Oude Nijhuis", "De Van Heekgarage in het centrum van Enschede gaat vanaf november"),
    # Hugo front matter keeps the site's own fields under [params]
    ("hugo-toml-params.md", "Zwolse binnenstad krijgt twaalf nieuwe fietsenstallingen", "2024-10-08", "07:15",
     "De Stentor", "Wouter Brinkman", "In de Zwolse binnenstad komen voor het eind van het jaar twaalf"),
    # a forward copied with its own mail header ("Onderwerp: FW: ..."): the sender's note above the client's
    # rule, the sender and the sending date are no part of the article
    ("forwarded-mail-outlook-note.txt", "Bibliotheek Almelo gaat ook op zondag open", "2024-10-08", "19:30",
     "Tubantia", "Linda Oosterhof", "De bibliotheek in het centrum van Almelo is vanaf november ook op zondagmiddag"),
    # the sender's note above the forward line, however greeted ("Dag Ingrid,"), and Apple Mail's blank line under
    # "Begin forwarded message:": the mail's date is not the article's, its subject not the headline
    ("forwarded-mail-note-above.txt", "Maasboulevard in Venlo krijgt na tien jaar eindelijk een tweede fase",
     "2024-05-14", "17:05", "De Limburger", "Rob Thijssen", "De gemeente Venlo begint in september met de tweede fase"),
    # a page copied as text with a menu of twenty lines and the buttons under the byline (Deel, Bewaar, Luister)
    ("copied-page-long-menu.txt", "Deventer opent overdekte fietsenstalling onder het Stationsplein", "2024-09-13",
     "08:15", "De Stentor", "Ilse Wijnberg", "De nieuwe fietsenstalling onder het Stationsplein in Deventer is vrijdag"),
    # a Notion export: the database properties under the # title, an audio player's clock above the text
    ("notion-export 3f9a1c7e22b84d0c9e51a6b7c8d9e0f1.md", "Arnhem zet eerste waterstofbussen in op lijn 7",
     "2024-06-12", None, "Omroep Gelderland", None, "Op lijn 7 in Arnhem rijden sinds woensdag de eerste bussen"),
    # a MarkDownload clipping whose page starts with a skip link and the byline of the front matter's author
    ("markdownload-skip-link-byline.md", "Gent knipt doorgaand verkeer door aan de Coupure", "2024-11-05", "16:12",
     "HLN", "Wouter Claeys", "Vanaf maandag kunnen auto's niet meer over de hele Coupure rijden."),
    # a wire's header block with keys of its own ("Nummer :", "Trefw. :") and its end mark
    ("wire-header-block-keys.txt", "Zeelandbrug gaat twee nachten dicht voor onderhoud", "2024-09-17", "11:05", "ANP",
     None, "De Zeelandbrug is in de nachten van 24 en 25 september afgesloten voor alle verkeer."),
    # `lynx -dump`: "[n]" link markers, "*" bullets, the <link rel> line at the top and the References list
    ("lynx-dump-references.txt", "Spoorzone Tilburg krijgt overdekte markthal", "2024-10-08", "10:05",
     "Omroep Brabant", None, "In de Spoorzone in Tilburg komt een overdekte markthal met dertig kramen."),
    # a copied page's cookie-settings link and skip link above the menu; a name in the menu ("Kerkdiensten") is
    # an item, the site is the name its host line spells out; a caption with its credit on the line below
    ("copied-page-consent-line.txt", "Glow krijgt dit jaar een extra route door Woensel", "2024-05-07", "09:12",
     "Omroep Brabant", None, "Lichtfestival Glow legt dit jaar een extra wandelroute aan door het stadsdeel Woensel."),
    ("copied-page-host-menu.txt", "Dorpshuis Kootwijkerbroek krijgt zonnepanelen op het dak", "2024-05-14", None,
     "Barneveldse Krant", "Redactie", "Het dorpshuis in Kootwijkerbroek krijgt deze zomer 120 zonnepanelen op het dak."),
    # a clipping's reference line with the page's edition, the typist's note in brackets, a subhead over the byline
    ("clipping-reference-edition.txt", "Roombeek krijgt een eigen buurtbibliotheek", "2024-04-12", None, "Tubantia",
     "Karin ter Horst", "In het oude pompgebouw in Roombeek komt deze zomer een kleine bibliotheek"),
    # a wire's header block under the story's number, with keys no reader knows ("Dienst:", "Embargo:")
    ("wire-header-block-unknown-keys.txt", "Gent: stadsbussen rijden voortaan elk kwartier naar de Zuidkaai",
     "2024-05-13", "09:05", "Belga", None, "De Lijn laat vanaf maandag elk kwartier een bus rijden"),
    # Nexis Uni's text export: title-case fields ("Byline:"), a bare "Body" line, "Load-Date:" and its end mark
    ("nexis-uni-text-export.txt", "Studenten in Groningen vinden vaker een kamer via de universiteit", "2024-04-04",
     None, "Trouw", "Femke Zandstra", "De Rijksuniversiteit Groningen heeft dit jaar voor ruim achthonderd"),
    # a lynx dump whose site is named only by the titles of the page's <link rel> list ("#[1]Trouw [2]alternate")
    ("lynx-dump-link-rel-site.txt", "Kerken in Zwolle delen voortaan hun kosters en organisten", "2024-09-18", "17:30",
     "Trouw", "Marit Bosman", "Vijf protestantse kerken in de binnenstad van Zwolle gaan hun kosters"),
    # pdftotext of an e-paper page: the running head ("Binnenland 7") above the paper's date line, the headline
    # broken over four lines above the byline
    ("pdftotext-epaper-page.txt", "Waddenveren krijgen vanaf volgend jaar elektrische boten", "2024-10-08", None,
     "Trouw", "Jelle Hoekstra", "De veerdiensten naar Texel en Vlieland varen vanaf volgend jaar met elektrische"),
    # a copied page's menu of short lines ("Radio live", "Tv gemist", "Zoek") above a headline whose reporter
    # stands under a bare "Geschreven door"; a menu on one line, its items set apart by runs of spaces, and a
    # caption under its credit line
    ("copied-page-menu-byline-label.txt", "Abdijplein krijgt weer bomen na jaren van protest", "2024-10-03", "09:17",
     "Omroep Zeeland", "Mirthe de Visser", "Op het Abdijplein in Middelburg komen volgend voorjaar weer bomen te staan."),
    ("copied-page-menu-one-line.txt", "Waterpoort in Sneek gaat een jaar in de steigers", "2024-08-21", "10:05",
     "Leeuwarder Courant", "Hylke Dijkstra", "De Waterpoort in Sneek, het symbool van de stad, staat vanaf oktober"),
    # a newsletter forwarded under a note and a rule, with its own mail header: the editors' greeting and intro
    # above the first story's heading framed by rules; the sender's address names the outlet
    ("forwarded-newsletter-intro.txt", "Herstel kademuren Prinsengracht begint eerder dan gepland", "2024-04-11", "12:00",
     "Het Parool", None, "De gemeente begint in mei al met het herstel van de kademuren langs de Prinsengracht"),
    # an article pasted into a working document between rules: the document's title, contents and notes, the
    # comment anchors ("[a]") and the article's number ("Knipsel 2") are no part of it; "Bron: Trouw, 14/02/2024"
    ("working-document-notes.txt", "Laatste dorpsschool van Sluis-Oost gaat na de zomer dicht", "2024-02-14", None,
     "Trouw", None, "De basisschool in Eede, de laatste school in het oosten van de gemeente Sluis, sluit na de"),
    # a press database's cover or search summary before the first document, whatever its keys: Nexis Uni's job
    # block and contents list, GoPress Academic's search (its name above it); the page and edition lines, the
    # rights notice
    ("nexis-uni-cover-contents.txt", "Amsterdamse pontjes varen vaker in de nacht", "2024-02-27", None, "Het Parool",
     "Sophie Welling", "De pont tussen Centraal Station en Buiksloterweg vaart vanaf april ook tussen een en zes uur"),
    ("gopress-academic-search-summary.txt", "Nieuwe tramlijn naar Wilrijk rijdt pas in 2026", "2024-01-20", None,
     "Gazet van Antwerpen", "Katrien Peeters", "De tramlijn die het Antwerpse Zuid met het centrum van Wilrijk"),
    # MarkDownload of a DPG page: the section's link above the byline and date line, "| Nijmegen |" in the headline
    ("markdownload-section-kicker.md", "Nijmeegse Waalkade krijgt volgend voorjaar een drijvend terras", "2024-10-14",
     "06:00", "De Gelderlander", "Ruud Zwart", "Aan de Waalkade in Nijmegen komt volgend voorjaar een drijvend terras"),
    # the standfirst in the article's <header>, between the headline and the text, which extraction drops
    ("standfirst-in-article-header.html", "Havenbedrijf Rotterdam stelt walstroom voor cruiseschepen uit",
     "2024-09-24", "15:20", "Het Financieele Dagblad", "Joost Brinkman",
     "Het Havenbedrijf Rotterdam schuift de aanleg van walstroom voor cruiseschepen aan de Wilhelminakade twee"),
    # a publication field named in another order or with its unit: news-please's "date_publish" without a zone
    # beside "date_download"; epoch milliseconds in "published_epoch_ms" beside "modified_epoch_ms"
    ("news-please-article.json", "Zwembad Hengelo-Noord blijft langer open na protest", "2024-10-14", "18:55",
     "Tubantia", "Sjoerd Kamphuis", "Het zwembad in Hengelo-Noord blijft nog zeker twee jaar open"),
    ("cms-epoch-millis.json", "Antwerpse bibliotheek blijft voortaan open op zondag", "2024-06-11", "07:40",
     "Gazet van Antwerpen", "Joke Peeters", "De stadsbibliotheek aan het Hendrik Conscienceplein gaat vanaf"),
    # MarkDownload of a DPG paper's page: the byline and the day with its month written out on one line
    ("markdownload-byline-word-date.md", "Zwolse basisscholen stoppen met huiswerk in groep acht", "2024-10-01",
     "17:45", "Trouw", "Merel Hoekstra", "Vier basisscholen in Zwolle geven hun leerlingen in groep acht dit"),
    # a site's byline written out ("Geschreven door ...") above its "Gepubliceerd op ..." line
    ("written-by-published-lines.txt", "Eindhovense bibliotheek leent voortaan ook gereedschap uit", "2024-09-18",
     "11:40", None, "Joris van Dongen", "De bibliotheek in Eindhoven leent vanaf oktober ook boormachines"),
    # a DPG page copied as text: the lead under the headline, then the byline and the day and time
    ("lead-above-byline-date.txt", "Spoorzone krijgt overdekte markthal met veertig kramen", "2024-06-05", "12:30",
     None, "Niels Verhoeven", "In de Tilburgse Spoorzone opent volgend voorjaar een overdekte markthal."),
    # GoPress Academic's printed article: the print date above the paper, day, edition, page and section
    ("gopress-academic-print-header.txt", "Hasselt plant fietsstraat langs de Demer", "2024-10-11", None,
     "Het Belang van Limburg", "Sofie Claes", "De stad Hasselt maakt van de kaai langs de Demer een fietsstraat."),
    # Nexis Uni: "Highlight:" above "Body" is the database's summary of the story, not its text
    ("nexis-uni-highlight.txt", "Waterschap bouwt vistrap bij stuw in de Vecht", "2024-10-09", None, "De Stentor",
     "Harm Jansen", "Waterschap Drents Overijsselse Delta bouwt deze winter een vistrap naast de stuw"),
    # Hugo's JSON front matter: an object instead of a --- or +++ block, the source under "params"
    ("hugo-json-front-matter.md", "Deventer zet boekenmarkt voort met extra kramen aan de IJssel", "2024-07-26",
     "16:15", "RTV Oost", None, "De Deventer Boekenmarkt krijgt dit jaar tweehonderd extra kramen langs de IJsselkade."),
    # a clipping's closing note naming the paper and the day, however typed: in brackets with the page, under a
    # rule after "Bron:", as "Verschenen in <paper> van <day>", after a dash with the page
    ("clipping-closing-note-page.txt", "Brugse binnenstad krijgt twaalf nieuwe fietsenstallingen", "2025-03-03", None,
     "De Standaard", None, "De stad Brugge plaatst dit voorjaar twaalf overdekte fietsenstallingen in de binnenstad."),
    ("clipping-closing-bron-rule.txt", "Haagse scholen krijgen extra geld voor schoolpleinen", "2025-03-04", None, "NRC",
     None, "Veertig basisscholen in Den Haag krijgen samen twee miljoen euro"),
    ("clipping-closing-appeared-in.txt", "Amsterdamse pont naar NDSM vaart vaker in de nacht", "2025-04-12", None,
     "Het Parool", None, "De pont tussen Centraal Station en de NDSM-werf vaart vanaf mei ook 's nachts elk half uur."),
    ("clipping-closing-dash-page.txt", "Hasselts zwembad blijft een jaar langer open", "2025-04-11", None,
     "Het Belang van Limburg", None, "Het oude stedelijke zwembad in Hasselt blijft tot de zomer van 2026 open."),
    # pdftotext of e-paper pages: a running head with the page number, paper and day (even page: number left; odd:
    # right), a foot line and the next page's head inside the text; kicker, streamer, bare byline and dateline
    # lines between headline and text; a headline broken over lines above a blank line
    ("pdftotext-running-head-even-page.txt", "Utrechtse scholieren krijgen gratis ov naar hun stage", "2025-04-12",
     None, "de Volkskrant", "Sanne Visser", "Tweehonderd mbo-leerlingen in Utrecht reizen vanaf september gratis"),
    ("pdftotext-running-head-foot-page-break.txt", "Gentse Gravensteen krijgt een lift voor rolstoelgebruikers",
     "2025-04-11", None, "De Standaard", "Pieter Van Damme", "Het Gravensteen in Gent krijgt een lift, zodat ook"),
    ("pdftotext-running-head-four-parts.txt", "Oosterpark krijgt eindelijk een openbaar toilet", "2025-04-12", None,
     "Het Parool", "Jan de Wit", "Het Oosterpark krijgt deze zomer een openbaar toilet bij de muziekkoepel."),
    # a forward whose sender's note (a greeting, a few words, a sign-off and a name) stands between the mail header
    # and the article without a rule, in Dutch or English, or with no mail header at all; a reply that quotes the
    # article in "> " lines under its "Op ... schreef ...:" line
    ("forward-note-signature-no-rule.txt", "Waalbrug gaat in de zomer zes weken dicht voor fietsers", "2025-03-03",
     "07:45", "De Gelderlander", "Marco Hendriks", "Fietsers kunnen deze zomer zes weken niet over de Waalbrug"),
    ("forward-english-note-belgian-paper.txt", "Gentse Feesten krijgen dit jaar een extra podium aan de Leie",
     "2025-04-11", "14:12", "Het Nieuwsblad", None, "De Gentse Feesten krijgen deze zomer een elfde podium"),
    ("forward-quoted-reply.txt", "Leidse studenten mogen voortaan in leegstaande kantoren wonen", "2025-04-11", None,
     "NRC", "Merel Dekker", "In leegstaande kantoren in Leiden mogen vanaf deze zomer tijdelijk studenten wonen."),
    ("note-above-article-no-mail-header.txt", "Nieuwe tramlijn naar Zwijndrecht rijdt pas in 2027", "2025-04-12",
     "06:00", "De Standaard", None, "De tramlijn tussen Antwerpen en Zwijndrecht is pas in 2027 klaar"),
    # teasers of other stories (<article>s with a heading and a lead) above the page's headline are no text of it
    ("teaser-articles-before-headline.html", "Hengelo krijgt overdekte markt in oude Stork-hal", "2025-03-18", "06:00",
     "Tubantia", "Wieke Jansen", "In een van de oude fabriekshallen van Stork in Hengelo komt volgend jaar"),
    ("teaser-cards-before-headline.html", "Leuvense bibliotheek opent voortaan ook op zondag", "2025-04-11", "15:20",
     "Het Nieuwsblad", None, "De stadsbibliotheek van Leuven is vanaf mei ook op zondag open"),
    # a news agency glued to the first sentence with only a space ("ANP De politie ...")
    ("agency-glued-without-dash.txt", "Politie zoekt getuigen van overval op juwelier in Zwolle", "2025-04-14", "11:05",
     "ANP", None, "De politie zoekt getuigen van een overval op een juwelier"),
    ("agency-glued-without-dash-belga.txt", "Antwerpse haven verwerkt recordaantal auto's", "2025-04-11", "16:40",
     "Belga", None, "Het havenbedrijf Antwerpen-Brugge heeft in het eerste kwartaal"),
    # a copied page: the skip link "Naar de inhoud" above the masthead and menu, the lead under the headline with
    # the reporter and the day glued under it; "Meer over" and the topics under the text
    ("copied-page-skip-link-lead-byline.txt", "Drukte bij Limburgse huisartsenposten houdt hele winter aan",
     "2025-01-14", "18:02", "Trouw", "Marco Hendriks", "Huisartsenposten in Zuid-Limburg kunnen de drukte deze winter"),
    # the date line with its update: "Gepubliceerd ... Bijgewerkt ...", "... Aangepast ..."
    ("copied-page-published-updated.txt", "Nederlandse gemeenten stappen massaal over op eigen cloud", "2025-03-04",
     "07:45", "NU.nl", "Lotte Brinkman", "Ruim zestig Nederlandse gemeenten brengen hun gegevens onder"),
    ("copied-page-skip-link-aangepast.txt", "Feyenoord krijgt toch geen nieuw stadion aan de Maas", "2025-06-11",
     "16:31", "AD", "Jeroen Koster", "Feyenoord ziet definitief af van een nieuw stadion aan de Maas."),
    # pdftotext of e-paper pages whose running head sets a regional section in capitals beside the page number ("14 |
    # NOORD-HOLLAND", "REGIO ZWOLLE   11"): the paper on the line under it is the source, never the number; a headline
    # broken before a name; the reporter's bare name under the lead, the caption's credit in capitals, an advertisement
    ("pdftotext-regional-section-head.txt", "Pont over het Noordhollandsch Kanaal vaart voortaan elektrisch",
     "2025-06-03", None, "Noordhollands Dagblad", "Wendy Kramer",
     "De pont tussen Westgraftdijk en De Rijp vaart sinds maandag op stroom."),
    ("pdftotext-section-head-odd-page.txt", "Kampen krijgt eerste fietsstraat langs de IJssel", "2025-06-04", None,
     "De Stentor", "Marloes Scholten", "Fietsers krijgen op de IJsselkade in Kampen voortaan voorrang op auto's."),
    # a radio or TV newsroom's page: its players' lines ("▶ Kijk de reportage van West Nu (02:14)", "Duur: 6:18",
    # "Beluister de volledige uitzending (52 min)") above and inside the text
    ("radio-page-player-lines.txt", "Strandtent in Scheveningen mag voortaan het hele jaar open", "2025-06-10", "17:20",
     "Omroep West", None, "Strandtenten in Scheveningen mogen voortaan het hele jaar open blijven."),
    ("podcast-page-player-lines.txt", "Chipmachinemaker verwacht lagere omzet door exportregels", "2025-06-11",
     "08:05", "BNR Nieuwsradio", None, "Chipmachinemaker ASML verwacht dit jaar minder omzet in China"),
    # a copied page whose logo names the outlet with a word of its brand ("NOS Sport") above a menu of short lines
    ("copied-page-logo-brand.txt", "Heerenveen haalt Noorse spits terug naar Friesland", "2025-06-12", "14:48", "NOS",
     None, "sc Heerenveen heeft de Noorse spits Eirik Haugen teruggehaald."),
    # forwards as mail clients write them: Outlook's header blocks nested under a greeting ("Hee allemaal,"), a
    # sign-off and a signature, the inner note leading in with a colon above the paper's reference line, a sign-off
    # under the article (CRLF); Gmail's forward with such a note; Outlook's "-----Original Message-----" and Apple
    # Mail's "Begin doorgestuurd bericht:" over an outlet's newsletter, which the day it was sent dates
    ("forward-outlook-nested-signature-crlf.txt", "Sloop flats aan Fellenoord begint pas in 2027", "2025-03-06", None,
     "Eindhovens Dagblad", "Pieter van der Linden", "De sloop van de drie flats aan de Fellenoord in Eindhoven"),
    # an article without its paper's name, which the sender's note names ("Dit stond gisteren in de Gelderlander")
    ("forward-nested-note-names-paper-crlf.txt", "Nijmegen krijgt tweede fietsbrug over de Waal", "2026-01-13", "17:45",
     "De Gelderlander", "Jeroen Peters", "De gemeente Nijmegen wil binnen vijf jaar een tweede fietsbrug over de Waal"),
    ("forward-gmail-note-names-paper.txt", "Strijp-S krijgt betaald parkeren voor bezoekers", "2026-01-15", "06:00",
     "Eindhovens Dagblad", "Mark Verbeek", "Bezoekers van Strijp-S in Eindhoven moeten vanaf april betalen"),
    ("forward-gmail-note-colon-reference.txt", "Bibliotheek Dokkum verhuist naar het oude stadhuis", "2025-03-07", None,
     "Leeuwarder Courant", None, "De bibliotheek van Dokkum verhuist volgend jaar naar het oude stadhuis"),
    ("forward-outlook-original-message-newsletter.txt", "Mechelen krijgt tweede containerterminal aan het kanaal",
     "2025-03-06", "07:02", "HLN", None, "Het kanaal Leuven-Dijle krijgt in Mechelen een tweede containerterminal."),
    ("forward-apple-mail-doorgestuurd.txt", "Hengelo krijgt weer een eigen schaatsbaan", "2025-06-14", "07:00",
     "Tubantia", None, "In Hengelo komt deze winter weer een openluchtijsbaan op het Marktplein."),
    # a clipping's reference typed in haste: the paper and a short day with a space between, the page as "blz 2" or
    # glued "p5", the archive's folder and initials after them in brackets; above the story or closing it
    ("clipping-hurried-reference-bracketed.txt", "Studentenhuizen in Delft krijgen eigen huurcommissie", "2025-04-03",
     None, "NRC", "Lotte Brink", "Studenten in Delft kunnen vanaf de zomer met klachten over hun kamer terecht"),
    ("clipping-hurried-reference-closing.txt", "Zaanse Schans gaat entree vragen aan toeristen", "2025-04-12", None,
     "de Volkskrant", None, "Bezoekers van de Zaanse Schans moeten vanaf volgend jaar entree betalen."),
    # GoPress Academic's line of labelled parts under the paper and day ("Editie: Gent | Sectie: Regio; Pagina 21; ..."),
    # its download stamp under the text
    ("gopress-edition-section-parts.txt", "Gents zwembad Van Eyck gaat na twee jaar weer open", "2025-06-03", None,
     "De Standaard", "Katrien Goethals", "Het zwembad Van Eyck aan de Veergreep in Gent gaat op 1 juli weer open."),
    # a wire's header: the agency with its service ("BELGA - Binnenlands nieuws", "ANP - Economisch nieuws") and the
    # desk's subject line in capitals ("REG - ONDERWIJS / SCHOLENBOUW") above the headline
    ("wire-desk-subject-lines.txt", "Leuven bouwt drie nieuwe basisscholen tegen 2028", "2025-06-12", "16:05", "Belga",
     None, "De stad Leuven bouwt tegen 2028 drie nieuwe basisscholen."),
    ("wire-desk-economic-news.txt", "KLM schrapt honderd vluchten in de zomer door tekort aan monteurs", "2025-06-13",
     "10:44", "ANP", None, "KLM schrapt deze zomer ongeveer honderd Europese vluchten."),
    # a broadcast's transcript: its header names the broadcaster ("Zender:", "Omroep:") and the day it was on air
    # ("Uitgezonden:", "Uitzenddatum:"); Whisper's segments keep their time codes
    ("transcript-broadcast-header.txt", "Domtoren na vijf jaar weer zonder steigers", "2025-06-13", "17:30",
     "RTV Utrecht", None, "De steigers rond de Domtoren zijn weg."),
    ("transcript-whisper-timestamps.txt", "Westerschelde Ferry vaart weer volgens dienstregeling", "2025-06-11", None,
     "Omroep Zeeland", None, "De Westerschelde Ferry tussen Vlissingen en Breskens vaart weer volgens de dienstregeling."),
    # a DPG page copied without blank lines: the share and save buttons between the update line and the text, the
    # photo's alt text above its credited caption, the closed comments and the "Meest gelezen" list under the text
    ("copied-page-share-buttons-dpg.txt", "Enschede zet deelscooters aan de ketting rond het Van Heekplein",
     "2025-04-08", "06:00", "Tubantia", "Lotte Wessels",
     "Deelscooters mogen vanaf mei alleen nog op zes vaste plekken rond het Van Heekplein in Enschede worden"),
    # a Mediahuis page: the lead under the headline, the reporter, the day and the listen, share, save and gift
    # buttons glued under it, the text right under those
    ("copied-page-share-buttons-flemish.txt", "Stad test veegmachine zonder chauffeur op de Meir", "2025-04-08",
     "06:00", "Gazet van Antwerpen", "Kristof Peeters",
     "Op de Meir rijdt vanaf maandag een veegmachine rond die zelf de weg vindt. Als de proef lukt, komen er nog vijf "
     "bij.\nHet toestel is zo groot"),
    # a regional broadcaster's page: the reading time, "Deel artikel via:" over the networks a line each, "Print"
    ("copied-page-share-row-reading-time.txt", "Rotterdamse Maastunnel krijgt nieuwe roltrappen voor fietsers",
     "2025-04-03", "14:12", "Rijnmond", None, "De houten roltrappen in de Maastunnel in Rotterdam worden volgend jaar"),
    # AD's regional edition as the masthead ("AD Haagsche Courant", "AD/Rotterdams Dagblad"): the source is AD; the
    # byline row with the day and an update that gives only the time ("Laatst bijgewerkt: 09:40") or a day and time
    ("copied-page-ad-edition-update-time.txt", "Haagse Markt krijgt overdekte fietsenstalling voor achthonderd fietsen",
     "2025-02-14", "07:15", "AD", "Sanne de Groot", "Aan de rand van de Haagse Markt komt een overdekte stalling"),
    ("copied-page-ad-edition-slash.txt", "Nieuwe watertaxihalte bij de Kuip vanaf de zomer in gebruik", "2025-06-03",
     "16:02", "AD", "Joris Verbeek", "Supporters van Feyenoord kunnen deze zomer met de watertaxi naar de Kuip."),
    # OCR'd clippings: a photo's caption above the text, its credit on a line of its own or glued to its last line
    ("clipping-ocr-caption-credit-line.txt", "Carillon van Plechelmus speelt weer elk kwartier", "2024-03-14", None,
     "Tubantia", None, "Het carillon in de toren van de Plechelmusbasiliek speelt sinds maandag weer\nelk kwartier."),
    ("clipping-ocr-caption-glued.txt", "Sint-Romboutstoren krijgt nieuwe verlichting voor de nachtelijke skyline",
     "2024-04-09", None, "Gazet van Antwerpen", None, "De Sint-Romboutstoren in Mechelen\nkrijgt nieuwe ledverlichting."),
    # newsletters pasted as text: the masthead's outlet and day, the editors' greeting and intro, the contents, a
    # sign-off and the section's heading above the first story; as the mail's text part (lines wrapped, a headline
    # underlined) or copied from the mail without blank lines
    ("newsletter-greeting-contents.txt", "Kabinet wil sneller bouwen op boerenland", "2025-04-08", None, "NOS", None,
     "Gemeenten mogen sneller woningen bouwen op landbouwgrond aan de rand van dorpen en steden."),
    ("newsletter-wrapped-signed-intro.txt", "Zwembad in Oostpoort opent na twee jaar bouwen", "2025-04-10", None,
     "Het Parool", None, "Het nieuwe zwembad in Oostpoort gaat zaterdag open."),
    ("newsletter-copied-no-blank-lines.txt", "Tram 4 rijdt vanaf juni tot in Moscou", "2025-04-09", None,
     "Het Nieuwsblad", None, "De Lijn verlengt tramlijn 4 in Gent vanaf 2 juni tot aan het Moscou-plein."),
    # the header's lines that extraction keeps above the text: the outlet or reporter whose <time> it dropped, the
    # update line; the update is never the date
    ("header-outlet-and-update-lines.html", "Tilburg zet deelfietsen in bij station en ziekenhuis", "2025-06-03",
     "07:15", "Omroep Brabant", "Omroep Brabant", "In Tilburg staan vanaf volgende week tweehonderd deelfietsen"),
    ("header-reporter-date-update-lines.html", "Mechelen legt extra fietsstraten aan rond scholen", "2025-02-18",
     "06:30", "Gazet van Antwerpen", "Wouter Claes", "Mechelen maakt van vijf straten rond basisscholen een fietsstraat."),
    # the reporter's name glued to the day, as copying a DPG or Volkskrant page gives the byline, in text and Markdown
    ("copied-page-glued-byline-day.txt", "Zwolse binnenstad krijgt extra fietsenstalling bij station", "2026-02-04",
     "17:12", None, "Jeroen Smit", "Bij het station van Zwolle komt een ondergrondse fietsenstalling"),
    ("markdownload-glued-byline-short-date.md", "Enschede verlaagt snelheid op de singel naar 30 kilometer", "2026-01-28",
     "06:00", "Tubantia", "Eva Koster", "Op de singel in Enschede mag vanaf de zomer nog maar 30 kilometer"),
    # the story's byline under its headline; the mail header copied from Thunderbird (its subject first) or Outlook
    ("newsletter-thunderbird-subject-first-byline.txt",
     "De polder droogt op: boeren in de Noordoostpolder zien hun grondwater zakken", "2026-01-16", None,
     "De Groene Amsterdammer", "Pim de Vries", "In de Noordoostpolder staat het grondwater op veel plekken"),
    ("newsletter-outlook-byline-under-headline-crlf.txt", "Gemeenten krijgen meer vragen over terugbetaling huurtoeslag",
     "2026-01-20", None, "Binnenlands Bestuur", "Marieke van Dam",
     "Bij gemeentelijke loketten melden zich steeds meer inwoners die huurtoeslag moeten terugbetalen."),
])
def test_layout(name, title, date, time, source, author, first):
    article = only(load_articles([LAYOUTS / name]))
    assert (article.title, article.date, article.time, article.source, article.author) == (
        title, date, time, source, author)
    assert article.body.startswith(first)


@pytest.mark.parametrize(("name", "credit"), [("caption-under-image.md", "Hielco Kuipers"),
                                              ("clipping-photo-caption.md", "Johan Van Cutsem"),
                                              ("copied-page-host-menu.txt", "Reuters"),
                                              ("copied-page-consent-line.txt", "ANP")])
def test_an_image_caption_goes_out_of_the_body_and_its_credit_to_credits(name, credit):
    article = only(load_articles([LAYOUTS / name]))
    assert article.credits == [credit] and "©" not in article.body and "Foto:" not in article.body


def test_a_forwarded_mail_without_the_subject_in_it_keeps_all_after_the_mail_header(tmp_path):
    """The subject, without its "Fwd:", is then the headline."""
    (tmp_path / "fwd.txt").write_text("-----Oorspronkelijk bericht-----\nVan: Jan\nOnderwerp: Fwd: vergadering\n\n"
                                      "De vergadering van dinsdag gaat niet door. De zaal is bezet.\n\n"
                                      "We schuiven een week op.\n\nVerzonden vanaf mijn iPhone\n",
                                      encoding="utf-8")
    article = only(load_articles([tmp_path / "fwd.txt"]))
    assert (article.title, article.body) == ("vergadering", "De vergadering van dinsdag gaat niet door. De zaal is "
                                                            "bezet.\n\nWe schuiven een week op.")


def test_a_sentence_mentioning_a_photo_stays_in_the_body(tmp_path):
    text = ("Het museum toont de foto: een zeldzaam beeld van de haven in 1953, gemaakt door een onbekende "
            "amateurfotograaf die er jarenlang over zweeg.\n\nDe expositie loopt tot mei.")
    (tmp_path / "a.md").write_text(f"---\ntitle: Haven in beeld\n---\n\n{text}\n", encoding="utf-8")
    assert only(load_articles([tmp_path / "a.md"])).body.startswith("Het museum toont de foto:")


@pytest.mark.parametrize(("name", "updated"), [("copied-page-published-updated.txt", "4 maart 2025 09:20"),
                                               ("copied-page-skip-link-aangepast.txt", "11 juni 2025 18:05")])
def test_the_update_on_a_date_line_is_kept_apart_and_never_the_date(name, updated):
    article = only(load_articles([LAYOUTS / name]))
    assert article.extra["updated"] == updated and "Bijgewerkt" not in article.body and "Aangepast" not in article.body


def test_the_topics_under_a_copied_page_are_no_text():
    body = only(load_articles([LAYOUTS / "copied-page-skip-link-lead-byline.txt"])).body
    assert body.endswith("die de posten runt.") and "Marco Hendriks" not in body and "Naar de inhoud" not in body


@pytest.mark.parametrize(("name", "absent"), [
    ("crawl-label-nu.txt", ["Gecrawld", "AMSTERDAM", "(ANP)", "NU.nl", "2024"]),
    ("live-label-byline.txt", ["Door:", "Foto", "Beeld", "Tekst gaat verder", "Lees ook", "Boeren blokkeren",
                               "LIVE", "Politiek\n"]),
    ("belga-glued.txt", ["Belga", "BELGA", "correspondent", "BIO", "Binnenland"]),
    ("column-source-glued.txt", ["Bron", "Column", "Door"]),
    ("jekyll-post.md", ["layout", "permalink", "---", "##"]),
    ("hugo-post.md", ["+++", "draft"]),
    ("page.html", ["cookies", "Akkoord", "Home", "Beeld ANP", "Lees ook", "Metro rijdt", "Deel dit", "DPG",
                   "Door Tim"]),
    ("outlet-name-opens-body.txt", ["Foto", "Lonkhuijsen", "Door", "NRC"]),
    ("crawler-header-nu.txt", ["NU.nl", "ANP", "06:31", "Kabinet trekt"]),
    ("agency-slash-outlet.txt", ["NU.nl", "ANP"]),
    ("own-reporter-byline.txt", ["verslaggever", "Kees Bakker", "ROTTERDAM", "Tekst gaat verder"]),
    ("byline-bar-date.txt", ["Fotograaf", "Waem", "BELGA", "Door", "17:45"]),
    ("share-line.txt", ["Deel dit", "WhatsApp", "Lees ook", "Sjoerd Wielenga"]),
    ("copied-page-nav-bar.txt", ["Home", "Hasselt\n", "Bijgewerkt", "Link kopiëren", "WhatsApp"]),
    ("crawl-rule-text-label.txt", ["=====", "TEXT", "MODIFIED", "STATUS"]),
    ("wire-priority-line.txt", ["PRIO", "woorden"]),
    ("clipping-closing-source.txt", ["Leeuwarder Courant", "23-01-2024"]),
    ("anp-news-api-item.json", ["UTRECHT", "AFN", "BLOOMBERG", "Redactie", "economie(at)anp.nl"]),
    ("pdftotext-regional-section-head.txt", ["NOORD-HOLLAND", "Dagblad", "VERKEER", "Wendy Kramer", "FOTO", "MARCEL",
                                             "ADVERTENTIE", "korting", "Tuincentrum"]),
    ("pdftotext-section-head-odd-page.txt", ["REGIO", "Marloes", "KAMPEN"]),
    ("radio-page-player-lines.txt", ["▶", "🎧", "Kijk de reportage", "Luister", "02:14", "04:31"]),
    ("podcast-page-player-lines.txt", ["Beluister", "52 min", "Duur", "Listen"]),
    ("copied-page-logo-brand.txt", ["NOS Sport", "Meest gelezen", "Deel artikel", "share on"]),
    ("forward-outlook-nested-signature-crlf.txt", ["Van:", "Verzonden", "Hee allemaal", "Groeten", "Joris", "M 06",
                                                  "hieronder", "Groetjes", "Anouk", "Eindhovens Dagblad"]),
    ("forward-gmail-note-colon-reference.txt", ["Dit stond", "Leeuwarder Courant", "Groet", "Wietske"]),
    ("forward-outlook-original-message-newsletter.txt", ["Original Message", "Cheers", "Policy Officer", "Sent:"]),
    ("clipping-hurried-reference-bracketed.txt", ["NRC", "blz", "map Wonen", "KdV", "Door"]),
    ("clipping-hurried-reference-closing.txt", ["Volkskrant", "12/4/25", "p5"]),
    ("gopress-edition-section-parts.txt", ["Editie", "Sectie", "woorden", "Gedownload", "GoPress", "Mediahuis"]),
    ("wire-desk-subject-lines.txt", ["BELGA", "Binnenlands nieuws", "REG", "SCHOLENBOUW", "(Belga)", "LEUVEN"]),
    ("wire-desk-economic-news.txt", ["ANP", "Economisch", "ECO", "LUCHTVAART"]),
    ("transcript-broadcast-header.txt", ["Zender", "Programma", "Uitgezonden", "Duur", "Whisper", "Sprekers"]),
    ("transcript-whisper-timestamps.txt", ["-->", "00:0", "["]),
])
def test_metadata_never_reaches_the_body(name, absent):
    body = only(load_articles([LAYOUTS / name])).body
    assert [text for text in absent if text in body] == []


@pytest.mark.parametrize(("name", "time", "published"), [
    ("visible-date-time.html", "08:12", "2024-05-07T08:12:00"),
    ("visible-date-only.html", None, "2024-05-07"),  # no invented midnight
])
def test_a_page_date_without_a_time_gets_none(name, time, published):
    page = only(load_articles([LAYOUTS / name]))
    assert (page.date, page.time, page.published) == ("2024-05-07", time, published)


def test_teasers_and_a_newsletter_promo_stay_out_of_a_page_body():
    page = only(load_articles([LAYOUTS / "teasers-in-form.html"]))
    assert (page.source, page.author, page.published) == ("HLN", "Tom Vierendeels", "2024-04-02T19:45:00+02:00")
    assert page.body.startswith("De politie heeft dinsdagavond een 34-jarige man opgepakt")
    assert page.body.endswith("Het parket heeft een onderzoeksrechter gevorderd.")


def test_the_fallback_reader_finds_the_story_past_teasers_an_empty_main_and_a_form():
    """The BeautifulSoup reader, used when trafilatura finds nothing, on the pages the issue names."""
    from newsdigest.readers.article import Found
    from newsdigest.readers.html import _fallback
    from newsdigest.readers.layout import clean_body

    found = Found()
    paragraphs = clean_body(_fallback((LAYOUTS / "teasers-in-form.html").read_text(encoding="utf-8"), found), found)
    assert (found.title, found.credits) == ("Man (34) opgepakt na overval op tankstation in Aalst", ["Belga"])
    assert paragraphs == [
        "De politie heeft dinsdagavond een 34-jarige man opgepakt na een gewapende overval op een tankstation langs "
        "de Gentsesteenweg in Aalst. Hij had een mes bij zich.",
        "De overvaller bedreigde rond 19 uur de uitbater en ging ervandoor met de dagkassa. Een getuige zag hem "
        "wegfietsen in de richting van het centrum en verwittigde de politie.",
        "Een patrouille kon de man kort daarna inrekenen in de buurt van het station. Het parket heeft een "
        "onderzoeksrechter gevorderd."]


def test_obsidian_wiki_links_in_front_matter_name_their_page(tmp_path):
    (tmp_path / "a.md").write_text('---\ntitle: Brand\nsource: "[[NOS]]"\nauthor: "[[Jan de Vries|Jan]]"\n---\n'
                                   "Een schuur is uitgebrand.\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.md"]))
    assert (article.source, article.author) == ("NOS", "Jan de Vries")


def test_credits_go_to_their_field():
    assert only(load_articles([LAYOUTS / "byline-bar-date.txt"])).credits == ["Belga / Dirk Waem", "BELGA"]
    assert only(load_articles([LAYOUTS / "outlet-name-opens-body.txt"])).credits == ["Robin van Lonkhuijsen/ANP"]


@pytest.mark.parametrize(("paragraph", "agency", "rest"), [
    ("NOS Jeugdjournaal begint volgende week.", None, "NOS Jeugdjournaal begint volgende week."),
    ("ANP De politie zoekt getuigen.", "ANP", "De politie zoekt getuigen."),  # a sentence's first word after it
    ("Belga De Lijn schrapt haltes.", "Belga", "De Lijn schrapt haltes."),
    ("Reuters Volgens de bank daalt de rente.", "Reuters", "Volgens de bank daalt de rente."),
    ("AP Stylebook heet het zo.", None, "AP Stylebook heet het zo."),
    ("Reuters Institute meet het vertrouwen.", None, "Reuters Institute meet het vertrouwen."),
    ("NOS De Ochtend begint om zes uur.", None, "NOS De Ochtend begint om zes uur."),  # an outlet, no agency
    ("BelgaDe Gentse bakker staat vroeg op.", "Belga", "De Gentse bakker staat vroeg op."),
    ("ANP - De politie zoekt getuigen.", "ANP", "De politie zoekt getuigen."),
    ("Bron: NOS De NS reed op tijd.", "NOS", "De NS reed op tijd."),
    ("AMSTERDAM (ANP) - Het kabinet wil meer.", "ANP", "Het kabinet wil meer."),
    ("(Belga) De Gentse bakker staat vroeg op.", "Belga", "De Gentse bakker staat vroeg op."),
    ("LONDEN (ANP/RTR/BLOOMBERG) - De rechter beslist.", "ANP/RTR/BLOOMBERG", "De rechter beslist."),
    ("BATTLE CREEK (AFN/BLOOMBERG) - De winst daalt.", "AFN/BLOOMBERG", "De winst daalt."),
])
def test_a_leading_name_is_the_source_only_when_set_off(paragraph, agency, rest):
    from newsdigest.metadata import dateline

    assert dateline(paragraph)[1:] == (agency, rest)


def test_fields_beside_the_text():
    live = only(load_articles([LAYOUTS / "live-label-byline.txt"]))
    assert live.tags == ["LIVE POLITIEK", "Politiek"] and live.credits == ["ANP / Robin van Lonkhuijsen", "ANP"]
    crawl = only(load_articles([LAYOUTS / "crawl-label-nu.txt"]))
    assert crawl.extra == {"crawled": "2024-03-15T08:12:44Z", "dateline": "AMSTERDAM"} and crawl.tags == ["Economie"]
    jekyll = only(load_articles([LAYOUTS / "jekyll-post.md"]))
    assert jekyll.published == "2023-06-21T09:30:00+02:00" and jekyll.tags == ["stad", "groen"]
    assert jekyll.extra == {"layout": "post", "permalink": "/2023/06/21/drijvend-park/"}
    assert "veertig bomen die tegen het zoute water" in jekyll.body  # inline HTML became text
    page = only(load_articles([LAYOUTS / "page.html"]))
    assert (page.url, page.published, page.tags) == ("https://www.parool.nl/amsterdam/nieuwe-tram~b1234/",
                                                     "2024-07-18T06:00:00+02:00", ["Amsterdam"])
    assert "Minder bussen" in page.body.split("\n\n")  # an intertitle stays a paragraph of its own


def test_the_fields_of_a_wire_or_clipping_header_go_to_extra_and_its_closing_marks_leave_the_body():
    wire = only(load_articles([LAYOUTS / "wire-header-block-unknown-keys.txt"]))
    assert {key: wire.extra.get(key) for key in ("id", "dienst", "bijlagen", "embargo")} == {
        "id": "BLG-20240513-0087", "dienst": "Belga Binnenland", "bijlagen": "geen", "embargo": "geen"}
    assert wire.body.endswith("tijdens de spits.")
    clipping = only(load_articles([LAYOUTS / "clipping-reference-edition.txt"]))
    assert (clipping.extra["page"], clipping.extra["subtitle"]) == ("pagina 3 (editie Enschede)",
                                                                    "Vrijwilligers openen uitleenpunt")
    assert clipping.extra["note"].startswith("uitgetypt") and clipping.body.endswith("twintig minuten fietsen is.")
    nexis = only(load_articles([LAYOUTS / "nexis-uni-text-export.txt"]))
    assert nexis.body.endswith("hele panden van corporaties.")


RECORDS = [
    # a newspaper API dump
    {"headline": "Schiphol schrapt vluchten door storm", "articleBody": "Schiphol heeft zondag 200 vluchten "
     "geschrapt. De storm houdt de hele dag aan.", "datePublished": "2024-02-25T07:30:00+01:00",
     "publisher": {"@type": "Organization", "name": "NOS"}, "url": "https://nos.nl/artikel/1", "id": 981},
    # a scraper's record with Dutch keys and epoch milliseconds
    {"kop": "Brand in Haarlemse binnenstad", "tekst": ["Een grote brand heeft vannacht een pand verwoest.",
     "Niemand raakte gewond."], "timestamp": 1708844400000, "bron": "NH Nieuws", "link": "https://nhnieuws.nl/2"},
    # an RSS-to-JSON conversion
    {"title": "Minder woningen gebouwd", "content": "<p>Er zijn vorig jaar <b>minder</b> woningen gebouwd.</p>"
     "<p>Dat meldt het CBS.</p>", "pubDate": "Mon, 26 Feb 2024 10:00:00 +0100", "author": "Lisa Smit",
     "categories": ["wonen", "economie"]},
]


def test_json_and_jsonl_common_fields_without_configuration(tmp_path):
    (tmp_path / "dump.json").write_text(json.dumps({"items": RECORDS}), encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    items = list(load_articles([tmp_path / "dump.json", tmp_path / "dump.jsonl"]))
    assert len(items) == 6 and all(isinstance(item, Article) for item in items)
    expected = [
        ("Schiphol schrapt vluchten door storm", "2024-02-25", "07:30", "2024-02-25T07:30:00+01:00", "NOS", None,
         "https://nos.nl/artikel/1", {"id": 981}, "Schiphol heeft zondag 200 vluchten geschrapt. De storm houdt de "
         "hele dag aan."),
        ("Brand in Haarlemse binnenstad", "2024-02-25", "08:00", "2024-02-25T08:00:00+01:00", "NH Nieuws", None,
         "https://nhnieuws.nl/2", {}, "Een grote brand heeft vannacht een pand verwoest.\n\nNiemand raakte gewond."),
        ("Minder woningen gebouwd", "2024-02-26", "10:00", "2024-02-26T10:00:00+01:00", None, "Lisa Smit", None,
         {}, "Er zijn vorig jaar minder woningen gebouwd.\n\nDat meldt het CBS."),
    ]
    got = [(a.title, a.date, a.time, a.published, a.source, a.author, a.url, a.extra, a.body) for a in items]
    assert got == expected + expected
    assert items[2].tags == ["wonen", "economie"]


def test_explicit_field_settings_win(tmp_path):
    record = {"title": "Algemene kop", "titel_nl": "Nederlandse kop", "text": "Korte tekst.",
              "volledig": "De volledige tekst van het artikel.", "date": "2024-01-01", "gepubliceerd": "2024-02-02"}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    settings = InputSettings(title_field="titel_nl", body_field="volledig", date_field="gepubliceerd")
    article = only(load_articles([tmp_path / "a.json"], settings))
    assert (article.title, article.body, article.date) == ("Nederlandse kop", "De volledige tekst van het artikel.",
                                                           "2024-02-02")
    assert article.extra == {"title": "Algemene kop", "text": "Korte tekst.", "date": "2024-01-01"}


@pytest.mark.parametrize("record", [
    {"published": True, "datePublished": "2024-05-14T09:00:00+02:00"},
    {"date": "onbekend", "published_at": "2024-05-14T09:00:00+02:00"},
    {"time": 4, "created_at": "2024-05-14T09:00:00+02:00"},
    {"date": "0001-01-01T00:00:00Z", "pubDate": "Tue, 14 May 2024 09:00:00 +0200"},
    {"dateModified": "2024-05-15T10:00:00+02:00", "dateCreated": "2024-05-14T09:00:00+02:00"},  # schema.org names
])
def test_each_date_field_is_tried_until_one_parses(tmp_path, record):
    (tmp_path / "a.json").write_text(json.dumps({"body": "Een loods is uitgebrand.", **record}), encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"]))
    assert (article.date, article.time, article.published) == ("2024-05-14", "09:00", "2024-05-14T09:00:00+02:00")
    assert [key for key in record if key not in article.extra] != []  # the field that gave the date is used


@pytest.mark.parametrize(("author", "text", "body"), [
    ("Joost Brink", "Joost Brink  De gemeente Zwolle opent een nieuwe fietsenstalling.", "De gemeente Zwolle opent"),
    ("Joost Brink", "JOOST BRINK\n\nDe gemeente Zwolle opent een nieuwe fietsenstalling.", "De gemeente Zwolle opent"),
    ("Joost Brink", "Door Joost Brink - De gemeente Zwolle opent een nieuwe fietsenstalling.", "De gemeente Zwolle"),
    ("Joost Brink", "Joost Brink De gemeente Zwolle opent een nieuwe fietsenstalling.", "De gemeente Zwolle opent"),
    # a sentence about the author, or that names him in an apposition, is text; so is a one-word name before a
    # capital, which may be the sentence's own subject
    ("Joost Brink", "Joost Brink opent een nieuwe fietsenstalling in Zwolle.", "Joost Brink opent"),
    ("Joost Brink", "Joost Brink, de wethouder, opent een nieuwe fietsenstalling.", "Joost Brink, de wethouder, opent"),
    ("NOS", "NOS Jeugdjournaal begint volgende week met een serie over fietsen.", "NOS Jeugdjournaal begint"),
])
def test_the_byline_a_records_author_field_repeats_before_the_text_is_no_text(tmp_path, author, text, body):
    record = {"title": "Nieuwe stalling", "author": author, "source": "De Stentor", "text": text}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"]))
    assert article.body.startswith(body) and article.author == author


def test_wordpress_rest_records(tmp_path):
    post = {"id": 7, "date": "2024-05-14T09:00:00", "link": "https://blog.example.nl/brand/",
            "title": {"rendered": "Brand in Kampen&#8217;s schuur"}, "excerpt": {"rendered": "<p>Kort.</p>"},
            "content": {"rendered": "<p>Een schuur in Kampen is uitgebrand.</p><p>Niemand raakte gewond.</p>",
                        "protected": False}}
    (tmp_path / "posts.json").write_text(json.dumps([post]), encoding="utf-8")
    article = list(load_articles([tmp_path / "posts.json"]))[0]
    assert (article.title, article.url, article.date) == ("Brand in Kampen’s schuur", "https://blog.example.nl/brand/",
                                                          "2024-05-14")
    assert article.body == "Een schuur in Kampen is uitgebrand.\n\nNiemand raakte gewond."
    assert article.extra["excerpt"] == {"rendered": "<p>Kort.</p>"}


def test_drupal_text_fields_give_their_value(tmp_path):
    """Drupal exports a body as {"value": html, "format": ...}: the value is the text, its figure caption is not."""
    node = {"nid": 5, "title": "Gouda krijgt een nieuwe kaasmarkt", "publicatiedatum": "2024-06-03T10:00:00+02:00",
            "site": "Omroep Zuid", "body": {"value": "<figure><img src='/k.jpg'><figcaption>De markt | Foto: Omroep "
                                                      "Zuid</figcaption></figure><p>Gouda houdt vanaf juli elke "
                                                      "donderdag een kaasmarkt.</p>", "format": "basic_html"}}
    (tmp_path / "export.json").write_text(json.dumps([node, {**node, "nid": 6}]), encoding="utf-8")
    article = list(load_articles([tmp_path / "export.json"]))[0]
    assert (article.title, article.date, article.source) == ("Gouda krijgt een nieuwe kaasmarkt", "2024-06-03",
                                                             "Omroep Zuid")
    assert article.body == "Gouda houdt vanaf juli elke donderdag een kaasmarkt."


def test_an_app_record_whose_items_are_its_body_blocks_is_one_article(tmp_path):
    """{"title": ..., "items": [blocks]} is one article; a wrapper's items with titles of their own are many."""
    record = {"title": "Bibliotheek Zwolle gaat op zondag open", "publishedAt": 1717400000, "source": "RTV Oost",
              "items": [{"type": "text", "text": "De bibliotheek in Zwolle gaat vanaf september ook op zondag open."},
                        {"type": "image", "caption": "De bibliotheek", "credit": "ANP"},
                        {"type": "text", "text": "Dat heeft de gemeente besloten."}]}
    (tmp_path / "app.json").write_text(json.dumps(record), encoding="utf-8")
    article = only(load_articles([tmp_path / "app.json"]))
    assert (article.title, article.date, article.source) == ("Bibliotheek Zwolle gaat op zondag open", "2024-06-03",
                                                             "RTV Oost")
    assert article.body == ("De bibliotheek in Zwolle gaat vanaf september ook op zondag open.\n\n"
                            "Dat heeft de gemeente besloten.")
    feed = {"title": "Nieuws", "items": [{"title": "Een", "text": "Tekst een."}, {"title": "Twee", "text": "Tekst twee."}]}
    (tmp_path / "feed.json").write_text(json.dumps(feed), encoding="utf-8")
    assert [item.title for item in load_articles([tmp_path / "feed.json"])] == ["Een", "Twee"]


def test_a_gmt_field_without_a_zone_is_utc(tmp_path):
    """WordPress's date_gmt carries no zone but is UTC: 22:30 UTC in June is the next day in Amsterdam."""
    post = {"title": {"rendered": "Nachtelijke brand in Kampen"}, "date_gmt": "2024-06-03T22:30:00",
            "modified_gmt": "2024-06-04T08:00:00", "content": {"rendered": "<p>Een schuur brandde af.</p>"}}
    (tmp_path / "post.json").write_text(json.dumps(post), encoding="utf-8")
    article = only(load_articles([tmp_path / "post.json"]))
    assert (article.date, article.time) == ("2024-06-04", "00:30")
    assert article.extra["updated"] == "2024-06-04T08:00:00"


@pytest.mark.parametrize(("zone", "published"), [
    ("UTC", "2024-06-04T00:30:00+02:00"),  # dated in Amsterdam time like any UTC stamp
    ("+01:00", "2024-06-03T22:30:00+01:00"),  # a written offset is kept
    ("Europe/London", "2024-06-03T22:30:00+01:00"),
    ("Mars/Olympus", "2024-06-03T22:30:00"),  # no zone of that name: as written
])
def test_a_stamp_without_a_zone_takes_the_zone_in_the_field_beside_it(tmp_path, zone, published):
    record = {"title": "Nachtelijke brand in Kampen", "pubDate": "2024-06-03 22:30:00", "pubDateTZ": zone,
              "description": "Een schuur brandde af."}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    assert only(load_articles([tmp_path / "a.json"])).published == published


def test_a_bare_name_is_not_a_title(tmp_path):
    """"name" is a person or a site as often as a headline: only a schema.org item's name is its title."""
    records = [{"text": "Een schuur is uitgebrand.", "name": "Jan Jansen"},
               {"@type": "NewsArticle", "name": "Schuur uitgebrand", "articleBody": "Een schuur is uitgebrand."}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    person, schema = load_articles([tmp_path / "a.jsonl"])
    assert (person.title, person.extra) == (None, {"name": "Jan Jansen"})
    assert schema.title == "Schuur uitgebrand"


@pytest.mark.parametrize(("value", "date", "time"), [
    ("2024-02-25T07:30:00+01:00", "2024-02-25", "07:30"), ("2024-02-25T06:30:00Z", "2024-02-25", "07:30"),
    ("Sun, 25 Feb 2024 07:30:00 +0100", "2024-02-25", "07:30"), (1708842600, "2024-02-25", "07:30"),
    (1708842600000, "2024-02-25", "07:30"), ("1708842600", "2024-02-25", "07:30"),
    # UTC and epoch times are Amsterdam/Brussels times: late evening UTC is the next day there
    ("2024-06-28T22:40:00Z", "2024-06-29", "00:40"), ("Fri, 09 Feb 2024 23:10:00 GMT", "2024-02-10", "00:10"),
    (1707520200, "2024-02-10", "00:10"), ("2024-06-28T23:40:00+01:00", "2024-06-28", "23:40"),
    ("25 februari 2024 07:30", "2024-02-25", "07:30"), ("25-02-2024", "2024-02-25", None),
    ("0001-01-01T00:00:00Z", None, None), (4, None, None), (2024, None, None),
    ("June 11, 2024", "2024-06-11", None), ("Jun 11, 2024 at 3:05 PM", "2024-06-11", "15:05"),
    ("2024/06/11 08:00", "2024-06-11", "08:00"), ("20240611", "2024-06-11", None),
    ("Tue Jun 11 08:00:00 +0200 2024", "2024-06-11", "08:00"), ("juni 11, 2024", "2024-06-11", None),
    ("dinsdag 11 juni 2024 om 08:00", "2024-06-11", "08:00"), ("12-05-2024 08:00", "2024-05-12", "08:00"),
    ("14-05-24", "2024-05-14", None), ("Jun 2024", None, None), ("onbekend", None, None),
])
def test_record_dates_in_every_common_form(tmp_path, value, date, time):
    record = {"body": "De raad stemde in met het plan van de wethouder.", "published_at": value}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"]))
    assert (article.date, article.time) == (date, time)


def test_an_english_article_keeps_its_utc_time(tmp_path):
    record = {"body": "The council approved the plan of the alderman on Friday.", "published_at": "2024-06-28T22:40Z"}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"]))
    assert (article.date, article.time, article.published) == ("2024-06-28", "22:40", "2024-06-28T22:40:00+00:00")


_LATE_UTC = "2024-06-28T22:40:00Z"  # 00:40 on 29 June in Amsterdam and Brussels
_IN_AMSTERDAM = ("2024-06-29", "00:40", "2024-06-29T00:40:00+02:00")
_IN_BRUSSELS = ("2024-06-29", "00:40", "2024-06-29T00:40:00+02:00")  # the same clock, by its own name
_AS_WRITTEN = ("2024-06-28", "22:40", "2024-06-28T22:40:00+00:00")


@pytest.mark.parametrize(("record", "language", "dated"), [
    # text plainly in another language keeps UTC, however many of its small words Dutch also has ("de", "en")
    ({"title": "Incendie de forêt en Provence: des milliers de personnes évacuées",
      "body": "Le feu a parcouru plus de mille hectares de pinède en une nuit, selon les pompiers du Var."}, "nl",
     _AS_WRITTEN),
    ({"title": "Incendio en Madrid: evacuados cientos de vecinos",
      "body": "El fuego comenzó en la cocina de un piso de la calle de Alcalá y se extendió en pocos minutos."}, "nl",
     _AS_WRITTEN),
    # the language a record names decides where the text is too short to tell; nl-BE is Brussels
    ({"title": "Brand in Gentse loods", "body": "Twee gewonden na brand in Gentse loods.", "language": "nl-BE"},
     "en", _IN_BRUSSELS),
    ({"title": "Brand in Gentse loods", "body": "Twee gewonden na brand in Gentse loods.", "lang": "nl"}, "en",
     _IN_AMSTERDAM),
    ({"title": "Brand in Gentse loods", "body": "Twee gewonden na brand in Gentse loods.", "inLanguage": "en"},
     "nl", _AS_WRITTEN),
    # nothing else tells: the source language (--from) does
    ({"title": "Brand in Gentse loods", "body": "Twee gewonden na brand in Gentse loods."}, "nl", _IN_AMSTERDAM),
    ({"title": "Brand in Gentse loods", "body": "Twee gewonden na brand in Gentse loods."}, "fr", _AS_WRITTEN),
    # a Dutch or Flemish newsroom dates its news by its own clock, in English or French too; a Belgian agency
    # is one, a world agency (Reuters) is not
    ({"title": "Brand in Gentse loods", "body": "Twee gewonden na brand in Gentse loods.", "source": "Belga"}, "en",
     _IN_BRUSSELS),
    ({"title": "Brand in Gentse loods", "body": "Twee gewonden na brand in Gentse loods.", "source": "Reuters"}, "en",
     _AS_WRITTEN),
    ({"title": "Dutch cabinet falls over asylum policy", "url": "https://nltimes.nl/2024/06/28/dutch-cabinet-falls",
      "body": "The Dutch cabinet collapsed on Friday night after the coalition parties failed to agree on asylum."},
     "en", _IN_AMSTERDAM),
    ({"title": "Incendie dans un entrepôt à Gand", "url": "https://www.lesoir.be/512345/article/incendie-gand",
      "body": "Deux personnes ont été blessées dans l'incendie d'un entrepôt à Gand vendredi soir."}, "fr",
     _IN_BRUSSELS),
])
def test_a_utc_time_is_dated_by_the_newsrooms_clock_where_the_article_says_which(tmp_path, record, language, dated):
    """UTC is given in Amsterdam (Brussels) time for a Dutch or Flemish newsroom or a Dutch article; an article
    in another language keeps UTC. The source or its address decides first, then the language the record names,
    then the language the text is plainly in, then the source language the run was given."""
    (tmp_path / "a.json").write_text(json.dumps({**record, "published": _LATE_UTC}), encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"], language=language))
    assert (article.date, article.time, article.published) == dated


@pytest.mark.parametrize(("value", "published"), [
    ("Tue Jun 11 08:00:00 +0200 2024", "2024-06-11T08:00:00+02:00"),
    ("di 11 jun 2024 08:00 +0200", "2024-06-11T08:00:00+02:00"),
    ("June 11, 2024", "2024-06-11"),
])
def test_front_matter_dates_keep_their_offset_and_invent_no_time(tmp_path, value, published):
    (tmp_path / "a.md").write_text(f"---\ntitle: Brand\ndate: {value}\n---\nEen schuur is uitgebrand.\n",
                                   encoding="utf-8")
    assert only(load_articles([tmp_path / "a.md"])).published == published


@pytest.mark.parametrize("sentence", [
    "Cookies zijn kleine bestanden die websites op je computer zetten.",
    "Inloggen bij DigiD wordt voor ouderen steeds lastiger.",
    "Download de app van de gemeente en meld daar kapotte lantaarnpalen, zegt de wethouder.",
    "Door de regen liep de wedstrijd een uur vertraging op.",
    "Foto's van de brand gingen snel rond op sociale media.",
    "Privacy gaat voor, zegt de burgemeester.",
    "Cookies zonder toestemming zijn verboden.",
    "Kijk dan naar de uitzending van gisteren, waarin de minister uitlegt waarom het plan niet doorgaat.",
    "Hoor de minister zeggen dat hij het plan steunt.",
    "Gedownload door meer dan een miljoen mensen op de eerste dag, bleek de app een succes.",
    "Facebook heeft de advertentie verwijderd.",
    "Meer geld",  # an intertitle, where a site's "Meer Economie" heads a list of other stories
])
def test_article_sentences_that_resemble_furniture_are_kept(tmp_path, sentence):
    path = tmp_path / "a.txt"
    path.write_text(f"Kop van het artikel\n\nDe eerste zin staat hier.\n\n{sentence}\n\nEen laatste zin.")
    assert sentence in only(load_articles([path])).body


# Record shapes from CMS APIs, scrapers, sitemaps and news aggregators: where each keeps the fields.
_FIRST = "Het Zeeuwse veer tussen Kruiningen en Perkpolder vaart vanaf april weer elk uur."
_SECOND = "De provincie betaalt de extra afvaarten."
RECORD_SHAPES = {
    "structured body blocks, a brand": {
        "headline": "Veer Kruiningen-Perkpolder vaart weer elk uur", "brand": "Omroep Zeeland",
        "firstPublishedAt": "2024-03-02T09:00:00+01:00",
        "image": {"url": "https://example.org/veer.jpg", "credit": "ANP / Lex de Meester"},
        "contentBlocks": [{"type": "image", "text": "De veerboot in de haven."},
                          {"type": "paragraph", "text": _FIRST},
                          {"type": "quote", "text": "We zijn blij.", "attribution": "Gedeputeerde"},
                          {"type": "paragraph", "html": f"<p>{_SECOND}</p>"}]},
    "JSON:API data.attributes, a publication": {
        "data": {"type": "story", "id": "x1", "attributes": {
            "title": "Veer Kruiningen-Perkpolder vaart weer elk uur", "publication": "Omroep Zeeland",
            "published_at": "2024-03-02T09:00:00+01:00", "body": f"<p>{_FIRST}</p><p>{_SECOND}</p>"}}},
    "scraper record: page meta tags in a meta block, an h1": {
        "url": "https://www.omroepzeeland.nl/nieuws/1/veer", "scraped_at": "2024-03-03T01:00:00Z",
        "meta": {"og:site_name": "Omroep Zeeland", "article:published_time": "2024-03-02T09:00:00+01:00",
                 "article:modified_time": "2024-03-02T12:00:00+01:00"},
        "h1": "Veer Kruiningen-Perkpolder vaart weer elk uur", "body_html": f"<p>{_FIRST}</p><p>{_SECOND}</p>"},
    "news sitemap keys, a label in the title": {
        "loc": "https://www.omroepzeeland.nl/nieuws/1/veer", "news:publication": {"news:name": "Omroep Zeeland"},
        "news:publication_date": "2024-03-02T09:00:00+01:00", "crawl_ts": "2024-03-03T01:00:00Z",
        "news:title": "UPDATE. Veer Kruiningen-Perkpolder vaart weer elk uur", "text": f"{_FIRST} {_SECOND}"},
    "aggregator record: a cut-off content, the whole text elsewhere, the site after the title": {
        "source": {"id": None, "name": "Omroep Zeeland"}, "publishedAt": "2024-03-02T08:00:00Z",
        "title": "Veer Kruiningen-Perkpolder vaart weer elk uur - Omroep Zeeland",
        "content": f"{_FIRST[:60]}… [+312 chars]", "article_text": f"{_FIRST} {_SECOND}"},
    "Dutch field names, a provider": {
        "kop": "Veer Kruiningen-Perkpolder vaart weer elk uur", "provider": "Omroep Zeeland",
        "publicatiedatum": "02-03-2024 09:00", "laatst_gewijzigd": "03-03-2024 10:00", "tekst": f"{_FIRST}\n\n{_SECOND}"},
    "epoch seconds in ts, WordPress title and Yoast site name": {
        "ts": 1709366400, "title": {"rendered": "Veer Kruiningen-Perkpolder vaart weer elk uur"},
        "content": {"rendered": f"<p>{_FIRST}</p>\n<p>{_SECOND}</p>"},
        "yoast_head_json": {"og_site_name": "Omroep Zeeland"}},
}


@pytest.mark.parametrize("shape", RECORD_SHAPES)
def test_record_shapes_from_apis_scrapers_sitemaps_and_aggregators(tmp_path, shape):
    (tmp_path / "a.json").write_text(json.dumps(RECORD_SHAPES[shape]), encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"]))
    assert (article.title, article.date, article.source) == \
        ("Veer Kruiningen-Perkpolder vaart weer elk uur", "2024-03-02", "Omroep Zeeland")
    assert article.body.startswith(f"{_FIRST}") and _SECOND in article.body and "[+" not in article.body
    assert "veerboot in de haven" not in article.body  # an image block is no text


def test_wrapped_fields_nobody_reads_stay_in_extra(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(RECORD_SHAPES["scraper record: page meta tags in a meta block, an h1"]),
                                     encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"]))
    assert article.extra["scraped_at"] == "2024-03-03T01:00:00Z" and article.url.endswith("/veer")
    assert article.extra["updated"] == "2024-03-02T12:00:00+01:00"


def test_a_headline_ending_in_words_after_a_dash_keeps_them(tmp_path):
    title = "Oude werf in Vlissingen wordt park – buurt mocht meepraten"
    (tmp_path / "a.json").write_text(json.dumps({"title": title, "text": _FIRST}), encoding="utf-8")
    assert only(load_articles([tmp_path / "a.json"])).title == title


def test_a_short_headline_above_its_lead_is_not_taken_for_a_menu_line(tmp_path):
    (tmp_path / "a.txt").write_text("Brand in Pesse\n\nEen schuur aan de Dorpsstraat is vannacht afgebrand.\n\n"
                                    "12 maart 2024\n\nDe brandweer was snel ter plaatse.\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.body.split("\n")[0]) == (
        "Brand in Pesse", "Een schuur aan de Dorpsstraat is vannacht afgebrand.")


@pytest.mark.parametrize("raw", [
    '"Zwolle opent nieuwe bibliotheek aan de Thorbeckegracht | Zwolle | destentor.nl"',
    '"Zwolle opent nieuwe bibliotheek aan de Thorbeckegracht',
    '“Zwolle opent nieuwe bibliotheek aan de Thorbeckegracht | Regio',
])
def test_a_headline_with_an_opening_quote_nothing_closes_loses_it(tmp_path, raw):
    (tmp_path / "a.json").write_text(json.dumps({"title": raw, "text": _FIRST}), encoding="utf-8")
    assert only(load_articles([tmp_path / "a.json"])).title == "Zwolle opent nieuwe bibliotheek aan de Thorbeckegracht"


def test_a_headline_quoting_a_speaker_keeps_its_quotes(tmp_path):
    title = '"We gaan door" zegt burgemeester van Zwolle'
    (tmp_path / "a.json").write_text(json.dumps({"title": title, "text": _FIRST}), encoding="utf-8")
    assert only(load_articles([tmp_path / "a.json"])).title == title


@pytest.mark.parametrize("title", [
    "'Ruzie om oma's huis in Kampen liep uit de hand'",  # a quote headline with an apostrophe in it
    "‘Fietstaks’ van de Fietsersbond voor coalitie: ‘Niet elke fietser blij met plannen’",  # inner quotes
    "'Geen enkele leerling mag de klas uit'",
    "“Zo’n droge zomer heb ik nooit meegemaakt”",
    '"De dijk houdt het niet lang meer"',  # a paper's own headline in a record's title field
])
@pytest.mark.parametrize("suffix", [".json", ".html"])
def test_a_headline_the_paper_printed_in_quotes_keeps_them(tmp_path, title, suffix):
    path = tmp_path / f"a{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps({"title": title, "text": _FIRST}, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(f"<html><body><article><h1>{title}</h1><p>{_FIRST}</p><p>{_SECOND}</p></article>"
                        "</body></html>", encoding="utf-8")
    assert only(load_articles([path])).title == title


@pytest.mark.parametrize(("line", "title"), [
    ('TITLE: "Veer Kruiningen-Perkpolder vaart weer elk uur"', "Veer Kruiningen-Perkpolder vaart weer elk uur"),
    ("“Veer Kruiningen-Perkpolder vaart weer elk uur” | Zeeland", "Veer Kruiningen-Perkpolder vaart weer elk uur"),
    # marks inside: the pair around the line is the headline's own
    ("TITLE: 'Ruzie om oma's huis in Kampen liep uit de hand'", "'Ruzie om oma's huis in Kampen liep uit de hand'"),
    ("‘Fietstaks’ van de Fietsersbond: ‘Niet elke fietser blij’ | Binnenland",
     "‘Fietstaks’ van de Fietsersbond: ‘Niet elke fietser blij’"),
])
def test_the_quotes_a_crawler_put_around_a_text_exports_title_go(tmp_path, line, title):
    (tmp_path / "a.txt").write_text(f"{line}\n2 maart 2024\n\n{_FIRST}\n\n{_SECOND}\n", encoding="utf-8")
    assert only(load_articles([tmp_path / "a.txt"])).title == title


def test_newsapi_titles_lose_the_tail_naming_their_own_site_and_bodies_the_count_of_what_was_cut():
    articles = list(load_articles([LAYOUTS / "newsapi-top-headlines.json"]))
    assert [(a.title, a.source) for a in articles] == [
        ("Provincie legt nieuw fietspad aan langs de Maas bij Roermond", "1Limburg"),  # site and slogan
        # NewsAPI names it by its host, capitalised ("Vpro.nl"); the title's tail spells the name, "VPRO"
        ("Vergeten Hits #3: De Kast - In de wolken", "VPRO"),
        ("Treinen rijden weer tussen Zwolle en Kampen", "RTL Nieuws"),
        ("Veertig jaar na de laatste Elfstedentocht - een terugblik", "NOS"),  # names no site: the headline's
    ]
    assert all(article.body.endswith("…") and "chars]" not in article.body for article in articles)
    assert [article.extra["truncated_chars"] for article in articles] == [1642, 3120, 412, 2250]
    assert articles[0].body.startswith("Tussen Roermond en Swalmen komt een nieuw fietspad langs de Maas.")


def test_vrt_nws_api_records_are_dated_by_publication_sourced_by_their_address_and_open_with_their_lead():
    first, second = load_articles([LAYOUTS / "vrtnws-api-articles.json"])
    # articleDates.publicationDate, not the later updateDate; 23:20 UTC is past midnight in Brussels
    assert (first.published, first.source, first.extra["updated"]) == (
        "2024-03-10T00:20:10+01:00", "VRT NWS", "2024-03-10T09:02:00+0000")
    assert first.body.split("\n\n") == [
        "In Gent is vannacht een loods van een scoutsgroep volledig uitgebrand. Er raakte niemand gewond. "
        "De brandweer vermoedt dat het vuur werd aangestoken.",  # the bold lead, in "description"
        "De brandweer werd rond middernacht opgeroepen voor een brand in de Kortrijksesteenweg. Toen de eerste "
        "ploegen aankwamen, stond de loods al in lichterlaaie. Het materiaal van de scouts ging volledig verloren. "
        "De politie heeft een onderzoek geopend naar brandstichting."]
    assert second.body.startswith("Fietsers kunnen") and second.body.count("Fietsers kunnen") == 1  # no lead twice


@pytest.mark.parametrize(("record", "first"), [
    ({"lead": "Het Zeeuwse veer vaart weer.", "body": _SECOND}, "Het Zeeuwse veer vaart weer."),
    ({"intro": "<p>Het Zeeuwse veer vaart weer.</p>", "text": f"<p>{_SECOND}</p>"}, "Het Zeeuwse veer vaart weer."),
    ({"lead": _FIRST, "body": f"{_FIRST} {_SECOND}"}, _FIRST),  # the body opens with its lead: once
    # a description elsewhere is a summary, not the article's text
    ({"description": "Veer vaart weer.", "body": _SECOND, "url": "https://nos.nl/artikel/1"}, _SECOND),
])
def test_a_lead_kept_apart_from_the_body_opens_it(tmp_path, record, first):
    (tmp_path / "a.json").write_text(json.dumps({"title": "Veer vaart weer", **record}), encoding="utf-8")
    body = only(load_articles([tmp_path / "a.json"])).body
    assert body.startswith(first) and body.count(first) == 1 and body.endswith(_SECOND)


def test_a_teaser_that_sums_up_the_opening_stays_apart_from_the_text():
    """A CMS "intro" that says again, in other words, what the text's first paragraph says is a teaser for
    lists and shares, not a paragraph before the text: kept in extra, never the first sentence."""
    article = only(load_articles([LAYOUTS / "cms-teaser-lead.json"]))
    assert article.body.startswith("Belgische chocolatiers betalen vandaag dubbel zoveel voor hun cacao")
    assert article.extra["intro"] == "De cacaoprijs blijft stijgen, en Belgische chocolatiers voelen het in hun marges."
    assert article.body.endswith("Slechte oogsten in Ivoorkust en Ghana liggen aan de basis.")


# A Dutch CMS record whose lead is kept in a field of its own, printed in bold above the text.
_POOL_LEAD = ("Zwembad De Wetering in Gorinchem gaat in juni en juli dicht voor een grote opknapbeurt. "
              "Wie wil zwemmen, moet uitwijken naar Leerdam.")
_POOL_BODY = ("<p>De gemeente steekt 2,4 miljoen euro in nieuwe filters, een nieuw dak en zuinigere pompen.</p>"
              "<p>Het bad is ruim veertig jaar oud. De laatste grote verbouwing was in 2003.</p>")


@pytest.mark.parametrize("key", ["teaser", "lede", "leadText", "intro_text", "teaserText"])
def test_a_lead_field_that_the_body_does_not_hold_opens_the_body(models, tmp_path, key):
    """A lead is text of the article: where the body goes on after it, it is the first paragraph, so it is
    translated with the rest, not left in extra."""
    path = tmp_path / "wetering.json"
    path.write_text(json.dumps({"title": "Zwembad De Wetering twee maanden dicht", key: _POOL_LEAD,
                                "body": _POOL_BODY, "published": "2024-04-16T10:00:00+02:00"}), encoding="utf-8")
    article = only(load_articles([path]))
    assert article.body.split("\n\n")[0] == _POOL_LEAD and key not in article.extra
    result = invoke_tiny(models, "translate", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    sources = [segment["source"] for segment in json.loads(result.stdout)["segments"]]
    assert "Wie wil zwemmen, moet uitwijken naar Leerdam." in sources


def test_a_teaser_field_that_restates_the_opening_or_is_its_start_stays_in_extra(tmp_path):
    """A teaser that says the first paragraph again in other words, or is the text's start cut short,
    is kept apart: the body opens with the article's own first sentence, once."""
    opening = "Zwembad De Wetering in Gorinchem gaat in juni en juli dicht voor een grote opknapbeurt."
    records = [{"title": "Zwembad De Wetering twee maanden dicht", "body": f"<p>{opening}</p>{_POOL_BODY}",
                "teaser": teaser} for teaser in ("Gorinchem: zwembad De Wetering in juni en juli dicht voor opknapbeurt",
                                                 opening[:60] + "…")]
    path = tmp_path / "wetering.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    for article, record in zip(load_articles([path]), records, strict=True):
        assert article.body.startswith(opening) and article.body.count("Gorinchem") == 1
        assert article.extra["teaser"] == record["teaser"]


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_photo_note_glued_to_a_sentence_leaves_the_body(tmp_path, suffix):
    paragraphs = [_FIRST, f"{_SECOND} (Tekst gaat verder onder de foto.)", "Het veer vaart tot middernacht."]
    path = tmp_path / f"a{suffix}"
    if suffix == ".html":
        path.write_text("<html><body><article><h1>Veer vaart weer elk uur</h1>"
                        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs) + "</article></body></html>",
                        encoding="utf-8")
    else:
        path.write_text("Veer vaart weer elk uur\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    assert only(load_articles([path])).body.split("\n\n") == [_FIRST, _SECOND, "Het veer vaart tot middernacht."]


def test_a_closing_sentence_about_a_message_that_appeared_first_elsewhere_stays(tmp_path):
    last = "Het bericht van de burgemeester verscheen eerst op Facebook."
    (tmp_path / "a.json").write_text(json.dumps({"title": "Veer vaart weer", "text": f"{_FIRST} {last}"}),
                                     encoding="utf-8")
    assert only(load_articles([tmp_path / "a.json"])).body.endswith(last)


def test_newsdata_io_results_name_the_publisher_by_source_id_and_date_pubdate_in_its_zone():
    articles = list(load_articles([LAYOUTS / "newsdata-io-results.json"]))
    assert [(a.title, a.published, a.source, a.author) for a in articles] == [
        # pubDateTZ says UTC: 23:30 UTC is half past midnight the next day in Amsterdam
        ("Brand in leegstaand schoolgebouw in Assen", "2024-03-15T00:30:00+01:00", "NOS", "Sanne de Boer"),
        # an older dump without pubDateTZ: the stamp as written
        ("Gemeente Den Haag wil meer laadpalen in de wijk", "2024-03-12T09:15:42", "De Telegraaf", None),
        ("Kabinet trekt extra geld uit voor jeugdzorg", "2024-03-12T07:02:11", "ANP", "NU.nl/ANP"),
        ("‘Paaltjesbaas’ van de Westhaven: ‘Hier parkeert niemand meer scheef’", "2024-03-11T16:45:09",
         "dewesterkrant", "Ilse Mulder"),
    ]
    bodies = [article.body for article in articles]
    assert bodies[0].startswith("In een leegstaand schoolgebouw")  # the free plan's notice is no text
    assert bodies[2].endswith("goede eerste stap.")  # full_content over the shorter content
    assert bodies[3].endswith("“Ik zag elke dag auto’s op de stoep staan.”")  # WordPress's feed footer left out
    assert [body for body in bodies if "ONLY AVAILABLE" in body or "verscheen eerst" in body] == []


@pytest.mark.parametrize("value", ["8c1d7e52-4f3a-4b6e-9d20-7a5f3c18e9b4", "5e0c2f7a9b4d41c3a8e6f1d2c7b9a034", 40213])
def test_an_identifier_in_a_source_field_names_no_source(tmp_path, value):
    (tmp_path / "a.json").write_text(json.dumps({"title": "Veer vaart weer", "source": value, "text": _FIRST}),
                                     encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"]))
    assert (article.source, article.extra["source"]) == (None, value)


@pytest.mark.parametrize("key", ["tijdstip", "tijd", "verschenen", "verschijningsdatum"])
def test_dutch_names_for_the_moment_of_publication_give_the_date(tmp_path, key):
    record = {"titel": "Brug in Leuven gaat open", "tekst": _FIRST, key: 1715670000000}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert only(load_articles([tmp_path / "a.jsonl"])).date == "2024-05-14"


def test_an_agency_slash_outlet_line_on_a_page_makes_the_agency_the_source():
    article = only(load_articles([LAYOUTS / "agency-slash-outlet-span.html"]))
    assert (article.title, article.source) == ("Gemeente Den Bosch sluit parkeergarage Wolfsdonk", "ANP")


@pytest.mark.parametrize(("closing", "source"), [("Gedeeld via de NOS-app", "NOS"),
                                                 ("Verstuurd vanuit de Omroep Gelderland app", "Omroep Gelderland")])
def test_a_news_apps_share_line_names_the_source_and_leaves_the_body(tmp_path, closing, source):
    (tmp_path / "a.txt").write_text(f"Brand in Pesse verwoest schuur\n\n{_FIRST}\n\nDe brandweer was snel ter plaatse."
                                    f"\n\n{closing}\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.source, closing in article.body) == (source, False)


@pytest.mark.parametrize("reference", ["De Gelderlander - dinsdag 5 maart 2024 - p. 7",
                                       "Uit: De Gelderlander, dinsdag 5 maart 2024, pagina 7",
                                       "De Gelderlander | 05/03/2024 | editie Nijmegen",
                                       # typed in haste: the paper and the day with a space only, the archive's notes
                                       "[De Gelderlander 5/3/24 - p 7 - map Brand, JvL]",
                                       "De Gelderlander 05.03.24 blz 7",
                                       "(De Gelderlander di 5 maart 2024 p7)",
                                       "Bron: De Gelderlander 5-3-2024"])
def test_a_clippings_typed_reference_line_gives_paper_and_date(tmp_path, reference):
    (tmp_path / "a.txt").write_text(f"{reference}\n\nBrand in Pesse verwoest schuur\n\n{_FIRST}\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.source, article.date, article.body.startswith(_FIRST)) == \
        ("Brand in Pesse verwoest schuur", "De Gelderlander", "2024-03-05", True)


@pytest.mark.parametrize("header", ["https://www.rtvdrenthe.nl/nieuws/1234\nscraped_at: 2024-03-07T02:00:00Z",
                                    "Site: Dagblad van het Noorden\nDatum: 05-03-2024 10:00\nGecrawld: 07-03-2024"])
def test_address_scrape_stamp_and_site_lines_stay_out_of_the_body(tmp_path, header):
    (tmp_path / "a.txt").write_text(f"Titel: Brand in Pesse verwoest schuur\nDatum: 05-03-2024 10:00\n{header}\n\n"
                                    f"{_FIRST}\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.date, article.body.startswith(_FIRST)) == ("2024-03-05", True)


def test_a_read_later_apps_host_and_saved_lines_stay_out_of_the_body(tmp_path):
    (tmp_path / "a.txt").write_text(f"Brand in Pesse verwoest schuur\nnos.nl\nNOS · 5 maart 2024\n"
                                    f"Saved to Instapaper on 7 maart 2024\n\n{_FIRST}\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.source, article.date, article.body.startswith(_FIRST)) == ("NOS", "2024-03-05", True)


@pytest.mark.parametrize("subject", ["Brand in Pesse verwoest schuur", "Het nieuws van dinsdag"])
def test_a_newsletter_pasted_with_its_mail_header_names_its_sender_as_source(tmp_path, subject):
    (tmp_path / "a.txt").write_text(f"Van: RTV Drenthe <nieuwsbrief@rtvdrenthe.nl>\nDatum: dinsdag 5 maart 2024 07:00\n"
                                    f"Onderwerp: {subject}\n\nRTV Drenthe | Nieuwsbrief\n\nBrand in Pesse verwoest schuur\n\n"
                                    f"{_FIRST}\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.source, article.date, article.body.startswith(_FIRST)) == \
        ("Brand in Pesse verwoest schuur", "RTV Drenthe", "2024-03-05", True)


def test_a_body_object_with_the_text_inside_is_read_with_its_fields(tmp_path):
    records = [{"title": "Brand in Pesse verwoest schuur", "published": 1709622000000, "origin": {"title": "RTV Drenthe"},
                "summary": {"content": f"<p>{_FIRST}</p>", "direction": "ltr"}},
               {"item": {"provider": {"name": "RTV Drenthe"}, "pubdatum": 1709622000,
                         "content": {"title": "Brand in Pesse verwoest schuur", "body": [{"type": "p", "content": _FIRST}]}}}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    for article in load_articles([tmp_path / "a.jsonl"]):
        assert (article.title, article.source, article.date, article.body) == \
            ("Brand in Pesse verwoest schuur", "RTV Drenthe", "2024-03-05", _FIRST)


def test_media_monitoring_exports_name_outlet_and_day_and_never_a_person_as_source():
    """Meltwater and Cision exports: "source_name"/"Outlet Name" is the outlet, "published_date"/"News Date" the
    day (UTC in Amsterdam time); the ingest and report dates are not, and the reporter is the author only."""
    articles = list(load_articles([LAYOUTS / "media-monitoring-export.jsonl"]))
    assert [(a.title, a.date, a.source, a.author) for a in articles] == [
        ("Leeuwarden zet extra bussen in tijdens Elfstedentocht-herdenking", "2024-10-14", "Leeuwarder Courant",
         "Jelle Visser"),
        ("Nijmeegse Waalkade krijgt nieuwe verlichting", "2024-10-14", "Omroep Gelderland", None),
        ("Groningse musea verlengen openingstijden in de kerstvakantie", "2024-10-14", "Dagblad van het Noorden",
         "Roelof Bakker")]
    assert articles[0].body.startswith("Arriva zet zaterdag twintig extra bussen in")
    assert articles[0].extra["ingested_date"] == "2024-10-14T06:02:51Z"


@pytest.mark.parametrize(("author", "source"), [("Lisa Smit", None), ("Redactie RTV Utrecht", "Redactie RTV Utrecht"),
                                                ("NOS", "NOS")])
def test_an_author_field_is_the_source_only_when_it_names_a_newsroom(tmp_path, author, source):
    (tmp_path / "a.json").write_text(json.dumps({"title": "Brand in Pesse", "text": _FIRST, "author": author}),
                                     encoding="utf-8")
    assert only(load_articles([tmp_path / "a.json"])).source == source


@pytest.mark.parametrize("content", [
    "<p>Het veer vaart weer naar <b>Perkpolder</b>. Dat meldt <a href='https://www.zeeland.nl'>de provincie</a>, "
    "die de <i>extra</i> afvaarten betaalt.</p>",
    "Het veer vaart weer naar <b>Perkpolder</b>. Dat meldt <a href='https://www.zeeland.nl'>de provincie</a>, "
    "die de <i>extra</i> afvaarten betaalt.",
])
def test_inline_markup_in_an_html_body_adds_no_space_and_breaks_no_paragraph(tmp_path, content):
    """A CMS field holds HTML with or without <p>: bold, links and italics are text as a browser shows it."""
    (tmp_path / "a.json").write_text(json.dumps({"title": "Veer vaart weer", "content": content}), encoding="utf-8")
    assert only(load_articles([tmp_path / "a.json"])).body == (
        "Het veer vaart weer naar Perkpolder. Dat meldt de provincie, die de extra afvaarten betaalt.")


def test_an_arc_xp_ans_story_reads_its_headline_display_date_credits_and_text_elements():
    """Arc XP (Arc Publishing) ANS: headlines.basic, display_date (publish_date is the last republication),
    credits.by, taxonomy; content_elements give the text, headers, lists and quotes, never images, embeds or
    "Lees ook" links."""
    story = only(load_articles([LAYOUTS / "arc-ans-story.json"]))
    assert (story.title, story.date, story.time, story.source, story.author) == (
        "Genk legt fietsostrade aan langs het Albertkanaal", "2024-05-22", "00:15", "Het Belang van Limburg",
        "Kristel Vanderhoven, Bart Schoofs")
    assert story.tags == ["fietsen", "mobiliteit", "Genk"] and story.extra["updated"] == "2024-05-23T08:00:00Z"
    assert story.body.split("\n\n") == [
        "De stad Genk legt samen met de provincie Limburg een fietsostrade aan langs het Albertkanaal. De nieuwe "
        "route moet pendelaars sneller naar Hasselt brengen.",
        "Het traject is twaalf kilometer lang en telt geen enkele oversteek met autoverkeer. Onder drie bruggen komt "
        "een aparte fietstunnel.",
        "Drie jaar werken",
        "- 2025: het deel tussen Genk-Zuid en Zonhoven\n- 2026: het deel tot aan het station van Hasselt",
        "Wie vandaag naar Hasselt fietst, moet zeven keer stoppen.\nSchepen van Mobiliteit",
        "De werken kosten 18 miljoen euro, waarvan Vlaanderen de helft betaalt."]


def test_arc_xp_search_results_hold_their_stories_in_content_elements():
    first, second = load_articles([LAYOUTS / "arc-ans-search-results.json"])
    assert [(a.title, a.date, a.source) for a in (first, second)] == [
        ("Treinverkeer Leuven-Brussel hervat na stroomstoring", "2024-05-22", "Belga"),
        ("Stroomstoring bij Infrabel opgelost", "2024-05-22", "Belga")]
    assert second.body == "Infrabel heeft de stroomstoring bij Leuven woensdag om 5 uur verholpen."


def test_an_untitled_arc_xp_story_is_one_article_not_one_per_element(tmp_path):
    story = json.loads((LAYOUTS / "arc-ans-story.json").read_text(encoding="utf-8"))
    del story["headlines"]
    (tmp_path / "a.json").write_text(json.dumps(story), encoding="utf-8")
    article = only(load_articles([tmp_path / "a.json"]))
    assert article.title is None and article.body.startswith("De stad Genk legt samen met de provincie Limburg")


def test_a_source_line_glued_to_the_last_sentence_of_a_crawl_names_the_agency_and_leaves_the_body():
    """A crawler that flattens paragraphs glues "Bron: ANP" to the last sentence; the agency beats the site.
    A "Bron:" naming no known agency or outlet may be a sentence of the article: it stays."""
    articles = list(load_articles([LAYOUTS / "crawl-source-line-glued.jsonl"]))
    endings = ["De eerste 24 uur stallen blijft gratis.", "de drukte op de nachtbussen verlichten.",
               "Dat staat in het nieuwe afvalplan. Bron: gemeente Den Haag"]
    assert [article.source for article in articles] == ["ANP", "ANP", "AD"]
    assert [article.body.endswith(ending) for article, ending in zip(articles, endings)] == [True, True, True]


def test_a_read_later_apps_markdown_export_keeps_its_links_tag_line_and_template_lines_out_of_the_body():
    """Omnivore's export: "#Omnivore", "[Read on Omnivore]" and "[Read Original]" (the article's address),
    date_saved/date_published template lines and a "# Full Content:" heading above the saved text."""
    article = only(load_articles([LAYOUTS / "omnivore-export-full-content.md"]))
    assert (article.title, article.date, article.source, article.author, article.url) == (
        "Antwerpse haven test drijvende zonnepanelen in het Deurganckdok", "2024-07-03", "De Morgen", "Wouter Claeys",
        "https://www.demorgen.be/nieuws/antwerpse-haven-test-drijvende-zonnepanelen~b4f2c91e/")
    assert article.body.startswith("In het Deurganckdok in de Antwerpse haven liggen sinds deze week vierhonderd")
    assert [text for text in ("Omnivore", "Read Original", "Full Content", "date_saved", "2024-07-03")
            if text in article.body.split("Highlights")[0]] == []


@pytest.mark.parametrize("byline", [
    "Jan-Willem van den Bosch, Fleur Hendriks 12-09-24, 17:45 Laatste update: 13-09-24, 08:02",
    "Jan-Willem van den Bosch, Fleur Hendriks 12-09-24, 17:45",
])
def test_a_dpg_sites_byline_with_day_and_time_copied_as_one_line_gives_author_and_date(tmp_path, byline):
    """AD, Tubantia, BN DeStem, HLN print the reporters, "dd-mm-yy, hh:mm" and "Laatste update: ..." in one row."""
    text = (LAYOUTS / "dpg-byline-date-update.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text.replace(text.splitlines()[4], byline), encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.date, article.time, article.source, article.author) == (
        "Roosendaalse kringloopwinkel verhuist naar oude Action-pand", "2024-09-12", "17:45", "BN DeStem",
        "Jan-Willem van den Bosch, Fleur Hendriks")
    assert article.body.startswith("De kringloopwinkel aan de Nieuwe Markt in Roosendaal verhuist in november")
    assert "13-09-24" not in article.body and "Fleur" not in article.body


@pytest.mark.parametrize("block", [
    None,  # the file as the app shares it: share line, address and date as paragraphs of their own
    "https://www.gva.be/cnt/dmf20240314_98765432\nGepubliceerd op 14 maart 2024 om 06:45\nGedeeld via de GVA-app",
])
def test_a_news_apps_share_block_gives_source_date_and_address_and_leaves_the_body(tmp_path, block):
    text = (LAYOUTS / "app-share-block.txt").read_text(encoding="utf-8")
    if block is not None:
        text = text[: text.index("Gedeeld")] + block + "\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.date, article.time, article.source, article.url) == (
        "Kennedytunnel blijft drie weken langer 's nachts dicht", "2024-03-14", "06:45", "Gazet van Antwerpen",
        "https://www.gva.be/cnt/dmf20240314_98765432")
    assert article.body.endswith("raadt vrachtwagens aan om via de Liefkenshoektunnel te rijden.")



@pytest.mark.parametrize("with_mail_header", [True, False])
def test_a_newsletters_view_in_browser_line_masthead_tagline_and_footer_stay_out(tmp_path, with_mail_header):
    """The first story's headline is the title; its preview text, "Bekijk hem online", the masthead with its
    tagline, "Lees meer op ..." and the unsubscribe footer are furniture; every story stays in the body."""
    text = (LAYOUTS / "newsletter-view-in-browser.txt").read_text(encoding="utf-8")
    if not with_mail_header:
        text = text.split("\n\n", 1)[1]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert article.title == "Zoutwinning bij Veendam stopt twee jaar eerder dan gepland"
    assert article.body.startswith("Het zoutbedrijf in Veendam stopt in 2028 met het winnen van zout")
    assert "De gemeente wil tijdelijke units plaatsen op het Zerniketerrein." in article.body
    assert [part for part in ("Bekijk", "mailbox", "Lees meer", "nieuwsbrief", "e-mail", "Vandaag in")
            if part in article.body] == []
    assert (article.source, article.date) == (("Dagblad van het Noorden", "2024-10-16") if with_mail_header
                                              else (None, None))



def test_a_liveblog_starts_with_its_intro_not_with_the_first_post_the_extractor_latched_onto():
    """trafilatura's content XPath catches the first class="post" item and recovers the intro after it, without
    the other posts' titles: the page's own <article>, which holds all it found, is read instead."""
    page = only(load_articles([LAYOUTS / "liveblog-first-post.html"]))
    assert (page.title, page.date, page.source) == ("Hittegolf in Nederland: KNMI geeft code oranje voor Limburg",
                                                    "2024-08-13", "NOS")
    assert page.body.split("\n\n") == [
        "Het KNMI heeft voor dinsdagmiddag code oranje afgegeven voor Limburg vanwege temperaturen tot 37 graden. "
        "In de rest van het land geldt code geel.",
        "Het RIVM roept ouderen op om binnen te blijven op het heetst van de dag. In dit liveblog houden we je op de "
        "hoogte.",
        "Maastricht Aachen Airport meet 36,8 graden",
        "Het weerstation bij Beek heeft om 16.40 uur een temperatuur van 36,8 graden gemeten. Dat is de hoogste "
        "temperatuur van het jaar.",
        "Rijkswaterstaat koelt bruggen",
        "Bij de bruggen over de Maas in Venlo en Roermond spuiten medewerkers water op de draaipunten, zodat die niet "
        "vastlopen.",
        "Zwembaden langer open",
        "Veel buitenbaden in het zuiden blijven vanavond tot tien uur open."]


def test_a_liveblog_whose_posts_are_list_items_keeps_each_posts_title_and_text_apart(tmp_path):
    """The same liveblog with its posts as <li> items: trafilatura reads them as a list."""
    html = (LAYOUTS / "liveblog-first-post.html").read_text(encoding="utf-8")
    html = html.replace('<div class="liveblog-posts">', '<ol class="liveblog-posts">').replace(
        '<div class="post">', '<li class="post">').replace("</p></div>", "</p></li>").replace("</li>\n</div>", "</li>\n</ol>")
    (tmp_path / "list.html").write_text(html, encoding="utf-8")
    page = only(load_articles([tmp_path / "list.html"]))
    assert page.body.startswith("Het KNMI heeft voor dinsdagmiddag code oranje afgegeven voor Limburg")
    assert "- Maastricht Aachen Airport meet 36,8 graden\nHet weerstation bij Beek heeft" in page.body
    assert "- Zwembaden langer open\nVeel buitenbaden" in page.body


@pytest.mark.parametrize(("paragraphs", "ordered"), [
    (["Post twee titel", "Post twee tekst.", "De intro van het blog.", "Post drie tekst."],
     ["De intro van het blog.", "Post twee titel", "Post twee tekst.", "Post drie tekst."]),
    (["Zijbalk onderaan de pagina.", "De intro van het blog.", "Post twee tekst."],
     ["De intro van het blog.", "Post twee tekst.", "Zijbalk onderaan de pagina."]),
    (["De intro van het blog.", "Post twee tekst.", "Zijbalk onderaan de pagina."],
     ["De intro van het blog.", "Post twee tekst.", "Zijbalk onderaan de pagina."]),
])
def test_a_leading_run_of_paragraphs_from_further_down_the_page_goes_back_in_its_place(paragraphs, ordered):
    from newsdigest.readers.html import _in_page_order

    page = "Menu De intro van het blog. Post twee titel Post twee tekst. Post drie tekst. Zijbalk onderaan de pagina."
    assert _in_page_order(paragraphs, page) == ordered


def test_a_forwarded_mails_closing_rule_and_phone_signature_leave_the_body():
    article = only(load_articles([LAYOUTS / "forwarded-mail-outlook-note.txt"]))
    assert article.body.endswith("De bibliotheek zoekt nog vrijwilligers voor de zondagen.")


def test_the_senders_note_above_a_forward_line_is_kept_as_a_note_not_as_text():
    article = only(load_articles([LAYOUTS / "forwarded-mail-note-above.txt"]))
    assert article.extra["note"].startswith("Dag Ingrid, Voor het overleg van donderdag")
    assert "Ingrid" not in article.body and "Hermans" not in article.body
    assert article.body.endswith("De werkzaamheden duren naar verwachting anderhalf jaar.")


def test_a_forwarded_newsletters_intro_list_and_footer_leave_the_story():
    article = only(load_articles([LAYOUTS / "forwarded-newsletter-intro.txt"]))
    assert article.body.endswith("Een deel van de parkeerplaatsen verdwijnt tijdelijk.")
    assert not [word for word in ("Hallo", "middageditie", "UITGELICHT", "Lees het artikel", "Stedelijk", "Afmelden",
                                  "Postbus", "map over") if word in article.body]


def test_a_working_documents_notes_and_comments_go_to_extra_and_never_into_the_text():
    article = only(load_articles([LAYOUTS / "working-document-notes.txt"]))
    assert article.body.endswith("De gemeente regelt een schoolbus.") and "[" not in article.body
    assert article.extra["notes"].endswith("[b]Schoolbus: wie betaalt?")
    assert article.url == "https://www.trouw.nl/onderwijs/dorpsschool-zeeuws-vlaanderen~b91f2c0d/"


def test_an_article_in_parts_between_rules_keeps_every_part(tmp_path):
    part = "De raad stemde in met het plan voor de nieuwe haven, na een debat van zes uur over de kosten en de natuur."
    text = (f"Haven Harlingen wordt groter\n\n{part}\n\n-----\n\n{part} {part} {part}\n\n{part} {part}\n\n"
            f"-----\n\nAfmelden voor de inspraakavond kan tot vrijdag.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    body = only(load_articles([tmp_path / "a.txt"])).body
    assert body.startswith("De raad stemde in") and body.endswith("Afmelden voor de inspraakavond kan tot vrijdag.")


def test_a_lynx_dumps_image_link_and_caption_leave_the_text():
    article = only(load_articles([LAYOUTS / "lynx-dump-link-rel-site.txt"]))
    assert article.body.startswith("Vijf protestantse kerken") and "Grote Kerk" not in article.body
    assert article.credits == ["ANP / Vincent Jannink"]


def test_a_printed_pages_foot_leaves_the_text_and_its_hyphenated_words_are_joined():
    article = only(load_articles([LAYOUTS / "pdftotext-epaper-page.txt"]))
    assert "De accu's worden in de haven opgeladen" in article.body and "Den\nHelder" in article.body
    assert article.body.endswith("directeur Cees de Waal.") and article.credits == ["Koen van Weel"]
    assert article.extra["see_also"] == "Eilanders boos over hogere tarieven pagina 9"


def test_a_line_break_after_a_hyphen_before_en_keeps_the_hyphen(tmp_path):
    (tmp_path / "a.txt").write_text("Akkerbouw onder druk\n\nDe land-\nen tuinbouw in Zeeland verloor dit jaar "
                                    "veel grond aan natuur.\nDe boeren zijn boos.\n", encoding="utf-8")
    assert "De land-\nen tuinbouw" in only(load_articles([tmp_path / "a.txt"])).body


@pytest.mark.parametrize(("name", "last", "absent"), [
    ("copied-page-menu-byline-label.txt", "De bomen komen aan de randen van het plein.",
     ["Radio live", "Zoek", "Geschreven door", "afbeelding", "Volg Omroep Zeeland", "Weet je meer"]),
    ("copied-page-menu-one-line.txt", "De restauratie kost 2,4 miljoen euro.",
     ["Puzzels", "Foto:", "gezien vanaf de Geeuw", "Reageer", "Mail"]),
    # an e-paper page's running heads (also a foot and the next page's head inside the text) and the kicker,
    # streamer, byline and dateline lines between headline and text
    ("pdftotext-running-head-even-page.txt", "Na een jaar beslist de provincie of de regeling blijft.",
     ["Volkskrant", "APRIL", "Onderwijs", "Proef met", "Door", "UTRECHT\n"]),
    ("pdftotext-running-head-foot-page-break.txt", "Het kasteel blijft in die tijd open.",
     ["STANDAARD", "BINNENLAND", "Erfgoed\n", "discussie", "GENT", "10"]),
    ("pdftotext-running-head-four-parts.txt", "Horeca aan de rand van het park liet hen vaak niet binnen.",
     ["Parool", "Stad", "23", "Na klachten", "Jan de Wit"]),
])
def test_a_copied_or_printed_pages_furniture_leaves_the_text(name, last, absent):
    article = only(load_articles([LAYOUTS / name]))
    assert article.body.endswith(last) and not [word for word in absent if word in article.body]


@pytest.mark.parametrize(("name", "fields", "absent"), [
    ("nexis-uni-cover-contents.txt", {"job number": "218436650", "search terms": None,
                                      "graphic": "De pont naar Buiksloterweg bij de steiger achter het station."},
     ["Job Number", "Documents (1)", "Search Terms", "Page 1 of 1", "Late Edition", "Load-Date", "Graphic", "achter het station"]),
    ("gopress-academic-search-summary.txt", {"database": "GoPress Academic", "zoekterm": "tram AND Wilrijk"},
     ["GoPress", "Zoekterm", "Pagina 7", "persoonlijk gebruik", "Copyright"]),
])
def test_a_press_databases_cover_goes_to_extra_and_never_into_the_text(name, fields, absent):
    article = only(load_articles([LAYOUTS / name]))
    assert {key: article.extra.get(key) for key in fields} == fields
    assert not [word for word in absent if word in article.body]


def test_a_press_databases_edition_and_page_lines_are_both_kept():
    article = only(load_articles([LAYOUTS / "gopress-academic-print-header.txt"]))
    assert (article.extra.get("edition"), article.extra.get("page")) == ("Editie: Hasselt", "Pagina 9")


def test_an_interview_opening_with_question_and_answer_lines_keeps_them(tmp_path):
    text = ("Vraag: Waarom stopt u na twintig jaar met de markt?\nAntwoord: Mijn rug wil niet meer, zegt hij.\n\n"
            "Vraag: Wie neemt de kraam over?\nAntwoord: Mijn dochter, vanaf mei.\n")
    (tmp_path / "interview.txt").write_text(text, encoding="utf-8")
    article = only(load_articles([tmp_path / "interview.txt"]))
    assert "Antwoord: Mijn rug wil niet meer" in article.body and "vraag" not in article.extra
    assert article.body.endswith("Antwoord: Mijn dochter, vanaf mei.")


def test_a_wires_end_mark_and_copyright_line_leave_the_body():
    article = only(load_articles([LAYOUTS / "wire-header-block-keys.txt"]))
    assert article.body.endswith("Hulpdiensten kunnen wel langs.")
    assert article.tags == ["BINNENLAND", "brug", "scheepvaart", "Zeeland"]


def test_a_lynx_dumps_link_markers_and_references_leave_the_body():
    article = only(load_articles([LAYOUTS / "lynx-dump-references.txt"]))
    assert article.body.endswith("zegt wethouder Esmah Lahlah.") and "References" not in article.body


def test_a_wallabag_export_dates_by_published_at_never_by_the_save_time_and_names_the_site():
    first, second = load_articles([LAYOUTS / "wallabag-export.json"])
    assert (first.date, first.source, first.author) == ("2024-09-12", "De Morgen", "Lotte Verbeke")
    assert (second.date, second.source) == (None, "Omroep Brabant")
    assert second.body.startswith("De Tilburgse kermis heeft dit jaar minder bezoekers getrokken")


def test_a_diffbot_article_api_response_is_read_from_its_objects():
    article = only(load_articles([LAYOUTS / "diffbot-article-api.json"]))
    assert (article.title, article.date, article.time, article.source, article.author, article.url) == (
        "Delft krijgt nieuwe fietsbrug over de Schie", "2024-06-03", "06:15", "Omroep West", "Ruben Koster",
        "https://www.omroepwest.nl/nieuws/4876123/delft-krijgt-nieuwe-fietsbrug-over-de-schie")
    assert article.body.startswith("Over de Schie bij de TU Delft komt een nieuwe brug")


def test_a_common_crawl_wet_file_gives_one_article_per_page_with_its_address_and_no_crawl_date():
    first, second = load_articles([LAYOUTS / "common-crawl.warc.wet"])
    assert (first.title, first.date, first.time, first.source, first.url) == (
        "Scheveningen krijgt nieuwe reddingspost op het Zuiderstrand", "2024-07-31", "17:20", "Omroep West",
        "https://www.omroepwest.nl/nieuws/4880011/scheveningen-krijgt-nieuwe-strandpost")
    assert first.body.startswith("De reddingsbrigade op het Zuiderstrand in Scheveningen krijgt een nieuwe post.")
    assert first.body.endswith("De nieuwe post krijgt een uitkijktoren en een ruimte voor eerste hulp.")
    assert (second.title, second.date, second.path.endswith("#2")) == (
        "Delft zoekt vrijwilligers voor de Open Monumentendag", None, True)


def test_a_site_known_only_by_its_host_is_named_as_the_record_writes_it_never_with_guessed_capitals():
    """wallabag's "domain_name" and a bare address name the site by its host: the newsroom's byline or the
    headline's tail spells the name; where nothing does, the host stays as it is."""
    named, unnamed = load_articles([LAYOUTS / "wallabag-export-local-sites.json"])
    assert (named.source, named.date, named.author) == ("RTV Dordrecht", "2024-05-21", "Redactie RTV Dordrecht")
    assert (unnamed.source, unnamed.date, unnamed.author) == ("hetkontakt.nl", "2024-05-24", "Wim de Gier")
    tail = only(load_articles([LAYOUTS / "scraper-site-in-title-tail.jsonl"]))
    assert (tail.title, tail.source, tail.date) == (
        "Werk aan Bossche stadswallen duurt een halfjaar langer", "DTV Nieuws", "2024-04-17")


@pytest.mark.parametrize("note", [
    None,  # as written: "> **NB:** ..." above the text
    "> Notitie: navragen bij ProRail of de omleiding ook 's nachts geldt,\n> zie ook mail van 30 april.",
    "> [!note] Eigen aantekening\n> navragen bij ProRail of de omleiding ook 's nachts geldt.",
])
def test_a_note_takers_own_note_and_to_dos_stay_out_of_the_clipped_articles_text(tmp_path, note):
    text = (LAYOUTS / "personal-notes-dutch-keys.md").read_text(encoding="utf-8")
    if note is not None:
        text = text.replace(next(line for line in text.splitlines() if line.startswith("> ")), note)
    (tmp_path / "note.md").write_text(text, encoding="utf-8")
    article = only(load_articles([tmp_path / "note.md"]))
    assert (article.title, article.date, article.source) == (
        "Groningen sluit fietstunnel onder het station een maand", "2024-05-02", "Dagblad van het Noorden")
    assert article.body.startswith("De fietstunnel onder het hoofdstation van Groningen gaat vanaf 13 mei een maand")
    assert article.body.endswith('zegt een woordvoerder.') and "ProRail" not in article.body
    assert "ProRail" in article.extra["note"]
    assert article.extra["tasks"] == ["foto omleiding opvragen", "bericht gedeeld met eindredactie"]


def test_an_iptc_ninjs_item_is_dated_by_its_first_version_never_a_later_one():
    article = only(load_articles([LAYOUTS / "ninjs-wire-item.json"]))
    assert (article.title, article.date, article.time, article.source) == (
        "Antwerpse haven test zelfvarende sleepboot", "2024-06-11", "00:10", "Belga")
    assert article.extra["updated"] == "2024-06-12T07:45:00Z"
    assert article.body.startswith("In de haven van Antwerpen vaart deze week")

def test_a_mongoexport_dates_by_its_extended_json_dates_in_both_forms():
    """{"$date": "...Z"} (relaxed) and {"$date": {"$numberLong": "<epoch ms>"}} (canonical) are dates."""
    first, second = load_articles([LAYOUTS / "mongoexport-extended-json.jsonl"])
    assert (first.title, first.date, first.time, first.source) == (
        "Zwolse binnenstad krijgt extra fietsparkeerplekken", "2024-09-24", "00:15", "De Stentor")
    assert (second.date, second.time) == ("2024-10-01", "00:00")
    assert second.extra["_id"] == "66f1c0d2a9e3b71c4d5e6f71" and second.extra["lengte"] == "24"

def test_a_scrapy_spiders_list_valued_fields_are_read_as_their_one_value():
    """Scrapy items hold every field as a list (["\\n  Titel  "]) unless the spider's loader takes the first."""
    first, second = load_articles([LAYOUTS / "scrapy-items-lists.json"])
    assert (first.title, first.date, first.time, first.source, first.author) == (
        "Middelburgse abdij krijgt nieuwe klokken in de Lange Jan", "2024-10-03", "16:20", "Omroep Zeeland",
        "Lieke Dekker")
    assert first.body.startswith("In de toren van de Lange Jan in Middelburg hangen sinds woensdag drie nieuwe klokken.")
    assert first.body.endswith("Het carillon speelt vanaf zaterdag weer elk kwartier.")
    assert (second.title, second.date, second.time) == ("Vlissingse boulevard dicht vanwege storm", "2024-10-04", "09:05")



def test_scrapys_jl_feed_export_is_json_lines_and_picked_up_from_a_folder(tmp_path):
    """`scrapy crawl -o items.jl` writes JSON lines under .jl: one article a line, also found in a folder."""
    first, second = load_articles([LAYOUTS / "scrapy-feed-export.jl"])
    assert (first.title, first.date, first.source, first.author) == (
        "Uientelers wachten op droog weer", "2025-04-02", "Boerderij", "Gert Nijland")
    assert first.body.startswith("Uientelers in Zeeland en West-Brabant kunnen nog niet zaaien")
    assert (second.title, second.date, second.path) == ("Melkprijs licht omhoog", None, f"{LAYOUTS}/scrapy-feed-export.jl:2")
    (tmp_path / "items.jl").write_bytes((LAYOUTS / "scrapy-feed-export.jl").read_bytes())
    assert [article.title for article in load_articles([tmp_path])] == [first.title, second.title]


def test_a_monitoring_export_with_dutch_keys_reads_its_message_as_the_text():
    """Dutch media-monitoring exports name the text "bericht" beside "titel", "datum", "bron" and "auteur"."""
    article = only(load_articles([LAYOUTS / "monitoring-export-dutch-keys.json"]))
    assert (article.title, article.date, article.time, article.source, article.author) == (
        "Deventer zet plan voor fietsenstalling bij station in de ijskast", "2025-04-03", "08:30", "De Stentor",
        "Iris Wolters")
    assert article.body.startswith("De gemeente Deventer stelt de bouw") and article.extra["bereik"] == 85000


def test_a_crawls_enrichment_block_gives_the_text_and_the_publication_date_never_the_crawl_time():
    """A GDELT-style export: the crawler's "seendate" (the next day in UTC) is no publication date; the text and
    the page's own date sit in the crawl's "enrich" block."""
    article = only(load_articles([LAYOUTS / "crawl-export-enriched-fields.json"]))
    assert (article.title, article.date, article.time, article.source) == (
        "Assen krijgt nieuw zwembad aan de Vaart", "2025-06-03", "22:40", "RTV Drenthe")
    assert article.body.startswith("Assen krijgt een nieuw zwembad aan de Vaart.")


def test_relative_dates_count_back_from_when_the_export_was_made():
    """A dashboard's export ({"bijgewerkt": ..., "artikelen": [...]}, a list under a name of its own) keeps the dates
    as the page showed them; counted back from its own time: hours give a moment, days only a day."""
    hours, yesterday, days = load_articles([LAYOUTS / "dashboard-export-relative-dates.json"])
    assert (hours.title, hours.source, hours.date, hours.time) == (
        "Rijkswaterstaat sluit Haringvlietbrug een nacht", "NOS", "2025-03-14", "19:10")  # 18:10 UTC
    assert hours.body.startswith("De Haringvlietbrug is in de nacht") and hours.extra["date_as_written"] == "3 uur geleden"
    assert (yesterday.date, yesterday.time, days.date, days.time) == ("2025-03-13", None, "2025-03-12", None)


def test_a_relative_date_counts_back_from_the_records_crawl_time_and_stays_undated_without_one():
    crawled, unknown = load_articles([LAYOUTS / "scraper-relative-dates.jsonl"])
    assert (crawled.date, crawled.time) == ("2025-03-15", "00:43")  # 23:43 UTC: the next day in Zeeland
    assert (unknown.date, unknown.extra["published"]) == (None, "2 uur geleden")


def test_a_pandoc_notes_fenced_divs_keep_their_text_and_its_asides_stay_out_as_notes():
    article = only(load_articles([LAYOUTS / "pandoc-note-fenced-divs.md"]))
    assert (article.title, article.date, article.source) == (
        "Leuven legt eerste warmtenet aan in Kessel-Lo", "2024-03-12", "Het Laatste Nieuws")
    assert article.body.startswith("In Kessel-Lo begint de stad Leuven deze zomer met de aanleg van een warmtenet")
    assert "De warmte komt van de afvalverbranding" in article.body and ":::" not in article.body
    assert "Overgetypt" not in article.body and "Gent (hoofdstuk 3)" not in article.body
    assert article.extra["note"] == ("Overgetypt uit de papieren krant, citaat nog controleren.\n\n"
                                     "Vergelijken met Gent (hoofdstuk 3).")


def test_a_markdownload_clip_reads_the_byline_and_date_under_the_captioned_photo_and_starts_at_the_text():
    """MarkDownload keeps the page's order: photo, caption with its credit, bare byline, "Gepubliceerd: ..."."""
    article = only(load_articles([LAYOUTS / "MarkDownload - Brugse reien krijgen nieuwe rondvaartboten.md"]))
    assert (article.title, article.date, article.time, article.source, article.author) == (
        "Brugse reien krijgen elektrische rondvaartboten", "2025-03-04", "16:48", "De Standaard", "Ellen Vermeulen")
    assert article.body.startswith("Vanaf volgend seizoen varen er op de Brugse reien alleen nog elektrische")
    assert article.body.endswith("zegt schepen van Toerisme Mieke Hoste.")


def test_a_pages_date_is_the_one_under_its_headline_and_byline_never_a_teasers_or_the_modified_time():
    """Only article:modified_time is structured; the header shows a byline, the date, then "Bijgewerkt: ..."."""
    article = only(load_articles([LAYOUTS / "header-date-after-byline-modified-meta.html"]))
    assert (article.title, article.date, article.time, article.source) == (
        "Bossche Sint-Jan krijgt nieuwe verlichting", "2024-11-06", "10:25", "Omroep Brabant")
    assert article.extra["updated"] == "2024-11-08T16:40:00+01:00"
    assert article.body.startswith("De Sint-Janskathedraal in Den Bosch wordt vanaf december")


def test_a_page_with_only_a_modified_time_is_not_dated_by_it():
    article = only(load_articles([LAYOUTS / "modified-time-only.html"]))
    assert (article.title, article.date, article.extra["updated"]) == (
        "Tilburgse stadsbussen rijden voortaan op waterstof", None, "2024-11-12T08:05:00+01:00")


def test_a_video_players_title_above_the_text_is_no_sentence_of_the_article():
    article = only(load_articles([LAYOUTS / "video-player-title-above-text.html"]))
    assert article.body.startswith("Bij station Zwolle staat sinds maandag de eerste fietsenstalling")
    assert "Zo ziet de nieuwe stalling" not in article.body and "Video afspelen" not in article.body
    assert article.body.endswith("De stalling biedt plek aan 1800 fietsen en is de eerste 24 uur gratis.")


def test_a_firefox_reader_view_save_is_read_from_its_text_with_the_originals_address_and_site():
    """The view names the site only by its link to the original ("www.volkskrant.nl"); Readability keeps the
    original's kicker and byline above the text."""
    article = only(load_articles([LAYOUTS / "Gemeente Utrecht verlaagt parkeertarief voor bewoners (leesweergave).html"]))
    assert (article.title, article.date, article.time, article.source, article.author) == (
        "Gemeente Utrecht verlaagt parkeertarief voor bewoners", "2024-05-14", "06:00", "de Volkskrant", "Sander Meijer")
    assert article.url.startswith("https://www.volkskrant.nl/nieuws-achtergrond/gemeente-utrecht")
    assert article.body.startswith("Bewoners van de Utrechtse binnenstad gaan vanaf juli minder betalen")
    assert article.body.endswith("een uur kost nog altijd 7,50 euro.") and "Binnenland" in article.tags


def test_an_iptc_ninjs_2_item_reads_its_main_headline_and_body_among_the_alternatives():
    article = only(load_articles([LAYOUTS / "ninjs2-wire-item.json"]))
    assert (article.title, article.date, article.time, article.source) == (
        "Gent test verkeerslichten die fietsers voorrang geven bij regen", "2024-09-18", "07:20", "Belga")
    assert article.body == ("Op vijf kruispunten in Gent krijgen fietsers vanaf maandag sneller groen als het regent."
                            "\n\nSensoren meten de neerslag en passen de wachttijden automatisch aan.")


def test_a_headline_that_trafilatura_takes_for_the_site_name_is_not_the_source():
    # "<label. headline: quote> | section | host" in <title>: trafilatura's sitename is then the headline part
    article = only(load_articles([LAYOUTS / "title-section-and-host-suffix.html"]))
    assert (article.source, article.title) == ("Gazet van Antwerpen",
                                               "Antwerpse veerpont vaart weer na drie weken herstel: “Eindelijk”")


@pytest.mark.parametrize("name", ["clipping-closing-note-page.txt", "clipping-closing-bron-rule.txt",
                                  "clipping-closing-appeared-in.txt", "clipping-closing-dash-page.txt"])
def test_a_clippings_closing_note_leaves_the_body(name):
    body = only(load_articles([LAYOUTS / name])).body
    assert body.endswith(".") and not [word for word in ("Bron", "Verschenen", "pagina", "p. 14", "2025") if word in body]


def test_an_open_letter_that_opens_with_a_greeting_and_closes_with_a_sign_off_keeps_its_text(tmp_path):
    letter = ("Beste burgemeester,\n\nAl drie jaar vragen wij om een zebrapad bij de school aan de Dorpsstraat. Elke "
              "ochtend steken tweehonderd kinderen daar over.\n\nWij vragen u dit voor de zomer te regelen.\n\n"
              "Met vriendelijke groet,\nDe ouderraad van basisschool De Klimop\n")
    (tmp_path / "brief.txt").write_text(letter, encoding="utf-8")
    article = only(load_articles([tmp_path / "brief.txt"]))
    assert article.body.endswith("Met vriendelijke groet,\nDe ouderraad van basisschool De Klimop")
    assert "Al drie jaar vragen wij" in article.body and "note" not in article.extra


@pytest.mark.parametrize(("name", "note", "absent"), [
    ("forward-note-signature-no-rule.txt", "Hoi Sanne,", ["Hoi", "Groetjes", "Koen", "overleg"]),
    ("forward-english-note-belgian-paper.txt", "Hi Tom,", ["Hi Tom", "Best,", "Anna", "Monday"]),
    ("forward-quoted-reply.txt", "Hoi Eva,", ["Eva", "Gr. Bas", "schreef", ">"]),
    ("note-above-article-no-mail-header.txt", "Hallo allemaal,", ["Hallo", "groet", "Lies", "reactie"]),
])
def test_a_senders_note_above_a_forwarded_article_is_kept_as_a_note_never_as_text(name, note, absent):
    article = only(load_articles([LAYOUTS / name]))
    assert article.extra["note"].startswith(note)
    assert not [word for word in absent if word in article.body]


@pytest.mark.parametrize(("line", "author", "date", "time"), [
    ("Ruud Kleinsman 28-02-25, 06:12", "Ruud Kleinsman", "2025-02-28", "06:12"),
    ("Ruud Kleinsman 28-02-2025 06:12", "Ruud Kleinsman", "2025-02-28", "06:12"),
    ("Lisa Brouwer za 12 apr 2025 om 09:12", "Lisa Brouwer", "2025-04-12", "09:12"),
    ("Sofie Claes vrijdag 11 april 2025, 06:00", "Sofie Claes", "2025-04-11", "06:00"),
    ("Jan Peeters 12/04/2025", "Jan Peeters", "2025-04-12", None),
    ("Jesse Mulder 12.04.2025", "Jesse Mulder", "2025-04-12", None),
    ("Marieke van den Berg en Tom de Wit 3 maart 2025, 17:45", "Marieke van den Berg en Tom de Wit", "2025-03-03",
     "17:45"),
    ("Door Eva Smit · za 12 apr 2025, 09:12", "Eva Smit", "2025-04-12", "09:12"),
])
def test_a_byline_with_a_date_in_any_known_form_gives_author_and_date(tmp_path, line, author, date, time):
    (tmp_path / "a.txt").write_text(f"Tubantia\nOldenzaal\nOldenzaal krijgt een nieuwe stadsbeiaardier\n{line}\n\n"
                                    "De gemeente Oldenzaal heeft een nieuwe beiaardier gevonden.\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.author, article.date, article.time, article.source) == (
        "Oldenzaal krijgt een nieuwe stadsbeiaardier", author, date, time, "Tubantia")
    assert article.body == "De gemeente Oldenzaal heeft een nieuwe beiaardier gevonden."


_TEXT = "De gemeente Oldenzaal heeft een nieuwe beiaardier gevonden. Hij begint in mei.\n\nDe beiaard speelt elk kwartier.\n"


@pytest.mark.parametrize(("note", "source", "date"), [
    ("Bron: De Morgen (12 april 2025)", "De Morgen", "2025-04-12"),
    ("[Het Nieuwsblad, 11/04/2025]", "Het Nieuwsblad", "2025-04-11"),
    ("Gepubliceerd in de Volkskrant op 3 maart 2025", "de Volkskrant", "2025-03-03"),
    ("Uit: Trouw, 12-04-2025, pagina 3", "Trouw", "2025-04-12"),
    ("De Standaard | za 12 apr 2025", "De Standaard", "2025-04-12"),
    ("(Bron: Het Belang van Limburg, 11 april 2025)", "Het Belang van Limburg", "2025-04-11"),
    ("Dit artikel verscheen eerder in NRC op 4 maart 2025.", "NRC", "2025-03-04"),
    ("Het Parool, 12.04.2025, p. 7", "Het Parool", "2025-04-12"),
])
def test_a_clippings_closing_note_in_any_form_gives_paper_and_day(tmp_path, note, source, date):
    (tmp_path / "a.txt").write_text(f"Oldenzaal krijgt een nieuwe stadsbeiaardier\n\n{_TEXT}\n{note}\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.source, article.date, article.body) == (source, date, _TEXT.strip())


@pytest.mark.parametrize(("head", "source", "date", "page"), [
    ("6 | Trouw | zaterdag 12 april 2025", "Trouw", "2025-04-12", "6"),
    ("NRC | DONDERDAG 3 APRIL 2025 | 5", "NRC", "2025-04-03", "5"),
    ("PAGINA 6   TROUW   ZATERDAG 12 APRIL 2025", "Trouw", "2025-04-12", "6"),
    ("12   ZATERDAG 12 APRIL 2025   HET PAROOL", "Het Parool", "2025-04-12", "12"),
    ("De Morgen   Vrijdag 11 april 2025   15", "De Morgen", "2025-04-11", "15"),
    ("BUITENLAND   13   De Standaard   zaterdag 12 april 2025", "De Standaard", "2025-04-12", "13"),
])
def test_an_e_papers_running_head_in_any_order_gives_paper_day_and_page(tmp_path, head, source, date, page):
    (tmp_path / "a.txt").write_text(f"{head}\n\nOldenzaal krijgt een nieuwe stadsbeiaardier\n\nDoor Jan Smit\n\n{_TEXT}",
                                    encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.source, article.date, article.extra["page"], article.author, article.body) == (
        "Oldenzaal krijgt een nieuwe stadsbeiaardier", source, date, page, "Jan Smit", _TEXT.strip())


_FORWARDED = ("Het Nieuwsblad\n\nGentse Feesten krijgen dit jaar een extra podium aan de Leie\n\n"
              "vrijdag 11 april 2025 om 14:12\n\nDe Gentse Feesten krijgen deze zomer een elfde podium, op een ponton in "
              "de Leie aan de Graslei. Dat heeft het stadsbestuur vrijdag beslist.\n\nHet podium is voor jonge bands.\n")


@pytest.mark.parametrize("header", [
    "---------- Doorgestuurd bericht ---------\nVan: Anna <anna@example.be>\nDatum: za 12 apr 2025 om 10:02\n"
    "Onderwerp: podium\nAan: Tom <tom@example.be>\n\n",
    "Van: Anna Claes <anna@example.be>\nVerzonden: zaterdag 12 april 2025 10:02\nAan: Tom\nOnderwerp: FW: podium\n\n",
    "Begin forwarded message:\n\nFrom: Anna <anna@example.be>\nDate: 12 April 2025 at 10:02:11 CEST\nSubject: podium\n"
    "To: Tom <tom@example.be>\n\n",
])
@pytest.mark.parametrize("note", ["FYI", "Zie hieronder.", "Ter info.\n\nAnna", "Hoi Tom, leuk voor de agenda! Groetjes, Anna",
                                  "Hi Tom,\n\nSee below.\n\nKind regards,\nAnna Claes\nCommunicatie Stad Gent",
                                  "Dag Tom,\nZie onder.\nGr,\nAnna"])
def test_a_forwards_note_however_short_greeted_or_signed_stays_out_of_the_article(tmp_path, header, note):
    (tmp_path / "fwd.txt").write_text(f"{header}{note}\n\n{_FORWARDED}", encoding="utf-8")
    article = only(load_articles([tmp_path / "fwd.txt"]))
    assert (article.title, article.source, article.date, article.time) == (
        "Gentse Feesten krijgen dit jaar een extra podium aan de Leie", "Het Nieuwsblad", "2025-04-11", "14:12")
    assert article.body.startswith("De Gentse Feesten") and article.extra["note"] == " ".join(note.split())


def test_a_forwarded_headline_ending_in_a_question_mark_is_no_note(tmp_path):
    (tmp_path / "fwd.txt").write_text("---------- Forwarded message ---------\nFrom: Anna <anna@example.be>\n"
                                      "Subject: huren\n\nWaarom stijgen de huren in Gent zo hard?\n\nDoor Jan Smit\n\n"
                                      "De huren in Gent stegen vorig jaar met acht procent. Dat blijkt uit cijfers van "
                                      "de stad.\n\nVooral studenten voelen het.\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "fwd.txt"]))
    assert (article.title, article.author) == ("Waarom stijgen de huren in Gent zo hard?", "Jan Smit")
    assert article.body.startswith("De huren in Gent stegen") and "note" not in article.extra


@pytest.mark.parametrize("signature", [
    "Groet,\nJoost\n\nJoost van Dam | eindredacteur\nStreekomroep West\nT 071 - 512 34 56\n\n________________________________\n",
    "Cheers,\nJoost\n\n--\n\n",
    "Met vriendelijke groet,\nJoost van Dam\n\nJoost van Dam\nWoordvoerder | Gemeente Leiden\n\n"
    "Van: Ilse Bakker <i.bakker@example.nl>\nVerzonden: vrijdag 11 april 2025 17:02\nAan: Joost van Dam <jvd@example.nl>\n"
    "Onderwerp: stuk Leidsch Dagblad\n\n",
    "Groet,\nJoost\n\nVan: Ilse Bakker <i.bakker@example.nl>\nVerzonden: vrijdag 11 april 2025 17:02\n"
    "Onderwerp: stuk Leidsch Dagblad\n\nJoost, dit stond vandaag op de site. Ik heb de tekst hieronder geplakt.\n\n"
    "https://www.leidschdagblad.nl/leiden/speeltuin-leidse-hout~a81c2/\n\n",
])
def test_a_senders_signature_block_above_the_forwarded_article_stays_out_of_it(tmp_path, signature):
    text = ("Van: Joost van Dam <jvd@example.nl>\nVerzonden: zaterdag 12 april 2025 09:14\nAan: Team <team@example.nl>\n"
            "Onderwerp: FW: stuk Leidsch Dagblad\n\nHoi allemaal,\n\nHet stuk van gisteren, ter info.\n\n" + signature +
            "Leidsch Dagblad\n\nLeidse Hout krijgt nieuwe speeltuin met waterpartij\n\nDoor Femke Verbeek\n\n"
            "In de Leidse Hout komt deze zomer een nieuwe speeltuin met een waterpartij. De gemeente trekt er twee ton "
            "voor uit.\n\nDe oude speeltuin was versleten.\n")
    (tmp_path / "fw.txt").write_text(text, encoding="utf-8")
    article = only(load_articles([tmp_path / "fw.txt"]))
    assert (article.title, article.source, article.author) == (
        "Leidse Hout krijgt nieuwe speeltuin met waterpartij", "Leidsch Dagblad", "Femke Verbeek")
    assert article.body.startswith("In de Leidse Hout komt") and "Joost" not in article.body


def test_an_agencys_photo_credit_alone_on_a_line_in_the_text_is_no_running_head(tmp_path):
    (tmp_path / "a.txt").write_text("NOS\nBinnenland\nGemeenten slaan alarm over volle nachtopvang\n"
                                    "Gepubliceerd: 3 februari 2025, 06:31\n\nDe nachtopvang is vol.\n\n"
                                    "Een slaapzaal in de opvang\nANP\n\nDe gemeenten willen meer geld.\n", encoding="utf-8")
    assert only(load_articles([tmp_path / "a.txt"])).source == "NOS"


@pytest.mark.parametrize(("name", "player_title", "first", "last"), [
    # a styled-components wrapper named in CamelCase around the site's own "rtl-player"
    ("video-player-camelcase-wrapper.html", "Omwonenden in Aalsmeer",
     "Schiphol laat komende winter geen extra nachtvluchten toe", "spreken van een kleine overwinning."),
    # CSS modules: "VideoPlayer_root__q7Wc1", its title in "VideoPlayer_title__b9Nm3"
    ("video-player-css-module.html", "Fietsers staan voor een dichte stalling",
     "De gemeente Den Haag sluit de fietsenstalling onder het Spuiplein", "in een stalling bij Den Haag Centraal."),
    # a "jwplayer" box: a player by its <video> and play button, not by a word of its own class
    ("video-player-jwplayer.html", "Brandweerman gaat te water",
     "De brandweer van Mechelen heeft woensdagochtend een zwaan gered", "vogelopvangcentrum in Herenthout gebracht."),
    ("audio-player-camelcase.html", "Radio 2 Vlaams-Brabant",
     "In de bibliotheek van Leuven kunnen leden vanaf juni", "zolang het niet met opzet gebeurde."),
    # hashed class names only: the title is the one the page declares for its video in JSON-LD
    ("video-title-in-json-ld.html", "Zo ziet de verzakte kade",
     "Een stuk kade aan de Boompjes in Rotterdam is dinsdagmiddag", "Hoe lang het herstel duurt, is nog niet bekend."),
])
def test_a_players_title_above_the_text_in_any_markup_is_no_sentence_of_the_article(name, player_title, first, last):
    body = only(load_articles([LAYOUTS / name])).body
    assert body.startswith(first) and body.endswith(last)
    assert player_title not in body and "Afspelen" not in body and "Beluister" not in body


@pytest.mark.parametrize(("name", "published"), [
    # the visible text has no year, "Meer nieuws" teasers further down carry older <time datetime>s
    ("header-time-without-year.html", "2024-06-04T08:40:00+02:00"),
    # "2 uur geleden" in the byline; a "Net binnen" list above the article holds older times
    ("header-time-relative.html", "2024-07-10T10:25:00+02:00"),
    # the update's <time> stands first in the header: never the publication
    ("header-time-update-before-published.html", "2024-08-13T18:05:00+02:00"),
    # a UTC datetime counts in Brussels time
    ("header-time-utc.html", "2024-07-29T14:20:00+02:00"),
])
def test_a_pages_date_is_the_datetime_of_the_time_under_its_headline_never_a_teasers(name, published):
    assert only(load_articles([LAYOUTS / name])).published == published


@pytest.mark.parametrize(("name", "intro", "second"), [
    # DPG: the bold "article__intro" under the photo, outside "article__body", which extraction takes alone
    ("bold-intro-under-photo.html", "Wie deze zomer laat in Vlissingen is, kan toch nog met de voetveer naar Breskens.",
     "Tot nu toe vertrok de laatste boot om tien over elf."),
    ("bold-intro-in-header.html", "Tussen Kortrijk en Harelbeke komt een fietsostrade langs de Leie.",
     "Het nieuwe fietspad wordt vier meter breed"),
    # a bold paragraph with no class between the headline and the text
    ("bold-intro-without-class.html", "De Zoo van Antwerpen bouwt een nieuw verblijf voor zijn zeeleeuwen.",
     "Het nieuwe bad wordt drie keer zo groot"),
    # already inside the text's block: once
    ("bold-intro-in-body.html", "In de binnenstad van Nijmegen is het vanaf 1 juni verboden om lachgas",
     "De gemeente neemt de maatregel na klachten"),
    # a lead in plain type that the text goes on from: the text opens with a shell noun that sums it up
    # ("De maatregel ...", "Het besluit ...", "The move ...")
    ("plain-lead-shell-noun-maatregel.html", "Vanaf april gaan de containerparken in negen Limburgse gemeenten",
     "De maatregel moet jaarlijks"),
    ("plain-intro-shell-noun-besluit.html", "Wie bij de IJsselhallen in Zwolle parkeert, moet vanaf 1 juli betalen.",
     "Het besluit volgt op jarenlange klachten"),
    ("plain-standfirst-shell-noun-english.html", "Amsterdam will allow no more than 100 sea cruise ships",
     "The move halves the number"),
    # a standfirst in plain type above a text that stands alone: the author's own words, translated with the rest
    ("plain-standfirst-above-standalone-text.html", "Boeren die willen stoppen, vinden geen koper meer voor hun grond.",
     "Op een winderige ochtend in maart"),
    ("plain-standfirst-above-standalone-definite.html", "In Westerbork wekken de bewoners samen meer stroom op",
     "De zon staat nog laag"),
    # nu.nl (2017): the lead in an "item-excerpt" block of the header, an advertorial block between it and the text
    ("excerpt-block-above-text-block.html", "De gemeente Zwolle sluit de ondergrondse fietsenstalling bij het station",
     "Reizigers moeten hun fiets voorlopig kwijt"),
])
def test_a_lead_above_the_text_is_its_first_paragraph_and_never_lost(name, intro, second):
    """The bold intro of Dutch and Flemish papers, and a standfirst in plain type, is the story's own opening:
    leaving it out drops text."""
    paragraphs = only(load_articles([LAYOUTS / name])).body.split("\n\n")
    assert paragraphs[0].startswith(intro) and paragraphs[1].startswith(second)
    assert sum(intro in paragraph for paragraph in paragraphs) == 1


@pytest.mark.parametrize(("byline", "source"), [("Door: NU.nl", "NU.nl"), ("Door: ANP/NU.nl", "ANP"),
                                              ("Door: ANP", "ANP"), ("By: Reuters", "Reuters")])
def test_an_agency_as_the_byline_under_the_text_is_the_source(tmp_path, byline, source):
    """nu.nl credits wire copy in its byline ("Door: ANP/NU.nl"), which extraction drops as too short."""
    page = (LAYOUTS / "excerpt-block-above-text-block.html").read_text(encoding="utf-8")
    (tmp_path / "page.html").write_text(page.replace("Door: NU.nl", byline), encoding="utf-8")
    article = only(load_articles([tmp_path / "page.html"]))
    assert article.source == source and byline not in article.body


def test_a_reviews_info_line_above_the_text_is_no_lead(tmp_path):
    """"Titel, maker. Zaal, stad. Gezien op 13 oktober.": short parts without sentences, the review's info line."""
    (tmp_path / "recensie.html").write_text(
        '<html><head><title>Recensie</title></head><body><article><header><h1>Dansvoorstelling Golfslag verrast in '
        'Utrecht</h1><p class="review__intro-head">Golfslag, door Dansgroep Noord. Stadsschouwburg, Utrecht. Gezien '
        'op 2 mei.</p></header><div class="review__body"><p>Wie bij Golfslag een rustige avond verwacht, komt '
        'bedrogen uit.</p><p>Vijf dansers rennen anderhalf uur over een toneel vol water.</p></div></article>'
        '</body></html>', encoding="utf-8")
    body = only(load_articles([tmp_path / "recensie.html"])).body
    assert body.startswith("Wie bij Golfslag een rustige avond verwacht") and "Gezien op" not in body


def test_an_excerpt_cut_off_with_an_ellipsis_is_a_teaser_not_the_lead():
    body = only(load_articles([LAYOUTS / "excerpt-cut-off-above-text.html"])).body
    assert body.startswith("De Vlaamse regering trekt twaalf miljoen euro uit") and "niet langer..." not in body


def test_a_byline_in_bold_above_the_bold_intro_is_not_taken_for_it(tmp_path):
    html = (LAYOUTS / "bold-intro-without-class.html").read_text(encoding="utf-8").replace(
        '<p class="author">Karen Wuyts</p>', "").replace(
        "<p><strong>De Zoo", "<p><strong>Door Karen Wuyts en Pieter-Jan van den Broeck.</strong></p>\n  <p><strong>De Zoo")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    article = only(load_articles([tmp_path / "page.html"]))
    assert "Door Karen" not in article.body and article.body.startswith("De Zoo van Antwerpen bouwt")


@pytest.mark.parametrize(("name", "title", "date", "source", "url", "first"), [
    # a student's note without front matter or title: "Titel:", "Datum:", "Bron:", "Link:" lines on top
    ("note-labelled-lines-without-title.md", "Kinderopvang in Utrecht wordt vanaf september duurder", "2025-03-12",
     "AD", "https://www.ad.nl/utrecht/kinderopvang-in-utrecht-wordt-vanaf-september-duurder~a4f1c2d9/",
     "Ouders in Utrecht betalen vanaf september"),
    # the labels in bold under the # title, with Markdown's two-space line breaks
    ("note-bold-labels-under-title.md", "Den Haag wil minder geparkeerde deelscooters op de stoep", "2025-05-20",
     "Omroep West", "https://www.omroepwest.nl/nieuws/4981230/den-haag-wil-minder-deelscooters-op-de-stoep",
     "De gemeente Den Haag gaat deelscooters weren"),
    # as a list
    ("note-list-labels-under-title.md", "Provincie Groningen stopt met subsidie voor thuisbatterijen", "2025-04-07",
     "RTV Noord", "https://www.rtvnoord.nl/nieuws/1198532/provincie-stopt-met-subsidie-thuisbatterijen",
     "De provincie Groningen stopt per direct"),
])
def test_labelled_lines_on_top_of_a_markdown_note_are_its_fields(name, title, date, source, url, first):
    article = only(load_articles([LAYOUTS / name]))
    assert (article.title, article.date, article.source, article.url) == (title, date, source, url)
    assert article.body.startswith(first) and "Link" not in article.body and "Datum" not in article.body


def test_headline_style_lines_with_a_colon_are_no_labels():
    """"Rechter: ..." names no field the reader knows: without a title above, such lines stay text."""
    body = only(load_articles([LAYOUTS / "note-colon-lines-are-no-labels.md"])).body
    assert body.startswith("Rechter: woningcorporatie moet huurder schadeloos stellen")


@pytest.mark.parametrize(("handle", "address", "suffix", "source"), [
    # trafilatura makes "Omroepflevoland" of the Twitter handle: the outlet's own name wins
    ("@omroepflevoland", "https://www.omroepflevoland.nl/nieuws/8123/dijk", "", "Omroep Flevoland"),
    # a site the outlet table does not know is named as its <title> suffix spells it
    ("@dtvnieuws", "https://www.dtvnieuws.nl/nieuws/8123/dijk", " | DTV Nieuws", "DTV Nieuws"),
])
def test_a_twitter_handle_is_not_the_site_name(tmp_path, handle, address, suffix, source):
    (tmp_path / "page.html").write_text(
        f'<html><head><title>Dijk bij Lelystad wordt twee meter hoger{suffix}</title>'
        f'<meta name="twitter:site" content="{handle}"><link rel="canonical" href="{address}">'
        '<meta property="article:published_time" content="2025-03-04T10:00:00+01:00"></head><body><main><article>'
        '<h1>Dijk bij Lelystad wordt twee meter hoger</h1><p>De dijk langs het Markermeer bij Lelystad wordt de '
        'komende drie jaar twee meter hoger gemaakt.</p><p>Het waterschap begint in mei met de eerste kilometer. '
        'Fietsers moeten dan omrijden over de Houtribweg.</p></article></main></body></html>', encoding="utf-8")
    assert only(load_articles([tmp_path / "page.html"])).source == source


def test_a_copied_page_with_the_nos_nieuws_logo_line_is_nos(tmp_path):
    (tmp_path / "kopie.txt").write_text(
        "Ga naar hoofdinhoud\nNOS Nieuws\nNieuws\nSport\nBinnenland\nDijk bij Lelystad wordt twee meter hoger\n"
        "dinsdag 4 maart 2025, 10:00\nDe dijk langs het Markermeer bij Lelystad wordt de komende drie jaar twee meter "
        "hoger gemaakt.\nHet waterschap begint in mei met de eerste kilometer.\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "kopie.txt"]))
    assert (article.source, article.date) == ("NOS", "2025-03-04")


@pytest.mark.parametrize(("address", "source"), [
    ("https://www.focus-wtv.be/nieuws/brugge-nieuwe-fietsbrug", "Focus-WTV"),
    ("https://nieuws.vtm.be/binnenland/brugge-nieuwe-fietsbrug", "VTM Nieuws"),
    ("https://www.hartvannederland.nl/nieuws/brugge-nieuwe-fietsbrug", "Hart van Nederland"),
    ("https://www.ijmuidercourant.nl/brugge-nieuwe-fietsbrug", "IJmuider Courant"),
])
def test_a_regional_or_smaller_outlet_is_named_by_its_host(tmp_path, address, source):
    """Regional television and smaller papers of Flanders and the Netherlands are named, not left as a host."""
    (tmp_path / "clip.md").write_text(
        f"---\ncreated: 2025-04-14T20:02:11 (UTC +02:00)\ntags: []\nsource: {address}\n---\n\n"
        "# Brugge krijgt een nieuwe fietsbrug over de Reie\n\n"
        "Over de Reie in Brugge komt een nieuwe fietsbrug. Ze moet in 2026 klaar zijn.\n", encoding="utf-8")
    assert only(load_articles([tmp_path / "clip.md"])).source == source


@pytest.mark.parametrize(("name", "source", "last"), [
    # a web clipper's source address at a host other than the outlet's name: rtl.nl is RTL Nieuws, gld.nl Omroep
    # Gelderland
    ("markdownload-rtl-host.md", "RTL Nieuws", "vragen om snel een rekening te betalen."),
    ("markdownload-gld-host.md", "Omroep Gelderland", "door een kapotte motor."),
    # the source line under a record's text, on its own line of a text with single line breaks: the agency in it
    # wins over the site's field, and the line is no text
    ("trafilatura-closing-source-line.json", "ANP", "korter geworden door nieuwe scanners."),
    ("scraper-closing-agency-line.json", "Belga", "waar mogelijk thuis te werken."),
])
def test_the_source_from_a_host_or_a_closing_source_line(name, source, last):
    article = only(load_articles([LAYOUTS / name]))
    assert article.source == source and article.body.endswith(last)


@pytest.mark.parametrize(("name", "source"), [("NOS Nieuws", "NOS"), ("NOS Sport", "NOS"), ("Belga Sport", "Belga"),
                                              ("RTL Nieuws", "RTL Nieuws"), ("hln news", "HLN"),
                                              ("Binnenland Nieuws", None), ("Het Nieuws", None)])
def test_a_logo_with_a_word_of_its_brand_names_the_outlet(name, source):
    from newsdigest.metadata import outlet

    assert outlet(name) == source


def test_a_subtitle_files_cues_leave_the_text_and_none_of_what_was_said_is_lost(tmp_path):
    said = ["De nieuwe fietsbrug over de Waal is open.", "Fietsers zijn er tien minuten sneller", "in het centrum.",
            "De brug kostte veertig miljoen euro."]
    cues = [("00:00:00,000", "00:00:03,200", said[:1]), ("00:00:03,200", "00:00:06,900", said[1:3]),
            ("00:00:06,900", "00:00:09,000", said[3:])]
    srt = "\n\n".join(f"{number}\n{start} --> {end}\n" + "\n".join(text)
                       for number, (start, end, text) in enumerate(cues, 1))
    (tmp_path / "a.txt").write_text(f"Titel: Fietsbrug over de Waal open\nOmroep: Omroep Gelderland\n"
                                    f"Uitzenddatum: 3 juni 2025\n\nWEBVTT\n\n{srt}\n", encoding="utf-8")
    article = only(load_articles([tmp_path / "a.txt"]))
    assert (article.title, article.date, article.source) == ("Fietsbrug over de Waal open", "2025-06-03",
                                                             "Omroep Gelderland")
    assert article.body.split() == " ".join(said).split()


def test_a_liveblogs_times_before_its_posts_stay_where_a_transcripts_time_codes_go(tmp_path):
    posts = "[12:04] De premier is op weg naar de koning.\n[12:10] De Kamer vergadert om 14 uur.\n" \
            "[12:31] De oppositie wil verkiezingen.\n"
    (tmp_path / "live.txt").write_text(f"Kabinet gevallen\n\n{posts}", encoding="utf-8")
    (tmp_path / "said.txt").write_text(f"Kabinet gevallen\n\n{posts.replace('[12:', '[00:')}", encoding="utf-8")
    live, said = (only(load_articles([tmp_path / name])) for name in ("live.txt", "said.txt"))
    assert (live.body, said.body) == (posts.strip(), "\n".join(line[8:] for line in posts.strip().splitlines()))


def test_a_sign_off_closes_a_forward_only_under_its_article(tmp_path):
    """Under a forwarded article the sender's "Groet, Henk" goes to the note; in a plain article a closing line that
    greets stays text."""
    article = "De Gelderlander\n\nBrand in Pesse verwoest schuur\n\n" + _FIRST + "\n\nGroet, Henk\n"
    (tmp_path / "fw.txt").write_text("Van: Henk Smit <h@example.nl>\nVerzonden: dinsdag 5 maart 2024 10:00\n"
                                     "Onderwerp: FW: brand\n\nHoi allemaal,\n\nZie hieronder.\n\nGroet,\nMarleen\n\n"
                                     + article, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(article, encoding="utf-8")
    forwarded, plain = (only(load_articles([tmp_path / name])) for name in ("fw.txt", "plain.txt"))
    assert (forwarded.title, forwarded.body.startswith(_FIRST), "Groet" in forwarded.body) == (
        "Brand in Pesse verwoest schuur", True, False)
    assert forwarded.extra["note"].endswith("Groet, Henk") and plain.body.endswith("Groet, Henk")


@pytest.mark.parametrize(("name", "title", "date", "source", "url", "first"), [
    # Chrome's "Webpagina, één bestand": quoted-printable, the page among frames chosen by the address it was saved from
    ("Heerlen krijgt eerste nachtbus naar Maastricht _ De Limburger.mhtml", "Heerlen krijgt eerste nachtbus naar Maastricht",
     "2025-03-04", "De Limburger", "https://www.limburger.nl/cnt/dmf20250304_94512877",
     "Vanaf 4 april rijdt er in het weekend een nachtbus tussen Heerlen en Maastricht."),
    # Internet Explorer's web archive: base64 in windows-1252, the page named by `start`, no canonical link
    ("Enschede opent overdekte fietsenstalling aan de Oude Markt.mht",
     "Enschede opent overdekte fietsenstalling aan de Oude Markt", "2016-09-22", "Tubantia",
     "http://www.tubantia.nl/regio/enschede/enschede-opent-overdekte-fietsenstalling-aan-de-oude-markt~a3f19c02/",
     "Onder de Oude Markt in Enschede is donderdag een overdekte fietsenstalling voor achthonderd fietsen geopend."),
])
def test_a_page_saved_as_one_mhtml_file_is_read_as_the_page_it_holds(tmp_path, name, title, date, source, url, first):
    (tmp_path / "bewaard").mkdir()
    (tmp_path / "bewaard" / name).write_bytes((LAYOUTS / name).read_bytes())
    article = only(load_articles([tmp_path]))  # picked up from a folder as .html is
    assert (article.title, article.date, article.source, article.url) == (title, date, source, url)
    assert article.body.startswith(first) and "Advertentie" not in article.body and "Content-" not in article.body
    assert article.extra["saved"] != article.date  # the message's Date: is when it was saved


def test_an_mhtml_file_without_a_web_page_is_one_failure_naming_it(tmp_path):
    path = tmp_path / "leeg.mhtml"
    path.write_bytes(b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary=\"b\"\r\n\r\n"
                     b"--b\r\nContent-Type: text/css\r\nContent-Location: https://example.nl/a.css\r\n\r\nbody{}\r\n--b--\r\n")
    [failure] = load_articles([path])
    assert isinstance(failure, Failure) and failure.error == f"{path}: an MHTML file without a web page in it"


@pytest.mark.parametrize(("name", "title", "date", "source", "first", "chrome"), [
    # layout tables nested, flattened by extraction; the site's name before the headline in <title> and in the
    # copyright line; windows-1252 and CRLF
    ("oldambt-layout-table-nested.html", "Kerk in Nieuw-Beerta krijgt nieuwe bestemming als dorpshuis", "2019-11-06",
     "Oldambt Actueel", "De Hervormde kerk in Nieuw-Beerta wordt een dorpshuis.",
     ["Voorpagina", "Meest gelezen", "Weerbericht", "Bel 0597", "Copyright", "Geplaatst op"]),
    # one layout table; the site's name before the headline in <title> and in the logo's alt text; readers' comments
    ("sliedrecht-layout-table-comments.html", "Nieuwe loopbrug over de Merwedehaven open", "2024-06-14",
     "Sliedrecht Vandaag", "De nieuwe loopbrug over de Merwedehaven in Sliedrecht is vrijdagmiddag geopend.",
     ["Home | Nieuws", "Laatste nieuws", "Waterstand", "reacties", "verlichting", "tips@"]),
])
def test_a_page_laid_out_in_tables_is_read_as_the_cell_with_its_article(name, title, date, source, first, chrome):
    article = only(load_articles([LAYOUTS / name]))
    assert (article.title, article.date, article.source) == (title, date, source)
    assert article.body.startswith(first) and not [line for line in chrome if line in article.body]
    assert "\n\n" in article.body  # the cell's paragraphs stay paragraphs


def test_the_readers_comments_under_a_page_go_to_extra():
    article = only(load_articles([LAYOUTS / "sliedrecht-layout-table-comments.html"]))
    assert article.body.endswith("Burgemeester Ton Aafjes knipte het lint door.")
    assert article.extra["comments"].startswith("Jan K. 14-06-2024 17:12\nMooie brug, maar waarom geen verlichting?")

"""Accuracy on the held-out sets, each written by another author with a truth manifest.

tests/data/heldout/ is the set the readers were tuned on. heldout2-4 were written blind (by authors who
never read the reader code) and scored 53-60%, 87-93.5% and 80-89% per field when first measured on the
code of their day (their *_MEASUREMENT.txt files), before the general causes of their misses were fixed;
they now read every field right, and the thresholds leave one miss per field. heldout5 was written blind
and never used for a fix: it scored 95.5-100% per field blind, and 100% on every field since the bold intro
fixed for heldout15 (fixhtml); its threshold leaves one miss (43/44). heldout6 was written blind
and scored 88.6% title, 84.1% date, 81.8% source, 88.6% first sentence on 7c979ab (BLIND_MEASUREMENT.txt);
its misses were fixed by family and it now reads every field right (tuned on it, so no longer blind).
heldout7 was written blind as a realistic mix (a third less common habits) and measured once on bca9e18:
84.2% / 76.3% / 78.9% / 73.7% (BLIND_MEASUREMENT.txt); its misses were fixed by family on heldoutfix7
and it now reads every field right (tuned on it). heldout8, the same kind of mix, was measured once on
the day's final readers (8673a08): 94.7% / 86.8% / 86.8% / 86.8% (BLIND_MEASUREMENT.txt); its misses were
fixed by family on fix8 and it now reads every field right (tuned on it). The thresholds of heldout6-8
leave one miss per field.
heldout9, the same kind of mix, was measured blind once on fcd8abd: 81.0% / 76.2% / 69.0% / 71.4%
(BLIND_MEASUREMENT.txt); its misses were then fixed by family on fix9 (tuned on it, so no longer blind)
and its threshold leaves one miss below its lowest field. heldout10, the same kind of mix, was measured blind
on fcd8abd (90.5% / 81.0% / 81.0% / 76.2%) and again on the code after the heldout8, heldout9 and real-page
rounds (90.5% / 85.7% / 85.7% / 81.0%, BLIND_MEASUREMENT.txt) before anything was fixed for it. Its misses
were then fixed by family on fix10text (copied pages, clippings, wire headers, Nexis Uni) and fix10rec (JSON,
Markdown and web-page families), tuned on it, so no longer blind: it reads 97.6% on every field, and heldout9
rose to 97.6% / 97.6% / 97.6% / 92.9%; both thresholds leave one miss below the lowest field. heldout11, the
same kind of mix, was measured blind once on the code after all of that (0014c93): 81.4% / 67.4% / 83.7% / 69.8%
(BLIND_MEASUREMENT.txt). Its JSON, Markdown and web-page misses were then fixed by family on fix11rec (tuned on
it, so no longer blind): 86.0% / 88.4% / 90.7% / 86.0%, and its plain-text misses on fix11text (press-database
covers, forwards, copied pages' menus, lynx dumps, pdftotext pages, tuned on it too): it reads 100% on every
field, and the same fixes lifted heldout9 to 100% / 100% / 100% / 97.6% and heldout10 to 100% on every field.
The thresholds of heldout9-11 leave one miss below their lowest field (heldout9 40/42, heldout10 41/42,
heldout11 42/43); the player titles fixed for heldout14 (fixhtml) lifted heldout9 to 100%, and its threshold to
41/42.
heldout12, the same kind of mix with three quarters everyday cases, was measured blind once on the final
readers of the day (3c3ba67): 95.0% / 90.0% / 97.5% / 85.0% (BLIND_MEASUREMENT.txt). Its misses were then fixed
by family on fix12 (Hugo JSON front matter, a byline with a written date, "Geschreven door", a byline block
under the lead, GoPress Academic's print header, a teaser field, Nexis Uni's Highlight; tuned on it, so no
longer blind): it reads 100% on every field, and its threshold leaves one miss below that (39/40).
heldout13, written blind in a short round (three quarters everyday), was measured once on the final readers
(077e855): 93.5% / 90.3% / 87.1% / 90.3% (BLIND_MEASUREMENT.txt); one family was fixed after (a headline that
trafilatura takes for the site name), giving 93.5% / 90.3% / 90.3% / 90.3%. Its other misses were then fixed by
family on fix13 (forwards with a signed note, a clipping's closing reference, e-paper running heads and the block
under the headline, teasers above a page's headline; tuned on it, so no longer blind): it reads 100% on every field,
and its threshold leaves one miss below that (30/31).
heldout14 (three quarters everyday, leaning to saved pages of less common outlets and plain text) was measured
blind once on 88242f2, the readers at the start of stop 18: 90.2% / 92.7% / 87.8% / 82.9% (BLIND_MEASUREMENT.txt).
heldout15 (three quarters everyday, leaning to what tools and people write: scraper JSON, note apps, forwards,
clippings, wire copy, transcripts) was measured blind once on 88242f2, the readers at the start of stop 18:
87.8% / 87.8% / 85.4% / 80.5% (BLIND_MEASUREMENT.txt). Their Markdown misses were then fixed by family on fixmd
(Logseq pages, a web clipper's caption under the opening photo, a Zotero note's text heading; tuned on them, so
no longer blind): heldout14 92.7% / 95.1% / 90.2% / 87.8%, heldout15 90.2% / 90.2% / 87.8% / 87.8%. With the
plain-text and page families of fix13 (not tuned on them; four of their files read to mend regressions) they read
97.6% / 95.1% / 92.7% / 95.1% and 92.7% / 95.1% / 92.7% / 92.7%. Their web-page misses were fixed by family on
fixhtml (a <time datetime> under the headline whose text has no year, a bold intro outside the text's block;
tuned on them), and with the Nexis Uni reader (not tuned on them) they read 100% / 100% / 95.1% / 97.6% and
92.7% / 95.1% / 92.7% / 95.1%. Their last misses, all plain text, were fixed by family on fixtext (e-paper running
heads with a regional section, radio players' lines, a copied page's logo, forwards under nested notes, hurried
clipping references, GoPress's labelled edition line, wire headers with the desk's subject line, broadcast
transcripts; each with invented test articles of its own, tuned on them): both read 100% on every field, and their
thresholds are that.
heldout16 and heldout17, the last sets of stop 18, were written blind as representative everyday mixes (saved
pages, RSS/Atom feeds, front matter, JSON records, plain text) while the fixes above were made, and measured once
on the readers with all of them (1882e33): heldout16 97.8% / 97.8% / 100% / 97.8%, heldout17 97.7% / 93.0% /
95.3% / 90.7% (BLIND_MEASUREMENT.txt). Their misses were then fixed by family on fix17 (saved .eml mails, a
plain lead the text goes on from, a copied page's skip link and update line, labelled lines in Markdown notes,
outlets' other hosts and a closing source line), each with invented test articles of its own, so both are now
tuned on, no longer blind: 100% on every field. Their thresholds leave one miss below that (44/45 and 42/43).
heldout18 ("what a Dutch media-monitoring desk collects in a week") and heldout19 ("the folders of a Brussels analyst,
a data journalist and a local-history volunteer"), three quarters everyday, were written blind in stop 19 and
measured once on b4eab70: heldout18 84.8% / 89.1% / 82.6% / 82.6%, heldout19 93.3% / 95.6% / 91.1% / 88.9%
(BLIND_MEASUREMENT.txt). Their misses were then fixed by family (Scrapy's .jl, Dutch export keys, a crawl's
enrichment block, Markdown links as values, Twitter handles as site names, and the plain-text families of fixtext2
and fixtext3), each with invented test articles of its own, so both are tuned on, no longer blind: 100% on every
field. Their thresholds leave one miss below that (45/46 and 44/45).
heldout20 (a representative everyday mix) and heldout21 (a Flemish-Dutch research desk's week) were written blind
while those fixes were made and measured once on the readers with all of them (6c169a4): heldout20 91.3% / 87.0% /
91.3% / 84.8%, heldout21 86.0% / 90.7% / 86.0% / 88.4% (BLIND_MEASUREMENT.txt). Their misses were then fixed by
family on fixweb (a page's header lines, MHTML saves, table-layout sites, Google Alerts), fixrec (NewsAPI.ai, Apify,
Notion dates) and fixtext4 (wire mastheads, press-database app copies, newsletters, transcripts, forwards' papers,
glued bylines), each with invented test articles of its own: both read 100% on every field (tuned on, no longer
blind; thresholds with one miss of margin).
heldout22 (a new user's first folder) and heldout23 (a media-studies project), three quarters everyday, were written
blind while those fixes were made and measured once on the final readers of stop 19 (504ad0f): heldout22 95.6% /
97.8% / 97.8% / 97.8%, heldout23 97.8% / 100% / 95.7% / 97.8% (BLIND_MEASUREMENT.txt): both reach the 95% aim on
every field. Nothing was fixed for them: they stay blind, and their thresholds are the aim itself, 0.95.
heldout24 (a regional editor's desk) and heldout25 (an NGO's policy team and a fact-checker) were written blind at the
end of stop 19 and measured once on its final readers (5a6b855): heldout24 100% / 100% / 95.7% / 100% (at the aim),
heldout25 86.7% / 84.4% / 91.1% / 84.4% (short of it: a Talkwalker export, wire desk codes, a GoPress search header,
a newsletter's preamble, an Apple Mail forward's Kopie: line). Nothing was fixed for them either: they stay blind;
heldout24's threshold is the aim, heldout25's what it reads. heldout22-25 together, 182 articles never tuned on:
95.1% / 95.6% / 95.1% / 95.1%.
"""

import sys

import pytest
from tests_helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from heldout import SETS, score  # noqa: E402

LEAST = {"heldout": 0.95, "heldout2": 0.97, "heldout3": 0.97, "heldout4": 0.97, "heldout5": 0.97, "heldout6": 0.97,
         "heldout7": 0.97, "heldout8": 0.97, "heldout9": 0.97, "heldout10": 0.97,
         "heldout11": 0.97, "heldout12": 0.97, "heldout13": 0.96,
         "heldout14": 0.97, "heldout15": 0.97,
         "heldout16": 0.97, "heldout17": 0.97,
         "heldout18": 0.97, "heldout19": 0.97,
         "heldout20": 0.97, "heldout21": 0.97,
         "heldout22": 0.95, "heldout23": 0.95, "heldout24": 0.95, "heldout25": 0.84}


def test_every_set_is_scored():
    assert [folder.name for folder in SETS] == list(LEAST)


@pytest.mark.parametrize("folder", SETS, ids=[folder.name for folder in SETS])
def test_title_date_source_and_first_sentence_are_right(folder):
    accuracy, misses = score(folder)
    assert min(accuracy.values()) >= LEAST[folder.name], "\n".join(misses)

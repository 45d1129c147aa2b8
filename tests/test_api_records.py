"""JSON from news APIs and crawlers in the shapes their users save: Event Registry (NewsAPI.ai) answers, Apify's
Website Content Crawler datasets, and a Notion page whose researcher filled in the article's date.

The files in tests/data/layouts/ are invented articles written in those shapes. What the tool adds (when it found
or crawled the page, when the note was made, the page's headline and byline again above its text) is metadata,
never the publication date or text to translate.
"""

import json

import pytest

from newsdigest import Article, load_articles
from tests_helpers import LAYOUTS, only


def _read(path):
    items = list(load_articles([path]))
    assert all(isinstance(item, Article) for item in items), items
    return items


# -- Event Registry (NewsAPI.ai) ------------------------------------------------------------------------------

def test_event_registry_search_results_are_read_by_their_publication_time_and_flagged_agency():
    first, second = _read(LAYOUTS / "newsapi-ai-search-results.json")
    # "date"/"time"/"dateTime" say when Event Registry found it (the next morning); "dateTimePub", 22:45 UTC,
    # is 23:45 in Brussels on the day before
    assert (first.title, first.date, first.time, first.source, first.author) == (
        "Leuven sluit Ladeuzeplein voor auto's tijdens de examens", "2025-03-04", "23:45", "De Standaard",
        "Bart Peeters")
    assert first.body.startswith("Het Ladeuzeplein in Leuven wordt vanaf juni autovrij tijdens de examenperiodes.")
    assert first.extra["dateTime"] == "2025-03-05T06:02:10Z" and first.extra["lang"] == "nld"
    # an author Event Registry flags as an agency is the source, before the site that ran its copy
    assert (second.source, second.date, second.time) == ("Persbureau Novum", "2025-03-05", "09:50")


@pytest.mark.parametrize("shape", ["search", "stream", "by uri"])
def test_every_event_registry_answer_holds_its_articles(tmp_path, shape):
    article = json.loads((LAYOUTS / "newsapi-ai-search-results.json").read_text(encoding="utf-8"))["articles"][
        "results"][0]
    answer = {"search": {"articles": {"results": [article], "totalResults": 1, "page": 1, "pages": 1}},
              "stream": {"recentActivityArticles": {"activity": [article], "newestUri": {"news": article["uri"]}}},
              "by uri": {article["uri"]: {"info": article}}}[shape]
    (tmp_path / "er.json").write_text(json.dumps(answer), encoding="utf-8")
    read = only(load_articles([tmp_path / "er.json"]))
    assert (read.title, read.date, read.source) == (article["title"], "2025-03-04", "De Standaard")


# -- Apify Website Content Crawler ----------------------------------------------------------------------------

def test_apify_website_content_crawler_items_are_dated_by_the_page_never_by_the_crawl():
    first, second = _read(LAYOUTS / "apify-website-content-crawler.json")
    # the Open Graph tags kept as a list of pairs: published 22:40 UTC is 00:40 the next day in Eindhoven
    assert (first.title, first.date, first.time, first.source) == (
        "Eindhoven krijgt eerste fietsparkeergarage onder het water", "2025-04-18", "00:40", "Omroep Brabant")
    assert first.extra["updated"] == "2025-04-18T07:10:00Z"
    # no page metadata with a date: the byline row under the headline gives the reporter and the day
    assert (second.title, second.date, second.source, second.author) == (
        "Breda schrapt helft van de parkeerplaatsen op de Haven", "2025-04-16", "BN DeStem", "Koen Verhoeven")


def test_apify_text_opens_with_the_first_sentence_a_line_a_paragraph():
    first, second = _read(LAYOUTS / "apify-website-content-crawler.json")
    assert first.body.split("\n\n")[:2] == [
        "Onder de Dommel in het centrum van Eindhoven komt een fietsenstalling voor 2500 fietsen. Het is de eerste "
        "stalling in Nederland die helemaal onder een rivier ligt.",
        "De bouw begint na de zomer en duurt twee jaar. De gemeente betaalt 18 miljoen euro, de provincie draagt "
        "4 miljoen bij."]
    assert second.body.startswith("De helft van de parkeerplaatsen op de Haven in Breda verdwijnt.")
    assert "16-04-25" not in second.body and "Koen Verhoeven" not in second.body


def test_apify_json_ld_dates_the_page_and_names_its_publisher(tmp_path):
    item = json.loads((LAYOUTS / "apify-website-content-crawler.json").read_text(encoding="utf-8"))[1]
    item["text"] = item["text"].replace("Koen Verhoeven 16-04-25, 18:30\n", "")
    item["metadata"]["openGraph"] = []
    item["metadata"]["jsonLd"] = [
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Breda schrapt parkeerplaatsen",
         "datePublished": "2025-04-16T16:30:00.000Z", "publisher": {"@type": "Organization", "name": "BN DeStem"}}]
    (tmp_path / "dataset.json").write_text(json.dumps([item]), encoding="utf-8")
    article = only(load_articles([tmp_path / "dataset.json"]))
    assert (article.date, article.time, article.source) == ("2025-04-16", "18:30", "BN DeStem")


def test_a_text_wrapped_at_a_width_stays_one_paragraph(tmp_path):
    wrapped = ("De gemeente Breda haalt de helft van de parkeerplaatsen op de\nHaven weg. Op de vrijgekomen plek "
               "komen bomen, bankjes en\neen terras aan het water. Ondernemers zijn bang dat klanten\nwegblijven.")
    (tmp_path / "a.json").write_text(json.dumps({"title": "Breda", "text": wrapped}), encoding="utf-8")
    assert "\n\n" not in only(load_articles([tmp_path / "a.json"])).body


# -- Notion ---------------------------------------------------------------------------------------------------

def test_a_notion_page_is_dated_by_the_article_date_its_researcher_filled_in():
    article = only(load_articles([LAYOUTS / "notion-datum-artikel 5d2c8e1fa4b34e07b9c61d3a8f0e2b47.md"]))
    assert (article.title, article.date, article.source) == (
        "Gent legt knip in de Kortrijksesteenweg", "2025-02-26", "Het Nieuwsblad")
    assert article.extra["Created"] == "March 3, 2025 8:41 AM" and article.extra["updated"] == "March 4, 2025 2:15 PM"
    assert article.body.startswith("De stad Gent knipt de Kortrijksesteenweg vanaf april door")


@pytest.mark.parametrize("property", ["Datum: 26 februari 2025", "Article date: February 26, 2025",
                                      "Publicatiedatum: 26-02-2025", "Artikeldatum: 2025-02-26"])
def test_notions_created_time_gives_way_to_any_date_property(tmp_path, property):
    (tmp_path / "page.md").write_text(f"# Gent legt knip in de Kortrijksesteenweg\n\nCreated: March 3, 2025 8:41 AM\n"
                                      f"{property}\nStatus: Gelezen\n\nDe stad Gent knipt de steenweg door.\n",
                                      encoding="utf-8")
    assert only(load_articles([tmp_path / "page.md"])).date == "2025-02-26"

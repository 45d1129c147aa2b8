"""Reading articles: the Dutch news layout, Markdown, HTML, JSON, JSON lines, folders, encodings."""

import json

import pytest

from newsdigest import Article, Failure, InputSettings, load_articles
from tests_helpers import EXAMPLES, ROOT


def only(items):
    [item] = list(items)
    return item


def test_news_layout_header_becomes_metadata_and_body_is_complete():
    article = only(load_articles([EXAMPLES / "articles" / "fietsenstalling-utrecht.txt"]))
    assert (article.title, article.date, article.time, article.source) == (
        "Grootste fietsenstalling ter wereld bijna vol", "2019-02-16", "12:19", "ANP")
    raw = (EXAMPLES / "articles" / "fietsenstalling-utrecht.txt").read_text(encoding="utf-8")
    assert raw.split("Bron: ANP\n", 1)[1].strip() == article.body
    assert "Nieuwe plannen" in article.body and "- een extra stalling" in article.body


@pytest.mark.parametrize(("text", "title", "date", "time", "source"), [
    ("„Kabinet valt” - NOS\n3 maart 2021\n\nTekst.", "Kabinet valt", "2021-03-03", None, "NOS"),
    ("Titel\nzaterdag 16 februari 2019, 12:19\nBron: Reuters\n\nTekst.", "Titel", "2019-02-16", "12:19", "Reuters"),
    ("Titel\n2019-02-16\n14.30 uur\n\nTekst.", "Titel", "2019-02-16", "14:30", None),
    ("Op 3 maart 2021 besloot de raad om te stoppen. Dat was laat.", None, None, None, None),
    # a 12-hour clock, and one with its zone as press databases write it (23:40 GMT: 00:40 in Amsterdam)
    ("Titel\n27 maart 2024 11:40 PM\n\nDe raad stemde in met het plan.", "Titel", "2024-03-27", "23:40", None),
    ("Titel\nMarch 27, 2024 Wednesday 11:40 PM GMT\n\nDe raad stemde in met het plan van de wethouder.", "Titel",
     "2024-03-28", "00:40", None),
    ("Titel\n27 maart 2024 12:05 AM\n\nDe raad stemde in met het plan.", "Titel", "2024-03-27", "00:05", None),
])
def test_header_variants(tmp_path, text, title, date, time, source):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = only(load_articles([path]))
    assert (article.title, article.date, article.time, article.source) == (title, date, time, source)
    assert article.body.endswith(".")


def test_markdown_title_meta_and_subheadings():
    article = only(load_articles([EXAMPLES / "articles" / "waterschap-dijkversterking.md"]))
    assert article.title.startswith("Waterschap begint met versterking")
    assert (article.date, article.source) == ("2021-03-03", "Regionaal Dagblad")
    assert "Waarom de dijk sterker moet" in article.body and "#" not in article.body


def test_html_main_text_without_scripts_styles_or_navigation():
    article = only(load_articles([EXAMPLES / "articles" / "bibliotheek-openingstijden.html"]))
    assert article.title == "Bibliotheken langer open in het weekend"
    assert (article.date, article.time, article.source) == ("2022-10-08", "09:45", "Stadsnieuws")
    for unwanted in ("tracking", "font-family", "Home", "Alle rechten"):
        assert unwanted not in article.body
    assert article.body.startswith("De openbare bibliotheken") and "Ook meer activiteiten" in article.body


def test_json_and_jsonl_with_configured_fields(tmp_path):
    records = [{"kop": "Eerste", "tekst": "Een zin.", "datum": "2020-05-01T10:00:00", "link": "https://x/1"},
               {"kop": "Tweede", "tekst": "Nog een zin."}]
    (tmp_path / "a.json").write_text(json.dumps({"articles": records}), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    settings = InputSettings(title_field="kop", body_field="tekst", date_field="datum", url_field="link")
    items = list(load_articles([tmp_path / "a.json", tmp_path / "b.jsonl"], settings))
    assert [(a.path.rsplit("/", 1)[1], a.title, a.date, a.time, a.url) for a in items] == [
        ("a.json#1", "Eerste", "2020-05-01", "10:00", "https://x/1"), ("a.json#2", "Tweede", None, None, None),
        ("b.jsonl:1", "Eerste", "2020-05-01", "10:00", "https://x/1"), ("b.jsonl:2", "Tweede", None, None, None)]


@pytest.mark.parametrize(("content", "message"), [
    ('{"title": "x"}', "no article text (a field such as text, body, content, tekst; set input.body_field"),
    ('{"body": 42}', "field 'body' must be a string, got int"),
    ('{"body": "x", "title": ["a", "b"]}', "field 'title' must be a string, got list"),
    ('[1, 2', "invalid JSON (line 1"),
    ('"just a string"', "expected a JSON object, got str"),
])
def test_bad_json_gives_a_failure_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    failure = only(load_articles([path]))
    assert isinstance(failure, Failure) and failure.error.startswith(str(path)) and message in failure.error


def test_folders_are_read_recursively_with_include_patterns(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "een.txt").write_text("Een artikel.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "twee.md").write_text("# Titel\n\nTwee.", encoding="utf-8")
    (tmp_path / "sub" / "plaatje.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".verborgen.txt").write_text("Nee.", encoding="utf-8")
    names = [a.path.rsplit("/", 1)[1] for a in load_articles([tmp_path])]
    assert names == ["een.txt", "twee.md"]
    only_md = [a.path.rsplit("/", 1)[1] for a in load_articles([tmp_path], InputSettings(include=["*.md"]))]
    assert only_md == ["twee.md"]


def test_common_crawl_wet_files_in_a_folder_are_read_by_default(tmp_path):
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "CC-MAIN-part.warc.wet").write_bytes((ROOT / "tests/data/layouts/common-crawl.warc.wet")
                                                               .read_bytes())
    pages = [item for item in load_articles([tmp_path]) if isinstance(item, Article)]
    assert len(pages) == 2 and all(page.path.startswith(str(tmp_path / "crawl" / "CC-MAIN-part.warc.wet#"))
                                   for page in pages)


def test_other_encodings_are_detected(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Het café in Zürich is geopend. Één van de beste cafés van de stad.".encode("cp1252"))
    article = only(load_articles([path]))
    assert isinstance(article, Article) and "café" in article.body and "Één" in article.body


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty file"), (b"   \n\t\n", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not text"),
])
def test_unusable_files_give_failures(tmp_path, data, message):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    failure = only(load_articles([path]))
    assert failure == Failure(str(path), f"{path}: {message}" + (", nothing to do" if message == "empty file" else ""))


def test_standard_input(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Titel\n\nDe tekst.".encode())))
    article = only(load_articles(["-"]))
    assert (article.path, article.title, article.body) == ("<stdin>", "Titel", "De tekst.")


def test_a_file_named_twice_or_also_inside_a_named_folder_is_read_once(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Titel A\n\nDe gemeente onderzoekt twee opties.")
    (folder / "b.txt").write_text("Titel B\n\nHet museum blijft langer open.")
    monkeypatch.chdir(tmp_path)
    items = list(load_articles(["in/a.txt", "./in/a.txt", str(folder / "a.txt"), "in"]))
    assert [item.title for item in items] == ["Titel A", "Titel B"]

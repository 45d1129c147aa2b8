"""`newsdigest digest` over examples/: formats, cache, failures, atomicity.

One run goes end to end on the tiny models; the others test the orchestration on fake models
(the fake_models fixture), which is what they are about, in a fraction of the time.
"""

import json
import shutil
from html.parser import HTMLParser

import pytest

from newsdigest.cli import ExitStatus
from tests_helpers import EXAMPLES, invoke, invoke_tiny

RECORD_KEYS = {"path", "title", "date", "time", "source", "summary", "translation", "error"}


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES / "articles", folder)
    return folder


def digest(*args):
    return invoke("digest", *args)


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts = [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.scripts += tag == "script"


def test_json_digest_has_signature_and_one_record_per_article(models, articles, tmp_path):
    out = tmp_path / "digest.json"
    result = invoke_tiny(models, "digest", articles, "-o", out)
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text())
    assert set(data) == {"signature", "articles"}
    assert data["signature"]["models"] == {"translation": str(models["marian"]), "summary": str(models["bart"])}
    assert {"newsdigest", "settings", "created"} <= set(data["signature"])
    assert [r["path"].rsplit("/", 1)[1] for r in data["articles"]] == [
        "bibliotheek-openingstijden.html", "fietsenstalling-utrecht.txt", "waterschap-dijkversterking.md"]
    for record in data["articles"]:
        assert RECORD_KEYS <= set(record) and record["error"] is None and record["summary"]
    assert [r["date"] for r in data["articles"]] == ["2022-10-08", "2019-02-16", "2021-03-03"]


def test_markdown_is_the_default_and_has_a_header(fake_models, articles):
    result = digest(str(articles))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# News digest — ") and lines[0].endswith("— 3 articles")
    assert lines[2].startswith("*newsdigest ") and "Helsinki-NLP/opus-mt-nl-en" in lines[2]
    assert sum(line.startswith("## ") for line in lines) == 3


def test_html_is_one_page_that_parses(fake_models, articles, tmp_path):
    out = tmp_path / "digest.html"
    assert digest(str(articles), "-o", str(out), "--include-translation").exit_code == 0
    parser = Collector()
    parser.feed(out.read_text())
    assert parser.tags.count("article") == 3 and parser.tags.count("details") == 3 and parser.scripts == 0


def test_jsonl_and_text(fake_models, articles, tmp_path):
    out = tmp_path / "digest.jsonl"
    assert digest(str(articles), "-o", str(out)).exit_code == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 3 and all(RECORD_KEYS | {"signature"} <= set(line) for line in lines)
    text = digest(str(articles), "--format", "text")
    assert text.exit_code == 0 and text.stdout.startswith("News digest — ")


def test_second_run_comes_from_the_cache(fake_models, articles, tmp_path):
    out = tmp_path / "digest.json"
    assert digest(str(articles), "-o", str(out)).exit_code == 0
    first = json.loads(out.read_text())["articles"]
    (articles / "nieuw.txt").write_text("Een nieuw artikel over de gemeenteraad van Utrecht.", encoding="utf-8")
    assert digest(str(articles), "-o", str(out)).exit_code == 0
    second = json.loads(out.read_text())["articles"]
    assert [r["cached"] for r in second] == [True, True, False, True]
    assert [r["summary"] for r in second if r["cached"]] == [r["summary"] for r in first]
    assert digest(str(articles), "-o", str(out), "--no-cache").exit_code == 0
    assert not any(r["cached"] for r in json.loads(out.read_text())["articles"])


def test_one_broken_article_is_reported_and_the_rest_processed(fake_models, articles, tmp_path):
    (articles / "kapot.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    out = tmp_path / "digest.json"
    result = digest(str(articles), "-o", str(out))
    assert result.exit_code == ExitStatus.PARTIAL
    assert f"newsdigest: error: {articles / 'kapot.txt'}: binary file, not text" in result.stderr.splitlines()
    records = json.loads(out.read_text())["articles"]
    assert [r["error"] is None for r in records] == [True, True, False, True]
    assert records[2]["error"] == f"{articles / 'kapot.txt'}: binary file, not text"


def test_fail_fast_stops_without_writing(fake_models, articles, tmp_path):
    (articles / "aaa.txt").write_bytes(b"")
    out = tmp_path / "digest.md"
    result = digest(str(articles), "-o", str(out), "--fail-fast")
    assert result.exit_code == ExitStatus.INPUT and not out.exists()


def test_interrupted_run_leaves_the_previous_digest_untouched(fake_models, articles, tmp_path, monkeypatch):
    out = tmp_path / "digest.md"
    out.write_text("previous digest\n")

    from newsdigest import stages

    def interrupt(self, records):
        raise KeyboardInterrupt

    monkeypatch.setattr(stages.TranslationStage, "process", interrupt)
    result = digest(str(articles), "-o", str(out))
    assert result.exit_code == ExitStatus.INTERRUPTED
    assert out.read_text() == "previous digest\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".digest")] == []


def test_split_writes_one_safe_file_per_article(fake_models, articles, tmp_path):
    (articles / "evil.json").write_text(json.dumps({"title": "../../etc/passwd", "body": "Tekst van het stuk."}))
    folder = tmp_path / "split"
    result = digest(str(articles), "-o", str(folder), "--split", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4 and all(n.endswith(".md") and "/" not in n and not n.startswith(".") for n in names)
    assert not (tmp_path / "etc").exists()


def test_config_file_in_working_directory_sets_the_format(fake_models, articles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newsdigest.toml").write_text('format = "json"\n[summary]\nstyle = "bullets"\n')
    result = digest(str(articles))
    assert result.exit_code == 0
    assert {r["style"] for r in json.loads(result.stdout)["articles"]} == {"bullets"}
    result = digest(str(articles), "--format", "text", "--style", "headline")
    assert result.exit_code == 0 and result.stdout.startswith("News digest")


def test_folder_without_articles_is_an_input_error(fake_models, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = digest(str(empty), "-o", str(tmp_path / "d.md"))
    assert result.exit_code == ExitStatus.INPUT
    assert result.stderr.startswith(f"newsdigest: error: no articles found in {empty} (patterns: *.txt")
    assert not (tmp_path / "d.md").exists()
